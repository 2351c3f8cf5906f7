// SPDX-License-Identifier: GPL-2.0
/*
 * Key objects. The material never leaves the kernel except through
 * KEY_EXPORT of an EXPORTABLE key, is never logged, and is wiped when the
 * last reference goes (kfree_sensitive; transforms wipe their own key
 * schedules in crypto_free_*).
 *
 * Each key caches one transform per algorithm it is used with (per tag
 * length for AEAD, since the tag length is transform state), keyed once on
 * first use: the one-shot hot path allocates no transform and runs no key
 * schedule. Transforms are safe to share between concurrent requests once
 * keyed; creation is serialized by tfm_lock and published with release
 * semantics.
 */
#include <linux/random.h>
#include <linux/slab.h>
#include <crypto/aead.h>
#include <crypto/hash.h>
#include <crypto/skcipher.h>

#include <linux/ncrypto.h>

#include "ncr_alg.h"
#include "ncr_ctx.h"
#include "ncr_key.h"
#include "ncr_stats.h"
#include "ncr_uapi.h"

/*
 * Kernel memory a cached transform costs, for the memory quota. The crypto
 * API does not expose the size of a transform with its children (AES-NI
 * wrappers allocate a cryptd child with its own key schedule), so this is
 * a deliberately generous estimate of tfm + context + key schedule.
 */
#define NCR_TFM_CHARGE 2048

static size_t ncr_key_obj_size(unsigned int n_slots)
{
	return struct_size((struct ncr_key *)NULL, tfms, n_slots);
}

static void ncr_key_free_tfm(struct ncr_key_tfm *t)
{
	switch (t->alg_class) {
	case NCRYPTO_CLASS_MAC:
		crypto_free_shash(t->tfm);
		break;
	case NCRYPTO_CLASS_CIPHER:
		crypto_free_skcipher(t->tfm);
		break;
	case NCRYPTO_CLASS_AEAD:
		crypto_free_aead(t->tfm);
		break;
	}
	t->tfm = NULL;
}

static void ncr_key_release(struct kref *ref)
{
	struct ncr_key *key = container_of(ref, struct ncr_key, ref);
	struct ncr_ctx *ctx = key->ctx;
	unsigned int i;

	for (i = 0; i < key->n_slots; i++)
		if (key->tfms[i].tfm)
			ncr_key_free_tfm(&key->tfms[i]);
	kfree_sensitive(key->material);
	key->material = NULL;
	ncr_ctx_uncharge(ctx, 1, 0, key->charged);
	atomic64_dec(&ncr_stats.keys);
	/* RCU lookups may still be looking at the struct (not the material) */
	kfree_rcu(key, rcu);
	ncr_ctx_put(ctx);
}

void ncr_key_get(struct ncr_key *key)
{
	kref_get(&key->ref);
}

bool ncr_key_tryget(struct ncr_key *key)
{
	return kref_get_unless_zero(&key->ref);
}

void ncr_key_put(struct ncr_key *key)
{
	if (key)
		kref_put(&key->ref, ncr_key_release);
}

static int ncr_key_make_tfm(struct ncr_key *key, const struct ncr_alg *alg,
			    u32 tag_len, struct ncr_key_tfm *t)
{
	void *tfm;
	int err;

	switch (alg->alg_class) {
	case NCRYPTO_CLASS_MAC:
		tfm = crypto_alloc_shash(alg->kname, 0, 0);
		if (IS_ERR(tfm))
			goto fail_alloc;
		err = crypto_shash_setkey(tfm, key->material, key->len);
		break;
	case NCRYPTO_CLASS_CIPHER:
		tfm = crypto_alloc_skcipher(alg->kname, 0, 0);
		if (IS_ERR(tfm))
			goto fail_alloc;
		err = alg->no_setkey ? 0 :
		      crypto_skcipher_setkey(tfm, key->material, key->len);
		break;
	case NCRYPTO_CLASS_AEAD:
		tfm = crypto_alloc_aead(alg->kname, 0, 0);
		if (IS_ERR(tfm))
			goto fail_alloc;
		err = crypto_aead_setkey(tfm, key->material, key->len);
		if (!err)
			err = crypto_aead_setauthsize(tfm, tag_len);
		break;
	default:
		return -EINVAL;
	}
	t->tfm = tfm;
	t->alg_class = alg->alg_class;
	if (err) {
		ncr_key_free_tfm(t);
		return err;
	}
	return 0;

fail_alloc:
	err = PTR_ERR(tfm);
	return err == -ENOENT ? -ENOPKG : err;
}

