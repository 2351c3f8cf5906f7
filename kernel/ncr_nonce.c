// SPDX-License-Identifier: GPL-2.0
/*
 * Nonce policies. A key whose nonces the kernel makes never encrypts under
 * a nonce its holder chose, so ENCRYPT cannot be turned into DECRYPT by
 * re-encrypting a ciphertext under its own nonce (CTR, GCM and
 * ChaCha20-Poly1305 encryption is the decryption keystream). Counters are
 * one atomic per key: each encryption takes the next value, failed or not,
 * so no value is ever used twice, even by concurrent callers.
 */
#include <linux/fips.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/byteorder.h>

#include "ncr_alg.h"
#include "ncr_key.h"
#include "ncr_nonce.h"
#include "ncr_rng.h"

/* SP 800-38D 8.3: at most 2^32 invocations with random 96-bit IVs. */
#define NCR_NONCE_RANDOM_MAX (1ull << 32)

/* The counter's bytes: the last 8 of the nonce, big-endian. */
#define NCR_NONCE_COUNTER_LEN 8

/* Parameters of KEY_GENERATE/KEY_IMPORT (alg may be NULL: unbound key). */
int ncr_nonce_setup(struct ncr_nonce *n, const struct ncr_alg *alg,
		    const struct ncrypto_key_create *kc)
{
	u32 want;

	if (kc->nonce_fixed_len > sizeof(kc->nonce_fixed) ||
	    memchr_inv(kc->nonce_fixed + kc->nonce_fixed_len, 0,
		       sizeof(kc->nonce_fixed) - kc->nonce_fixed_len))
		return -EINVAL;
	memset(n, 0, sizeof(*n));
	switch (kc->nonce_policy) {
	case NCRYPTO_NONCE_CALLER:
	case NCRYPTO_NONCE_RANDOM:
		if (kc->nonce_fixed_len || kc->nonce_counter)
			return -EINVAL;
		want = 0;
		break;
	case NCRYPTO_NONCE_COUNTER:
		want = alg ? alg->nonce_len - NCR_NONCE_COUNTER_LEN : 0;
		break;
	case NCRYPTO_NONCE_COUNTER_XOR:
		want = alg ? alg->nonce_len : 0;
		break;
	default:
		return -EINVAL;
	}
	if (kc->nonce_policy != NCRYPTO_NONCE_CALLER) {
		/* a kernel-made nonce belongs to one algorithm that takes one */
		if (!alg || alg->nonce_len < NCR_NONCE_COUNTER_LEN ||
		    kc->nonce_fixed_len != want)
			return -EINVAL;
	}
	n->policy = kc->nonce_policy;
	n->fixed_len = kc->nonce_fixed_len;
	memcpy(n->fixed, kc->nonce_fixed, n->fixed_len);
	n->start = kc->nonce_counter;
	atomic64_set(&n->used, 0);
	return 0;
}

/* The fixed IV of COUNTER_XOR is key material in TLS 1.3. */
void ncr_nonce_wipe(struct ncr_nonce *n)
{
	memzero_explicit(n->fixed, sizeof(n->fixed));
}

u64 ncr_nonce_next_counter(const struct ncr_nonce *n)
{
	if (n->policy != NCRYPTO_NONCE_COUNTER &&
	    n->policy != NCRYPTO_NONCE_COUNTER_XOR)
		return 0;
	return n->start + (u64)atomic64_read(&n->used);
}

/* Take the next counter value; EOVERFLOW once start + taken passes 2^64-1. */
static int ncr_nonce_take(struct ncr_nonce *n, u64 *counter)
{
	u64 taken = (u64)atomic64_fetch_inc(&n->used);

	if (taken > U64_MAX - n->start)
		return -EOVERFLOW;
	*counter = n->start + taken;
	return 0;
}

/* nonce_len bytes of nonce at out by the key's policy. */
static int ncr_nonce_make(struct ncr_nonce *n, u32 nonce_len, u8 *out)
{
	__be64 be;
	u64 ctr;
	int err, i;

	switch (n->policy) {
	case NCRYPTO_NONCE_RANDOM:
		if ((u64)atomic64_fetch_inc(&n->used) >= NCR_NONCE_RANDOM_MAX)
			return -EOVERFLOW;
		return ncr_rng_bytes(out, nonce_len);
	case NCRYPTO_NONCE_COUNTER:
		err = ncr_nonce_take(n, &ctr);
		if (err)
			return err;
		be = cpu_to_be64(ctr);
		memcpy(out, n->fixed, n->fixed_len);
		memcpy(out + n->fixed_len, &be, sizeof(be));
		return 0;
	case NCRYPTO_NONCE_COUNTER_XOR:
		err = ncr_nonce_take(n, &ctr);
		if (err)
			return err;
		be = cpu_to_be64(ctr);
		memcpy(out, n->fixed, nonce_len);
		for (i = 0; i < NCR_NONCE_COUNTER_LEN; i++)
			out[nonce_len - NCR_NONCE_COUNTER_LEN + i] ^=
				((u8 *)&be)[i];
		return 0;
	default:
		return -EINVAL;
	}
}

int ncr_nonce_iv(struct ncr_key *key, const struct ncr_alg *alg, bool enc,
		 void __user *uiv, u8 *iv)
{
	bool kernel = enc && key->nonce.policy != NCRYPTO_NONCE_CALLER;
	int err;

	if (!alg->iv_len)
		return 0;
	/* FIPS 140-3 IG C.H: the module makes the GCM IV it encrypts with */
	if (enc && !kernel && fips_enabled && alg->fips_kernel_nonce)
		return -EACCES;
	if (!kernel)
		return copy_from_user(iv, uiv, alg->iv_len) ? -EFAULT : 0;
	/* the rest of the IV (CTR's block counter) starts at 0 */
	memset(iv, 0, alg->iv_len);
	err = ncr_nonce_make(&key->nonce, alg->nonce_len, iv);
	if (!err && copy_to_user(uiv, iv, alg->iv_len))
		err = -EFAULT;
	return err;
}
