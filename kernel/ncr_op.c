// SPDX-License-Identifier: GPL-2.0
/*
 * NCRYPTO_IOC_OP: one whole operation in one call (the table in
 * <linux/ncrypto.h>). Validation order: struct, flags and reserved fields
 * (EINVAL), algorithm (EINVAL unknown, EACCES FIPS, ENOPKG absent), sizes
 * (E2BIG), pointers (EFAULT), per-class argument checks (EINVAL), key
 * (ENOENT, EINVAL, EACCES, EPERM), output capacity (ENOSPC, with the
 * needed length written back). Then the work, with the key referenced so
 * a concurrent KEY_DESTROY cannot free it under us.
 */
#include <linux/slab.h>
#include <crypto/aead.h>
#include <crypto/hash.h>
#include <crypto/skcipher.h>

#include <linux/ncrypto.h>

#include "ncr_alg.h"
#include "ncr_buf.h"
#include "ncr_crypt.h"
#include "ncr_ctx.h"
#include "ncr_key.h"
#include "ncr_op.h"
#include "ncr_params.h"
#include "ncr_pin.h"
#include "ncr_uapi.h"

/* The op's user pointers, checked (NULL only with length 0). */
struct ncr_op_ptrs {
	void __user *iv, *aad, *src, *dst, *tag;
};

static int ncr_op_ptrs(const struct ncrypto_op *op, struct ncr_op_ptrs *p)
{
	if (ncr_uapi_ptr(op->iv, op->iv_len, &p->iv) ||
	    ncr_uapi_ptr(op->aad, op->aad_len, &p->aad) ||
	    ncr_uapi_ptr(op->src, op->src_len, &p->src) ||
	    ncr_uapi_ptr(op->dst, op->dst_len, &p->dst) ||
	    ncr_uapi_ptr(op->tag, op->tag_len, &p->tag))
		return -EFAULT;
	return 0;
}

/* DIGEST (unkeyed), SIGN and VERIFY (keyed): shash over user memory. */
static int ncr_op_hash(struct ncr_ctx *ctx, struct ncrypto_op *op,
		       struct ncr_alg *alg, const struct ncr_op_ptrs *p)
{
	u8 out[NCRYPTO_MAX_DIGEST_LEN], want[NCRYPTO_MAX_DIGEST_LEN];
	struct ncr_key *key = NULL;
	struct crypto_shash *tfm;
	int err;

	if (op->iv_len || op->aad_len)
		return -EINVAL;
	if (alg->alg_class == NCRYPTO_CLASS_HASH) {
		if (op->op != NCRYPTO_OP_DIGEST || op->key || op->tag_len)
			return -EINVAL;
	} else if (op->op == NCRYPTO_OP_SIGN) {
		if (op->tag_len)
			return -EINVAL;
	} else if (op->op == NCRYPTO_OP_VERIFY) {
		if (op->tag_len < 1 || op->tag_len > alg->out_len)
			return -EINVAL;
	} else {
		return -EINVAL;
	}

	tfm = ncr_key_acquire_tfm(ctx, op->key, alg,
				  op->op == NCRYPTO_OP_SIGN ?
				  NCRYPTO_KEY_SIGN : NCRYPTO_KEY_VERIFY, &key);
	if (IS_ERR(tfm))
		return PTR_ERR(tfm);

	if (op->op == NCRYPTO_OP_VERIFY) {
		op->dst_len = 0;
		if (copy_from_user(want, p->tag, op->tag_len)) {
			err = -EFAULT;
			goto out_key;
		}
	} else if (op->dst_len < alg->out_len) {
		op->dst_len = alg->out_len;
		err = -ENOSPC;
		goto out_key;
	}

	{
		SHASH_DESC_ON_STACK(desc, tfm);

		desc->tfm = tfm;
		err = crypto_shash_init(desc);
		if (!err)
			err = ncr_crypt_hash_user(desc, p->src, op->src_len);
		if (!err)
			err = crypto_shash_final(desc, out);
		shash_desc_zero(desc);
	}
	if (err)
		goto out_wipe;

