/* SPDX-License-Identifier: GPL-2.0 */
/* Contexts (one per open file description), handle tables and quotas. */
#ifndef NCR_CTX_H
#define NCR_CTX_H

#include <linux/atomic.h>
#include <linux/cred.h>
#include <linux/gfp.h>
#include <linux/kref.h>
#include <linux/xarray.h>

/*
 * The flags of every allocation a caller makes us do: charged to its memory
 * cgroup, and at the cgroup's (or the machine's) limit failing with ENOMEM
 * instead of invoking the OOM killer on someone, quietly (an allocation
 * failure warning would dump a stack trace for what is a caller's error).
 */
#define NCR_GFP (GFP_KERNEL_ACCOUNT | __GFP_RETRY_MAYFAIL | __GFP_NOWARN)

struct ncr_user;
struct ncr_key;
struct ncr_session;
struct ncrypto_info;

struct ncr_ctx {
	struct kref ref;	/* the file, plus one per key and session */
	struct xarray keys;	/* handle -> struct ncr_key (one reference) */
	struct xarray sessions;	/* handle -> struct ncr_session (one ref) */
	u32 next_key;		/* cyclic allocation hints: a destroyed */
	u32 next_session;	/* handle is not reused at once */
	struct ncr_user *user;	/* quota owner, see ncr_ctx_quota_uid() */
	atomic_t nkeys;		/* charged objects and bytes */
	atomic_t nsessions;
	atomic64_t mem;
	atomic64_t ops;		/* operations completed in this context */
	void *opbuf;		/* small ops' buffer (ncr_buf.c), lazily made */
	unsigned long opbuf_busy;	/* bit 0: in use */
	atomic64_t alg_ops[];	/* per algorithm, by ncr_alg.index */
};

struct ncr_ctx *ncr_ctx_create(const struct cred *cred);
void ncr_ctx_close(struct ncr_ctx *ctx);
void ncr_ctx_get(struct ncr_ctx *ctx);
void ncr_ctx_put(struct ncr_ctx *ctx);

int ncr_ctx_charge(struct ncr_ctx *ctx, int keys, int sessions, u64 mem);
void ncr_ctx_uncharge(struct ncr_ctx *ctx, int keys, int sessions, u64 mem);

/* Kernel memory of an operation in flight (buffers, page arrays). */
static inline int ncr_ctx_charge_mem(struct ncr_ctx *ctx, u64 mem)
{
	return ncr_ctx_charge(ctx, 0, 0, mem);
}

static inline void ncr_ctx_uncharge_mem(struct ncr_ctx *ctx, u64 mem)
{
	ncr_ctx_uncharge(ctx, 0, 0, mem);
}

void ncr_ctx_count_op(struct ncr_ctx *ctx, unsigned int alg_index);

int ncr_ctx_add_key(struct ncr_ctx *ctx, struct ncr_key *key, u32 *handle);
struct ncr_key *ncr_ctx_get_key(struct ncr_ctx *ctx, u32 handle);
struct ncr_key *ncr_ctx_remove_key(struct ncr_ctx *ctx, u32 handle);

int ncr_ctx_add_session(struct ncr_ctx *ctx, struct ncr_session *s,
			u32 *handle);
struct ncr_session *ncr_ctx_get_session(struct ncr_ctx *ctx, u32 handle);
struct ncr_session *ncr_ctx_remove_session(struct ncr_ctx *ctx, u32 handle);
bool ncr_ctx_remove_session_if(struct ncr_ctx *ctx, u32 handle,
			       struct ncr_session *s);

void ncr_ctx_fill_info(struct ncr_ctx *ctx, struct ncrypto_info *info);
u64 ncr_ctx_alg_ops(struct ncr_ctx *ctx, unsigned int alg_index);

#endif /* NCR_CTX_H */
