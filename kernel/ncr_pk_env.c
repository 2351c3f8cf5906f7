// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel side of kernel/pk/pk_env.h: the services ncrypto's public-key
 * arithmetic asks of whatever it is built into. Hashes run on the module's
 * shared hash transforms (the crypto API's, so FIPS mode's self-tested
 * implementations), randomness comes from the module's RNG (the DRBG in
 * FIPS mode), wiping is memzero_explicit. Declassification only matters to
 * the user-space constant-time check.
 */
#include <linux/err.h>
#include <linux/string.h>
#include <crypto/hash.h>

#include <linux/ncrypto.h>

#include "ncr_alg.h"
#include "ncr_rng.h"
#include "pk/pk_env.h"

static u32 ncr_pk_hash_alg(enum ncr_pk_hash_id id)
{
	switch (id) {
	case NCR_PK_SHA1: return NCRYPTO_ALG_SHA1;
	case NCR_PK_SHA224: return NCRYPTO_ALG_SHA224;
	case NCR_PK_SHA256: return NCRYPTO_ALG_SHA256;
	case NCR_PK_SHA384: return NCRYPTO_ALG_SHA384;
	case NCR_PK_SHA512: return NCRYPTO_ALG_SHA512;
	}
	return 0;
}

int ncr_pk_hash(enum ncr_pk_hash_id id, const struct ncr_pk_buf *parts,
		unsigned int n, uint8_t *out)
{
	struct ncr_alg *alg = ncr_alg_find(ncr_pk_hash_alg(id));
	struct crypto_shash *tfm;
	unsigned int i;
	int err;

	if (!alg)
		return -EINVAL;
	tfm = ncr_alg_hash_tfm(alg);
	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	{
		SHASH_DESC_ON_STACK(desc, tfm);

		desc->tfm = tfm;
		err = crypto_shash_init(desc);
		for (i = 0; !err && i < n; i++)
			err = crypto_shash_update(desc, parts[i].data,
						  parts[i].len);
		if (!err)
			err = crypto_shash_final(desc, out);
		shash_desc_zero(desc);
	}
	return err;
}

int ncr_pk_random(void *buf, size_t len)
{
	return ncr_rng_bytes(buf, len);
}

void ncr_pk_wipe(void *p, size_t len)
{
	memzero_explicit(p, len);
}

void ncr_pk_declassify(const void *p, size_t len)
{
}