	if (op->op == NCRYPTO_OP_VERIFY) {
		if (crypto_memneq(out, want, op->tag_len))
			err = -EBADMSG;
	} else {
		if (copy_to_user(p->dst, out, alg->out_len))
			err = -EFAULT;
		op->dst_len = alg->out_len;
	}
out_wipe:
	memzero_explicit(out, sizeof(out));
	memzero_explicit(want, sizeof(want));
out_key:
	ncr_key_put(key);
	return err;
}

/*
 * Zero-copy cipher over pinned user pages (in place when src == dst; a
 * partial overlap, which the ABI forbids, is left to the copy path, which
 * reads all input first). 1: not possible here, the caller copies instead.
 */
static int ncr_op_cipher_zc(const struct ncr_alg *alg,
			    struct crypto_skcipher *tfm, bool enc,
			    const struct ncr_op_ptrs *p, u32 n, u8 *iv)
{
	bool inplace = p->src == p->dst;
	struct scatterlist *ssg, *dsg;
	struct ncr_pin src, dst;
	size_t req_size;
	void *req;
	int err = 1;

	/*
	 * Not XTS: the generic xts template stores src ^ tweak in dst before
	 * encrypting it there, and a thread reading dst meanwhile would learn
	 * tweaks (an ECB oracle under both keys). Every other mode leaves only
	 * values the caller can compute from its input and output.
	 */
	if (n < NCR_PIN_MIN_LEN || alg->id == NCRYPTO_ALG_AES_XTS ||
	    (!inplace && !ncr_pin_disjoint(p->src, p->dst, n)))
		return 1;
	req_size = ncr_crypt_skcipher_reqsize(tfm);
	req = kmalloc(req_size, GFP_KERNEL);
	if (!req)
		return -ENOMEM;
	if (ncr_pin_user(&dst, p->dst, n, true))
		goto out_req;
	if (!inplace && ncr_pin_user(&src, p->src, n, false))
		goto out_dst;
	dsg = ncr_pin_sg(&dst, NULL, 0, NULL, 0);
	ssg = inplace ? dsg : ncr_pin_sg(&src, NULL, 0, NULL, 0);
	err = ncr_crypt_skcipher(tfm, req, enc, ssg, dsg, n, iv);
	if (!inplace)
		ncr_pin_release(&src);
out_dst:
	ncr_pin_release(&dst);
out_req:
	memzero_explicit(req, req_size);	/* cipher state */
	kfree(req);
	return err;
}

/* ENCRYPT/DECRYPT with a block cipher mode or the null cipher. */
static int ncr_op_cipher(struct ncr_ctx *ctx, struct ncrypto_op *op,
			 struct ncr_alg *alg, const struct ncr_op_ptrs *p)
{
	bool enc = op->op == NCRYPTO_OP_ENCRYPT;
	u8 iv[NCRYPTO_MAX_IV_LEN];
	struct crypto_skcipher *tfm;
	struct ncr_key *key;
	struct ncr_buf buf;
	int err;

	if ((!enc && op->op != NCRYPTO_OP_DECRYPT) ||
	    op->iv_len != alg->iv_len || op->aad_len || op->tag_len)
		return -EINVAL;
	if (alg->id == NCRYPTO_ALG_AES_CBC && op->src_len % 16)
		return -EINVAL;
	if (alg->id == NCRYPTO_ALG_AES_XTS && op->src_len < 16)
		return -EINVAL;

	err = ncr_key_acquire(ctx, op->key, alg,
			      enc ? NCRYPTO_KEY_ENCRYPT : NCRYPTO_KEY_DECRYPT,
			      &key);
	if (err)
		return err;
	tfm = ncr_key_tfm(key, alg, 0);
	if (IS_ERR(tfm)) {
		err = PTR_ERR(tfm);
		goto out_key;
	}
	if (op->dst_len < op->src_len) {
		op->dst_len = op->src_len;
		err = -ENOSPC;
		goto out_key;
	}
	if (copy_from_user(iv, p->iv, op->iv_len)) {
		err = -EFAULT;
		goto out_key;
	}
	if (!op->src_len) {
		op->dst_len = 0;
		goto out_key;
	}
	err = ncr_op_cipher_zc(alg, tfm, enc, p, op->src_len, iv);
	if (err <= 0) {
		if (!err)
			op->dst_len = op->src_len;
		goto out_key;
	}

