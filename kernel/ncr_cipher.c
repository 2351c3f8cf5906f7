// SPDX-License-Identifier: GPL-2.0
/*
 * The cipher class: ENCRYPT and DECRYPT with block cipher modes (AES-CBC,
 * AES-CTR, AES-XTS) and the null cipher, one-shot and in sessions. What
 * differs between them is in the algorithm table: IV and nonce lengths,
 * input multiples and minimums (CBC, XTS), the session granularity
 * (update_len: CBC and CTR hold a partial block back, XTS keeps the whole
 * data unit until FINAL), whether zero copy is safe, XTS's two key halves
 * and its FIPS data-unit limit.
 *
 * Sessions: the crypto API writes the chaining value back into the IV
 * after every request, which carries the state from one update to the
 * next.
 */
#include <linux/fips.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <crypto/skcipher.h>

#include "ncr_alg.h"
#include "ncr_buf.h"
#include "ncr_class.h"
#include "ncr_crypt.h"
#include "ncr_ctx.h"
#include "ncr_key.h"
#include "ncr_nonce.h"
#include "ncr_params.h"
#include "ncr_pin.h"
#include "ncr_session.h"

#define NCR_MAX_UPDATE_LEN 16	/* longest update_len in the table */
#define NCR_CIPHER_BLOCK 16	/* what a counter block counts (AES) */

struct ncr_cipher_state {
	struct crypto_skcipher *tfm;	/* owned by the key */
	bool bounded;		/* a kernel-made nonce: at most budget bytes */
	u64 budget;
	u8 iv[NCRYPTO_MAX_IV_LEN];
	u8 pending[NCR_MAX_UPDATE_LEN];
	u32 pending_len;
	u8 *unit;			/* update_len 0: the data unit so far */
	u32 unit_len;
	u32 unit_cap;
};

static void *ncr_cipher_tfm_new(const struct ncr_alg *alg,
				const struct ncr_key *key)
{
	struct crypto_skcipher *tfm = crypto_alloc_skcipher(alg->kname, 0, 0);
	int err;

	if (IS_ERR(tfm) || alg->no_setkey)
		return tfm;
	err = crypto_skcipher_setkey(tfm, key->material, key->len);
	if (err) {
		crypto_free_skcipher(tfm);
		return ERR_PTR(err);
	}
	return tfm;
}

static void ncr_cipher_tfm_free(void *tfm)
{
	crypto_free_skcipher(tfm);
}

/* An input length the algorithm takes as a whole (one-shot or FINAL). */
static int ncr_cipher_check_len(const struct ncr_alg *alg, u64 len)
{
	if (alg->len_multiple && len % alg->len_multiple)
		return -EINVAL;
	if (len < alg->min_len)
		return -EINVAL;
	if (fips_enabled && alg->fips_max_len && len > alg->fips_max_len)
		return -EACCES;
	return 0;
}

static int ncr_cipher_check_op(const struct ncr_op *o)
{
	const struct ncrypto_op *u = o->u;

	if (u->iv_len != o->alg->iv_len || u->aad_len || u->tag_len)
		return -EINVAL;
	return ncr_cipher_check_len(o->alg, u->src_len);
}

/*
 * Zero copy over pinned user pages (in place when src == dst; a partial
 * overlap, which the ABI forbids, is left to the copy path, which reads all
 * input first). 1: not possible here, the caller copies instead.
 */
static int ncr_cipher_zc(struct ncr_op *o, bool enc, u8 *iv)
{
	u32 n = o->u->src_len;
	bool inplace = o->src == o->dst;
	struct scatterlist *ssg, *dsg;
	struct ncr_pin src, dst;
	struct ncr_buf req;
	int err;

	if (!inplace && !ncr_pin_disjoint(o->src, o->dst, n))
		return 1;
	err = ncr_buf_alloc(&req, o->ctx, 0, ncr_crypt_skcipher_reqsize(o->tfm));
	if (err)
		return err;
	err = 1;
	if (ncr_pin_user(&dst, o->ctx, o->dst, n, true))
		goto out_req;
	if (!inplace && ncr_pin_user(&src, o->ctx, o->src, n, false))
		goto out_dst;
	dsg = ncr_pin_sg(&dst, NULL, 0, NULL, 0);
	ssg = inplace ? dsg : ncr_pin_sg(&src, NULL, 0, NULL, 0);
	err = ncr_crypt_skcipher(o->tfm, req.req, enc, ssg, dsg, n, iv);
	if (!inplace)
		ncr_pin_release(&src);
out_dst:
	ncr_pin_release(&dst);
out_req:
	ncr_buf_free(&req);	/* wipes the request: cipher state */
	return err;
}

