// SPDX-License-Identifier: GPL-2.0
/*
 * Multi-part sessions (hash, MAC, cipher), per <linux/ncrypto.h>: the
 * object, its handle, its lock and its lifecycle. What a session computes
 * is its class's (alg->cls->session_*), which keeps its own state.
 *
 * A session holds a reference to its key, not its rights: every call checks
 * that the key's handle still exists and that the key still has the usage
 * the session's op needs (EKEYREVOKED otherwise), so KEY_RESTRICT and
 * KEY_DESTROY reach sessions already running, and a process that receives
 * the file gets no more than the keys grant. Two threads using one session
 * are serialized by its mutex, never corrupt it.
 *
 * Errors: argument errors (the struct, pointers, E2BIG) are found before
 * the session is looked up and leave it untouched; ENOSPC leaves it
 * untouched (classes check output room before changing state); any other
 * error of UPDATE or FINAL fails it (EBADFD afterwards). FINAL without KEEP
 * removes the handle whenever it found the session, except on ENOSPC.
 */
#include <linux/slab.h>

#include <linux/ncrypto.h>

#include "ncr_alg.h"
#include "ncr_class.h"
#include "ncr_ctx.h"
#include "ncr_key.h"
#include "ncr_nonce.h"
#include "ncr_params.h"
#include "ncr_session.h"
#include "ncr_stats.h"
#include "ncr_uapi.h"

int ncr_session_charge(struct ncr_session *s, u64 bytes)
{
	int err = ncr_ctx_charge_mem(s->ctx, bytes);

	if (!err)
		s->charged += bytes;
	return err;
}

void ncr_session_uncharge(struct ncr_session *s, u64 bytes)
{
	ncr_ctx_uncharge_mem(s->ctx, bytes);
	s->charged -= bytes;
}

static void ncr_session_release(struct kref *ref)
{
	struct ncr_session *s = container_of(ref, struct ncr_session, ref);
	struct ncr_ctx *ctx = s->ctx;

	if (s->state_data)
		s->alg->cls->session_free(s);
	ncr_key_put(s->key);
	ncr_ctx_uncharge(ctx, 0, 1, s->charged);
	atomic64_dec(&ncr_stats.sessions);
	mutex_destroy(&s->lock);
	kfree_rcu(s, rcu);
	ncr_ctx_put(ctx);
}

bool ncr_session_tryget(struct ncr_session *s)
{
	return kref_get_unless_zero(&s->ref);
}

void ncr_session_put(struct ncr_session *s)
{
	if (s)
		kref_put(&s->ref, ncr_session_release);
}

/* A new session charged to ctx; takes its own reference on key. */
static struct ncr_session *ncr_session_alloc(struct ncr_ctx *ctx,
					     const struct ncr_alg *alg, u32 op,
					     struct ncr_key *key)
{
	u64 charge = sizeof(struct ncr_session);
	struct ncr_session *s;
	int err;

	err = ncr_ctx_charge(ctx, 0, 1, charge);
	if (err)
		return ERR_PTR(err);
	s = kzalloc(sizeof(*s), NCR_GFP);
	if (!s) {
		ncr_ctx_uncharge(ctx, 0, 1, charge);
		return ERR_PTR(-ENOMEM);
	}
	kref_init(&s->ref);
	mutex_init(&s->lock);
	s->alg = alg;
	s->op = op;
	s->usage = ncr_op_usage(op);
	s->charged = charge;
	if (key)
		ncr_key_get(key);
	s->key = key;
	ncr_ctx_get(ctx);
	s->ctx = ctx;
	atomic64_inc(&ncr_stats.sessions);
	return s;
}

/* Publish s under a new handle and tell user space; on failure s is gone. */
static int ncr_session_publish(struct ncr_ctx *ctx, struct ncr_session *s,
			       void __user *uarg, void *karg, size_t ksize,
			       u32 usize, u32 *handle)
{
	int err = ncr_ctx_add_session(ctx, s, handle);

	if (err) {
		ncr_session_put(s);
		return err;
	}
	err = ncr_uapi_copy_out(uarg, karg, ksize, usize);
	if (err)	/* nobody learnt the handle */
		ncr_session_put(ncr_ctx_remove_session(ctx, *handle));
	return err;
}

/* The fields of SESSION_INIT that need no lookup (EINVAL). */
static int ncr_session_check_init(const struct ncrypto_session_init *si,
				  const struct ncr_alg *alg)
{
	if (si->flags || si->reserved0 ||
	    !ncr_uapi_zero(si->reserved, sizeof(si->reserved)))
		return -EINVAL;
	if (!alg || !alg->session || si->op >= 32 ||
	    !(alg->cls->ops & BIT(si->op)) || si->iv_len != alg->iv_len ||
	    (!alg->key_type && si->key))
		return -EINVAL;
	return 0;
}

