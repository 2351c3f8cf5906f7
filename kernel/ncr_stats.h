/* SPDX-License-Identifier: GPL-2.0 */
/* Module-wide counters and their sysfs group (/sys/class/misc/ncrypto/counters). */
#ifndef NCR_STATS_H
#define NCR_STATS_H

#include <linux/atomic.h>
#include <linux/percpu.h>
#include <linux/sysfs.h>

struct ncr_stats {
	atomic64_t contexts;	/* open file descriptions */
	atomic64_t keys;	/* key objects alive (handle or not) */
	atomic64_t sessions;	/* session objects alive */
	u64 __percpu *ops_total;	/* operations completed since load */
};

extern struct ncr_stats ncr_stats;
extern const struct attribute_group *ncr_stats_groups[];

int ncr_stats_init(void);
void ncr_stats_exit(void);
u64 ncr_stats_sum(u64 __percpu *counter);

#endif /* NCR_STATS_H */