/*
 * The key's transform for alg (and tag_len for AEAD), made on first use.
 * Returns an ERR_PTR: EDQUOT when the memory quota cannot cover it, ENOPKG
 * when the kernel lacks the algorithm, setkey errors otherwise.
 */
void *ncr_key_tfm(struct ncr_key *key, const struct ncr_alg *alg, u32 tag_len)
{
	unsigned int slot = alg->slot +
			    (alg->alg_class == NCRYPTO_CLASS_AEAD ? tag_len : 0);
	struct ncr_key_tfm *t, tmp = {};
	void *tfm;
	int err;

	if (WARN_ON_ONCE(slot >= key->n_slots))
		return ERR_PTR(-EINVAL);
	t = &key->tfms[slot];
	tfm = smp_load_acquire(&t->tfm);
	if (tfm)
		return tfm;

	mutex_lock(&key->tfm_lock);
	tfm = t->tfm;
	if (tfm)
		goto out;
	err = ncr_ctx_charge(key->ctx, 0, 0, NCR_TFM_CHARGE);
	if (err)
		goto fail;
	err = ncr_key_make_tfm(key, alg, tag_len, &tmp);
	if (err) {
		ncr_ctx_uncharge(key->ctx, 0, 0, NCR_TFM_CHARGE);
		goto fail;
	}
	key->charged += NCR_TFM_CHARGE;
	t->alg_class = tmp.alg_class;
	tfm = tmp.tfm;
	smp_store_release(&t->tfm, tfm);
out:
	mutex_unlock(&key->tfm_lock);
	return tfm;
fail:
	mutex_unlock(&key->tfm_lock);
	return ERR_PTR(err);
}

/*
 * Look up handle for an operation with alg needing usage: a referenced key
 * whose type and length suit alg and that FIPS policy allows. Errors:
 * ENOENT, EINVAL (wrong type/length), EACCES (FIPS), EPERM (usage).
 */
int ncr_key_acquire(struct ncr_ctx *ctx, u32 handle, struct ncr_alg *alg,
		    u32 usage, struct ncr_key **out)
{
	struct ncr_key *key = ncr_ctx_get_key(ctx, handle);
	int err;

	if (!key)
		return -ENOENT;
	err = ncr_alg_check_key(alg, key);
	if (!err)
		err = ncr_alg_fips_key(alg, key);
	if (!err && !(atomic_read(&key->usage) & usage))
		err = -EPERM;
	if (err) {
		ncr_key_put(key);
		return err;
	}
	*out = key;
	return 0;
}

/*
 * The transform of a hash, MAC or cipher operation: the key's own keyed
 * transform when alg takes a key (acquired as ncr_key_acquire does, the
 * reference left in *keyp), otherwise alg's shared unkeyed hash transform
 * (*keyp NULL). An ERR_PTR on failure, with no reference held.
 */
void *ncr_key_acquire_tfm(struct ncr_ctx *ctx, u32 handle,
			  struct ncr_alg *alg, u32 usage,
			  struct ncr_key **keyp)
{
	void *tfm;
	int err;

	*keyp = NULL;
	if (!alg->key_type)
		return ncr_alg_hash_tfm(alg);
	err = ncr_key_acquire(ctx, handle, alg, usage, keyp);
	if (err)
		return ERR_PTR(err);
	tfm = ncr_key_tfm(*keyp, alg, 0);
	if (IS_ERR(tfm)) {
		ncr_key_put(*keyp);
		*keyp = NULL;
	}
	return tfm;
}

