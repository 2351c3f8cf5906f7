// SPDX-License-Identifier: GPL-2.0
/*
 * Multi-part sessions (hash, MAC, cipher; not AEAD), per <linux/ncrypto.h>.
 *
 * A session holds its own key reference (destroying the key handle does not
 * stop it) and a mutex: two threads using one session at once are
 * serialized, never corrupt it. Any error in UPDATE or FINAL after the
 * session was found marks it failed: later use gives EBADFD, and nothing
 * else in the context changes.
 *
 * Ciphers process whole blocks and keep at most one partial block pending
 * (CBC, CTR); the crypto API writes the chaining value back into the IV
 * after every request, which carries the state from one update to the
 * next. AES-XTS encrypts one data unit at once, so its input is buffered
 * until FINAL (capped by max_op_len, charged to the memory quota).
 */
#include <linux/mutex.h>
#include <linux/slab.h>
#include <crypto/hash.h>
#include <crypto/skcipher.h>

#include <linux/ncrypto.h>

#include "ncr_alg.h"
#include "ncr_buf.h"
#include "ncr_crypt.h"
#include "ncr_ctx.h"
#include "ncr_key.h"
#include "ncr_params.h"
#include "ncr_session.h"
#include "ncr_stats.h"
#include "ncr_uapi.h"

#define NCR_MAX_CHUNK 16

enum ncr_session_state {
	NCR_SESSION_ACTIVE,
	NCR_SESSION_DONE,	/* FINAL with KEEP succeeded */
	NCR_SESSION_FAILED,
};

struct ncr_session {
	struct kref ref;	/* the handle, plus each ioctl using it */
	struct rcu_head rcu;
	struct mutex lock;	/* everything below */
	struct ncr_ctx *ctx;
	struct ncr_alg *alg;
	struct ncr_key *key;	/* NULL for hashes */
	u32 op;
	enum ncr_session_state state;
	u64 charged;

	/* hash and MAC */
	struct shash_desc *desc;

	/* ciphers */
	struct crypto_skcipher *tfm;	/* owned by the key */
	u8 iv[NCRYPTO_MAX_IV_LEN];
	u8 pending[NCR_MAX_CHUNK];
	u32 pending_len;
	u8 *xts_buf;
	u32 xts_len;
	u32 xts_cap;
};

static void ncr_session_release(struct kref *ref)
{
	struct ncr_session *s = container_of(ref, struct ncr_session, ref);
	struct ncr_ctx *ctx = s->ctx;

	kfree_sensitive(s->desc);
	if (s->xts_buf)
		kvfree_sensitive(s->xts_buf, s->xts_cap);
	memzero_explicit(s->iv, sizeof(s->iv));
	memzero_explicit(s->pending, sizeof(s->pending));
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
					     struct ncr_alg *alg, u32 op,
					     struct ncr_key *key,
					     struct crypto_shash *hash)
{
	size_t desc_size = hash ? sizeof(struct shash_desc) +
				  crypto_shash_descsize(hash) : 0;
	u64 charge = sizeof(struct ncr_session) + desc_size;
	struct ncr_session *s;
	int err;

