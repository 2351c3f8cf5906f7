/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The two curves of kernel/pk/ec* (internal): y^2 = x^3 - 3x + b over the
 * prime field of p, with a base point G of prime order n (cofactor 1).
 * Constants are in the Montgomery domain of p where they are field
 * elements (see ec_field.h).
 */
#ifndef NCR_EC_CURVE_H
#define NCR_EC_CURVE_H

#include "ec.h"
#include "ec_field.h"

/* Signed 5-bit windows of the fixed-base tables: digits in [-16, 16]. */
#define EC_WINDOW_BITS 5
#define EC_WINDOW_POINTS 16
/* Windows for a b-bit scalar: the recoding needs one bit above the top. */
#define EC_WINDOWS(bits) (((bits) + 1 + EC_WINDOW_BITS - 1) / EC_WINDOW_BITS)

struct ec_curve {
	enum ncr_ec_curve id;
	unsigned int bytes;	/* of a field element and of a scalar */
	unsigned int bits;	/* of p and of n */
	struct ec_mod p;	/* the field */
	struct ec_mod n;	/* the group order */
	uint64_t b[EC_LIMBS];	/* Montgomery domain */
	uint64_t gx[EC_LIMBS];	/* Montgomery domain */
	uint64_t gy[EC_LIMBS];	/* Montgomery domain */
	/*
	 * Fixed-base table, filled by ncr_ec_init(): for window i and
	 * j = 1..16, the affine point j 32^i G as 2 p.n limbs (x then y,
	 * Montgomery domain) at base[((i * 16) + j - 1) * 2 * p.n].
	 */
	uint64_t *base;
	unsigned int windows;	/* EC_WINDOWS(bits) */
};

/* The curve @id, or NULL for an unknown id. */
const struct ec_curve *ec_curve_get(enum ncr_ec_curve id);

/* Fills the fixed-base tables (ncr_ec_init()); true once done. */
void ec_curve_tables_init(void);
bool ec_curve_tables_ready(void);

#endif /* NCR_EC_CURVE_H */
