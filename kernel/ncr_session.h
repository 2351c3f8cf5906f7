/* SPDX-License-Identifier: GPL-2.0 */
/* Multi-part sessions: the object and its ioctls; classes keep the state. */
#ifndef NCR_SESSION_H
#define NCR_SESSION_H

#include <linux/kref.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/types.h>

struct ncr_alg;
struct ncr_ctx;
struct ncr_key;

enum ncr_session_state {
	NCR_SESSION_ACTIVE,
	NCR_SESSION_DONE,	/* FINAL with KEEP succeeded */
	NCR_SESSION_FAILED,
};

struct ncr_session {
	struct kref ref;	/* the handle, plus each ioctl using it */
	struct rcu_head rcu;
	struct mutex lock;	/* everything below */
	struct ncr_ctx *ctx;
	const struct ncr_alg *alg;
	struct ncr_key *key;	/* NULL for hashes */
	u32 op;
	u32 usage;		/* what op needs of key, checked at every call */
	enum ncr_session_state state;
	u64 charged;
	void *state_data;	/* the class's (ncr_class.session_*) */
};

/* For classes: charge their state's memory to the session's context. */
int ncr_session_charge(struct ncr_session *s, u64 bytes);
void ncr_session_uncharge(struct ncr_session *s, u64 bytes);

bool ncr_session_tryget(struct ncr_session *s);
void ncr_session_put(struct ncr_session *s);

long ncr_session_ioctl_init(struct ncr_ctx *ctx, void __user *uarg);
long ncr_session_ioctl_update(struct ncr_ctx *ctx, void __user *uarg);
long ncr_session_ioctl_final(struct ncr_ctx *ctx, void __user *uarg);
long ncr_session_ioctl_clone(struct ncr_ctx *ctx, void __user *uarg);
long ncr_session_ioctl_destroy(struct ncr_ctx *ctx, void __user *uarg);

#endif /* NCR_SESSION_H */
