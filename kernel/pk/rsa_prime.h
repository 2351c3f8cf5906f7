/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Probable primes for RSA key generation (rsa_prime.c).
 */
#ifndef NCR_RSA_PRIME_H
#define NCR_RSA_PRIME_H

#include "mp_mont.h"

/*
 * w = a random probable prime of exactly @bits bits (a multiple of 64,
 * <= 2048) with its top two bits set and gcd(w - 1, e) == 1 (e public and
 * odd); if @other is not NULL, also |w - other| > 2^(bits - 100). Draws at
 * most 5 * bits candidates (FIPS 186-5 A.1.3), then -EAGAIN. @ctx is
 * scratch (wiped on return), s[0..5] are temporaries of NCR_MP_MAX_LIMBS
 * limbs, @table holds NCR_MONT_TABLE * bits / 64 limbs.
 */
int ncr_rsa_gen_prime(uint64_t *w, size_t bits, uint64_t e, const uint64_t *other,
		      struct ncr_mont *ctx, uint64_t *const *s, uint64_t *table);

#endif /* NCR_RSA_PRIME_H */