/* The transform a session of alg works with, and the key it holds. */
static void *ncr_session_tfm(struct ncr_ctx *ctx, struct ncr_alg *alg,
			     u32 handle, u32 usage, struct ncr_key **keyp)
{
	void *tfm;
	int err;

	*keyp = NULL;
	if (!alg->key_type)
		return ncr_alg_hash_tfm(alg);
	err = ncr_key_acquire(ctx, handle, alg, usage, keyp);
	if (err)
		return ERR_PTR(err);
	tfm = ncr_key_tfm(*keyp, alg);
	if (IS_ERR(tfm)) {
		ncr_key_put(*keyp);
		*keyp = NULL;
	}
	return tfm;
}

/* NCRYPTO_IOC_SESSION_INIT */
long ncr_session_ioctl_init(struct ncr_ctx *ctx, void __user *uarg)
{
	struct ncrypto_session_init si;
	u8 iv[NCRYPTO_MAX_IV_LEN];
	struct ncr_key *key = NULL;
	struct ncr_session *s;
	struct ncr_alg *alg;
	void __user *uiv;
	void *tfm;
	u32 usize;
	int err;

	err = ncr_uapi_copy_in(&si, sizeof(si), NCRYPTO_SIZE_SESSION_INIT_VER0,
			       uarg, &usize);
	if (err)
		return err;
	alg = ncr_alg_find(si.alg);
	err = ncr_session_check_init(&si, alg);
	if (err)
		return err;
	err = ncr_alg_usable(alg);
	if (err)
		return err;
	err = ncr_uapi_ptr(si.iv, si.iv_len, &uiv);
	if (err)
		return err;

	tfm = ncr_session_tfm(ctx, alg, si.key, ncr_op_usage(si.op), &key);
	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	s = ncr_session_alloc(ctx, alg, si.op, key);
	if (IS_ERR(s)) {
		err = PTR_ERR(s);
		goto out_key;
	}
	if (alg->iv_len)
		err = ncr_nonce_iv(key, alg, si.op == NCRYPTO_OP_ENCRYPT, uiv,
				   iv);
	if (!err)
		err = alg->cls->session_init(s, tfm, iv);
	if (err) {
		ncr_session_put(s);
		goto out_key;
	}
	err = ncr_session_publish(ctx, s, uarg, &si, sizeof(si), usize,
				  &si.handle);
out_key:
	memzero_explicit(iv, sizeof(iv));
	ncr_key_put(key);
	return err;
}

/* UPDATE takes no flags and no tag; FINAL takes both. */
static int ncr_session_data_in(struct ncrypto_session_data *sd,
			       void __user *uarg, u32 *usize, bool final,
			       struct ncr_sdata *d)
{
	u32 flags_ok = final ? NCRYPTO_SESSION_F_ALL : 0;
	int err = ncr_uapi_copy_in(sd, sizeof(*sd),
				   NCRYPTO_SIZE_SESSION_DATA_VER0, uarg, usize);

	if (err)
		return err;
	if (sd->flags & ~flags_ok ||
	    !ncr_uapi_zero(sd->reserved, sizeof(sd->reserved)) ||
	    (!final && (sd->tag_len || sd->tag)))
		return -EINVAL;
	if (sd->src_len > ncr_limit_op_len())
		return -E2BIG;
	d->u = sd;
	if (ncr_uapi_ptr(sd->src, sd->src_len, &d->src) ||
	    ncr_uapi_ptr(sd->dst, sd->dst_len, &d->dst) ||
	    ncr_uapi_ptr(sd->tag, sd->tag_len, &d->tag))
		return -EFAULT;
	return 0;
}

/*
 * The session may go on: active, and its key still grants its op. A key
 * revoked under a running session fails the session.
 */
static int ncr_session_usable(struct ncr_session *s)
{
	if (s->state != NCR_SESSION_ACTIVE)
		return -EBADFD;
	if (s->key && ncr_key_revoked(s->key, s->usage)) {
		s->state = NCR_SESSION_FAILED;
		return -EKEYREVOKED;
	}
	return 0;
}

/* Results go back on success, and on ENOSPC (the needed dst_len). */
static int ncr_session_data_out(void __user *uarg,
				struct ncrypto_session_data *sd, u32 usize,
				int err)
{
	if (!err || err == -ENOSPC) {
		int cerr = ncr_uapi_copy_out(uarg, sd, sizeof(*sd), usize);

		if (cerr)
			err = cerr;
	}
	return err;
}

