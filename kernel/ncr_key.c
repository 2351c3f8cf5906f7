// SPDX-License-Identifier: GPL-2.0
/*
 * Key objects. The material never leaves the kernel except through
 * KEY_EXPORT of an EXPORTABLE key (private keys: only their public part),
 * is never logged, and is wiped when the
 * last reference goes (kfree_sensitive; transforms wipe their own key
 * schedules when freed). What a key of each type is and how it is made is
 * the key-type table's (ncr_keytype.c); its transforms are cached by
 * ncr_key_tfm.c.
 *
 * A key carries its rights: usage flags (only ever fewer), the algorithm
 * it is bound to, its tag length and its nonce policy. Sessions started
 * with a key look at its usage and liveness at every call
 * (ncr_key_revoked), so restricting or destroying a key reaches them.
 */
#include <linux/fips.h>
#include <linux/slab.h>

#include <linux/ncrypto.h>

#include "ncr_alg.h"
#include "ncr_class.h"
#include "ncr_ctx.h"
#include "ncr_key.h"
#include "ncr_keyparts.h"
#include "ncr_keytype.h"
#include "ncr_stats.h"
#include "ncr_uapi.h"

static size_t ncr_key_obj_size(unsigned int n_slots)
{
	return struct_size((struct ncr_key *)NULL, tfms, n_slots);
}

