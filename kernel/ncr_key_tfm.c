// SPDX-License-Identifier: GPL-2.0
/*
 * The transform cache of a key: one keyed transform per algorithm the key
 * is used with (a bound key has one slot, an unbound one a slot per
 * algorithm of its type), made on first use, so the one-shot hot path
 * allocates no transform and runs no key schedule. Transforms are safe to
 * share between concurrent requests once keyed; creation is serialized by
 * tfm_lock and published with release semantics. The tag length is part of
 * an AEAD transform, and fixed per key, so it needs no slot of its own.
 */
#include <linux/err.h>
#include <linux/mutex.h>

#include "ncr_alg.h"
#include "ncr_class.h"
#include "ncr_ctx.h"
#include "ncr_key.h"

/*
 * Kernel memory a cached transform costs, for the memory quota. The crypto
 * API does not expose the size of a transform with its children (AES-NI
 * wrappers allocate a cryptd child with its own key schedule), so this is
 * a deliberately generous estimate of tfm + context + key schedule.
 */
#define NCR_TFM_CHARGE 2048

static struct ncr_key_tfm *ncr_key_slot(struct ncr_key *key,
					const struct ncr_alg *alg)
{
	unsigned int slot = key->alg ? 0 : alg->slot;

	if (WARN_ON_ONCE(slot >= key->n_slots))
		return NULL;
	return &key->tfms[slot];
}

/*
 * The key's transform for alg, made on first use. Returns an ERR_PTR:
 * EDQUOT when the memory quota cannot cover it, ENOPKG when the kernel
 * lacks the algorithm, setkey errors otherwise.
 */
void *ncr_key_tfm(struct ncr_key *key, const struct ncr_alg *alg)
{
	struct ncr_key_tfm *t = ncr_key_slot(key, alg);
	void *tfm;
	int err;

	if (!t)
		return ERR_PTR(-EINVAL);
	tfm = smp_load_acquire(&t->tfm);
	if (tfm)
		return tfm;

	mutex_lock(&key->tfm_lock);
	tfm = t->tfm;
	if (tfm)
		goto out;
	err = ncr_ctx_charge_mem(key->ctx, NCR_TFM_CHARGE);
	if (err) {
		tfm = ERR_PTR(err);
		goto out;
	}
	tfm = alg->cls->tfm_new(alg, key);
	if (IS_ERR(tfm)) {
		ncr_ctx_uncharge_mem(key->ctx, NCR_TFM_CHARGE);
		if (PTR_ERR(tfm) == -ENOENT)
			tfm = ERR_PTR(-ENOPKG);
		goto out;
	}
	key->charged += NCR_TFM_CHARGE;
	t->alg = alg;
	smp_store_release(&t->tfm, tfm);
out:
	mutex_unlock(&key->tfm_lock);
	return tfm;
}

/* At the key's end: nobody uses it any more. */
void ncr_key_tfms_free(struct ncr_key *key)
{
	unsigned int i;

	for (i = 0; i < key->n_slots; i++) {
		struct ncr_key_tfm *t = &key->tfms[i];

		if (t->tfm)
			t->alg->cls->tfm_free(t->tfm);
		t->tfm = NULL;
	}
}