	err = ncr_buf_alloc(&buf, op->src_len, ncr_crypt_skcipher_reqsize(tfm));
	if (err)
		goto out_key;
	err = ncr_buf_from_user(&buf, 0, p->src, op->src_len);
	if (err)
		goto out_buf;
	err = ncr_crypt_skcipher_buf(tfm, &buf, enc, op->src_len, iv);
	if (err)
		goto out_buf;
	err = ncr_buf_to_user(p->dst, &buf, 0, op->src_len);
	op->dst_len = op->src_len;
out_buf:
	ncr_buf_free(&buf);
out_key:
	memzero_explicit(iv, sizeof(iv));
	ncr_key_put(key);
	return err;
}

/* Larger aad is rare (TLS uses 13 bytes): it takes the copy path. */
#define NCR_OP_ZC_MAX_AAD 512

/*
 * Zero-copy AEAD encryption: src | dst pinned, the aad and the tag in a
 * small kernel buffer (aad first in both scatterlists, the tag after the
 * text in dst), the tag copied out last, so a tag right after the text
 * (TLS layout) works. Never used to decrypt: plaintext must not reach user
 * memory before the tag is verified. 1: the caller copies instead.
 */
static int ncr_op_aead_zc(struct crypto_aead *tfm, const struct ncr_op_ptrs *p,
			  u32 aad, u32 n, u32 t, u8 *iv)
{
	bool inplace = p->src == p->dst;
	struct scatterlist *ssg, *dsg;
	struct ncr_pin src, dst;
	struct ncr_buf buf;
	int err;

	if (n < NCR_PIN_MIN_LEN || aad > NCR_OP_ZC_MAX_AAD ||
	    (!inplace && !ncr_pin_disjoint(p->src, p->dst, n)))
		return 1;
	err = ncr_buf_alloc(&buf, (size_t)aad + t, ncr_crypt_aead_reqsize(tfm));
	if (err)
		return err;
	err = 1;
	if (is_vmalloc_addr(buf.data))	/* not for sg_set_buf */
		goto out_buf;
	err = ncr_buf_from_user(&buf, 0, p->aad, aad);
	if (err)
		goto out_buf;
	err = 1;
	if (ncr_pin_user(&dst, p->dst, n, true))
		goto out_buf;
	if (!inplace && ncr_pin_user(&src, p->src, n, false))
		goto out_dst;
	dsg = ncr_pin_sg(&dst, buf.data, aad, buf.data + aad, t);
	ssg = inplace ? dsg : ncr_pin_sg(&src, buf.data, aad, NULL, 0);
	err = ncr_crypt_aead(tfm, buf.req, true, ssg, dsg, aad, n, iv);
	if (!inplace)
		ncr_pin_release(&src);
out_dst:
	ncr_pin_release(&dst);
	if (!err)
		err = ncr_buf_to_user(p->tag, &buf, aad, t);
out_buf:
	ncr_buf_free(&buf);
	return err;
}

/*
 * AEAD in place in one kernel buffer laid out aad | text | tag, filled
 * completely from user memory before anything is written back.
 */
static int ncr_op_aead(struct ncr_ctx *ctx, struct ncrypto_op *op,
		       struct ncr_alg *alg, const struct ncr_op_ptrs *p)
{
	bool enc = op->op == NCRYPTO_OP_ENCRYPT;
	u32 aad = op->aad_len, n = op->src_len, t = op->tag_len;
	u8 iv[NCRYPTO_MAX_IV_LEN];
	struct crypto_aead *tfm;
	struct scatterlist *sg;
	struct ncr_key *key;
	struct ncr_buf buf;
	int err;

