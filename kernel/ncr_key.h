/* SPDX-License-Identifier: GPL-2.0 */
/* Key objects: material, usage, parameters, cached transforms. */
#ifndef NCR_KEY_H
#define NCR_KEY_H

#include <linux/atomic.h>
#include <linux/kref.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/types.h>

#include "ncr_nonce.h"

struct ncr_alg;
struct ncr_ctx;
struct ncr_keytype;

/* A transform made for one algorithm (ncr_key_tfm.c). */
struct ncr_key_tfm {
	void *tfm;			/* published last (acquire/release) */
	const struct ncr_alg *alg;	/* whose class frees it */
};

struct ncr_key {
	struct kref ref;	/* the handle, plus each op and session */
	struct rcu_head rcu;	/* lookups run under RCU */
	struct ncr_ctx *ctx;	/* charged context (holds a reference) */
	const struct ncr_keytype *kt;
	u32 type;
	u32 len;
	atomic_t usage;		/* NCRYPTO_KEY_*, only ever shrinks */
	bool dead;		/* handle destroyed: its sessions stop */
	const struct ncr_alg *alg;	/* the one algorithm, or NULL: any */
	u32 tag_len;		/* bound MAC/AEAD keys: their tag length */
	struct ncr_nonce nonce;
	u8 *material;
	u64 charged;		/* bytes charged; under tfm_lock after create */
	struct mutex tfm_lock;	/* serializes transform creation */
	unsigned int n_slots;	/* bound: 1; unbound: one per alg of type */
	struct ncr_key_tfm tfms[];
};

void ncr_key_get(struct ncr_key *key);
bool ncr_key_tryget(struct ncr_key *key);
void ncr_key_put(struct ncr_key *key);

int ncr_key_acquire(struct ncr_ctx *ctx, u32 handle, const struct ncr_alg *alg,
		    u32 usage, struct ncr_key **out);
u32 ncr_key_tag_len(const struct ncr_key *key, const struct ncr_alg *alg);
bool ncr_key_revoked(struct ncr_key *key, u32 usage);

/* The transform cache (ncr_key_tfm.c). */
void *ncr_key_tfm(struct ncr_key *key, const struct ncr_alg *alg);
void ncr_key_tfms_free(struct ncr_key *key);

int ncr_key_publish(struct ncr_ctx *ctx, struct ncr_key *key,
		    void __user *uarg, void *karg, size_t ksize, u32 usize,
		    u32 *handle);
struct ncr_key *ncr_key_new_secret(struct ncr_ctx *ctx, u32 type, u32 usage,
				   u32 alg_id, u32 tag_len, const u8 *material,
				   u32 len);

long ncr_key_ioctl_create(struct ncr_ctx *ctx, void __user *uarg, bool import);
long ncr_key_ioctl_info(struct ncr_ctx *ctx, void __user *uarg);
long ncr_key_ioctl_export(struct ncr_ctx *ctx, void __user *uarg);
long ncr_key_ioctl_restrict(struct ncr_ctx *ctx, void __user *uarg);
long ncr_key_ioctl_destroy(struct ncr_ctx *ctx, void __user *uarg);

#endif /* NCR_KEY_H */
