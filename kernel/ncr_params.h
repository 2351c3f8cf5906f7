/* SPDX-License-Identifier: GPL-2.0 */
/* Module parameters: limits, writable by root at run time. */
#ifndef NCR_PARAMS_H
#define NCR_PARAMS_H

#include <linux/compiler.h>
#include <linux/types.h>

#define NCR_MAX_OP_LEN_CAP	(64u << 20)	/* max_op_len is clamped here */

extern unsigned int ncr_max_op_len;
extern unsigned int ncr_max_keys_per_ctx;
extern unsigned int ncr_max_sessions_per_ctx;
extern unsigned int ncr_max_keys_per_user;
extern unsigned int ncr_max_sessions_per_user;
extern unsigned long ncr_max_mem_per_ctx;
extern unsigned long ncr_max_mem_per_user;

/*
 * Parameters change under our feet (sysfs writes): read each one once per
 * decision with READ_ONCE, through these helpers.
 */
static inline u32 ncr_limit_op_len(void)
{
	return READ_ONCE(ncr_max_op_len);
}

#endif /* NCR_PARAMS_H */
