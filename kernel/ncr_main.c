// SPDX-License-Identifier: GPL-2.0
/*
 * ncrypto: cryptography with keys user space never holds.
 *
 * Module entry points, the /dev/ncrypto misc device, and the ioctl
 * dispatcher. Each open file description is a context (ncr_ctx.c); the
 * ioctls themselves live with the objects they act on.
 *
 * Device mode 0666: opening /dev/ncrypto grants nothing but the ability to
 * create keys of one's own. Keys and sessions are private to the open file
 * (handles are per context, no ioctl reaches another context's objects),
 * and the per-context and per-user limits (module parameters) bound the
 * kernel memory any user can pin. Like /dev/urandom, it is a service for
 * every user; an administrator can still restrict it with a udev rule.
 */
#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/user_namespace.h>

#include <linux/ncrypto.h>

#include "ncr_alg.h"
#include "ncr_ctx.h"
#include "ncr_key.h"
#include "ncr_kpp.h"
#include "ncr_op.h"
#include "ncr_params.h"
#include "ncr_rng.h"
#include "ncr_session.h"
#include "ncr_stats.h"
#include "ncr_uapi.h"

static int ncr_open(struct inode *inode, struct file *file)
{
	struct ncr_ctx *ctx = ncr_ctx_create(file->f_cred);

	if (!ctx)
		return -ENOMEM;
	file->private_data = ctx;
	return 0;
}

/* Runs once no ioctl on this file is in flight. */
static int ncr_release(struct inode *inode, struct file *file)
{
	ncr_ctx_close(file->private_data);
	return 0;
}

/* What INFO says of one algorithm; ops: this context's. */
static void ncr_fill_alg_info(struct ncr_ctx *ctx, const struct ncr_alg *alg,
			      struct ncrypto_alg_info *ai)
{
	memset(ai, 0, sizeof(*ai));
	ai->alg = alg->id;
	ai->alg_class = alg->alg_class;
	ai->flags = (alg->available ? NCRYPTO_ALG_F_AVAILABLE : 0) |
		    (alg->fips_allowed ? NCRYPTO_ALG_F_FIPS_ALLOWED : 0) |
		    (alg->session ? NCRYPTO_ALG_F_SESSION : 0);
	ai->key_type = alg->key_type;
	ai->min_key_len = alg->min_key_len;
	ai->max_key_len = alg->max_key_len;
	ai->iv_len = alg->iv_len;
	ai->block_len = alg->block_len;
	ai->out_len = alg->out_len;
	ai->update_len = alg->update_len;
	ai->ops = ncr_ctx_alg_ops(ctx, alg->index);
}

/*
 * Module-wide counts show other users' activity (how many keys a server
 * holds, how busy it is): for CAP_SYS_ADMIN only, like the sysfs files.
 */
static void ncr_fill_module_counts(struct ncrypto_info *info)
{
	/* noaudit: an unprivileged INFO is not a denial worth a log line */
	if (!ns_capable_noaudit(&init_user_ns, CAP_SYS_ADMIN))
		return;
	info->live_contexts = atomic64_read(&ncr_stats.contexts);
	info->live_keys = atomic64_read(&ncr_stats.keys);
	info->live_sessions = atomic64_read(&ncr_stats.sessions);
	info->ops_total = ncr_stats_sum(ncr_stats.ops_total);
}

/* NCRYPTO_IOC_INFO */
static long ncr_ioctl_info(struct ncr_ctx *ctx, void __user *uarg)
{
	struct ncrypto_alg_info ai;
	struct ncrypto_info info;
	struct ncrypto_alg_info __user *ualgs;
	unsigned int i, n;
	u32 usize;
	int err;

	err = ncr_uapi_copy_in(&info, sizeof(info), NCRYPTO_SIZE_INFO_VER0,
			       uarg, &usize);
	if (err)
		return err;
	if (info.flags || info.reserved0 ||
	    !ncr_uapi_zero(info.reserved1, sizeof(info.reserved1)))
		return -EINVAL;
	if (!info.algs && info.n_algs)
		return -EFAULT;
	ualgs = u64_to_user_ptr(info.algs);

	n = min_t(u32, info.n_algs, ncr_n_algs);
	for (i = 0; i < n; i++) {
		ncr_fill_alg_info(ctx, &ncr_algs[i], &ai);
		if (copy_to_user(&ualgs[i], &ai, sizeof(ai)))
			return -EFAULT;
	}

	info.abi_major = NCRYPTO_ABI_MAJOR;
	info.abi_minor = NCRYPTO_ABI_MINOR;
	info.fips_mode = ncr_alg_fips_mode();
	info.n_algs = ncr_n_algs;
	info.max_op_len = ncr_limit_op_len();
	info.max_keys_per_ctx = READ_ONCE(ncr_max_keys_per_ctx);
	info.max_sessions_per_ctx = READ_ONCE(ncr_max_sessions_per_ctx);
	info.max_keys_per_user = READ_ONCE(ncr_max_keys_per_user);
	info.max_sessions_per_user = READ_ONCE(ncr_max_sessions_per_user);
	info.max_mem_per_ctx = READ_ONCE(ncr_max_mem_per_ctx);
	info.max_mem_per_user = READ_ONCE(ncr_max_mem_per_user);
	info.live_contexts = info.live_keys = info.live_sessions = 0;
	info.ops_total = 0;
	ncr_fill_module_counts(&info);
	ncr_ctx_fill_info(ctx, &info);
	return ncr_uapi_copy_out(uarg, &info, sizeof(info), usize);
}

