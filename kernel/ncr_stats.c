// SPDX-License-Identifier: GPL-2.0
/*
 * Module-wide counters, exposed as the "counters" attribute group of the
 * misc device: /sys/class/misc/ncrypto/counters/{contexts,keys,sessions,
 * ops_total,ops_<alg>}. The per-algorithm files are built from the
 * algorithm table at load, so a new table entry gets its file for free.
 */
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

#include "ncr_alg.h"
#include "ncr_stats.h"

struct ncr_stats ncr_stats;

/* Fixed counters + one per algorithm. */
#define NCR_STATS_FIXED 4

static struct dev_ext_attribute *ncr_stats_attrs;
static struct attribute **ncr_stats_attr_list;

static ssize_t ncr_stats_show(struct device *dev,
			      struct device_attribute *attr, char *buf)
{
	struct dev_ext_attribute *ea =
		container_of(attr, struct dev_ext_attribute, attr);

	return sysfs_emit(buf, "%lld\n", (long long)atomic64_read(ea->var));
}

static struct attribute_group ncr_stats_group = {
	.name = "counters",
};

const struct attribute_group *ncr_stats_groups[] = {
	&ncr_stats_group,
	NULL,
};

static void ncr_stats_set(struct dev_ext_attribute *ea, const char *name,
			  atomic64_t *var)
{
	sysfs_attr_init(&ea->attr.attr);
	ea->attr.attr.name = name;
	ea->attr.attr.mode = 0444;
	ea->attr.show = ncr_stats_show;
	ea->var = var;
}

int ncr_stats_init(void)
{
	unsigned int n = NCR_STATS_FIXED + ncr_n_algs, i;

	ncr_stats_attrs = kcalloc(n, sizeof(*ncr_stats_attrs), GFP_KERNEL);
	if (!ncr_stats_attrs)
		return -ENOMEM;
	ncr_stats_attr_list = kcalloc(n + 1, sizeof(*ncr_stats_attr_list),
				      GFP_KERNEL);
	if (!ncr_stats_attr_list) {
		kfree(ncr_stats_attrs);
		ncr_stats_attrs = NULL;
		return -ENOMEM;
	}

	ncr_stats_set(&ncr_stats_attrs[0], "contexts", &ncr_stats.contexts);
	ncr_stats_set(&ncr_stats_attrs[1], "keys", &ncr_stats.keys);
	ncr_stats_set(&ncr_stats_attrs[2], "sessions", &ncr_stats.sessions);
	ncr_stats_set(&ncr_stats_attrs[3], "ops_total", &ncr_stats.ops_total);
	for (i = 0; i < ncr_n_algs; i++)
		ncr_stats_set(&ncr_stats_attrs[NCR_STATS_FIXED + i],
			      ncr_algs[i].stat_name, &ncr_algs[i].ops);
	for (i = 0; i < n; i++)
		ncr_stats_attr_list[i] = &ncr_stats_attrs[i].attr.attr;
	ncr_stats_group.attrs = ncr_stats_attr_list;
	return 0;
}

void ncr_stats_exit(void)
{
	ncr_stats_group.attrs = NULL;
	kfree(ncr_stats_attr_list);
	kfree(ncr_stats_attrs);
}
