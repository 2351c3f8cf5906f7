// SPDX-License-Identifier: GPL-2.0
/*
 * Random bytes for generated keys and kernel-made nonces. In FIPS mode they
 * come from the crypto API's default RNG, "stdrng" (the SP 800-90A DRBG
 * that FIPS kernels provide), held from load to unload. Otherwise from
 * get_random_bytes(), after waiting until the kernel's pool is seeded (it
 * always is by the time a program can open the device, but a key made from
 * an unseeded pool would be weak for ever, so the wait costs nothing and
 * rules that out).
 */
#include <linux/fips.h>
#include <linux/random.h>
#include <crypto/rng.h>

#include "ncr_rng.h"

static bool ncr_rng_drbg;

int ncr_rng_init(void)
{
	int err;

	if (!fips_enabled)
		return 0;
	err = crypto_get_default_rng();
	if (err) {
		pr_err("ncrypto: FIPS mode without a default DRBG (stdrng): %d\n",
		       err);
		return err;
	}
	ncr_rng_drbg = true;
	return 0;
}

void ncr_rng_exit(void)
{
	if (ncr_rng_drbg)
		crypto_put_default_rng();
	ncr_rng_drbg = false;
}

/* 0, or an error: the DRBG's, or -ERESTARTSYS if a signal ended the wait. */
int ncr_rng_bytes(void *buf, unsigned int len)
{
	if (ncr_rng_drbg)
		return crypto_rng_get_bytes(crypto_default_rng, buf, len);
	return get_random_bytes_wait(buf, len);
}
