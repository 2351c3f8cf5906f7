/* SPDX-License-Identifier: GPL-2.0 */
/* Synchronous calls into the crypto API shared by one-shot ops and sessions. */
#ifndef NCR_CRYPT_H
#define NCR_CRYPT_H

#include <linux/types.h>

struct crypto_skcipher;
struct crypto_aead;
struct scatterlist;
struct shash_desc;
struct ncr_buf;
struct ncr_ctx;

size_t ncr_crypt_skcipher_reqsize(struct crypto_skcipher *tfm);
size_t ncr_crypt_aead_reqsize(struct crypto_aead *tfm);
int ncr_crypt_skcipher(struct crypto_skcipher *tfm, void *req_mem,
		       bool encrypt, struct scatterlist *src,
		       struct scatterlist *dst, unsigned int len, u8 *iv);
int ncr_crypt_skcipher_buf(struct crypto_skcipher *tfm, struct ncr_buf *buf,
			   bool encrypt, unsigned int len, u8 *iv);
int ncr_crypt_aead(struct crypto_aead *tfm, void *req_mem, bool encrypt,
		   struct scatterlist *src, struct scatterlist *dst,
		   unsigned int assoclen,
		   unsigned int cryptlen, u8 *iv);
int ncr_crypt_hash_user(struct ncr_ctx *ctx, struct shash_desc *desc,
			const void __user *src, u32 len);

#endif /* NCR_CRYPT_H */
