/* SPDX-License-Identifier: GPL-2.0 */
/* Key agreement: NCRYPTO_IOC_KEY_DERIVE. */
#ifndef NCR_KPP_H
#define NCR_KPP_H

struct ncr_ctx;

long ncr_kpp_ioctl_derive(struct ncr_ctx *ctx, void __user *uarg);

#endif /* NCR_KPP_H */
