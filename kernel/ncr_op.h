/* SPDX-License-Identifier: GPL-2.0 */
/* NCRYPTO_IOC_OP: one whole operation per call. */
#ifndef NCR_OP_H
#define NCR_OP_H

struct ncr_ctx;

long ncr_op_ioctl(struct ncr_ctx *ctx, void __user *uarg);

#endif /* NCR_OP_H */
