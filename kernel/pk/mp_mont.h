/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Montgomery arithmetic modulo an odd m of n limbs (R = 2^(64 n)), and
 * modular exponentiation on top of it.
 *
 * Constant time: multiplication, squaring, conversions and ncr_mont_exp*()
 * run a sequence of instructions and addresses that depends only on n and
 * on the public exponent length, never on the values of m, the operands or
 * a secret exponent. The window tables are read in full for every lookup.
 * ncr_mont_exp_public() branches on its exponent's bits: only for public
 * exponents (RSA's e).
 *
 * Values "in Montgomery form" are x * R mod m; ncr_mont_to()/_from()
 * convert. Operands of the multiplications must be < m unless said
 * otherwise.
 */
#ifndef NCR_MP_MONT_H
#define NCR_MP_MONT_H

#include "mp.h"

#ifdef __cplusplus
extern "C" {
#endif

struct ncr_mont {
	uint64_t m[NCR_MP_MAX_LIMBS];
	uint64_t rr[NCR_MP_MAX_LIMBS];	/* R^2 mod m */
	uint64_t rrr[NCR_MP_MAX_LIMBS];	/* R^3 mod m */
	uint64_t m0inv;			/* -m^-1 mod 2^64 */
	uint32_t n;			/* limbs; m[n - 1] != 0 */
	uint32_t bits;			/* bit length of m */
};

/* The fixed window of the secret-exponent exponentiations. */
#define NCR_MONT_WINDOW 5
#define NCR_MONT_TABLE (1u << NCR_MONT_WINDOW)

/*
 * Sets @ctx up for the odd modulus @m of @n limbs (1 <= n <=
 * NCR_MP_MAX_LIMBS, m[n - 1] != 0, both checked by the caller: n is public,
 * m may be secret, the setup is constant-time in it). The bit length
 * stored in ctx->bits is public knowledge the caller supplies (@bits).
 */
void ncr_mont_init(struct ncr_mont *ctx, const uint64_t *m, size_t n, size_t bits);

/* r = a * b / R mod m. a < R and b < m suffice. r may alias a or b. */
void ncr_mont_mul(const struct ncr_mont *ctx, uint64_t *r, const uint64_t *a,
		  const uint64_t *b);
/* r = a^2 / R mod m (a < m). r may alias a. */
void ncr_mont_sqr(const struct ncr_mont *ctx, uint64_t *r, const uint64_t *a);

/* r = a * R mod m (a < R: any n-limb value). */
void ncr_mont_to(const struct ncr_mont *ctx, uint64_t *r, const uint64_t *a);
/* r = a / R mod m: the ordinary value of a Montgomery-form a. */
void ncr_mont_from(const struct ncr_mont *ctx, uint64_t *r, const uint64_t *a);
/* r = R mod m, the Montgomery form of 1. */
void ncr_mont_one(const struct ncr_mont *ctx, uint64_t *r);

/*
 * r = x * R mod m (x mod m in Montgomery form) for x of @nx limbs, nx <=
 * 2 n: x = lo + hi * R becomes lo * R^2 / R + hi * R^3 / R. No division.
 * @tmp holds n limbs.
 */
void ncr_mont_reduce_wide(const struct ncr_mont *ctx, uint64_t *r, const uint64_t *x,
			  size_t nx, uint64_t *tmp);

/* r = a + b mod m, a - b mod m (a, b < m). r may alias a or b. */
void ncr_mont_add(const struct ncr_mont *ctx, uint64_t *r, const uint64_t *a,
		  const uint64_t *b);
void ncr_mont_sub(const struct ncr_mont *ctx, uint64_t *r, const uint64_t *a,
		  const uint64_t *b);

/*
 * r = base^exp in Montgomery form (base in Montgomery form). exp has
 * @exp_limbs limbs, all of them used (its length is public, its value
 * secret). @table holds NCR_MONT_TABLE * n limbs. r must not alias base.
 */
void ncr_mont_exp(const struct ncr_mont *ctx, uint64_t *r, const uint64_t *base,
		  const uint64_t *exp, size_t exp_limbs, uint64_t *table);

/*
 * r = b1^e1 * b2^e2 (Montgomery form), sharing the squarings: costs about
 * one exponentiation plus one multiplication per window. @tables holds
 * 2 * NCR_MONT_TABLE * n limbs.
 */
void ncr_mont_exp2(const struct ncr_mont *ctx, uint64_t *r, const uint64_t *b1,
		   const uint64_t *e1, const uint64_t *b2, const uint64_t *e2,
		   size_t exp_limbs, uint64_t *tables);

/*
 * r = base^exp (Montgomery form) for a PUBLIC exponent of @exp_limbs limbs:
 * square and multiply, branching on exp's bits. exp != 0. r must not
 * alias base.
 */
void ncr_mont_exp_public(const struct ncr_mont *ctx, uint64_t *r, const uint64_t *base,
			 const uint64_t *exp, size_t exp_limbs);

#ifdef __cplusplus
}
#endif

#endif /* NCR_MP_MONT_H */
