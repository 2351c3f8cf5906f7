/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Constant-time arithmetic modulo the P-256 and P-384 primes and group
 * orders (internal to kernel/pk/ec*).
 *
 * An element is an array of n 64-bit limbs, least significant first
 * (n = 4 for P-256, 6 for P-384), always fully reduced (< m). Products use
 * Montgomery multiplication with R = 2^(64 n): ec_mul(a, b) = a b / R mod m,
 * so most code keeps its values in the "Montgomery domain" (x R mod m).
 *
 * Nothing here branches on or indexes by the value of an element; the only
 * branches are on the limb count and on the (public) exponent in
 * ec_mod_pow().
 */
#ifndef NCR_EC_FIELD_H
#define NCR_EC_FIELD_H

#include "pk_env.h"

#define EC_LIMBS 6		/* limbs of the largest modulus (P-384) */

typedef unsigned __int128 ec_u128;

/* A modulus (a curve's prime p or order n) and its Montgomery constants. */
struct ec_mod {
	unsigned int n;		/* limbs: 4 or 6 */
	bool p256;		/* m is P-256's prime: reduce by its special form */
	uint64_t m[EC_LIMBS];	/* the modulus, odd, top limb non-zero */
	uint64_t n0;		/* -m^-1 mod 2^64 */
	uint64_t r2[EC_LIMBS];	/* R^2 mod m: to_mont(a) = mul(a, r2) */
	uint64_t one[EC_LIMBS];	/* R mod m: 1 in the Montgomery domain */
};

/* All-ones if @bit (0 or 1) is 1, else 0. */
static inline uint64_t ec_mask(uint64_t bit)
{
	return 0 - bit;
}

/* r = a b / R mod m (Montgomery product). r may alias a or b. */
void ec_mul(uint64_t *r, const uint64_t *a, const uint64_t *b,
	    const struct ec_mod *mod);
/* r = a^2 / R mod m. */
void ec_sqr(uint64_t *r, const uint64_t *a, const struct ec_mod *mod);
/* r = a + b mod m. */
void ec_add(uint64_t *r, const uint64_t *a, const uint64_t *b,
	    const struct ec_mod *mod);
/* r = a - b mod m. */
void ec_sub(uint64_t *r, const uint64_t *a, const uint64_t *b,
	    const struct ec_mod *mod);

/* r = @mask ? a : r, for a mask of all ones or zero. */
static inline void ec_cmov(uint64_t *r, const uint64_t *a, uint64_t mask,
			   unsigned int n)
{
	unsigned int j;

	for (j = 0; j < n; j++)
		r[j] ^= (r[j] ^ a[j]) & mask;
}

static inline void ec_copy(uint64_t *r, const uint64_t *a, unsigned int n)
{
	memcpy(r, a, n * sizeof(*r));
}

/* All-ones if a == 0 (n limbs), else 0. */
uint64_t ec_is_zero(const uint64_t *a, unsigned int n);
/* All-ones if a == b, else 0. */
uint64_t ec_equal(const uint64_t *a, const uint64_t *b, unsigned int n);
/* All-ones if a < b (unsigned, n limbs), else 0. */
uint64_t ec_less(const uint64_t *a, const uint64_t *b, unsigned int n);

/* r = -a mod m. */
void ec_neg(uint64_t *r, const uint64_t *a, const struct ec_mod *mod);
/* r = a R mod m, for any a < m. */
void ec_to_mont(uint64_t *r, const uint64_t *a, const struct ec_mod *mod);
/* r = a / R mod m: out of the Montgomery domain. */
void ec_from_mont(uint64_t *r, const uint64_t *a, const struct ec_mod *mod);
/* r = a^e (Montgomery domain) for a public exponent e of n limbs. */
void ec_mod_pow(uint64_t *r, const uint64_t *a, const uint64_t *e,
		const struct ec_mod *mod);
/* r = a^-1 (Montgomery domain) by Fermat, a^(m-2); 0 maps to 0. */
void ec_mod_inv(uint64_t *r, const uint64_t *a, const struct ec_mod *mod);

/*
 * Big-endian bytes <-> limbs. ec_from_be() reads exactly @len <= 8 n
 * bytes; ec_to_be() writes @len bytes (the low @len bytes of the value).
 */
void ec_from_be(uint64_t *r, unsigned int n, const uint8_t *in, size_t len);
void ec_to_be(uint8_t *out, size_t len, const uint64_t *a);

#endif /* NCR_EC_FIELD_H */
