/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The algorithm table: ncrypto numbers, kernel names, sizes, quirks and FIPS
 * rules, one entry per algorithm. What an algorithm's class does with these
 * fields lives in the class's file (ncr_hash.c, ncr_mac.c, ncr_cipher.c,
 * ncr_aead.c), reached through alg->cls.
 */
#ifndef NCR_ALG_H
#define NCR_ALG_H

#include <linux/percpu.h>
#include <linux/types.h>
#include <linux/ncrypto.h>

struct crypto_shash;
struct ncr_class;

struct ncr_alg {
	u32 id;			/* enum ncrypto_alg */
	u32 alg_class;		/* enum ncrypto_alg_class */
	u32 key_type;		/* enum ncrypto_key_type, 0 = unkeyed; public-
				 * key algorithms: the private key's type */
	u32 key_types;		/* BIT() of every type it takes; 0 at build
				 * time = BIT(key_type) */
	u32 min_key_len;
	u32 max_key_len;
	u32 key_len_step;	/* valid lengths: min, min+step, ..., max */
	u32 iv_len;		/* bytes the op's iv carries */
	u32 nonce_len;		/* bytes of it a nonce policy makes (the rest
				 * is a block counter starting at 0), 0 = the
				 * algorithm takes no nonce */
	u32 block_len;		/* input granularity reported by INFO */
	u32 len_multiple;	/* one-shot input must be a multiple (CBC) */
	u32 min_len;		/* shortest input (XTS: one block) */
	u32 update_len;		/* sessions: UPDATE outputs multiples of this;
				 * 0 = buffer everything until FINAL (XTS) */
	u32 out_len;		/* digest/MAC length, or max AEAD tag */
	u32 tag_lens;		/* AEAD: bit n set = tag length n allowed */
	u32 default_tag_len;	/* AEAD: a key's tag length unless it says */

	const char *name;	/* short name: sysfs counters/ops_<name> */
	const char *stat_name;	/* "ops_<name>" */
	const char *kname;	/* crypto API name */

	bool session;		/* multi-part sessions supported */
	bool no_setkey;		/* the transform takes no key (null cipher) */
	bool zero_copy;		/* one-shot may run over pinned user pages */
	bool key_halves;	/* two keys in one (XTS) */

	/* FIPS 140-3 (when fips_enabled) */
	bool fips_allowed;
	u32 fips_min_key_len;	/* shorter keys refused (HMAC: 112 bits) */
	u32 fips_min_tag_len;	/* shorter tags refused (GCM: 96 bits) */
	u32 fips_max_len;	/* longer inputs refused (XTS: 2^20 blocks) */
	bool fips_kernel_nonce;	/* encryption needs a kernel-made nonce */

	/* set at load */
	const struct ncr_class *cls;
	unsigned int index;	/* position in ncr_algs[] */
	unsigned int slot;	/* transform slot in unbound keys of key_type */
	bool available;		/* the kernel has the transform */
	u64 __percpu *ops;	/* operations completed, module-wide */
	struct crypto_shash *hash_tfm;	/* unkeyed hashes: shared, lazy */
};

extern struct ncr_alg ncr_algs[];
extern const unsigned int ncr_n_algs;

int ncr_alg_init(void);
void ncr_alg_exit(void);

struct ncr_alg *ncr_alg_find(u32 id);
unsigned int ncr_alg_key_slots(u32 key_type);

bool ncr_alg_fips_mode(void);
int ncr_alg_usable(const struct ncr_alg *alg);
bool ncr_alg_key_len_ok(const struct ncr_alg *alg, u32 len);

static inline bool ncr_alg_takes_key(const struct ncr_alg *alg, u32 type)
{
	return type < 32 && alg->key_types & BIT(type);
}
bool ncr_alg_tag_len_ok(const struct ncr_alg *alg, u32 tag_len);

struct crypto_shash *ncr_alg_hash_tfm(struct ncr_alg *alg);
void ncr_alg_count_op(const struct ncr_alg *alg);
u64 ncr_alg_ops(const struct ncr_alg *alg);

#endif /* NCR_ALG_H */
