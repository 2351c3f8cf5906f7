/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The HMAC_DRBG of RFC 6979 section 3.2 steps b-h (internal to
 * kernel/pk/ec*): the deterministic, optionally hedged, ECDSA nonce
 * generator. HMAC (RFC 2104) is built on ncr_pk_hash().
 */
#ifndef NCR_EC_HMAC_DRBG_H
#define NCR_EC_HMAC_DRBG_H

#include "pk_env.h"

struct ec_hmac_drbg {
	enum ncr_pk_hash_id id;
	size_t hlen;
	uint8_t k[NCR_PK_HASH_MAX];	/* secret */
	uint8_t v[NCR_PK_HASH_MAX];	/* secret */
};

/*
 * Steps b-g: V = 01..01, K = 00..00, then K = HMAC_K(V || 00 || seed),
 * V = HMAC_K(V), K = HMAC_K(V || 01 || seed), V = HMAC_K(V), where seed is
 * the concatenation of the @n parts (at most 4). -EINVAL for an unknown
 * hash id.
 */
int ec_hmac_drbg_init(struct ec_hmac_drbg *drbg, enum ncr_pk_hash_id id,
		      const struct ncr_pk_buf *seed, unsigned int n);

/* Step h.2: T = V1 || V2 || ... with Vi = HMAC_K(V), @len bytes of it. */
int ec_hmac_drbg_generate(struct ec_hmac_drbg *drbg, uint8_t *out,
			  size_t len);

/* Step h.3, after a rejected candidate: K = HMAC_K(V || 00), V = HMAC_K(V). */
int ec_hmac_drbg_next(struct ec_hmac_drbg *drbg);

void ec_hmac_drbg_wipe(struct ec_hmac_drbg *drbg);

#endif /* NCR_EC_HMAC_DRBG_H */
