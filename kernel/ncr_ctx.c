// SPDX-License-Identifier: GPL-2.0
/*
 * Contexts: one per open file description of /dev/ncrypto. A context owns
 * two handle tables (keys, sessions) and is the unit of the per-context
 * quotas; a user (ncr_ctx_quota_uid()) is the unit of the per-user quotas,
 * summed over all of that user's contexts. Both count objects and every
 * byte of kernel memory a caller makes us hold: key and session objects,
 * cached transforms, and the buffers of operations in flight. Every such
 * allocation is also charged to the caller's memory cgroup (NCR_GFP), so
 * memory cgroup limits hold.
 *
 * Lifetime: the file holds one context reference and every key or session
 * object holds another (it is charged to the context and uncharges it when
 * freed, possibly after the handle is gone). Handle tables hold one
 * reference to each object; lookups take their own under RCU.
 */
#include <linux/hashtable.h>
#include <linux/mutex.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/user_namespace.h>

#include <linux/ncrypto.h>

#include "ncr_alg.h"
#include "ncr_buf.h"
#include "ncr_ctx.h"
#include "ncr_key.h"
#include "ncr_params.h"
#include "ncr_session.h"
#include "ncr_stats.h"

struct ncr_user {
	struct hlist_node node;
	kuid_t uid;
	refcount_t ref;		/* one per context */
	atomic_t nkeys;
	atomic_t nsessions;
	atomic64_t mem;
};

static DEFINE_HASHTABLE(ncr_users, 6);
static DEFINE_MUTEX(ncr_users_lock);

static struct ncr_user *ncr_user_get(kuid_t uid)
{
	struct ncr_user *u;

	mutex_lock(&ncr_users_lock);
	hash_for_each_possible(ncr_users, u, node, __kuid_val(uid)) {
		if (uid_eq(u->uid, uid)) {
			refcount_inc(&u->ref);
			goto out;
		}
	}
	u = kzalloc(sizeof(*u), NCR_GFP);
	if (!u)
		goto out;
	u->uid = uid;
	refcount_set(&u->ref, 1);
	hash_add(ncr_users, &u->node, __kuid_val(uid));
out:
	mutex_unlock(&ncr_users_lock);
	return u;
}

static void ncr_user_put(struct ncr_user *u)
{
	if (!refcount_dec_and_mutex_lock(&u->ref, &ncr_users_lock))
		return;
	hash_del(&u->node);
	mutex_unlock(&ncr_users_lock);
	kfree(u);
}

/*
 * Whose per-user quota a context counts against. From the initial user
 * namespace: the opener's effective uid. From inside a user namespace: the
 * owner of its outermost ancestor below the initial one, i.e. the real user
 * who created the container. Otherwise a user with subordinate uids (a
 * rootless container maps thousands) would get a quota per mapped uid.
 */
static kuid_t ncr_ctx_quota_uid(const struct cred *cred)
{
	struct user_namespace *ns = cred->user_ns;

	if (ns == &init_user_ns)
		return cred->euid;
	while (ns->parent != &init_user_ns)
		ns = ns->parent;
	return ns->owner;
}

struct ncr_ctx *ncr_ctx_create(const struct cred *cred)
{
	struct ncr_ctx *ctx;

	ctx = kzalloc(struct_size(ctx, alg_ops, ncr_n_algs),
		      NCR_GFP);
	if (!ctx)
		return NULL;
	ctx->user = ncr_user_get(ncr_ctx_quota_uid(cred));
	if (!ctx->user) {
		kfree(ctx);
		return NULL;
	}
	kref_init(&ctx->ref);
	xa_init_flags(&ctx->keys, XA_FLAGS_ALLOC1);
	xa_init_flags(&ctx->sessions, XA_FLAGS_ALLOC1);
	atomic64_inc(&ncr_stats.contexts);
	return ctx;
}

static void ncr_ctx_free(struct kref *ref)
{
	struct ncr_ctx *ctx = container_of(ref, struct ncr_ctx, ref);

	WARN_ON(atomic_read(&ctx->nkeys) || atomic_read(&ctx->nsessions) ||
		atomic64_read(&ctx->mem));
	xa_destroy(&ctx->keys);
	xa_destroy(&ctx->sessions);
	ncr_user_put(ctx->user);
	kfree(ctx);
	atomic64_dec(&ncr_stats.contexts);
}

void ncr_ctx_get(struct ncr_ctx *ctx)
{
	kref_get(&ctx->ref);
}

void ncr_ctx_put(struct ncr_ctx *ctx)
{
	kref_put(&ctx->ref, ncr_ctx_free);
}

/*
 * The last close: drop every handle. No ioctl of this file is running (the
 * VFS calls release only then), so nothing adds handles meanwhile. Sessions
 * go first: they hold references to keys.
 */
void ncr_ctx_close(struct ncr_ctx *ctx)
{
	struct ncr_session *s;
	struct ncr_key *key;
	unsigned long idx;

	xa_for_each(&ctx->sessions, idx, s) {
		xa_erase(&ctx->sessions, idx);
		ncr_session_put(s);
	}
	xa_for_each(&ctx->keys, idx, key) {
		xa_erase(&ctx->keys, idx);
		ncr_key_put(key);
	}
	ncr_buf_ctx_release(ctx);
	ncr_ctx_put(ctx);
}

/* Add n to v unless that passes cap; n == 0 always succeeds. */
static bool ncr_add_capped(atomic_t *v, int n, unsigned int cap)
{
	if (!n)
		return true;
	if ((unsigned int)atomic_add_return(n, v) > cap) {
		atomic_sub(n, v);
		return false;
	}
	return true;
}

