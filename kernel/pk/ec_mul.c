// SPDX-License-Identifier: GPL-2.0
/*
 * Constant-time scalar multiplication of kernel/pk/ec* (see ec_point.h).
 *
 * The scalar k is recoded into signed digits d_i in [-16, 16] with
 * k = sum d_i 32^i (Booth recoding of 5-bit windows: d_i reads bits
 * 5i+4 .. 5i-1). A digit's point is found by scanning every entry of its
 * table and keeping the matching one with a mask, negated with a mask when
 * d_i < 0; a zero digit selects the point at infinity (variable base) or
 * discards the addition (fixed base). The sequence of field operations and
 * of memory addresses is the same for every k.
 */
#include "ec_point.h"

/* Bits [pos, pos + 6) of k (n limbs), with bits below 0 reading as 0. */
static unsigned int window6(const uint64_t *k, unsigned int n, int pos)
{
	uint64_t lo, hi;
	unsigned int limb, shift;

	if (pos < 0)	/* the first window: bit -1 is 0 */
		return (unsigned int)(k[0] << 1) & 0x3f;
	limb = (unsigned int)pos / 64;
	shift = (unsigned int)pos % 64;
	lo = limb < n ? k[limb] >> shift : 0;
	hi = (shift > 58 && limb + 1 < n) ? k[limb + 1] << (64 - shift) : 0;
	return (unsigned int)(lo | hi) & 0x3f;
}

/*
 * Digit i of k: |d_i| in *abs (0..16) and an all-ones *neg when d_i < 0.
 * d_i = (bits 5i..5i+4) + bit 5i-1 - 32 bit 5i+4.
 */
static void digit(const uint64_t *k, unsigned int n, unsigned int i,
		  unsigned int *abs, uint64_t *neg)
{
	unsigned int w = window6(k, n, (int)(EC_WINDOW_BITS * i) - 1);
	unsigned int sign = w >> 5;			/* bit 5i+4 */
	unsigned int v = (w >> 1) + (w & 1);		/* 0..32 */
	unsigned int flip = 0 - sign;

	/* sign ? 32 - v : v */
	*abs = (v & ~flip) | ((32 - v) & flip);
	*neg = ec_mask(sign);
}

/* All-ones if a == b, for small public-range values. */
static uint64_t eq_mask(unsigned int a, unsigned int b)
{
	uint64_t x = (uint64_t)(a ^ b);

	return ec_mask(((x | (0 - x)) >> 63) ^ 1);
}

/* y = @neg ? -y : y */
static void cond_negate(const struct ec_curve *c, uint64_t *y, uint64_t neg)
{
	uint64_t minus[EC_LIMBS];

	ec_neg(minus, y, &c->p);
	ec_cmov(y, minus, neg, c->p.n);
}

/* r = d 32^i G for the digit (abs, neg) of window i; abs must be >= 1 to
 * be used (abs = 0 leaves r at zero, which the caller discards). */
static void base_lookup(const struct ec_curve *c, struct ec_affine *r,
			unsigned int i, unsigned int abs, uint64_t neg)
{
	unsigned int n = c->p.n, j;
	const uint64_t *entry = c->base + (size_t)i * EC_WINDOW_POINTS * 2 * n;

	memset(r, 0, sizeof(*r));
	for (j = 1; j <= EC_WINDOW_POINTS; j++, entry += 2 * n) {
		uint64_t hit = eq_mask(abs, j);

		ec_cmov(r->x, entry, hit, n);
		ec_cmov(r->y, entry + n, hit, n);
	}
	cond_negate(c, r->y, neg);
}

void ec_mul_base(const struct ec_curve *c, struct ec_point *r,
		 const uint64_t *k)
{
	struct ec_point sum;
	struct ec_affine a;
	unsigned int i, abs;
	uint64_t neg;

	ec_point_set_infinity(c, r);
	for (i = 0; i < c->windows; i++) {
		digit(k, c->n.n, i, &abs, &neg);
		base_lookup(c, &a, i, abs, neg);
		ec_point_add_affine(c, &sum, r, &a);
		ec_point_cmov(c, r, &sum, ~eq_mask(abs, 0));
	}
	ncr_pk_wipe(&sum, sizeof(sum));
	ncr_pk_wipe(&a, sizeof(a));
}

/* r = d P from table[j - 1] = j P; d = 0 gives the point at infinity. */
static void point_lookup(const struct ec_curve *c, struct ec_point *r,
			 const struct ec_point table[EC_WINDOW_POINTS],
			 unsigned int abs, uint64_t neg)
{
	unsigned int j;

	ec_point_set_infinity(c, r);
	for (j = 1; j <= EC_WINDOW_POINTS; j++)
		ec_point_cmov(c, r, &table[j - 1], eq_mask(abs, j));
	cond_negate(c, r->y, neg);
}

void ec_mul_point(const struct ec_curve *c, struct ec_point *r,
		  const uint64_t *k, const struct ec_point *p,
		  struct ec_point table[EC_WINDOW_POINTS])
{
	struct ec_point t;
	unsigned int i, j, abs;
	uint64_t neg;

	table[0] = *p;
	ec_point_double(c, &table[1], p);
	for (j = 2; j < EC_WINDOW_POINTS; j++)
		ec_point_add(c, &table[j], &table[j - 1], p);

	i = c->windows - 1;
	digit(k, c->n.n, i, &abs, &neg);
	point_lookup(c, r, table, abs, neg);
	while (i-- > 0) {
		ec_point_double_n(c, r, r, EC_WINDOW_BITS);
		digit(k, c->n.n, i, &abs, &neg);
		point_lookup(c, &t, table, abs, neg);
		ec_point_add(c, r, r, &t);
	}
	ncr_pk_wipe(&t, sizeof(t));
	ncr_pk_wipe(table, EC_WINDOW_POINTS * sizeof(*table));
}
