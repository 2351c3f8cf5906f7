/* SPDX-License-Identifier: GPL-2.0 */
/* Multi-part sessions: hash, MAC, cipher. */
#ifndef NCR_SESSION_H
#define NCR_SESSION_H

#include <linux/types.h>

struct ncr_ctx;
struct ncr_session;

bool ncr_session_tryget(struct ncr_session *s);
void ncr_session_put(struct ncr_session *s);

long ncr_session_ioctl_init(struct ncr_ctx *ctx, void __user *uarg);
long ncr_session_ioctl_update(struct ncr_ctx *ctx, void __user *uarg);
long ncr_session_ioctl_final(struct ncr_ctx *ctx, void __user *uarg);
long ncr_session_ioctl_clone(struct ncr_ctx *ctx, void __user *uarg);
long ncr_session_ioctl_destroy(struct ncr_ctx *ctx, void __user *uarg);

#endif /* NCR_SESSION_H */
