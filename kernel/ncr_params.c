// SPDX-License-Identifier: GPL-2.0
/*
 * Limits as module parameters: /sys/module/ncrypto/parameters/, mode 0644
 * (root may tune them at run time). Readers use READ_ONCE; a new limit
 * applies to the next decision and never takes back what is already held.
 */
#include <linux/kernel.h>
#include <linux/moduleparam.h>

#include "ncr_params.h"

unsigned int ncr_max_op_len = 1u << 20;
unsigned int ncr_max_keys_per_ctx = 1024;
unsigned int ncr_max_sessions_per_ctx = 1024;
unsigned int ncr_max_keys_per_user = 8192;
unsigned int ncr_max_sessions_per_user = 8192;
unsigned long ncr_max_mem_per_ctx = 16ul << 20;
unsigned long ncr_max_mem_per_user = 64ul << 20;

/*
 * max_op_len sizes kernel buffers (one per operation in flight), so it is
 * clamped to [16, 64 MiB]: 16 is the shortest AES-XTS data unit.
 */
static int ncr_param_set_op_len(const char *val, const struct kernel_param *kp)
{
	unsigned int v;
	int err;

	err = kstrtouint(val, 0, &v);
	if (err)
		return err;
	WRITE_ONCE(*(unsigned int *)kp->arg, clamp_t(unsigned int, v, 16,
						     NCR_MAX_OP_LEN_CAP));
	return 0;
}

static const struct kernel_param_ops ncr_param_op_len_ops = {
	.set = ncr_param_set_op_len,
	.get = param_get_uint,
};

module_param_cb(max_op_len, &ncr_param_op_len_ops, &ncr_max_op_len, 0644);
MODULE_PARM_DESC(max_op_len, "longest input of one operation, bytes (<= 64 MiB)");

module_param_named(max_keys_per_ctx, ncr_max_keys_per_ctx, uint, 0644);
MODULE_PARM_DESC(max_keys_per_ctx, "keys per open file");
module_param_named(max_sessions_per_ctx, ncr_max_sessions_per_ctx, uint, 0644);
MODULE_PARM_DESC(max_sessions_per_ctx, "sessions per open file");
module_param_named(max_keys_per_user, ncr_max_keys_per_user, uint, 0644);
MODULE_PARM_DESC(max_keys_per_user, "keys per user (all files)");
module_param_named(max_sessions_per_user, ncr_max_sessions_per_user, uint, 0644);
MODULE_PARM_DESC(max_sessions_per_user, "sessions per user (all files)");
module_param_named(max_mem_per_ctx, ncr_max_mem_per_ctx, ulong, 0644);
MODULE_PARM_DESC(max_mem_per_ctx, "kernel memory for keys and sessions per open file, bytes");
module_param_named(max_mem_per_user, ncr_max_mem_per_user, ulong, 0644);
MODULE_PARM_DESC(max_mem_per_user, "kernel memory for keys and sessions per user, bytes");
