/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Scalars modulo the group order n (internal to kernel/pk/ec*): values in
 * the normal domain (not Montgomery), n limbs, fully reduced. Constant
 * time unless a function says otherwise.
 */
#ifndef NCR_EC_SCALAR_H
#define NCR_EC_SCALAR_H

#include "ec_curve.h"

/*
 * r = bits2int(hash) mod n (RFC 6979 2.3.2, FIPS 186-5 6.4.1 step 3): the
 * leftmost bits of the digest, as many as n has, as an integer, reduced
 * once (the result of bits2int is below 2^bits < 2n).
 */
void ec_scalar_from_hash(const struct ec_curve *c, uint64_t *r,
			 const uint8_t *hash, size_t hash_len);

/* x = x mod n for x < 2n (one masked subtraction). */
void ec_scalar_reduce_once(const struct ec_curve *c, uint64_t *x);

/* All-ones if 1 <= x <= n - 1. */
uint64_t ec_scalar_in_range(const struct ec_curve *c, const uint64_t *x);

/* r = a b mod n. */
void ec_scalar_mul(const struct ec_curve *c, uint64_t *r, const uint64_t *a,
		   const uint64_t *b);

/*
 * A uniform scalar in [1, n - 1] by FIPS 186-5 A.2.2 (rejection sampling:
 * c from L random bytes until c <= n - 2, then c + 1). Only whether a
 * candidate was rejected becomes public.
 */
int ec_scalar_random(const struct ec_curve *c, uint64_t *r);

/*
 * r = k^-1 mod n for 1 <= k <= n - 1, computed as (k b)^-1 b with a
 * random b so the exponentiation never sees k itself.
 */
int ec_scalar_inv_blinded(const struct ec_curve *c, uint64_t *r,
			  const uint64_t *k);

#endif /* NCR_EC_SCALAR_H */
