// SPDX-License-Identifier: GPL-2.0
/*
 * The hash class: DIGEST with SHA-1, SHA-2 and SHA-3, no key, one shared
 * transform per algorithm (ncr_alg_hash_tfm); sessions and clone for TLS
 * transcripts.
 */
#include <linux/string.h>
#include <linux/uaccess.h>

#include "ncr_alg.h"
#include "ncr_class.h"
#include "ncr_session.h"
#include "ncr_shash.h"

static int ncr_hash_check_op(const struct ncr_op *o)
{
	const struct ncrypto_op *u = o->u;

	return u->iv_len || u->aad_len || u->tag_len || u->key ? -EINVAL : 0;
}

/* Write the digest to dst (room checked by the caller). */
static int ncr_hash_put(void __user *dst, const u8 *out, u32 len, u32 *dst_len)
{
	*dst_len = len;
	return copy_to_user(dst, out, len) ? -EFAULT : 0;
}

static int ncr_hash_run_op(struct ncr_op *o)
{
	u32 len = o->alg->out_len;
	u8 out[NCRYPTO_MAX_DIGEST_LEN];
	int err;

	if (o->u->dst_len < len) {
		o->u->dst_len = len;
		return -ENOSPC;
	}
	err = ncr_shash_digest_user(o->ctx, o->tfm, o->src, o->u->src_len,
				    out);
	if (!err)
		err = ncr_hash_put(o->dst, out, len, &o->u->dst_len);
	memzero_explicit(out, sizeof(out));
	return err;
}

static int ncr_hash_session_final(struct ncr_session *s, struct ncr_sdata *d)
{
	u32 len = s->alg->out_len;
	u8 out[NCRYPTO_MAX_DIGEST_LEN];
	int err;

	if (d->u->tag_len)
		return -EINVAL;
	if (d->u->dst_len < len) {
		d->u->dst_len = len;
		return -ENOSPC;
	}
	err = ncr_shash_session_finish(s, d, out);
	if (!err)
		err = ncr_hash_put(d->dst, out, len, &d->u->dst_len);
	memzero_explicit(out, sizeof(out));
	return err;
}

const struct ncr_class ncr_hash_class = {
	.id = NCRYPTO_CLASS_HASH,
	.ops = BIT(NCRYPTO_OP_DIGEST),
	.check_op = ncr_hash_check_op,
	.run_op = ncr_hash_run_op,
	.session_init = ncr_shash_session_init,
	.session_update = ncr_shash_session_update,
	.session_final = ncr_hash_session_final,
	.session_clone = ncr_shash_session_clone,
	.session_free = ncr_shash_session_free,
};