	if ((!enc && op->op != NCRYPTO_OP_DECRYPT) ||
	    op->iv_len != alg->iv_len)
		return -EINVAL;
	err = ncr_alg_check_tag_len(alg, t);
	if (err)
		return err;
	err = ncr_alg_fips_tag(alg, t);
	if (err)
		return err;

	err = ncr_key_acquire(ctx, op->key, alg,
			      enc ? NCRYPTO_KEY_ENCRYPT : NCRYPTO_KEY_DECRYPT,
			      &key);
	if (err)
		return err;
	tfm = ncr_key_tfm(key, alg, t);
	if (IS_ERR(tfm)) {
		err = PTR_ERR(tfm);
		goto out_key;
	}
	if (op->dst_len < n) {
		op->dst_len = n;
		err = -ENOSPC;
		goto out_key;
	}
	if (copy_from_user(iv, p->iv, op->iv_len)) {
		err = -EFAULT;
		goto out_key;
	}
	if (enc) {
		err = ncr_op_aead_zc(tfm, p, aad, n, t, iv);
		if (err <= 0) {
			if (!err)
				op->dst_len = n;
			goto out_key;
		}
	}

	err = ncr_buf_alloc(&buf, (size_t)aad + n + t,
			    ncr_crypt_aead_reqsize(tfm));
	if (err)
		goto out_key;
	err = ncr_buf_from_user(&buf, 0, p->aad, aad);
	if (!err)
		err = ncr_buf_from_user(&buf, aad, p->src, n);
	if (!err && !enc)
		err = ncr_buf_from_user(&buf, (size_t)aad + n, p->tag, t);
	if (err)
		goto out_buf;
	sg = ncr_buf_sg(&buf);
	if (IS_ERR(sg)) {
		err = PTR_ERR(sg);
		goto out_buf;
	}
	err = ncr_crypt_aead(tfm, buf.req, enc, sg, sg, aad, enc ? n : n + t,
			     iv);
	if (err)
		goto out_buf;	/* EBADMSG: dst untouched */
	err = ncr_buf_to_user(p->dst, &buf, aad, n);
	if (!err && enc)
		err = ncr_buf_to_user(p->tag, &buf, (size_t)aad + n, t);
	op->dst_len = n;
out_buf:
	ncr_buf_free(&buf);
out_key:
	memzero_explicit(iv, sizeof(iv));
	ncr_key_put(key);
	return err;
}

long ncr_op_ioctl(struct ncr_ctx *ctx, void __user *uarg)
{
	struct ncrypto_op op;
	struct ncr_op_ptrs p;
	struct ncr_alg *alg;
	u32 usize;
	int err;

	err = ncr_uapi_copy_in(&op, sizeof(op), NCRYPTO_SIZE_OP_VER0, uarg,
			       &usize);
	if (err)
		return err;
	if (op.flags || op.params || op.params_len || op.reserved0 ||
	    !ncr_uapi_zero(op.reserved, sizeof(op.reserved)))
		return -EINVAL;
	alg = ncr_alg_find(op.alg);
	if (!alg)
		return -EINVAL;
	err = ncr_alg_usable(alg);
	if (err)
		return err;
	if ((u64)op.src_len + op.aad_len > ncr_limit_op_len())
		return -E2BIG;
	err = ncr_op_ptrs(&op, &p);
	if (err)
		return err;

	switch (alg->alg_class) {
	case NCRYPTO_CLASS_HASH:
	case NCRYPTO_CLASS_MAC:
		err = ncr_op_hash(ctx, &op, alg, &p);
		break;
	case NCRYPTO_CLASS_CIPHER:
		err = ncr_op_cipher(ctx, &op, alg, &p);
		break;
	case NCRYPTO_CLASS_AEAD:
		err = ncr_op_aead(ctx, &op, alg, &p);
		break;
	default:
		err = -EINVAL;
	}
	if (!err)
		ncr_alg_count_op(alg);
	/* dst_len is the only output field: write back just that */
	if ((!err || err == -ENOSPC) &&
	    put_user(op.dst_len, &((struct ncrypto_op __user *)uarg)->dst_len))
		err = -EFAULT;
	return err;
}
