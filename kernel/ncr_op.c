// SPDX-License-Identifier: GPL-2.0
/*
 * NCRYPTO_IOC_OP: one whole operation in one call (the table in
 * <linux/ncrypto.h>), checked here as far as every class shares, then run
 * by the algorithm's class (ncr_class.h). Validation order: struct, flags
 * and reserved fields (EINVAL), algorithm (EINVAL unknown, EACCES FIPS,
 * ENOPKG absent), sizes (E2BIG), pointers (EFAULT), the op's and class's
 * field rules (EINVAL), key (ENOENT, EINVAL, EACCES, EPERM), then in the
 * class what depends on the key (tag length: EINVAL) and the output
 * capacity (ENOSPC, with the needed length written back). The key is
 * referenced for the whole operation, so a concurrent KEY_DESTROY cannot
 * free it under us.
 */
#include <linux/err.h>

#include <linux/ncrypto.h>

#include "ncr_alg.h"
#include "ncr_class.h"
#include "ncr_ctx.h"
#include "ncr_key.h"
#include "ncr_op.h"
#include "ncr_params.h"
#include "ncr_uapi.h"

u32 ncr_op_usage(u32 op)
{
	switch (op) {
	case NCRYPTO_OP_ENCRYPT:
		return NCRYPTO_KEY_ENCRYPT;
	case NCRYPTO_OP_DECRYPT:
		return NCRYPTO_KEY_DECRYPT;
	case NCRYPTO_OP_SIGN:
		return NCRYPTO_KEY_SIGN;
	case NCRYPTO_OP_VERIFY:
		return NCRYPTO_KEY_VERIFY;
	default:
		return 0;
	}
}

/* The checks that need no lookup beyond the algorithm. */
static int ncr_op_check(struct ncr_op *o, struct ncrypto_op *u)
{
	int err;

	if (u->flags || u->params || u->params_len || u->reserved0 ||
	    !ncr_uapi_zero(u->reserved, sizeof(u->reserved)))
		return -EINVAL;
	o->alg = ncr_alg_find(u->alg);
	if (!o->alg)
		return -EINVAL;
	err = ncr_alg_usable(o->alg);
	if (err)
		return err;
	if ((u64)u->src_len + u->aad_len > ncr_limit_op_len())
		return -E2BIG;
	if (ncr_uapi_ptr(u->iv, u->iv_len, &o->iv) ||
	    ncr_uapi_ptr(u->aad, u->aad_len, &o->aad) ||
	    ncr_uapi_ptr(u->src, u->src_len, &o->src) ||
	    ncr_uapi_ptr(u->dst, u->dst_len, &o->dst) ||
	    ncr_uapi_ptr(u->tag, u->tag_len, &o->tag))
		return -EFAULT;
	if (u->op >= 32 || !(o->alg->cls->ops & BIT(u->op)))
		return -EINVAL;
	return o->alg->cls->check_op(o);
}

/* The key (keyed algorithms) and the transform to run the op with. */
static int ncr_op_tfm(struct ncr_op *o)
{
	struct ncr_alg *alg = (struct ncr_alg *)o->alg;
	int err;

	if (!alg->key_type) {
		o->tfm = ncr_alg_hash_tfm(alg);
		return PTR_ERR_OR_ZERO(o->tfm);
	}
	err = ncr_key_acquire(o->ctx, o->u->key, alg, ncr_op_usage(o->u->op),
			      &o->key);
	if (err || !alg->cls->tfm_new)
		return err;
	o->tfm = ncr_key_tfm(o->key, alg);
	return PTR_ERR_OR_ZERO(o->tfm);
}

long ncr_op_ioctl(struct ncr_ctx *ctx, void __user *uarg)
{
	struct ncrypto_op u;
	struct ncr_op o = { .u = &u, .ctx = ctx };
	u32 usize;
	int err;

	err = ncr_uapi_copy_in(&u, sizeof(u), NCRYPTO_SIZE_OP_VER0, uarg,
			       &usize);
	if (err)
		return err;
	err = ncr_op_check(&o, &u);
	if (err)
		return err;
	err = ncr_op_tfm(&o);
	if (!err)
		err = o.alg->cls->run_op(&o);
	ncr_key_put(o.key);
	if (!err) {
		ncr_alg_count_op(o.alg);
		ncr_ctx_count_op(ctx, o.alg->index);
	}
	/* dst_len is the only output field: write back just that */
	if ((!err || err == -ENOSPC) &&
	    put_user(u.dst_len, &((struct ncrypto_op __user *)uarg)->dst_len))
		err = -EFAULT;
	return err;
}