static int ncr_key_check_len(u32 type, u32 len)
{
	switch (type) {
	case NCRYPTO_KEY_TYPE_AES:
		/* AES-128/192/256, and two AES keys for XTS */
		if (len == 16 || len == 24 || len == 32 || len == 48 ||
		    len == 64)
			return 0;
		return -EINVAL;
	case NCRYPTO_KEY_TYPE_GENERIC_SECRET:
		return len >= 1 && len <= NCRYPTO_MAX_SECRET_LEN ? 0 : -EINVAL;
	case NCRYPTO_KEY_TYPE_CHACHA20:
		return len == 32 ? 0 : -EINVAL;
	default:
		return -EINVAL;
	}
}

static struct ncr_key *ncr_key_alloc(struct ncr_ctx *ctx, u32 type, u32 len,
				     u32 usage)
{
	unsigned int n_slots = ncr_alg_key_slots(type);
	size_t size = ncr_key_obj_size(n_slots);
	struct ncr_key *key;
	int err;

	err = ncr_ctx_charge(ctx, 1, 0, size + len);
	if (err)
		return ERR_PTR(err);
	key = kzalloc(size, GFP_KERNEL);
	if (!key)
		goto fail_charge;
	key->material = kmalloc(len, GFP_KERNEL);
	if (!key->material)
		goto fail_key;
	kref_init(&key->ref);
	mutex_init(&key->tfm_lock);
	key->type = type;
	key->len = len;
	atomic_set(&key->usage, usage);
	key->n_slots = n_slots;
	key->charged = size + len;
	ncr_ctx_get(ctx);
	key->ctx = ctx;
	atomic64_inc(&ncr_stats.keys);
	return key;

fail_key:
	kfree(key);
fail_charge:
	ncr_ctx_uncharge(ctx, 1, 0, size + len);
	return ERR_PTR(-ENOMEM);
}

/* NCRYPTO_IOC_KEY_GENERATE and NCRYPTO_IOC_KEY_IMPORT */
long ncr_key_ioctl_create(struct ncr_ctx *ctx, void __user *uarg, bool import)
{
	struct ncrypto_key_create kc;
	struct ncr_key *key;
	void __user *data;
	u32 usize;
	int err;

	err = ncr_uapi_copy_in(&kc, sizeof(kc), NCRYPTO_SIZE_KEY_CREATE_VER0,
			       uarg, &usize);
	if (err)
		return err;
	if (kc.flags || kc.usage & ~NCRYPTO_KEY_USAGE_ALL ||
	    !ncr_uapi_zero(kc.reserved, sizeof(kc.reserved)))
		return -EINVAL;
	err = ncr_key_check_len(kc.type, kc.key_len);
	if (err)
		return err;
	if (import) {
		err = ncr_uapi_ptr(kc.data, kc.key_len, &data);
		if (err)
			return err;
	} else {
		if (kc.data)
			return -EINVAL;
		err = ncr_alg_fips_keygen(kc.type, kc.key_len);
		if (err)
			return err;
	}

	key = ncr_key_alloc(ctx, kc.type, kc.key_len, kc.usage);
	if (IS_ERR(key))
		return PTR_ERR(key);
	if (import) {
		if (copy_from_user(key->material, data, kc.key_len)) {
			err = -EFAULT;
			goto fail;
		}
	} else {
		get_random_bytes(key->material, kc.key_len);
	}

	err = ncr_ctx_add_key(ctx, key, &kc.handle);
	if (err)
		goto fail;
	err = ncr_uapi_copy_out(uarg, &kc, sizeof(kc), usize);
	if (err) {
		/*
		 * Nobody learnt the handle: take the key back. The table held
		 * our allocation's reference, so this put is the last one; a
		 * thread that guessed the handle and destroyed it first has
		 * already dropped it (remove then finds nothing).
		 */
		key = ncr_ctx_remove_key(ctx, kc.handle);
		if (key)
			ncr_key_put(key);
		return err;
	}
	return 0;

fail:
	ncr_key_put(key);
	return err;
}

