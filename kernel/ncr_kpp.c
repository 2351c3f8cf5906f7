// SPDX-License-Identifier: GPL-2.0
/*
 * The key-agreement class and NCRYPTO_IOC_KEY_DERIVE: the shared secret of
 * a private key and a peer's public key never reaches user memory; it
 * becomes a new secret key of the context, with the usage and binding the
 * caller asks for (EXPORTABLE only if asked, for TLS libraries that derive
 * their record keys in user space). Each algorithm's arithmetic is its
 * key family's (ncr_pkey_*.c); this file checks and plumbs.
 */
#include <linux/err.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <linux/ncrypto.h>

#include "ncr_alg.h"
#include "ncr_class.h"
#include "ncr_ctx.h"
#include "ncr_key.h"
#include "ncr_kpp.h"
#include "ncr_pkey.h"
#include "ncr_uapi.h"

/* Longest peer public key: a P-384 point, 04 || X || Y. */
#define NCR_PEER_MAX 97

static bool ncr_kpp_available(const struct ncr_alg *alg)
{
	/* our own code or lib/crypto (a hard dependency of the module) */
	return true;
}

const struct ncr_class ncr_kpp_class = {
	.id = NCRYPTO_CLASS_KEY_AGREEMENT,
	.ops = 0,		/* NCRYPTO_IOC_KEY_DERIVE, not NCRYPTO_IOC_OP */
	.available = ncr_kpp_available,
};

static int ncr_kpp_run(const struct ncr_alg *alg, const struct ncr_key *key,
		       const u8 *peer, u32 peer_len, u8 *secret, u32 *len)
{
	switch (alg->id) {
	case NCRYPTO_ALG_X25519:
		return ncr_x25519_derive(key, peer, peer_len, secret, len);
	default:
		return -EINVAL;
	}
}

static int ncr_kpp_check(const struct ncrypto_key_derive *kd,
			 const struct ncr_alg **algp)
{
	const struct ncr_alg *alg;
	int err;

	if (kd->flags || kd->reserved0 ||
	    !ncr_uapi_zero(kd->reserved, sizeof(kd->reserved)))
		return -EINVAL;
	alg = ncr_alg_find(kd->alg);
	if (!alg || alg->alg_class != NCRYPTO_CLASS_KEY_AGREEMENT)
		return -EINVAL;
	err = ncr_alg_usable(alg);
	if (err)
		return err;
	if (!kd->peer_len || kd->peer_len > NCR_PEER_MAX)
		return -EINVAL;
	*algp = alg;
	return 0;
}

/* NCRYPTO_IOC_KEY_DERIVE */
long ncr_kpp_ioctl_derive(struct ncr_ctx *ctx, void __user *uarg)
{
	struct ncrypto_key_derive kd;
	const struct ncr_alg *alg;
	struct ncr_key *key, *secret_key;
	u8 peer[NCR_PEER_MAX], secret[NCR_SECRET_MAX];
	void __user *upeer;
	u32 usize, len = 0;
	int err;

	err = ncr_uapi_copy_in(&kd, sizeof(kd), NCRYPTO_SIZE_KEY_DERIVE_VER0,
			       uarg, &usize);
	if (err)
		return err;
	err = ncr_kpp_check(&kd, &alg);
	if (err)
		return err;
	if (ncr_uapi_ptr(kd.peer, kd.peer_len, &upeer) ||
	    copy_from_user(peer, upeer, kd.peer_len))
		return -EFAULT;
	err = ncr_key_acquire(ctx, kd.key, alg, NCRYPTO_KEY_DERIVE, &key);
	if (err)
		return err;
	err = ncr_kpp_run(alg, key, peer, kd.peer_len, secret, &len);
	ncr_key_put(key);
	if (err)
		goto out;
	secret_key = ncr_key_new_secret(ctx, kd.type, kd.usage, kd.new_alg,
					kd.tag_len, secret, len);
	if (IS_ERR(secret_key)) {
		err = PTR_ERR(secret_key);
		goto out;
	}
	ncr_alg_count_op(alg);
	ncr_ctx_count_op(ctx, alg->index);
	kd.key_len = len;
	err = ncr_key_publish(ctx, secret_key, uarg, &kd, sizeof(kd), usize,
			      &kd.handle);
out:
	memzero_explicit(secret, sizeof(secret));
	return err;
}
