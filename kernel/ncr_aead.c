// SPDX-License-Identifier: GPL-2.0
/*
 * The AEAD class: AES-GCM and ChaCha20-Poly1305, one-shot ENCRYPT and
 * DECRYPT (no sessions: a tag covers the whole message). The tag length is
 * the key's (ncr_key_tag_len), set on its transform once; the nonce is made
 * by the key's policy or read from the caller (ncr_nonce.c).
 *
 * Decryption always runs in one kernel buffer laid out aad | text | tag,
 * filled from user memory before anything is written back, and copies the
 * plaintext out only once the tag verified (GCM writes plaintext to dst
 * before it checks the tag). Encryption of 4 KiB or more runs over pinned
 * user pages.
 */
#include <linux/mm.h>
#include <linux/slab.h>
#include <crypto/aead.h>

#include "ncr_alg.h"
#include "ncr_buf.h"
#include "ncr_class.h"
#include "ncr_crypt.h"
#include "ncr_key.h"
#include "ncr_nonce.h"
#include "ncr_pin.h"

/* Larger aad is rare (TLS uses 13 bytes): it takes the copy path. */
#define NCR_AEAD_ZC_MAX_AAD 512

static void *ncr_aead_tfm_new(const struct ncr_alg *alg,
			      const struct ncr_key *key)
{
	struct crypto_aead *tfm = crypto_alloc_aead(alg->kname, 0, 0);
	int err;

	if (IS_ERR(tfm))
		return tfm;
	err = crypto_aead_setkey(tfm, key->material, key->len);
	if (!err)
		err = crypto_aead_setauthsize(tfm, ncr_key_tag_len(key, alg));
	if (err) {
		crypto_free_aead(tfm);
		return ERR_PTR(err);
	}
	return tfm;
}

static void ncr_aead_tfm_free(void *tfm)
{
	crypto_free_aead(tfm);
}

static int ncr_aead_check_op(const struct ncr_op *o)
{
	return o->u->iv_len != o->alg->iv_len ? -EINVAL : 0;
}

/*
 * Zero-copy encryption: src | dst pinned, the aad and the tag in a small
 * kernel buffer (aad first in both scatterlists, the tag after the text in
 * dst), the tag copied out last, so a tag right after the text (TLS layout)
 * works. 1: not possible here, the caller copies instead.
 */
static int ncr_aead_encrypt_zc(struct ncr_op *o, u8 *iv)
{
	u32 aad = o->u->aad_len, n = o->u->src_len, t = o->u->tag_len;
	bool inplace = o->src == o->dst;
	struct scatterlist *ssg, *dsg;
	struct ncr_pin src, dst;
	struct ncr_buf buf;
	int err;

	if (n < NCR_PIN_MIN_LEN || aad > NCR_AEAD_ZC_MAX_AAD ||
	    (!inplace && !ncr_pin_disjoint(o->src, o->dst, n)))
		return 1;
	err = ncr_buf_alloc(&buf, o->ctx, (size_t)aad + t,
			    ncr_crypt_aead_reqsize(o->tfm));
	if (err)
		return err;
	err = 1;
	if (is_vmalloc_addr(buf.data))	/* not for sg_set_buf */
		goto out_buf;
	err = ncr_buf_from_user(&buf, 0, o->aad, aad);
	if (err)
		goto out_buf;
	err = 1;
	if (ncr_pin_user(&dst, o->ctx, o->dst, n, true))
		goto out_buf;
	if (!inplace && ncr_pin_user(&src, o->ctx, o->src, n, false))
		goto out_dst;
	dsg = ncr_pin_sg(&dst, buf.data, aad, buf.data + aad, t);
	ssg = inplace ? dsg : ncr_pin_sg(&src, buf.data, aad, NULL, 0);
	err = ncr_crypt_aead(o->tfm, buf.req, true, ssg, dsg, aad, n, iv);
	if (!inplace)
		ncr_pin_release(&src);
out_dst:
	ncr_pin_release(&dst);
	if (!err)
		err = ncr_buf_to_user(o->tag, &buf, aad, t);
out_buf:
	ncr_buf_free(&buf);
	return err;
}

/* In one kernel buffer aad | text | tag (decryption always). */
static int ncr_aead_copy(struct ncr_op *o, bool enc, u8 *iv)
{
	u32 aad = o->u->aad_len, n = o->u->src_len, t = o->u->tag_len;
	struct scatterlist *sg;
	struct ncr_buf buf;
	int err;

	err = ncr_buf_alloc(&buf, o->ctx, (size_t)aad + n + t,
			    ncr_crypt_aead_reqsize(o->tfm));
	if (err)
		return err;
	err = ncr_buf_from_user(&buf, 0, o->aad, aad);
	if (!err)
		err = ncr_buf_from_user(&buf, aad, o->src, n);
	if (!err && !enc)
		err = ncr_buf_from_user(&buf, (size_t)aad + n, o->tag, t);
	if (err)
		goto out;
	sg = ncr_buf_sg(&buf);
	if (IS_ERR(sg)) {
		err = PTR_ERR(sg);
		goto out;
	}
	err = ncr_crypt_aead(o->tfm, buf.req, enc, sg, sg, aad,
			     enc ? n : n + t, iv);
	if (err)
		goto out;	/* EBADMSG: dst untouched */
	err = ncr_buf_to_user(o->dst, &buf, aad, n);
	if (!err && enc)
		err = ncr_buf_to_user(o->tag, &buf, (size_t)aad + n, t);
out:
	ncr_buf_free(&buf);
	return err;
}

static int ncr_aead_run_op(struct ncr_op *o)
{
	struct ncrypto_op *u = o->u;
	bool enc = u->op == NCRYPTO_OP_ENCRYPT;
	u8 iv[NCRYPTO_MAX_IV_LEN];
	int err;

	/* one tag length per key (SP 800-38D 5.2.1.2) */
	if (u->tag_len != ncr_key_tag_len(o->key, o->alg))
		return -EINVAL;
	if (u->dst_len < u->src_len) {
		u->dst_len = u->src_len;
		return -ENOSPC;
	}
	err = ncr_nonce_iv(o->key, o->alg, enc, o->iv, iv);
	if (err)
		goto out;
	err = enc ? ncr_aead_encrypt_zc(o, iv) : 1;
	if (err > 0)
		err = ncr_aead_copy(o, enc, iv);
	if (!err)
		u->dst_len = u->src_len;
out:
	memzero_explicit(iv, o->alg->iv_len);
	return err;
}

const struct ncr_class ncr_aead_class = {
	.id = NCRYPTO_CLASS_AEAD,
	.ops = BIT(NCRYPTO_OP_ENCRYPT) | BIT(NCRYPTO_OP_DECRYPT),
	.tfm_new = ncr_aead_tfm_new,
	.tfm_free = ncr_aead_tfm_free,
	.check_op = ncr_aead_check_op,
	.run_op = ncr_aead_run_op,
};