/* NCRYPTO_IOC_SESSION_UPDATE */
long ncr_session_ioctl_update(struct ncr_ctx *ctx, void __user *uarg)
{
	struct ncrypto_session_data sd;
	struct ncr_session *s;
	struct ncr_sdata d;
	u32 usize;
	int err;

	err = ncr_session_data_in(&sd, uarg, &usize, false, &d);
	if (err)
		return err;
	s = ncr_ctx_get_session(ctx, sd.handle);
	if (!s)
		return -ENOENT;

	mutex_lock(&s->lock);
	err = ncr_session_usable(s);
	if (!err) {
		err = s->alg->cls->session_update(s, &d);
		if (err && err != -ENOSPC)
			s->state = NCR_SESSION_FAILED;
	}
	mutex_unlock(&s->lock);
	ncr_session_put(s);
	return ncr_session_data_out(uarg, &sd, usize, err);
}

/* NCRYPTO_IOC_SESSION_FINAL */
long ncr_session_ioctl_final(struct ncr_ctx *ctx, void __user *uarg)
{
	struct ncrypto_session_data sd;
	struct ncr_session *s;
	struct ncr_sdata d;
	u32 usize;
	int err;

	err = ncr_session_data_in(&sd, uarg, &usize, true, &d);
	if (err)
		return err;
	s = ncr_ctx_get_session(ctx, sd.handle);
	if (!s)
		return -ENOENT;

	mutex_lock(&s->lock);
	err = ncr_session_usable(s);
	if (!err) {
		err = s->alg->cls->session_final(s, &d);
		if (err != -ENOSPC) {
			s->state = err ? NCR_SESSION_FAILED : NCR_SESSION_DONE;
			if (!err) {
				ncr_alg_count_op(s->alg);
				ncr_ctx_count_op(ctx, s->alg->index);
			}
		}
	}
	/* ended either way, unless only dst was short: without KEEP the
	 * handle goes now */
	if (err != -ENOSPC && !(sd.flags & NCRYPTO_SESSION_F_KEEP) &&
	    ncr_ctx_remove_session_if(ctx, sd.handle, s))
		ncr_session_put(s);	/* the table's reference */
	mutex_unlock(&s->lock);
	ncr_session_put(s);
	return ncr_session_data_out(uarg, &sd, usize, err);
}

/* A copy of s holding its own key reference; s is locked and usable. */
static struct ncr_session *ncr_session_copy(struct ncr_ctx *ctx,
					    struct ncr_session *s)
{
	struct ncr_session *n = ncr_session_alloc(ctx, s->alg, s->op, s->key);
	int err;

	if (IS_ERR(n))
		return n;
	err = s->alg->cls->session_clone(n, s);
	if (err) {
		ncr_session_put(n);
		return ERR_PTR(err);
	}
	return n;
}

/* NCRYPTO_IOC_SESSION_CLONE: a failure leaves the original as it was,
 * except a revoked key, which fails it as any other call would. */
long ncr_session_ioctl_clone(struct ncr_ctx *ctx, void __user *uarg)
{
	struct ncrypto_session_clone sc;
	struct ncr_session *s, *n;
	u32 usize;
	int err;

	err = ncr_uapi_copy_in(&sc, sizeof(sc), NCRYPTO_SIZE_SESSION_CLONE_VER0,
			       uarg, &usize);
	if (err)
		return err;
	if (sc.flags || !ncr_uapi_zero(sc.reserved, sizeof(sc.reserved)))
		return -EINVAL;
	s = ncr_ctx_get_session(ctx, sc.handle);
	if (!s)
		return -ENOENT;

	mutex_lock(&s->lock);
	if (!s->alg->cls->session_clone)
		err = -EINVAL;
	else
		err = ncr_session_usable(s);
	n = err ? ERR_PTR(err) : ncr_session_copy(ctx, s);
	mutex_unlock(&s->lock);
	ncr_session_put(s);
	if (IS_ERR(n))
		return PTR_ERR(n);
	return ncr_session_publish(ctx, n, uarg, &sc, sizeof(sc), usize,
				   &sc.new_handle);
}

/* NCRYPTO_IOC_SESSION_DESTROY */
long ncr_session_ioctl_destroy(struct ncr_ctx *ctx, void __user *uarg)
{
	struct ncrypto_handle h;
	struct ncr_session *s;
	int err;

	err = ncr_uapi_handle_in(&h, uarg);
	if (err)
		return err;
	s = ncr_ctx_remove_session(ctx, h.handle);
	if (!s)
		return -ENOENT;
	ncr_session_put(s);
	return 0;
}
