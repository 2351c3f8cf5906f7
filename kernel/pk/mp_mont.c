// SPDX-License-Identifier: GPL-2.0
/*
 * Montgomery multiplication and squaring (product scanning with the
 * reduction interleaved column by column: Koc, Acar and Kaliski's
 * "finely integrated product scanning"), conversions and setup.
 *
 * A column sum lives in a three-limb accumulator (a 128-bit value plus a
 * carry limb); each product of two limbs is added to it whole. The final
 * result is below 2m and loses m under a mask, never under a branch.
 */
#include "mp_mont.h"

/* (acc, c2) += a * b */
#define MAC(acc, c2, a, b)                                                    \
	do {                                                                  \
		ncr_u128 p_ = (ncr_u128)(a) * (b);                            \
		ncr_u128 s_ = (acc) + p_;                                     \
		(c2) += s_ < p_;                                              \
		(acc) = s_;                                                   \
	} while (0)

/* (acc, c2) >>= 64: the next column's starting sum. */
#define NEXT_COLUMN(acc, c2)                                                  \
	do {                                                                  \
		(acc) = ((acc) >> 64) | ((ncr_u128)(c2) << 64);               \
		(c2) = 0;                                                     \
	} while (0)

/*
 * r = (top, r) - m if that is not negative, else (top, r), where the
 * n-limb r plus the carry limb top is below 2m. @tmp: n limbs.
 */
static void final_subtract(const struct ncr_mont *ctx, uint64_t *r, uint64_t top,
			   uint64_t *tmp)
{
	size_t n = ctx->n;
	uint64_t borrow = ncr_mp_sub(tmp, r, ctx->m, n);
	uint64_t take = (0 - top) | (borrow - 1);

	ncr_mp_select(r, take, tmp, r, n);
}

void ncr_mont_mul(const struct ncr_mont *ctx, uint64_t *r, const uint64_t *a,
		  const uint64_t *b)
{
	const uint64_t *m = ctx->m;
	const size_t n = ctx->n;
	uint64_t u[NCR_MP_MAX_LIMBS];	/* the reduction's quotient digits */
	ncr_u128 acc = 0;
	uint64_t c2 = 0;
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++) {
			MAC(acc, c2, a[j], b[i - j]);
			MAC(acc, c2, u[j], m[i - j]);
		}
		MAC(acc, c2, a[i], b[0]);
		u[i] = (uint64_t)acc * ctx->m0inv;
		MAC(acc, c2, u[i], m[0]);	/* clears the low limb */
		NEXT_COLUMN(acc, c2);
	}
	/* column i writes r[i - n]; later columns read only above it */
	for (i = n; i < 2 * n; i++) {
		for (j = i - n + 1; j < n; j++) {
			MAC(acc, c2, a[j], b[i - j]);
			MAC(acc, c2, u[j], m[i - j]);
		}
		r[i - n] = (uint64_t)acc;
		NEXT_COLUMN(acc, c2);
	}
	final_subtract(ctx, r, (uint64_t)acc, u);
	ncr_pk_wipe(u, n * sizeof(u[0]));
}

/* (x, x2) = twice the products a[j] * a[i - j] for j < i - j, plus a[i/2]^2. */
static inline void square_column(const uint64_t *a, size_t n, size_t i, ncr_u128 *x,
				 uint64_t *x2)
{
	size_t lo = i < n ? 0 : i - n + 1, j;
	ncr_u128 s = 0;
	uint64_t s2 = 0;

	for (j = lo; j < i - j; j++)
		MAC(s, s2, a[j], a[i - j]);
	s2 = (s2 << 1) | (uint64_t)(s >> 127);
	s <<= 1;
	if (!(i & 1))
		MAC(s, s2, a[i / 2], a[i / 2]);
	*x = s;
	*x2 = s2;
}

