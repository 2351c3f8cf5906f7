// SPDX-License-Identifier: GPL-2.0
/*
 * The MAC class: HMAC SIGN and VERIFY, each key with its transform. A key
 * computes and accepts tags of exactly one length (ncr_key_tag_len: the
 * full MAC, or the truncation the key was created with): a VERIFY that
 * compared a caller-chosen prefix would let a VERIFY-only key recover any
 * MAC a byte at a time.
 */
#include <linux/string.h>
#include <linux/uaccess.h>

#include "ncr_alg.h"
#include "ncr_class.h"
#include "ncr_key.h"
#include "ncr_session.h"
#include "ncr_shash.h"

static int ncr_mac_check_op(const struct ncr_op *o)
{
	const struct ncrypto_op *u = o->u;

	if (u->iv_len || u->aad_len)
		return -EINVAL;
	return u->op == NCRYPTO_OP_SIGN && u->tag_len ? -EINVAL : 0;
}

/*
 * After the MAC of the input is in mac: SIGN writes its first len bytes
 * (room checked before), VERIFY compares them with want in constant time.
 */
static int ncr_mac_conclude(u32 op, const u8 *mac, const u8 *want, u32 len,
			    void __user *dst, u32 *dst_len)
{
	if (op == NCRYPTO_OP_VERIFY) {
		*dst_len = 0;
		return crypto_memneq(mac, want, len) ? -EBADMSG : 0;
	}
	*dst_len = len;
	return copy_to_user(dst, mac, len) ? -EFAULT : 0;
}

/*
 * What must hold before the MAC is computed: room for a SIGN (ENOSPC with
 * the length), a VERIFY tag of the key's length (EINVAL), read into want.
 */
static int ncr_mac_prepare(u32 op, u32 len, u32 tag_len,
			   const void __user *tag, u32 *dst_len, u8 *want)
{
	if (op == NCRYPTO_OP_SIGN) {
		if (tag_len)
			return -EINVAL;
		if (*dst_len < len) {
			*dst_len = len;
			return -ENOSPC;
		}
		return 0;
	}
	if (tag_len != len)
		return -EINVAL;
	return copy_from_user(want, tag, len) ? -EFAULT : 0;
}

static int ncr_mac_run_op(struct ncr_op *o)
{
	u8 mac[NCRYPTO_MAX_DIGEST_LEN], want[NCRYPTO_MAX_DIGEST_LEN];
	struct ncrypto_op *u = o->u;
	u32 len = ncr_key_tag_len(o->key, o->alg);
	int err;

	err = ncr_mac_prepare(u->op, len, u->tag_len, o->tag, &u->dst_len,
			      want);
	if (err)
		return err;
	err = ncr_shash_digest_user(o->ctx, o->tfm, o->src, u->src_len, mac);
	if (!err)
		err = ncr_mac_conclude(u->op, mac, want, len, o->dst,
				       &u->dst_len);
	memzero_explicit(mac, sizeof(mac));
	memzero_explicit(want, sizeof(want));
	return err;
}

static int ncr_mac_session_final(struct ncr_session *s, struct ncr_sdata *d)
{
	u8 mac[NCRYPTO_MAX_DIGEST_LEN], want[NCRYPTO_MAX_DIGEST_LEN];
	struct ncrypto_session_data *u = d->u;
	u32 len = ncr_key_tag_len(s->key, s->alg);
	int err;

	err = ncr_mac_prepare(s->op, len, u->tag_len, d->tag, &u->dst_len,
			      want);
	if (err)
		return err;
	err = ncr_shash_session_finish(s, d, mac);
	if (!err)
		err = ncr_mac_conclude(s->op, mac, want, len, d->dst,
				       &u->dst_len);
	memzero_explicit(mac, sizeof(mac));
	memzero_explicit(want, sizeof(want));
	return err;
}

const struct ncr_class ncr_mac_class = {
	.id = NCRYPTO_CLASS_MAC,
	.ops = BIT(NCRYPTO_OP_SIGN) | BIT(NCRYPTO_OP_VERIFY),
	.tfm_new = ncr_shash_tfm_new,
	.tfm_free = ncr_shash_tfm_free,
	.check_op = ncr_mac_check_op,
	.run_op = ncr_mac_run_op,
	.session_init = ncr_shash_session_init,
	.session_update = ncr_shash_session_update,
	.session_final = ncr_mac_session_final,
	.session_clone = ncr_shash_session_clone,
	.session_free = ncr_shash_session_free,
};