static bool ncr_add_capped64(atomic64_t *v, u64 n, u64 cap)
{
	if (!n)
		return true;
	if ((u64)atomic64_add_return(n, v) > cap) {
		atomic64_sub(n, v);
		return false;
	}
	return true;
}

/*
 * Charge keys, sessions and bytes to the context and its user, or nothing
 * (EDQUOT). Lock-free: each counter is raised first and lowered again if it
 * passed its limit, so concurrent charges can fail spuriously near a limit
 * but never exceed it.
 */
int ncr_ctx_charge(struct ncr_ctx *ctx, int keys, int sessions, u64 mem)
{
	struct ncr_user *u = ctx->user;

	if (!ncr_add_capped(&ctx->nkeys, keys, READ_ONCE(ncr_max_keys_per_ctx)))
		goto fail;
	if (!ncr_add_capped(&u->nkeys, keys, READ_ONCE(ncr_max_keys_per_user)))
		goto fail_ctx_keys;
	if (!ncr_add_capped(&ctx->nsessions, sessions,
			    READ_ONCE(ncr_max_sessions_per_ctx)))
		goto fail_user_keys;
	if (!ncr_add_capped(&u->nsessions, sessions,
			    READ_ONCE(ncr_max_sessions_per_user)))
		goto fail_ctx_sessions;
	if (!ncr_add_capped64(&ctx->mem, mem, READ_ONCE(ncr_max_mem_per_ctx)))
		goto fail_user_sessions;
	if (!ncr_add_capped64(&u->mem, mem, READ_ONCE(ncr_max_mem_per_user)))
		goto fail_ctx_mem;
	return 0;

fail_ctx_mem:
	atomic64_sub(mem, &ctx->mem);
fail_user_sessions:
	atomic_sub(sessions, &u->nsessions);
fail_ctx_sessions:
	atomic_sub(sessions, &ctx->nsessions);
fail_user_keys:
	atomic_sub(keys, &u->nkeys);
fail_ctx_keys:
	atomic_sub(keys, &ctx->nkeys);
fail:
	return -EDQUOT;
}

void ncr_ctx_uncharge(struct ncr_ctx *ctx, int keys, int sessions, u64 mem)
{
	struct ncr_user *u = ctx->user;

	atomic64_sub(mem, &u->mem);
	atomic64_sub(mem, &ctx->mem);
	atomic_sub(sessions, &u->nsessions);
	atomic_sub(sessions, &ctx->nsessions);
	atomic_sub(keys, &u->nkeys);
	atomic_sub(keys, &ctx->nkeys);
}

/*
 * Handles are allocated cyclically from 1: small numbers, and a destroyed
 * handle is not handed out again at once, so a stale handle in user space
 * gives ENOENT rather than silently naming a newer object.
 */
int ncr_ctx_add_key(struct ncr_ctx *ctx, struct ncr_key *key, u32 *handle)
{
	int err = xa_alloc_cyclic(&ctx->keys, handle, key, xa_limit_31b,
				  &ctx->next_key, NCR_GFP);

	return err < 0 ? err : 0;
}

struct ncr_key *ncr_ctx_get_key(struct ncr_ctx *ctx, u32 handle)
{
	struct ncr_key *key;

	rcu_read_lock();
	key = xa_load(&ctx->keys, handle);
	if (key && !ncr_key_tryget(key))
		key = NULL;
	rcu_read_unlock();
	return key;
}

/* Unpublish a handle; the caller owns the table's reference. */
struct ncr_key *ncr_ctx_remove_key(struct ncr_ctx *ctx, u32 handle)
{
	return handle ? xa_erase(&ctx->keys, handle) : NULL;
}

int ncr_ctx_add_session(struct ncr_ctx *ctx, struct ncr_session *s,
			u32 *handle)
{
	int err = xa_alloc_cyclic(&ctx->sessions, handle, s, xa_limit_31b,
				  &ctx->next_session, NCR_GFP);

	return err < 0 ? err : 0;
}

struct ncr_session *ncr_ctx_get_session(struct ncr_ctx *ctx, u32 handle)
{
	struct ncr_session *s;

	rcu_read_lock();
	s = xa_load(&ctx->sessions, handle);
	if (s && !ncr_session_tryget(s))
		s = NULL;
	rcu_read_unlock();
	return s;
}

struct ncr_session *ncr_ctx_remove_session(struct ncr_ctx *ctx, u32 handle)
{
	return handle ? xa_erase(&ctx->sessions, handle) : NULL;
}

/* Remove handle only if it still names s (another thread may have
 * destroyed it and a new session taken the number). */
bool ncr_ctx_remove_session_if(struct ncr_ctx *ctx, u32 handle,
			       struct ncr_session *s)
{
	return xa_cmpxchg(&ctx->sessions, handle, s, NULL, GFP_KERNEL) == s;
}

void ncr_ctx_count_op(struct ncr_ctx *ctx, unsigned int alg_index)
{
	atomic64_inc(&ctx->alg_ops[alg_index]);
	atomic64_inc(&ctx->ops);
}

u64 ncr_ctx_alg_ops(struct ncr_ctx *ctx, unsigned int alg_index)
{
	return atomic64_read(&ctx->alg_ops[alg_index]);
}

void ncr_ctx_fill_info(struct ncr_ctx *ctx, struct ncrypto_info *info)
{
	info->ctx_keys = atomic_read(&ctx->nkeys);
	info->ctx_sessions = atomic_read(&ctx->nsessions);
	info->ctx_mem = atomic64_read(&ctx->mem);
	info->ctx_ops = atomic64_read(&ctx->ops);
}