static int ncr_key_info_in(struct ncrypto_key_info *ki, void __user *uarg,
			   u32 *usize)
{
	int err = ncr_uapi_copy_in(ki, sizeof(*ki), NCRYPTO_SIZE_KEY_INFO_VER0,
				   uarg, usize);

	if (err)
		return err;
	if (ki->flags || !ncr_uapi_zero(ki->reserved, sizeof(ki->reserved)))
		return -EINVAL;
	return 0;
}

/* NCRYPTO_IOC_KEY_INFO */
long ncr_key_ioctl_info(struct ncr_ctx *ctx, void __user *uarg)
{
	struct ncrypto_key_info ki;
	struct ncr_key *key;
	u32 usize;
	int err;

	err = ncr_key_info_in(&ki, uarg, &usize);
	if (err)
		return err;
	key = ncr_ctx_get_key(ctx, ki.handle);
	if (!key)
		return -ENOENT;
	ki.type = key->type;
	ki.usage = atomic_read(&key->usage);
	ki.key_len = key->len;
	ncr_key_put(key);
	return ncr_uapi_copy_out(uarg, &ki, sizeof(ki), usize);
}

/* NCRYPTO_IOC_KEY_RESTRICT: usage may only shrink. */
long ncr_key_ioctl_restrict(struct ncr_ctx *ctx, void __user *uarg)
{
	struct ncrypto_key_info ki;
	struct ncr_key *key;
	u32 usize;
	int err;

	err = ncr_key_info_in(&ki, uarg, &usize);
	if (err)
		return err;
	if (ki.usage & ~NCRYPTO_KEY_USAGE_ALL)
		return -EINVAL;
	key = ncr_ctx_get_key(ctx, ki.handle);
	if (!key)
		return -ENOENT;
	if (ki.usage & ~atomic_read(&key->usage)) {
		err = -EPERM;
	} else {
		/* AND, not store: a concurrent restrict can only shrink more */
		atomic_and(ki.usage, &key->usage);
		err = 0;
	}
	ncr_key_put(key);
	return err;
}

/* NCRYPTO_IOC_KEY_EXPORT: EXPORTABLE keys only. */
long ncr_key_ioctl_export(struct ncr_ctx *ctx, void __user *uarg)
{
	struct ncrypto_key_export ke;
	struct ncr_key *key;
	void __user *data;
	u32 usize;
	int err;

	err = ncr_uapi_copy_in(&ke, sizeof(ke), NCRYPTO_SIZE_KEY_EXPORT_VER0,
			       uarg, &usize);
	if (err)
		return err;
	if (ke.flags || !ncr_uapi_zero(ke.reserved, sizeof(ke.reserved)))
		return -EINVAL;
	err = ncr_uapi_ptr(ke.data, ke.data_len, &data);
	if (err)
		return err;
	key = ncr_ctx_get_key(ctx, ke.handle);
	if (!key)
		return -ENOENT;
	if (!(atomic_read(&key->usage) & NCRYPTO_KEY_EXPORTABLE)) {
		err = -EPERM;
		goto out;
	}
	if (ke.data_len < key->len) {
		err = -ENOSPC;
	} else if (copy_to_user(data, key->material, key->len)) {
		err = -EFAULT;
		goto out;
	}
	ke.data_len = key->len;
	if (ncr_uapi_copy_out(uarg, &ke, sizeof(ke), usize))
		err = -EFAULT;
out:
	ncr_key_put(key);
	return err;
}

/* NCRYPTO_IOC_KEY_DESTROY: the handle goes now, the key with its last user. */
long ncr_key_ioctl_destroy(struct ncr_ctx *ctx, void __user *uarg)
{
	struct ncrypto_handle h;
	struct ncr_key *key;
	int err;

	err = ncr_uapi_handle_in(&h, uarg);
	if (err)
		return err;
	key = ncr_ctx_remove_key(ctx, h.handle);
	if (!key)
		return -ENOENT;
	ncr_key_put(key);
	return 0;
}
