/* SPDX-License-Identifier: GPL-2.0 */
/* Key objects: material, usage, cached transforms. */
#ifndef NCR_KEY_H
#define NCR_KEY_H

#include <linux/atomic.h>
#include <linux/kref.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/types.h>

struct ncr_alg;
struct ncr_ctx;

/* One lazily made transform per algorithm (per tag length for AEAD). */
struct ncr_key_tfm {
	void *tfm;		/* crypto_shash/skcipher/aead, published last */
	u32 alg_class;		/* how to free it */
};

struct ncr_key {
	struct kref ref;	/* the handle, plus each op and session */
	struct rcu_head rcu;	/* lookups run under RCU */
	struct ncr_ctx *ctx;	/* charged context (holds a reference) */
	u32 type;
	u32 len;
	atomic_t usage;		/* NCRYPTO_KEY_*, only ever shrinks */
	u8 *material;
	u64 charged;		/* bytes charged; under tfm_lock after create */
	struct mutex tfm_lock;	/* serializes transform creation */
	unsigned int n_slots;
	struct ncr_key_tfm tfms[];
};

void ncr_key_get(struct ncr_key *key);
bool ncr_key_tryget(struct ncr_key *key);
void ncr_key_put(struct ncr_key *key);
void *ncr_key_tfm(struct ncr_key *key, const struct ncr_alg *alg, u32 tag_len);
int ncr_key_acquire(struct ncr_ctx *ctx, u32 handle, struct ncr_alg *alg,
		    u32 usage, struct ncr_key **out);
void *ncr_key_acquire_tfm(struct ncr_ctx *ctx, u32 handle,
			  struct ncr_alg *alg, u32 usage,
			  struct ncr_key **keyp);

long ncr_key_ioctl_create(struct ncr_ctx *ctx, void __user *uarg, bool import);
long ncr_key_ioctl_info(struct ncr_ctx *ctx, void __user *uarg);
long ncr_key_ioctl_export(struct ncr_ctx *ctx, void __user *uarg);
long ncr_key_ioctl_restrict(struct ncr_ctx *ctx, void __user *uarg);
long ncr_key_ioctl_destroy(struct ncr_ctx *ctx, void __user *uarg);

#endif /* NCR_KEY_H */