	err = ncr_ctx_charge(ctx, 0, 1, charge);
	if (err)
		return ERR_PTR(err);
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		goto fail_charge;
	if (hash) {
		s->desc = kzalloc(desc_size, GFP_KERNEL);
		if (!s->desc)
			goto fail_session;
		s->desc->tfm = hash;
	}
	kref_init(&s->ref);
	mutex_init(&s->lock);
	s->alg = alg;
	s->op = op;
	s->charged = charge;
	if (key)
		ncr_key_get(key);
	s->key = key;
	ncr_ctx_get(ctx);
	s->ctx = ctx;
	atomic64_inc(&ncr_stats.sessions);
	return s;

fail_session:
	kfree(s);
fail_charge:
	ncr_ctx_uncharge(ctx, 0, 1, charge);
	return ERR_PTR(-ENOMEM);
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

static int ncr_session_check_init(const struct ncrypto_session_init *si,
				  const struct ncr_alg *alg)
{
	switch (alg->alg_class) {
	case NCRYPTO_CLASS_HASH:
		return si->op == NCRYPTO_OP_DIGEST && !si->key &&
		       !si->iv_len ? 0 : -EINVAL;
	case NCRYPTO_CLASS_MAC:
		return (si->op == NCRYPTO_OP_SIGN ||
			si->op == NCRYPTO_OP_VERIFY) && !si->iv_len ?
		       0 : -EINVAL;
	case NCRYPTO_CLASS_CIPHER:
		return (si->op == NCRYPTO_OP_ENCRYPT ||
			si->op == NCRYPTO_OP_DECRYPT) &&
		       si->iv_len == alg->iv_len ? 0 : -EINVAL;
	default:
		return -EINVAL;
	}
}

static u32 ncr_session_usage(u32 op)
{
	switch (op) {
	case NCRYPTO_OP_SIGN:
		return NCRYPTO_KEY_SIGN;
	case NCRYPTO_OP_VERIFY:
		return NCRYPTO_KEY_VERIFY;
	case NCRYPTO_OP_ENCRYPT:
		return NCRYPTO_KEY_ENCRYPT;
	default:
		return NCRYPTO_KEY_DECRYPT;
	}
}

/* NCRYPTO_IOC_SESSION_INIT */
long ncr_session_ioctl_init(struct ncr_ctx *ctx, void __user *uarg)
{
	struct ncrypto_session_init si;
	struct crypto_shash *hash = NULL;
	struct ncr_key *key = NULL;
	struct ncr_session *s;
	struct ncr_alg *alg;
	void __user *iv;
	void *tfm = NULL;
	u32 usize;
	int err;

	err = ncr_uapi_copy_in(&si, sizeof(si), NCRYPTO_SIZE_SESSION_INIT_VER0,
			       uarg, &usize);
	if (err)
		return err;
	if (si.flags || si.reserved0 ||
	    !ncr_uapi_zero(si.reserved, sizeof(si.reserved)))
		return -EINVAL;
	alg = ncr_alg_find(si.alg);
	if (!alg || !alg->session)
		return -EINVAL;
	err = ncr_session_check_init(&si, alg);
	if (err)
		return err;
	err = ncr_alg_usable(alg);
	if (err)
		return err;
	err = ncr_uapi_ptr(si.iv, si.iv_len, &iv);
	if (err)
		return err;

	tfm = ncr_key_acquire_tfm(ctx, si.key, alg, ncr_session_usage(si.op),
				  &key);
	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	if (alg->alg_class != NCRYPTO_CLASS_CIPHER)
		hash = tfm;

	s = ncr_session_alloc(ctx, alg, si.op, key, hash);
	if (IS_ERR(s)) {
		err = PTR_ERR(s);
		goto out_key;
	}
	if (hash) {
		err = crypto_shash_init(s->desc);
	} else {
		s->tfm = tfm;
		if (copy_from_user(s->iv, iv, si.iv_len))
			err = -EFAULT;
	}
	if (err) {
		ncr_session_put(s);
		goto out_key;
	}
	err = ncr_session_publish(ctx, s, uarg, &si, sizeof(si), usize,
				  &si.handle);
out_key:
	ncr_key_put(key);
	return err;
}

/*
 * Run the cipher over pending | src[0..take) (out bytes, a multiple of the
 * chunk) into dst, then keep src[take..src_len) as the new pending bytes.
 */
static int ncr_session_cipher_run(struct ncr_session *s, const u8 __user *src,
				  u32 src_len, u8 __user *dst, u32 out)
{
	bool enc = s->op == NCRYPTO_OP_ENCRYPT;
	u32 take = out - s->pending_len, tail = src_len - take;
	u8 next[NCR_MAX_CHUNK];
	struct ncr_buf buf;
	int err;

	if (tail > sizeof(next))
		return -EINVAL;
	err = ncr_buf_alloc(&buf, out, ncr_crypt_skcipher_reqsize(s->tfm));
	if (err)
		return err;
	memcpy(buf.data, s->pending, s->pending_len);
	err = ncr_buf_from_user(&buf, s->pending_len, src, take);
	if (!err && tail && copy_from_user(next, src + take, tail))
		err = -EFAULT;
	if (err)
		goto out;
	err = ncr_crypt_skcipher_buf(s->tfm, &buf, enc, out, s->iv);
	if (!err)
		err = ncr_buf_to_user(dst, &buf, 0, out);
	if (!err) {
		memcpy(s->pending, next, tail);
		s->pending_len = tail;
	}
out:
	memzero_explicit(next, sizeof(next));
	ncr_buf_free(&buf);
	return err;
}

/* Append src to the XTS data unit, growing the buffer geometrically. */
static int ncr_session_xts_append(struct ncr_session *s, const u8 __user *src,
				  u32 src_len)
{
	u32 limit = ncr_limit_op_len();
	u64 need = (u64)s->xts_len + src_len;
	u32 cap;
	u8 *nb;
	int err;

	if (need > limit)
		return -E2BIG;
	if (need > s->xts_cap) {
		cap = max_t(u32, need, min_t(u64, (u64)s->xts_cap * 2, limit));
		cap = max_t(u32, cap, 256);
		cap = min_t(u32, cap, limit);
		err = ncr_ctx_charge(s->ctx, 0, 0, cap - s->xts_cap);
		if (err)
			return err;
		nb = kvmalloc(cap, GFP_KERNEL | __GFP_NOWARN);
		if (!nb) {
			ncr_ctx_uncharge(s->ctx, 0, 0, cap - s->xts_cap);
			return -ENOMEM;
		}
		if (s->xts_buf) {
			memcpy(nb, s->xts_buf, s->xts_len);
			kvfree_sensitive(s->xts_buf, s->xts_cap);
		}
		s->charged += cap - s->xts_cap;
		s->xts_buf = nb;
		s->xts_cap = cap;
	}
	if (src_len && copy_from_user(s->xts_buf + s->xts_len, src, src_len))
		return -EFAULT;
	s->xts_len = need;
	return 0;
}

static int ncr_session_update_locked(struct ncr_session *s,
				     struct ncrypto_session_data *sd,
				     const u8 __user *src, u8 __user *dst)
{
	u64 total;
	u32 out;

	if (s->alg->alg_class != NCRYPTO_CLASS_CIPHER) {
		sd->dst_len = 0;
		return ncr_crypt_hash_user(s->desc, src, sd->src_len);
	}
	if (s->alg->id == NCRYPTO_ALG_AES_XTS) {
		sd->dst_len = 0;
		return ncr_session_xts_append(s, src, sd->src_len);
	}

	total = (u64)s->pending_len + sd->src_len;
	out = total - total % s->alg->chunk;
	if (sd->dst_len < out) {
		sd->dst_len = out;
		return -ENOSPC;
	}
	sd->dst_len = out;
	if (!out) {	/* still short of a block */
		if (copy_from_user(s->pending + s->pending_len, src,
				   sd->src_len))
			return -EFAULT;
		s->pending_len += sd->src_len;
		return 0;
	}
	return ncr_session_cipher_run(s, src, sd->src_len, dst, out);
}

static int ncr_session_data_in(struct ncrypto_session_data *sd,
			       void __user *uarg, u32 *usize, u32 flags_ok)
{
	int err = ncr_uapi_copy_in(sd, sizeof(*sd),
				   NCRYPTO_SIZE_SESSION_DATA_VER0, uarg, usize);

	if (err)
		return err;
	if (sd->flags & ~flags_ok ||
	    !ncr_uapi_zero(sd->reserved, sizeof(sd->reserved)))
		return -EINVAL;
	if (sd->src_len > ncr_limit_op_len())
		return -E2BIG;
	return 0;
}

/* NCRYPTO_IOC_SESSION_UPDATE */
long ncr_session_ioctl_update(struct ncr_ctx *ctx, void __user *uarg)
{
	struct ncrypto_session_data sd;
	void __user *src, *dst;
	struct ncr_session *s;
	u32 usize;
	int err;

	err = ncr_session_data_in(&sd, uarg, &usize, 0);
	if (err)
		return err;
	if (sd.tag_len)
		return -EINVAL;
	if (ncr_uapi_ptr(sd.src, sd.src_len, &src) ||
	    ncr_uapi_ptr(sd.dst, sd.dst_len, &dst))
		return -EFAULT;
	s = ncr_ctx_get_session(ctx, sd.handle);
	if (!s)
		return -ENOENT;

	mutex_lock(&s->lock);
	if (s->state != NCR_SESSION_ACTIVE) {
		err = -EBADFD;
		goto out;
	}
	err = ncr_session_update_locked(s, &sd, src, dst);
	if (err)
		s->state = NCR_SESSION_FAILED;
out:
	mutex_unlock(&s->lock);
	ncr_session_put(s);
	if (!err || err == -ENOSPC) {
		int cerr = ncr_uapi_copy_out(uarg, &sd, sizeof(sd), usize);

		if (cerr)
			err = cerr;
	}
	return err;
}

static int ncr_session_final_hash(struct ncr_session *s,
				  struct ncrypto_session_data *sd,
				  const u8 __user *src, u8 __user *dst,
				  const u8 __user *tag)
{
	u8 out[NCRYPTO_MAX_DIGEST_LEN], want[NCRYPTO_MAX_DIGEST_LEN];
	u32 len = s->alg->out_len;
	int err;

	if (s->op == NCRYPTO_OP_VERIFY) {
		if (sd->tag_len < 1 || sd->tag_len > len)
			return -EINVAL;
		if (copy_from_user(want, tag, sd->tag_len))
			return -EFAULT;
		sd->dst_len = 0;
	} else {
		if (sd->tag_len)
			return -EINVAL;
		if (sd->dst_len < len) {
			sd->dst_len = len;
			return -ENOSPC;
		}
	}
	err = ncr_crypt_hash_user(s->desc, src, sd->src_len);
	if (!err)
		err = crypto_shash_final(s->desc, out);
	if (err)
		goto out;
	if (s->op == NCRYPTO_OP_VERIFY) {
		if (crypto_memneq(out, want, sd->tag_len))
			err = -EBADMSG;
	} else {
		if (copy_to_user(dst, out, len))
			err = -EFAULT;
		sd->dst_len = len;
	}
out:
	memzero_explicit(out, sizeof(out));
	memzero_explicit(want, sizeof(want));
	return err;
}

/* XTS: the buffered data unit plus src, in one request. */
static int ncr_session_final_xts(struct ncr_session *s,
				 struct ncrypto_session_data *sd,
				 const u8 __user *src, u8 __user *dst)
{
	bool enc = s->op == NCRYPTO_OP_ENCRYPT;
	u64 total = (u64)s->xts_len + sd->src_len;
	struct ncr_buf buf;
	int err;

	if (total > ncr_limit_op_len())
		return -E2BIG;
	if (total < 16)
		return -EINVAL;
	if (sd->dst_len < total) {
		sd->dst_len = total;
		return -ENOSPC;
	}
	err = ncr_buf_alloc(&buf, total, ncr_crypt_skcipher_reqsize(s->tfm));
	if (err)
		return err;
	if (s->xts_len)
		memcpy(buf.data, s->xts_buf, s->xts_len);
	err = ncr_buf_from_user(&buf, s->xts_len, src, sd->src_len);
	if (err)
		goto out;
	err = ncr_crypt_skcipher_buf(s->tfm, &buf, enc, total, s->iv);
	if (!err)
		err = ncr_buf_to_user(dst, &buf, 0, total);
	sd->dst_len = total;
out:
	ncr_buf_free(&buf);
	return err;
}

static int ncr_session_final_locked(struct ncr_session *s,
				    struct ncrypto_session_data *sd,
				    const u8 __user *src, u8 __user *dst,
				    const u8 __user *tag)
{
	u64 total;

	if (s->alg->alg_class != NCRYPTO_CLASS_CIPHER)
		return ncr_session_final_hash(s, sd, src, dst, tag);
	if (sd->tag_len)
		return -EINVAL;
	if (s->alg->id == NCRYPTO_ALG_AES_XTS)
		return ncr_session_final_xts(s, sd, src, dst);

	total = (u64)s->pending_len + sd->src_len;
	if (s->alg->id == NCRYPTO_ALG_AES_CBC && total % 16)
		return -EINVAL;	/* no padding in the kernel: partial block */
	if (sd->dst_len < total) {
		sd->dst_len = total;
		return -ENOSPC;
	}
	sd->dst_len = total;
	if (!total)
		return 0;
	/* CTR's last partial block, or whole blocks: all of it, now */
	return ncr_session_cipher_run(s, src, sd->src_len, dst, total);
}

/* NCRYPTO_IOC_SESSION_FINAL */
long ncr_session_ioctl_final(struct ncr_ctx *ctx, void __user *uarg)
{
	struct ncrypto_session_data sd;
	void __user *src, *dst, *tag;
	struct ncr_session *s;
	u32 usize;
	int err;

	err = ncr_session_data_in(&sd, uarg, &usize, NCRYPTO_SESSION_F_ALL);
	if (err)
		return err;
	if (ncr_uapi_ptr(sd.src, sd.src_len, &src) ||
	    ncr_uapi_ptr(sd.dst, sd.dst_len, &dst) ||
	    ncr_uapi_ptr(sd.tag, sd.tag_len, &tag))
		return -EFAULT;
	s = ncr_ctx_get_session(ctx, sd.handle);
	if (!s)
		return -ENOENT;

	mutex_lock(&s->lock);
	if (s->state != NCR_SESSION_ACTIVE) {
		err = -EBADFD;
		goto out;
	}
	err = ncr_session_final_locked(s, &sd, src, dst, tag);
	s->state = err ? NCR_SESSION_FAILED : NCR_SESSION_DONE;
	if (!err)
		ncr_alg_count_op(s->alg);
	/* finished either way: without KEEP the handle goes now */
	if (!(sd.flags & NCRYPTO_SESSION_F_KEEP) &&
	    ncr_ctx_remove_session_if(ctx, sd.handle, s))
		ncr_session_put(s);	/* the table's reference */
out:
	mutex_unlock(&s->lock);
	ncr_session_put(s);
	if (!err || err == -ENOSPC) {
		int cerr = ncr_uapi_copy_out(uarg, &sd, sizeof(sd), usize);

		if (cerr)
			err = cerr;
	}
	return err;
}

/* An independent copy of a hash/MAC state (export/import). */
static struct ncr_session *ncr_session_clone_locked(struct ncr_ctx *ctx,
						    struct ncr_session *s)
{
	struct crypto_shash *tfm = s->desc->tfm;
	struct ncr_session *n;
	void *state;
	int err;

	state = kmalloc(crypto_shash_statesize(tfm), GFP_KERNEL);
	if (!state)
		return ERR_PTR(-ENOMEM);
	n = ncr_session_alloc(ctx, s->alg, s->op, s->key, tfm);
	if (IS_ERR(n))
		goto out;
	err = crypto_shash_export(s->desc, state);
	if (!err)
		err = crypto_shash_import(n->desc, state);
	if (err) {
		ncr_session_put(n);
		n = ERR_PTR(err);
	}
out:
	kfree_sensitive(state);
	return n;
}

/* NCRYPTO_IOC_SESSION_CLONE */
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
	if (s->alg->alg_class == NCRYPTO_CLASS_CIPHER)
		n = ERR_PTR(-EINVAL);
	else if (s->state != NCR_SESSION_ACTIVE)
		n = ERR_PTR(-EBADFD);
	else
		n = ncr_session_clone_locked(ctx, s);
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