/* Through one kernel buffer: all input read before any output written. */
static int ncr_cipher_copy(struct ncr_op *o, bool enc, u8 *iv)
{
	u32 n = o->u->src_len;
	struct ncr_buf buf;
	int err;

	err = ncr_buf_alloc(&buf, o->ctx, n, ncr_crypt_skcipher_reqsize(o->tfm));
	if (err)
		return err;
	err = ncr_buf_from_user(&buf, 0, o->src, n);
	if (!err)
		err = ncr_crypt_skcipher_buf(o->tfm, &buf, enc, n, iv);
	if (!err)
		err = ncr_buf_to_user(o->dst, &buf, 0, n);
	ncr_buf_free(&buf);
	return err;
}

static int ncr_cipher_run_op(struct ncr_op *o)
{
	struct ncrypto_op *u = o->u;
	bool enc = u->op == NCRYPTO_OP_ENCRYPT;
	u8 iv[NCRYPTO_MAX_IV_LEN];
	int err;

	if (u->dst_len < u->src_len) {
		u->dst_len = u->src_len;
		return -ENOSPC;
	}
	err = ncr_nonce_iv(o->key, o->alg, enc, o->iv, iv);
	if (err)
		goto out;
	if (u->src_len) {
		err = 1;
		if (u->src_len >= NCR_PIN_MIN_LEN && o->alg->zero_copy)
			err = ncr_cipher_zc(o, enc, iv);
		if (err > 0)
			err = ncr_cipher_copy(o, enc, iv);
	}
	u->dst_len = u->src_len;
out:
	memzero_explicit(iv, o->alg->iv_len);
	return err;
}

/* ---- sessions ---------------------------------------------------------- */

/*
 * A kernel-made nonce is followed by a block counter (CTR: 32 bits) that
 * must not carry into the nonce: past 2^32 blocks the keystream would be
 * the next nonce's. One-shot ops stay far below (max_op_len); a session
 * could not, so it gets a budget (EOVERFLOW beyond). With a caller's IV the
 * caller owns that limit, as with any CTR IV.
 */
static void ncr_cipher_set_budget(struct ncr_session *s,
				  struct ncr_cipher_state *st)
{
	const struct ncr_alg *alg = s->alg;
	u32 counter_bytes = alg->iv_len - alg->nonce_len;

	if (s->op != NCRYPTO_OP_ENCRYPT || !alg->nonce_len ||
	    s->key->nonce.policy == NCRYPTO_NONCE_CALLER ||
	    counter_bytes * 8 >= 64 - 4)
		return;
	st->bounded = true;
	st->budget = (u64)NCR_CIPHER_BLOCK << (counter_bytes * 8);
}

/* Take n bytes from the session's nonce budget (EOVERFLOW if short). */
static int ncr_cipher_spend(struct ncr_cipher_state *st, u32 n)
{
	if (!st->bounded)
		return 0;
	if (n > st->budget)
		return -EOVERFLOW;
	st->budget -= n;
	return 0;
}

static int ncr_cipher_session_init(struct ncr_session *s, void *tfm,
				   const u8 *iv)
{
	struct ncr_cipher_state *st;
	int err;

	err = ncr_session_charge(s, sizeof(*st));
	if (err)
		return err;
	st = kzalloc(sizeof(*st), NCR_GFP);
	if (!st) {
		ncr_session_uncharge(s, sizeof(*st));
		return -ENOMEM;
	}
	st->tfm = tfm;
	memcpy(st->iv, iv, s->alg->iv_len);
	ncr_cipher_set_budget(s, st);
	s->state_data = st;
	return 0;
}

static void ncr_cipher_session_free(struct ncr_session *s)
{
	struct ncr_cipher_state *st = s->state_data;

	if (st->unit)
		kvfree_sensitive(st->unit, st->unit_cap);
	kfree_sensitive(st);
	s->state_data = NULL;
}

/*
 * Run the cipher over pending | src[0..take) (out bytes, a multiple of
 * update_len) into dst, then keep src[take..src_len) as the new pending
 * bytes.
 */
static int ncr_cipher_run(struct ncr_session *s, const u8 __user *src,
			  u32 src_len, u8 __user *dst, u32 out)
{
	struct ncr_cipher_state *st = s->state_data;
	bool enc = s->op == NCRYPTO_OP_ENCRYPT;
	u32 take = out - st->pending_len, tail = src_len - take;
	u8 next[NCR_MAX_UPDATE_LEN];
	struct ncr_buf buf;
	int err;

	if (tail > sizeof(next))
		return -EINVAL;
	err = ncr_buf_alloc(&buf, s->ctx, out,
			    ncr_crypt_skcipher_reqsize(st->tfm));
	if (err)
		return err;
	memcpy(buf.data, st->pending, st->pending_len);
	err = ncr_buf_from_user(&buf, st->pending_len, src, take);
	if (!err && tail && copy_from_user(next, src + take, tail))
		err = -EFAULT;
	if (!err)
		err = ncr_crypt_skcipher_buf(st->tfm, &buf, enc, out, st->iv);
	if (!err)
		err = ncr_buf_to_user(dst, &buf, 0, out);
	if (!err) {
		memcpy(st->pending, next, tail);
		st->pending_len = tail;
	}
	memzero_explicit(next, sizeof(next));
	ncr_buf_free(&buf);
	return err;
}

