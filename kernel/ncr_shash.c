// SPDX-License-Identifier: GPL-2.0
/*
 * The shash machinery the hash and MAC classes share: a digest of user
 * memory in one call, and sessions whose state is one shash_desc (cloned by
 * export/import, for TLS transcript hashes).
 */
#include <linux/err.h>
#include <linux/slab.h>
#include <crypto/hash.h>

#include "ncr_alg.h"
#include "ncr_class.h"
#include "ncr_ctx.h"
#include "ncr_crypt.h"
#include "ncr_key.h"
#include "ncr_session.h"
#include "ncr_shash.h"

/* out: crypto_shash_digestsize(tfm) bytes. */
int ncr_shash_digest_user(struct ncr_ctx *ctx, struct crypto_shash *tfm,
			  const void __user *src, u32 len, u8 *out)
{
	SHASH_DESC_ON_STACK(desc, tfm);
	int err;

	desc->tfm = tfm;
	err = crypto_shash_init(desc);
	if (!err)
		err = ncr_crypt_hash_user(ctx, desc, src, len);
	if (!err)
		err = crypto_shash_final(desc, out);
	shash_desc_zero(desc);
	return err;
}

/* Keyed (HMAC): the key's own transform. */
void *ncr_shash_tfm_new(const struct ncr_alg *alg, const struct ncr_key *key)
{
	struct crypto_shash *tfm = crypto_alloc_shash(alg->kname, 0, 0);
	int err;

	if (IS_ERR(tfm))
		return tfm;
	err = crypto_shash_setkey(tfm, key->material, key->len);
	if (err) {
		crypto_free_shash(tfm);
		return ERR_PTR(err);
	}
	return tfm;
}

void ncr_shash_tfm_free(void *tfm)
{
	crypto_free_shash(tfm);
}

static size_t ncr_shash_desc_size(struct crypto_shash *tfm)
{
	return sizeof(struct shash_desc) + crypto_shash_descsize(tfm);
}

int ncr_shash_session_init(struct ncr_session *s, void *tfm, const u8 *iv)
{
	size_t size = ncr_shash_desc_size(tfm);
	struct shash_desc *desc;
	int err;

	err = ncr_session_charge(s, size);
	if (err)
		return err;
	desc = kzalloc(size, NCR_GFP);
	if (!desc) {
		ncr_session_uncharge(s, size);
		return -ENOMEM;
	}
	desc->tfm = tfm;
	s->state_data = desc;
	return crypto_shash_init(desc);
}

int ncr_shash_session_update(struct ncr_session *s, struct ncr_sdata *d)
{
	d->u->dst_len = 0;
	return ncr_crypt_hash_user(s->ctx, s->state_data, d->src,
				   d->u->src_len);
}

/* The last input, then the digest into out. */
int ncr_shash_session_finish(struct ncr_session *s, struct ncr_sdata *d,
			     u8 *out)
{
	int err = ncr_crypt_hash_user(s->ctx, s->state_data, d->src,
				      d->u->src_len);

	return err ? err : crypto_shash_final(s->state_data, out);
}

/* An independent copy of s's running state in n (export/import). */
int ncr_shash_session_clone(struct ncr_session *n, struct ncr_session *s)
{
	struct shash_desc *desc = s->state_data;
	struct crypto_shash *tfm = desc->tfm;
	void *state;
	int err;

	state = kmalloc(crypto_shash_statesize(tfm), NCR_GFP);
	if (!state)
		return -ENOMEM;
	err = ncr_shash_session_init(n, tfm, NULL);
	if (!err)
		err = crypto_shash_export(desc, state);
	if (!err)
		err = crypto_shash_import(n->state_data, state);
	kfree_sensitive(state);
	return err;
}

void ncr_shash_session_free(struct ncr_session *s)
{
	struct shash_desc *desc = s->state_data;

	kfree_sensitive(desc);	/* the running hash or HMAC state */
	s->state_data = NULL;
}
