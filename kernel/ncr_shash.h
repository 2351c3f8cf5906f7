/* SPDX-License-Identifier: GPL-2.0 */
/* What the hash and MAC classes share: shash digests over user memory. */
#ifndef NCR_SHASH_H
#define NCR_SHASH_H

#include <linux/types.h>

struct crypto_shash;
struct ncr_alg;
struct ncr_ctx;
struct ncr_key;
struct ncr_sdata;
struct ncr_session;

int ncr_shash_digest_user(struct ncr_ctx *ctx, struct crypto_shash *tfm,
			  const void __user *src, u32 len, u8 *out);

void *ncr_shash_tfm_new(const struct ncr_alg *alg, const struct ncr_key *key);
void ncr_shash_tfm_free(void *tfm);

int ncr_shash_session_init(struct ncr_session *s, void *tfm, const u8 *iv);
int ncr_shash_session_update(struct ncr_session *s, struct ncr_sdata *d);
int ncr_shash_session_finish(struct ncr_session *s, struct ncr_sdata *d,
			     u8 *out);
int ncr_shash_session_clone(struct ncr_session *n, struct ncr_session *s);
void ncr_shash_session_free(struct ncr_session *s);

#endif /* NCR_SHASH_H */
