/* SPDX-License-Identifier: GPL-2.0 */
/* The algorithm table: ncrypto numbers, kernel names, sizes, FIPS policy. */
#ifndef NCR_ALG_H
#define NCR_ALG_H

#include <linux/atomic.h>
#include <linux/types.h>
#include <linux/ncrypto.h>

struct crypto_shash;
struct ncr_key;

struct ncr_alg {
	u32 id;			/* enum ncrypto_alg */
	u32 alg_class;		/* enum ncrypto_alg_class */
	u32 key_type;		/* enum ncrypto_key_type, 0 = unkeyed */
	u32 min_key_len;
	u32 max_key_len;
	u32 key_len_step;	/* valid lengths: min, min+step, ..., max */
	u32 iv_len;
	u32 block_len;		/* input granularity reported by INFO */
	u32 chunk;		/* session cipher granularity (pending block) */
	u32 out_len;		/* digest/MAC length, or max AEAD tag */
	const char *name;	/* short name: sysfs counters/ops_<name> */
	const char *stat_name;	/* "ops_<name>" */
	const char *kname;	/* crypto API name */
	bool fips_allowed;
	bool session;		/* multi-part sessions supported */
	bool no_setkey;		/* the transform takes no key (null cipher) */

	/* set at load */
	bool available;		/* the kernel has the transform */
	unsigned int slot;	/* first transform slot in keys of key_type */
	unsigned int n_slots;	/* AEAD: one per tag length */

	atomic64_t ops;		/* operations completed */
	struct crypto_shash *hash_tfm;	/* unkeyed hashes: shared, lazy */
};

extern struct ncr_alg ncr_algs[];
extern const unsigned int ncr_n_algs;

int ncr_alg_init(void);
void ncr_alg_exit(void);

struct ncr_alg *ncr_alg_find(u32 id);
unsigned int ncr_alg_key_slots(u32 key_type);
struct ncr_alg *ncr_alg_of_slot(u32 key_type, unsigned int slot);

int ncr_alg_usable(const struct ncr_alg *alg);
int ncr_alg_check_key(const struct ncr_alg *alg, const struct ncr_key *key);
int ncr_alg_check_tag_len(const struct ncr_alg *alg, u32 tag_len);
int ncr_alg_fips_key(const struct ncr_alg *alg, const struct ncr_key *key);
int ncr_alg_fips_tag(const struct ncr_alg *alg, u32 tag_len);
int ncr_alg_fips_keygen(u32 type, u32 len);
bool ncr_alg_fips_mode(void);

struct crypto_shash *ncr_alg_hash_tfm(struct ncr_alg *alg);
void ncr_alg_count_op(struct ncr_alg *alg);
void ncr_alg_fill_info(const struct ncr_alg *alg, struct ncrypto_alg_info *ai);

#endif /* NCR_ALG_H */
