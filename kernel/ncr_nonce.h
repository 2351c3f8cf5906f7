/* SPDX-License-Identifier: GPL-2.0 */
/* Nonce policies: who makes the IV of an encryption (see <linux/ncrypto.h>). */
#ifndef NCR_NONCE_H
#define NCR_NONCE_H

#include <linux/atomic.h>
#include <linux/types.h>
#include <linux/ncrypto.h>

struct ncr_alg;
struct ncr_key;

struct ncr_nonce {
	u32 policy;		/* enum ncrypto_nonce_policy */
	u32 fixed_len;
	u8 fixed[NCRYPTO_MAX_NONCE_FIXED_LEN];
	u64 start;		/* first counter value */
	atomic64_t used;	/* nonces handed out (counter = start + used) */
};

int ncr_nonce_setup(struct ncr_nonce *n, const struct ncr_alg *alg,
		    const struct ncrypto_key_create *kc);
void ncr_nonce_wipe(struct ncr_nonce *n);
u64 ncr_nonce_next_counter(const struct ncr_nonce *n);

/*
 * The IV of an encryption or decryption of key with alg into iv (iv_len
 * bytes of alg): for an encryption with a kernel-made policy, made and
 * written to uiv at once (before a mode such as CTR advances it in iv);
 * otherwise read from uiv.
 */
int ncr_nonce_iv(struct ncr_key *key, const struct ncr_alg *alg, bool enc,
		 void __user *uiv, u8 *iv);

#endif /* NCR_NONCE_H */