void ncr_mont_sqr(const struct ncr_mont *ctx, uint64_t *r, const uint64_t *a)
{
	const uint64_t *m = ctx->m;
	const size_t n = ctx->n;
	uint64_t u[NCR_MP_MAX_LIMBS];
	ncr_u128 acc = 0, x, s;
	uint64_t c2 = 0, x2;
	size_t i, j;

	for (i = 0; i < n; i++) {
		square_column(a, n, i, &x, &x2);
		s = acc + x;
		c2 += x2 + (s < x);
		acc = s;
		for (j = 0; j < i; j++)
			MAC(acc, c2, u[j], m[i - j]);
		u[i] = (uint64_t)acc * ctx->m0inv;
		MAC(acc, c2, u[i], m[0]);
		NEXT_COLUMN(acc, c2);
	}
	for (i = n; i < 2 * n; i++) {
		if (i < 2 * n - 1) {
			square_column(a, n, i, &x, &x2);
			s = acc + x;
			c2 += x2 + (s < x);
			acc = s;
		}
		for (j = i - n + 1; j < n; j++)
			MAC(acc, c2, u[j], m[i - j]);
		r[i - n] = (uint64_t)acc;
		NEXT_COLUMN(acc, c2);
	}
	final_subtract(ctx, r, (uint64_t)acc, u);
	ncr_pk_wipe(u, n * sizeof(u[0]));
}

void ncr_mont_add(const struct ncr_mont *ctx, uint64_t *r, const uint64_t *a,
		  const uint64_t *b)
{
	uint64_t tmp[NCR_MP_MAX_LIMBS];
	uint64_t carry = ncr_mp_add(r, a, b, ctx->n);

	final_subtract(ctx, r, carry, tmp);
	ncr_pk_wipe(tmp, ctx->n * sizeof(tmp[0]));
}

void ncr_mont_sub(const struct ncr_mont *ctx, uint64_t *r, const uint64_t *a,
		  const uint64_t *b)
{
	uint64_t borrow = ncr_mp_sub(r, a, b, ctx->n);

	ncr_mp_cnd_add(r, ctx->m, 0 - borrow, ctx->n);
}

void ncr_mont_to(const struct ncr_mont *ctx, uint64_t *r, const uint64_t *a)
{
	ncr_mont_mul(ctx, r, a, ctx->rr);
}

void ncr_mont_from(const struct ncr_mont *ctx, uint64_t *r, const uint64_t *a)
{
	uint64_t one[NCR_MP_MAX_LIMBS];

	ncr_mp_set_u64(one, ctx->n, 1);
	ncr_mont_mul(ctx, r, a, one);
}

void ncr_mont_one(const struct ncr_mont *ctx, uint64_t *r)
{
	ncr_mont_from(ctx, r, ctx->rr);
}

void ncr_mont_reduce_wide(const struct ncr_mont *ctx, uint64_t *r, const uint64_t *x,
			  size_t nx, uint64_t *tmp)
{
	size_t n = ctx->n, i;

	for (i = 0; i < n; i++)
		tmp[i] = n + i < nx ? x[n + i] : 0;
	ncr_mont_mul(ctx, tmp, tmp, ctx->rrr);	/* hi * R^2 */
	if (nx >= n) {
		ncr_mont_mul(ctx, r, x, ctx->rr);	/* lo * R */
	} else {
		uint64_t lo[NCR_MP_MAX_LIMBS];

		for (i = 0; i < n; i++)
			lo[i] = i < nx ? x[i] : 0;
		ncr_mont_mul(ctx, r, lo, ctx->rr);
		ncr_pk_wipe(lo, n * sizeof(lo[0]));
	}
	ncr_mont_add(ctx, r, r, tmp);
}

/* x = 2 x mod m for x < m. */
static void double_mod(const struct ncr_mont *ctx, uint64_t *x, const uint64_t *m)
{
	uint64_t tmp[NCR_MP_MAX_LIMBS];
	size_t n = ctx->n;
	uint64_t carry = ncr_mp_shl1(x, x, n);
	uint64_t borrow = ncr_mp_sub(tmp, x, m, n);

	ncr_mp_select(x, (0 - carry) | (borrow - 1), tmp, x, n);
	ncr_pk_wipe(tmp, n * sizeof(tmp[0]));
}

void ncr_mont_init(struct ncr_mont *ctx, const uint64_t *m, size_t n, size_t bits)
{
	size_t i;

	memset(ctx, 0, sizeof(*ctx));
	ctx->n = (uint32_t)n;
	ctx->bits = (uint32_t)bits;
	ncr_mp_copy(ctx->m, m, n);
	ctx->m0inv = 0 - ncr_mp_inv_2_64(m[0]);
	/* R^2 mod m by doubling 1 2 * 64 * n times: slow, but no division */
	ncr_mp_set_u64(ctx->rr, n, 1);
	for (i = 0; i < 2 * 64 * n; i++)
		double_mod(ctx, ctx->rr, m);
	ncr_mont_mul(ctx, ctx->rrr, ctx->rr, ctx->rr);
}
