// SPDX-License-Identifier: GPL-2.0
/*
 * Synchronous use of the (asynchronous) crypto API. Transforms are
 * allocated with mask 0 so x86 gets the AES-NI implementations, which are
 * registered only as async wrappers; each request waits for its own
 * completion. MAY_SLEEP: we run in process context. MAY_BACKLOG: a busy
 * queue (cryptd) must not make the request fail with EBUSY.
 */
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <crypto/aead.h>
#include <crypto/hash.h>
#include <crypto/skcipher.h>

#include "ncr_buf.h"
#include "ncr_ctx.h"
#include "ncr_crypt.h"
#include "ncr_pin.h"

#define NCR_REQ_FLAGS (CRYPTO_TFM_REQ_MAY_SLEEP | CRYPTO_TFM_REQ_MAY_BACKLOG)

/*
 * Large hash input is read from pinned user pages (ncr_pin_hash); small
 * input, and whatever could not be pinned, through a bounce buffer.
 */
#define NCR_HASH_CHUNK (16u << 10)

/* Small input (TLS handshake messages, HMAC of a record) skips kmalloc. */
#define NCR_HASH_STACK 256

/*
 * Requests live in caller-provided memory of the size these functions give
 * (struct ncr_buf allocates it with the data and wipes it afterwards).
 */
size_t ncr_crypt_skcipher_reqsize(struct crypto_skcipher *tfm)
{
	return sizeof(struct skcipher_request) + crypto_skcipher_reqsize(tfm);
}

size_t ncr_crypt_aead_reqsize(struct crypto_aead *tfm)
{
	return sizeof(struct aead_request) + crypto_aead_reqsize(tfm);
}

int ncr_crypt_skcipher(struct crypto_skcipher *tfm, void *req_mem,
		       bool encrypt, struct scatterlist *src,
		       struct scatterlist *dst, unsigned int len, u8 *iv)
{
	struct skcipher_request *req = req_mem;
	DECLARE_CRYPTO_WAIT(wait);

	skcipher_request_set_tfm(req, tfm);
	skcipher_request_set_callback(req, NCR_REQ_FLAGS, crypto_req_done,
				      &wait);
	skcipher_request_set_crypt(req, src, dst, len, iv);
	return crypto_wait_req(encrypt ? crypto_skcipher_encrypt(req) :
					 crypto_skcipher_decrypt(req), &wait);
}

/*
 * Encrypt or decrypt the first len bytes of a filled kernel buffer in
 * place, with the request memory the buffer was allocated with.
 */
int ncr_crypt_skcipher_buf(struct crypto_skcipher *tfm, struct ncr_buf *buf,
			   bool encrypt, unsigned int len, u8 *iv)
{
	struct scatterlist *sg = ncr_buf_sg(buf);

	if (IS_ERR(sg))
		return PTR_ERR(sg);
	return ncr_crypt_skcipher(tfm, buf->req, encrypt, sg, sg, len, iv);
}

/*
 * Over aad | text | tag (src and dst both start with the aad). cryptlen
 * excludes the tag on encrypt (the tag is appended to dst) and includes it
 * on decrypt, where a wrong tag gives EBADMSG; decryption always runs in a
 * kernel buffer, whose text is then never copied out.
 */
int ncr_crypt_aead(struct crypto_aead *tfm, void *req_mem, bool encrypt,
		   struct scatterlist *src, struct scatterlist *dst,
		   unsigned int assoclen,
		   unsigned int cryptlen, u8 *iv)
{
	struct aead_request *req = req_mem;
	DECLARE_CRYPTO_WAIT(wait);

	aead_request_set_tfm(req, tfm);
	aead_request_set_callback(req, NCR_REQ_FLAGS, crypto_req_done, &wait);
	aead_request_set_ad(req, assoclen);
	aead_request_set_crypt(req, src, dst, cryptlen, iv);
	return crypto_wait_req(encrypt ? crypto_aead_encrypt(req) :
					 crypto_aead_decrypt(req), &wait);
}

/*
 * Hash len bytes of user memory into desc: small input through the stack,
 * large input over pinned pages, and whatever could not be pinned through
 * a bounce buffer charged to ctx.
 */
int ncr_crypt_hash_user(struct ncr_ctx *ctx, struct shash_desc *desc,
			const void __user *src, u32 len)
{
	size_t cap = min_t(size_t, len, NCR_HASH_CHUNK);
	u8 *bounce;
	int err = 0;

	if (len <= NCR_HASH_STACK) {
		u8 small[NCR_HASH_STACK];

		if (!len)
			return 0;
		if (copy_from_user(small, src, len))
			err = -EFAULT;
		else
			err = crypto_shash_update(desc, small, len);
		memzero_explicit(small, len);
		return err;
	}
	if (len >= NCR_PIN_MIN_LEN) {
		size_t left = len;

		err = ncr_pin_hash(desc, &src, &left);
		if (err || !left)
			return err;
		len = left;
		cap = min_t(size_t, len, NCR_HASH_CHUNK);
	}
	err = ncr_ctx_charge_mem(ctx, cap);
	if (err)
		return err;
	bounce = kmalloc(cap, NCR_GFP);
	if (!bounce) {
		ncr_ctx_uncharge_mem(ctx, cap);
		return -ENOMEM;
	}
	while (len) {
		size_t n = min_t(size_t, len, cap);

		if (copy_from_user(bounce, src, n)) {
			err = -EFAULT;
			break;
		}
		err = crypto_shash_update(desc, bounce, n);
		if (err)
			break;
		src += n;
		len -= n;
		cond_resched();	/* up to max_op_len (64 MiB) of hashing */
	}
	kfree_sensitive(bounce);
	ncr_ctx_uncharge_mem(ctx, cap);
	return err;
}
