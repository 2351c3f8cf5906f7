// SPDX-License-Identifier: GPL-2.0
/*
 * Module-wide counters, exposed as the "counters" attribute group of the
 * misc device: /sys/class/misc/ncrypto/counters/{contexts,keys,sessions,
 * ops_total,ops_<alg>}. The per-algorithm files are built from the
 * algorithm table at load, so a new table entry gets its file for free.
 *
 * The files are readable by root only: how many keys exist and which
 * algorithms run tells one user about another's activity.
 */
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

#include "ncr_alg.h"
#include "ncr_stats.h"

struct ncr_stats ncr_stats;

/* Fixed counters + one per algorithm. */
#define NCR_STATS_LIVE 3
#define NCR_STATS_FIXED (NCR_STATS_LIVE + 1)

static struct dev_ext_attribute *ncr_stats_attrs;
static struct attribute **ncr_stats_attr_list;

u64 ncr_stats_sum(u64 __percpu *counter)
{
	u64 sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += *per_cpu_ptr(counter, cpu);
	return sum;
}

static ssize_t ncr_stats_show_live(struct device *dev,
				   struct device_attribute *attr, char *buf)
{
	struct dev_ext_attribute *ea =
		container_of(attr, struct dev_ext_attribute, attr);

	return sysfs_emit(buf, "%lld\n", (long long)atomic64_read(ea->var));
}

static ssize_t ncr_stats_show_ops(struct device *dev,
				  struct device_attribute *attr, char *buf)
{
	struct dev_ext_attribute *ea =
		container_of(attr, struct dev_ext_attribute, attr);

	return sysfs_emit(buf, "%llu\n",
			  (unsigned long long)ncr_stats_sum(ea->var));
}

static struct attribute_group ncr_stats_group = {
	.name = "counters",
};

const struct attribute_group *ncr_stats_groups[] = {
	&ncr_stats_group,
	NULL,
};

static void ncr_stats_set(struct dev_ext_attribute *ea, const char *name,
			  void *var, bool percpu)
{
	sysfs_attr_init(&ea->attr.attr);
	ea->attr.attr.name = name;
	ea->attr.attr.mode = 0400;
	ea->attr.show = percpu ? ncr_stats_show_ops : ncr_stats_show_live;
	ea->var = var;
}

void ncr_stats_exit(void)
{
	ncr_stats_group.attrs = NULL;
	kfree(ncr_stats_attr_list);
	kfree(ncr_stats_attrs);
	free_percpu(ncr_stats.ops_total);
	ncr_stats_attr_list = NULL;
	ncr_stats_attrs = NULL;
	ncr_stats.ops_total = NULL;
}

/* After ncr_alg_init(): the per-algorithm counters exist. */
int ncr_stats_init(void)
{
	unsigned int n = NCR_STATS_FIXED + ncr_n_algs, i;

	ncr_stats.ops_total = alloc_percpu(u64);
	ncr_stats_attrs = kcalloc(n, sizeof(*ncr_stats_attrs), GFP_KERNEL);
	ncr_stats_attr_list = kcalloc(n + 1, sizeof(*ncr_stats_attr_list),
				      GFP_KERNEL);
	if (!ncr_stats.ops_total || !ncr_stats_attrs || !ncr_stats_attr_list) {
		ncr_stats_exit();
		return -ENOMEM;
	}

	ncr_stats_set(&ncr_stats_attrs[0], "contexts", &ncr_stats.contexts, false);
	ncr_stats_set(&ncr_stats_attrs[1], "keys", &ncr_stats.keys, false);
	ncr_stats_set(&ncr_stats_attrs[2], "sessions", &ncr_stats.sessions, false);
	ncr_stats_set(&ncr_stats_attrs[3], "ops_total",
		      (void __force *)ncr_stats.ops_total, true);
	for (i = 0; i < ncr_n_algs; i++)
		ncr_stats_set(&ncr_stats_attrs[NCR_STATS_FIXED + i],
			      ncr_algs[i].stat_name,
			      (void __force *)ncr_algs[i].ops, true);
	for (i = 0; i < n; i++)
		ncr_stats_attr_list[i] = &ncr_stats_attrs[i].attr.attr;
	ncr_stats_group.attrs = ncr_stats_attr_list;
	return 0;
}
