/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Points of kernel/pk/ec* (internal): projective coordinates (X : Y : Z)
 * with x = X/Z, y = Y/Z, the point at infinity being (0 : 1 : 0), all in
 * the Montgomery domain of p. Additions use the complete formulas of
 * Renes, Costello and Batina ("Complete addition formulas for prime order
 * elliptic curves", 2016, algorithms 4-6 for a = -3): one sequence of
 * field operations for every pair of inputs (doubling, infinity, P + -P
 * included), hence no branch on the points.
 */
#ifndef NCR_EC_POINT_H
#define NCR_EC_POINT_H

#include "ec_curve.h"

struct ec_point {
	uint64_t x[EC_LIMBS], y[EC_LIMBS], z[EC_LIMBS];
};

struct ec_affine {
	uint64_t x[EC_LIMBS], y[EC_LIMBS];
};

void ec_point_set_infinity(const struct ec_curve *c, struct ec_point *r);
void ec_point_from_affine(const struct ec_curve *c, struct ec_point *r,
			  const struct ec_affine *a);
/* r = a + b; r may alias a or b. */
void ec_point_add(const struct ec_curve *c, struct ec_point *r,
		  const struct ec_point *a, const struct ec_point *b);
/* r = a + b for an affine b that is not the point at infinity. */
void ec_point_add_affine(const struct ec_curve *c, struct ec_point *r,
			 const struct ec_point *a, const struct ec_affine *b);
/* r = 2 a; r may alias a. */
void ec_point_double(const struct ec_curve *c, struct ec_point *r,
		     const struct ec_point *a);
/* r = 2^count a (constant time for a public count); r may alias a. */
void ec_point_double_n(const struct ec_curve *c, struct ec_point *r,
		       const struct ec_point *a, unsigned int count);
/* r = @mask ? a : r. */
void ec_point_cmov(const struct ec_curve *c, struct ec_point *r,
		   const struct ec_point *a, uint64_t mask);
/* All-ones if a is the point at infinity (Z = 0). */
uint64_t ec_point_is_infinity(const struct ec_curve *c,
			      const struct ec_point *a);
/*
 * r = a in affine coordinates (one inversion, constant time). The point at
 * infinity gives (0, 0): check ec_point_is_infinity() first.
 */
void ec_point_to_affine(const struct ec_curve *c, struct ec_affine *r,
			const struct ec_point *a);
/* All-ones if the affine point (Montgomery domain) satisfies the equation. */
uint64_t ec_affine_on_curve(const struct ec_curve *c,
			    const struct ec_affine *a);

/*
 * Constant-time scalar multiplication by a scalar k < n (n limbs of the
 * curve, normal domain, secret): signed 5-bit windows, each table lookup
 * scans the whole table.
 *   ec_mul_base: r = k G with the fixed-base table (no doublings).
 *   ec_mul_point: r = k P; @table is the caller's room for 16 points.
 */
void ec_mul_base(const struct ec_curve *c, struct ec_point *r,
		 const uint64_t *k);
void ec_mul_point(const struct ec_curve *c, struct ec_point *r,
		  const uint64_t *k, const struct ec_point *p,
		  struct ec_point table[EC_WINDOW_POINTS]);

#endif /* NCR_EC_POINT_H */