static void ncr_key_release(struct kref *ref)
{
	struct ncr_key *key = container_of(ref, struct ncr_key, ref);
	struct ncr_ctx *ctx = key->ctx;

	ncr_key_tfms_free(key);
	kfree_sensitive(key->material);
	key->material = NULL;
	ncr_nonce_wipe(&key->nonce);
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

/* The MAC or AEAD tag length of key with alg. */
u32 ncr_key_tag_len(const struct ncr_key *key, const struct ncr_alg *alg)
{
	if (key->tag_len)
		return key->tag_len;
	return alg->alg_class == NCRYPTO_CLASS_AEAD ? alg->default_tag_len :
						       alg->out_len;
}

/* A session's key no longer grants what the session does. */
bool ncr_key_revoked(struct ncr_key *key, u32 usage)
{
	return READ_ONCE(key->dead) || !(atomic_read(&key->usage) & usage);
}

/*
 * FIPS policy for a key with an algorithm (the header's list): short HMAC
 * keys, XTS with AES-192 halves or identical halves, short AEAD tags.
 */
static int ncr_key_fips(const struct ncr_key *key, const struct ncr_alg *alg)
{
	if (!fips_enabled)
		return 0;
	if (!alg->fips_allowed || key->len < alg->fips_min_key_len)
		return -EACCES;
	if (alg->key_halves) {
		u32 half = key->len / 2;

		if (half == 24 ||
		    !crypto_memneq(key->material, key->material + half, half))
			return -EACCES;
	}
	if (ncr_key_tag_len(key, alg) < alg->fips_min_tag_len)
		return -EACCES;
	return 0;
}

/* The key suits alg: bound to it or unbound, of its type and a length it
 * takes (EINVAL), allowed by FIPS (EACCES). */
static int ncr_key_check(const struct ncr_key *key, const struct ncr_alg *alg)
{
	if ((key->alg && key->alg != alg) || !ncr_alg_takes_key(alg, key->type) ||
	    !ncr_alg_key_len_ok(alg, key->len))
		return -EINVAL;
	return ncr_key_fips(key, alg);
}

/*
 * Look up handle for an operation with alg needing usage: a referenced key
 * that suits alg. Errors: ENOENT, EINVAL (wrong algorithm, type or length),
 * EACCES (FIPS), EPERM (usage).
 */
int ncr_key_acquire(struct ncr_ctx *ctx, u32 handle, const struct ncr_alg *alg,
		    u32 usage, struct ncr_key **out)
{
	struct ncr_key *key = ncr_ctx_get_key(ctx, handle);
	int err;

	if (!key)
		return -ENOENT;
	err = ncr_key_check(key, alg);
	if (!err && !(atomic_read(&key->usage) & usage))
		err = -EPERM;
	if (err) {
		ncr_key_put(key);
		return err;
	}
	*out = key;
	return 0;
}

/* The tag length a key is created with: 0 = the default (EINVAL if bad). */
static int ncr_key_check_tag_len(const struct ncr_alg *alg, u32 tag_len)
{
	if (!tag_len)
		return 0;
	if (!alg)
		return -EINVAL;
	switch (alg->alg_class) {
	case NCRYPTO_CLASS_MAC:
		return tag_len >= NCRYPTO_MIN_MAC_LEN &&
		       tag_len <= alg->out_len ? 0 : -EINVAL;
	case NCRYPTO_CLASS_AEAD:
		return ncr_alg_tag_len_ok(alg, tag_len) ? 0 : -EINVAL;
	default:
		return -EINVAL;
	}
}

/* The struct's fields, before anything is allocated (EINVAL, EACCES). */
static int ncr_key_check_create(const struct ncrypto_key_create *kc,
				bool import, const struct ncr_keytype **ktp,
				const struct ncr_alg **algp)
{
	const struct ncr_keytype *kt = ncr_keytype_find(kc->type);
	const struct ncr_alg *alg = NULL;
	int err;

	if (kc->flags || kc->reserved0 || kc->reserved)
		return -EINVAL;
	if (!kt || !ncr_keytype_len_ok(kt, kc->key_len) ||
	    kc->usage & ~kt->usage)
		return -EINVAL;
	/* a private key never leaves: it cannot promise otherwise */
	if (kt->pk_private && kc->usage & NCRYPTO_KEY_EXPORTABLE)
		return -EINVAL;
	if (!import && kc->data)
		return -EINVAL;
	/* key parts for public-key types only, and only when importing */
	if (kc->data_len && (!import || !kt->pk))
		return -EINVAL;
	if (kc->alg) {
		alg = ncr_alg_find(kc->alg);
		if (!alg || !ncr_alg_takes_key(alg, kc->type) ||
		    !ncr_alg_key_len_ok(alg, kc->key_len))
			return -EINVAL;
	}
	err = ncr_key_check_tag_len(alg, kc->tag_len);
	if (err)
		return err;
	if (!import && fips_enabled && !ncr_keytype_fips_ok(kt, kc->key_len))
		return -EACCES;
	*ktp = kt;
	*algp = alg;
	return 0;
}

static struct ncr_key *ncr_key_alloc(struct ncr_ctx *ctx,
				     const struct ncr_keytype *kt,
				     const struct ncr_alg *alg, u32 len)
{
	unsigned int n_slots = alg ? 1 : ncr_alg_key_slots(kt->id);
	size_t size = ncr_key_obj_size(n_slots);
	u32 mlen = ncr_keytype_material_len(kt, len);
	struct ncr_key *key;
	int err;

	err = ncr_ctx_charge(ctx, 1, 0, size + mlen);
	if (err)
		return ERR_PTR(err);
	key = kzalloc(size, NCR_GFP);
	if (!key)
		goto fail_charge;
	/* zeroed: a public-key struct may be filled only in part */
	key->material = kzalloc(mlen, NCR_GFP);
	if (!key->material)
		goto fail_key;
	kref_init(&key->ref);
	mutex_init(&key->tfm_lock);
	key->kt = kt;
	key->type = kt->id;
	key->len = len;
	key->alg = alg;
	key->n_slots = n_slots;
	key->charged = size + mlen;
	ncr_ctx_get(ctx);
	key->ctx = ctx;
	atomic64_inc(&ncr_stats.keys);
	return key;

fail_key:
	kfree(key);
fail_charge:
	ncr_ctx_uncharge(ctx, 1, 0, size + mlen);
	return ERR_PTR(-ENOMEM);
}

/*
 * Publish key under a new handle, written to *handle inside karg (ksize
 * bytes, the caller's struct), and tell user space; on failure it is gone.
 */
int ncr_key_publish(struct ncr_ctx *ctx, struct ncr_key *key,
		    void __user *uarg, void *karg, size_t ksize, u32 usize,
		    u32 *handle)
{
	int err = ncr_ctx_add_key(ctx, key, handle);

	if (err) {
		ncr_key_put(key);
		return err;
	}
	err = ncr_uapi_copy_out(uarg, karg, ksize, usize);
	if (err) {
		/*
		 * Nobody learnt the handle: take the key back. The table held
		 * our allocation's reference, so this put is the last one; a
		 * thread that guessed the handle and destroyed it first has
		 * already dropped it (remove then finds nothing).
		 */
		ncr_key_put(ncr_ctx_remove_key(ctx, *handle));
	}
	return err;
}

/* The material of a new key: made, or read from the caller. */
static int ncr_key_fill(struct ncr_key *key, bool import,
			const void __user *data, u32 data_len)
{
	const struct ncr_keytype *kt = key->kt;
	struct ncr_key_parts parts;
	int err;

	if (!import)
		return kt->generate(key);
	if (!kt->pk)
		return kt->import(key, data);
	err = ncr_key_parts_read(&parts, data, data_len);
	if (err)
		return err;
	err = kt->import_parts(key, &parts);
	ncr_key_parts_put(&parts);
	return err;
}

/*
 * A new secret key holding len bytes of material (key agreement, later
 * derivation): usage and binding as the caller asked. Not yet published.
 */
struct ncr_key *ncr_key_new_secret(struct ncr_ctx *ctx, u32 type, u32 usage,
				   u32 alg_id, u32 tag_len, const u8 *material,
				   u32 len)
{
	struct ncrypto_key_create kc = {
		.type = type, .usage = usage, .key_len = len, .alg = alg_id,
		.tag_len = tag_len,
	};
	const struct ncr_keytype *kt;
	const struct ncr_alg *alg;
	struct ncr_key *key;
	int err;

	err = ncr_key_check_create(&kc, true, &kt, &alg);
	if (err)
		return ERR_PTR(err);
	if (kt->pk)
		return ERR_PTR(-EINVAL);
	key = ncr_key_alloc(ctx, kt, alg, len);
	if (IS_ERR(key))
		return key;
	atomic_set(&key->usage, usage);
	key->tag_len = alg && tag_len ? tag_len :
		       alg ? ncr_key_tag_len(key, alg) : 0;
	memcpy(key->material, material, len);
	if (alg) {
		err = ncr_key_fips(key, alg);
		if (err) {
			ncr_key_put(key);
			return ERR_PTR(err);
		}
	}
	return key;
}

/* NCRYPTO_IOC_KEY_GENERATE and NCRYPTO_IOC_KEY_IMPORT */
long ncr_key_ioctl_create(struct ncr_ctx *ctx, void __user *uarg, bool import)
{
	struct ncrypto_key_create kc;
	const struct ncr_keytype *kt;
	const struct ncr_alg *alg;
	struct ncr_key *key;
	void __user *data = NULL;
	u32 usize;
	int err;

	err = ncr_uapi_copy_in(&kc, sizeof(kc), NCRYPTO_SIZE_KEY_CREATE_VER0,
			       uarg, &usize);
	if (err)
		return err;
	err = ncr_key_check_create(&kc, import, &kt, &alg);
	if (err)
		return err;
	if (import && ncr_uapi_ptr(kc.data, kt->pk ? kc.data_len : kc.key_len,
				   &data))
		return -EFAULT;

	key = ncr_key_alloc(ctx, kt, alg, kc.key_len);
	if (IS_ERR(key))
		return PTR_ERR(key);
	atomic_set(&key->usage, kc.usage);
	key->tag_len = alg && kc.tag_len ? kc.tag_len :
		       alg ? ncr_key_tag_len(key, alg) : 0;
	err = ncr_nonce_setup(&key->nonce, alg, &kc);
	if (err)
		goto fail;
	err = ncr_key_fill(key, import, data, kc.data_len);
	if (err)
		goto fail;
	/* a bound key is refused now rather than at every use */
	if (alg) {
		err = ncr_key_fips(key, alg);
		if (err)
			goto fail;
	}
	return ncr_key_publish(ctx, key, uarg, &kc, sizeof(kc), usize,
			       &kc.handle);

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
	/*
	 * The output fields are ignored on input: a caller may restrict with
	 * the struct KEY_INFO filled (as ABI 1.0 allowed).
	 */
	if (ki->flags || ki->reserved0 ||
	    !ncr_uapi_zero(ki->reserved, sizeof(ki->reserved)))
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
	ki.alg = key->alg ? key->alg->id : 0;
	ki.tag_len = key->tag_len;
	ki.nonce_policy = key->nonce.policy;
	ki.nonce_counter = ncr_nonce_next_counter(&key->nonce);
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

/*
 * The public part of a public-key type's key, whatever its usage: into
 * data (capacity *len; ENOSPC with the length needed), *len its length.
 */
static int ncr_key_export_public(const struct ncr_key *key, u32 flags,
				 void __user *data, u32 *len)
{
	u8 *buf;
	int n, err;

	if (!key->kt->pk)
		return -EINVAL;
	buf = kmalloc(NCR_PUBLIC_MAX, NCR_GFP);
	if (!buf)
		return -ENOMEM;
	n = key->kt->export_public(key, flags, buf);
	if (n < 0) {
		err = n;
	} else if (*len < n) {
		*len = n;
		err = -ENOSPC;
	} else {
		*len = n;
		err = copy_to_user(data, buf, n) ? -EFAULT : 0;
	}
	kfree(buf);
	return err;
}

/* NCRYPTO_IOC_KEY_EXPORT: EXPORTABLE keys, or any key's public part. */
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
	if (ke.flags & ~NCRYPTO_EXPORT_F_ALL ||
	    hweight32(ke.flags) > 1 ||
	    !ncr_uapi_zero(ke.reserved, sizeof(ke.reserved)))
		return -EINVAL;
	err = ncr_uapi_ptr(ke.data, ke.data_len, &data);
	if (err)
		return err;
	key = ncr_ctx_get_key(ctx, ke.handle);
	if (!key)
		return -ENOENT;
	if (ke.flags) {
		err = ncr_key_export_public(key, ke.flags, data, &ke.data_len);
		if ((!err || err == -ENOSPC) &&
		    ncr_uapi_copy_out(uarg, &ke, sizeof(ke), usize))
			err = -EFAULT;
		goto out;
	}
	/* raw material: never a private key's, public keys use a flag */
	if (key->kt->pk) {
		err = key->kt->pk_private ? -EPERM : -EINVAL;
		goto out;
	}
	if (!(atomic_read(&key->usage) & NCRYPTO_KEY_EXPORTABLE)) {
		err = -EPERM;
		goto out;
	}
	if (ke.data_len < key->len) {
		err = -ENOSPC;
	} else {
		err = key->kt->export(key, data);
		if (err)
			goto out;
	}
	ke.data_len = key->len;
	if (ncr_uapi_copy_out(uarg, &ke, sizeof(ke), usize))
		err = -EFAULT;
out:
	ncr_key_put(key);
	return err;
}

/*
 * NCRYPTO_IOC_KEY_DESTROY: the handle goes now, the key with its last user;
 * sessions holding it stop at their next call.
 */
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
	WRITE_ONCE(key->dead, true);
	ncr_key_put(key);
	return 0;
}