/* Append src to the data unit, growing the buffer geometrically. */
static int ncr_cipher_unit_append(struct ncr_session *s, const u8 __user *src,
				  u32 src_len)
{
	struct ncr_cipher_state *st = s->state_data;
	u32 limit = ncr_limit_op_len();
	u64 need = (u64)st->unit_len + src_len;
	u32 cap;
	u8 *nb;
	int err;

	if (need > limit)
		return -E2BIG;
	if (need > st->unit_cap) {
		cap = max_t(u32, need, min_t(u64, (u64)st->unit_cap * 2, limit));
		cap = min_t(u32, max_t(u32, cap, 256), limit);
		err = ncr_session_charge(s, cap - st->unit_cap);
		if (err)
			return err;
		nb = kvmalloc(cap, NCR_GFP);
		if (!nb) {
			ncr_session_uncharge(s, cap - st->unit_cap);
			return -ENOMEM;
		}
		if (st->unit) {
			memcpy(nb, st->unit, st->unit_len);
			kvfree_sensitive(st->unit, st->unit_cap);
		}
		st->unit = nb;
		st->unit_cap = cap;
	}
	if (src_len && copy_from_user(st->unit + st->unit_len, src, src_len))
		return -EFAULT;
	st->unit_len = need;
	return 0;
}

static int ncr_cipher_session_update(struct ncr_session *s,
				     struct ncr_sdata *d)
{
	struct ncr_cipher_state *st = s->state_data;
	struct ncrypto_session_data *u = d->u;
	u32 chunk = s->alg->update_len;
	u64 total;
	u32 out;
	int err;

	if (!chunk) {
		u->dst_len = 0;
		return ncr_cipher_unit_append(s, d->src, u->src_len);
	}
	total = (u64)st->pending_len + u->src_len;
	out = total - total % chunk;
	if (u->dst_len < out) {
		u->dst_len = out;
		return -ENOSPC;
	}
	err = ncr_cipher_spend(st, u->src_len);
	if (err)
		return err;
	u->dst_len = out;
	if (!out) {	/* still short of a chunk */
		if (copy_from_user(st->pending + st->pending_len, d->src,
				   u->src_len))
			return -EFAULT;
		st->pending_len += u->src_len;
		return 0;
	}
	return ncr_cipher_run(s, d->src, u->src_len, d->dst, out);
}

/* The data unit so far plus src, in one request. */
static int ncr_cipher_unit_final(struct ncr_session *s, struct ncr_sdata *d,
				 u64 total)
{
	struct ncr_cipher_state *st = s->state_data;
	bool enc = s->op == NCRYPTO_OP_ENCRYPT;
	struct ncr_buf buf;
	int err;

	err = ncr_buf_alloc(&buf, s->ctx, total,
			    ncr_crypt_skcipher_reqsize(st->tfm));
	if (err)
		return err;
	if (st->unit_len)
		memcpy(buf.data, st->unit, st->unit_len);
	err = ncr_buf_from_user(&buf, st->unit_len, d->src, d->u->src_len);
	if (!err)
		err = ncr_crypt_skcipher_buf(st->tfm, &buf, enc, total, st->iv);
	if (!err)
		err = ncr_buf_to_user(d->dst, &buf, 0, total);
	ncr_buf_free(&buf);
	return err;
}

static int ncr_cipher_session_final(struct ncr_session *s, struct ncr_sdata *d)
{
	struct ncr_cipher_state *st = s->state_data;
	struct ncrypto_session_data *u = d->u;
	u64 held = s->alg->update_len ? st->pending_len : st->unit_len;
	u64 total = held + u->src_len;
	int err;

	if (u->tag_len)
		return -EINVAL;
	if (total > ncr_limit_op_len())
		return -E2BIG;
	err = ncr_cipher_check_len(s->alg, total);
	if (err)
		return err;	/* e.g. CBC with a partial block pending */
	if (u->dst_len < total) {
		u->dst_len = total;
		return -ENOSPC;
	}
	err = ncr_cipher_spend(st, u->src_len);
	if (err)
		return err;
	u->dst_len = total;
	if (!total)
		return 0;
	if (!s->alg->update_len)
		return ncr_cipher_unit_final(s, d, total);
	/* CTR's last partial block, or whole blocks: all of it, now */
	return ncr_cipher_run(s, d->src, u->src_len, d->dst, total);
}

const struct ncr_class ncr_cipher_class = {
	.id = NCRYPTO_CLASS_CIPHER,
	.ops = BIT(NCRYPTO_OP_ENCRYPT) | BIT(NCRYPTO_OP_DECRYPT),
	.tfm_new = ncr_cipher_tfm_new,
	.tfm_free = ncr_cipher_tfm_free,
	.check_op = ncr_cipher_check_op,
	.run_op = ncr_cipher_run_op,
	.session_init = ncr_cipher_session_init,
	.session_update = ncr_cipher_session_update,
	.session_final = ncr_cipher_session_final,
	.session_free = ncr_cipher_session_free,
};