/*
 * Exact numbers only (the header's, size and direction bits included): a
 * seccomp filter that denies one of them by value cannot be sidestepped
 * with other size bits. Structs grow through their size field, never
 * through the number.
 */
static long ncr_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct ncr_ctx *ctx = file->private_data;
	void __user *uarg = (void __user *)arg;

	switch (cmd) {
	case NCRYPTO_IOC_INFO:
		return ncr_ioctl_info(ctx, uarg);
	case NCRYPTO_IOC_KEY_GENERATE:
		return ncr_key_ioctl_create(ctx, uarg, false);
	case NCRYPTO_IOC_KEY_IMPORT:
		return ncr_key_ioctl_create(ctx, uarg, true);
	case NCRYPTO_IOC_KEY_INFO:
		return ncr_key_ioctl_info(ctx, uarg);
	case NCRYPTO_IOC_KEY_EXPORT:
		return ncr_key_ioctl_export(ctx, uarg);
	case NCRYPTO_IOC_KEY_RESTRICT:
		return ncr_key_ioctl_restrict(ctx, uarg);
	case NCRYPTO_IOC_KEY_DESTROY:
		return ncr_key_ioctl_destroy(ctx, uarg);
	case NCRYPTO_IOC_KEY_DERIVE:
		return ncr_kpp_ioctl_derive(ctx, uarg);
	case NCRYPTO_IOC_OP:
		return ncr_op_ioctl(ctx, uarg);
	case NCRYPTO_IOC_SESSION_INIT:
		return ncr_session_ioctl_init(ctx, uarg);
	case NCRYPTO_IOC_SESSION_UPDATE:
		return ncr_session_ioctl_update(ctx, uarg);
	case NCRYPTO_IOC_SESSION_FINAL:
		return ncr_session_ioctl_final(ctx, uarg);
	case NCRYPTO_IOC_SESSION_CLONE:
		return ncr_session_ioctl_clone(ctx, uarg);
	case NCRYPTO_IOC_SESSION_DESTROY:
		return ncr_session_ioctl_destroy(ctx, uarg);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations ncr_fops = {
	.owner = THIS_MODULE,
	.open = ncr_open,
	.release = ncr_release,
	.unlocked_ioctl = ncr_ioctl,
	/* pointers are __u64 in every struct: 32-bit callers share the ABI */
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice ncr_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "ncrypto",
	.fops = &ncr_fops,
	.groups = ncr_stats_groups,
	.mode = 0666,
};

static int __init ncr_init(void)
{
	int err;

	err = ncr_alg_init();
	if (err)
		goto fail;
	err = ncr_stats_init();
	if (err)
		goto fail_alg;
	err = ncr_rng_init();
	if (err)
		goto fail_stats;
	err = misc_register(&ncr_misc);
	if (err)
		goto fail_rng;
	pr_info("ncrypto: ABI %u.%u, %u algorithms%s\n", NCRYPTO_ABI_MAJOR,
		NCRYPTO_ABI_MINOR, ncr_n_algs,
		ncr_alg_fips_mode() ? ", FIPS mode" : "");
	return 0;

fail_rng:
	ncr_rng_exit();
fail_stats:
	ncr_stats_exit();
fail_alg:
	ncr_alg_exit();
fail:
	return err;
}

static void __exit ncr_exit(void)
{
	misc_deregister(&ncr_misc);
	ncr_rng_exit();
	ncr_stats_exit();
	/*
	 * No context is left (each open file pins the module). Objects freed
	 * with kfree_rcu need no module code, but wait anyway so nothing of
	 * ours is pending when the module's memory goes.
	 */
	rcu_barrier();
	ncr_alg_exit();
}

module_init(ncr_init);
module_exit(ncr_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ncrypto: cryptography with kernel-held keys");
MODULE_AUTHOR("The ncrypto authors");
