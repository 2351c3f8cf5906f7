// SPDX-License-Identifier: GPL-2.0
/*
 * Modular exponentiation in Montgomery form: fixed-window for secret
 * exponents (every window costs NCR_MONT_WINDOW squarings and one
 * multiplication, also for a zero digit; the digit's table entry is found
 * by reading every entry under a mask), square-and-multiply for public ones.
 */
#include "mp_mont.h"

/* table[k] = base^k for k < NCR_MONT_TABLE (Montgomery form). */
static void table_build(const struct ncr_mont *ctx, uint64_t *table, const uint64_t *base)
{
	size_t n = ctx->n, k;

	ncr_mont_one(ctx, table);
	ncr_mp_copy(table + n, base, n);
	for (k = 2; k < NCR_MONT_TABLE; k++) {
		if (k & 1)
			ncr_mont_mul(ctx, table + k * n, table + (k - 1) * n, base);
		else
			ncr_mont_sqr(ctx, table + k * n, table + (k / 2) * n);
	}
}

/* r = table[digit], reading all of the table. */
static void table_read(uint64_t *r, const uint64_t *table, uint64_t digit, size_t n)
{
	size_t k, j;

	ncr_mp_zero(r, n);
	for (k = 0; k < NCR_MONT_TABLE; k++) {
		uint64_t mask = ncr_mp_eq_mask64(k, digit);

		for (j = 0; j < n; j++)
			r[j] |= table[k * n + j] & mask;
	}
}

/* Window @w of exp (bits w * WINDOW up to the top of exp_limbs limbs). */
static uint64_t window_digit(const uint64_t *exp, size_t exp_limbs, size_t w)
{
	size_t bit = w * NCR_MONT_WINDOW, limb = bit / 64, shift = bit % 64;
	uint64_t v = exp[limb] >> shift;

	if (shift + NCR_MONT_WINDOW > 64 && limb + 1 < exp_limbs)
		v |= exp[limb + 1] << (64 - shift);
	return v & (NCR_MONT_TABLE - 1);
}

static size_t window_count(size_t exp_limbs)
{
	return (64 * exp_limbs + NCR_MONT_WINDOW - 1) / NCR_MONT_WINDOW;
}

static void square_window(const struct ncr_mont *ctx, uint64_t *r)
{
	int i;

	for (i = 0; i < NCR_MONT_WINDOW; i++)
		ncr_mont_sqr(ctx, r, r);
}

void ncr_mont_exp(const struct ncr_mont *ctx, uint64_t *r, const uint64_t *base,
		  const uint64_t *exp, size_t exp_limbs, uint64_t *table)
{
	uint64_t t[NCR_MP_MAX_LIMBS];
	size_t n = ctx->n, w = window_count(exp_limbs);

	table_build(ctx, table, base);
	table_read(r, table, window_digit(exp, exp_limbs, w - 1), n);
	while (w-- > 1) {
		square_window(ctx, r);
		table_read(t, table, window_digit(exp, exp_limbs, w - 1), n);
		ncr_mont_mul(ctx, r, r, t);
	}
	ncr_pk_wipe(t, sizeof(t));
}

void ncr_mont_exp2(const struct ncr_mont *ctx, uint64_t *r, const uint64_t *b1,
		   const uint64_t *e1, const uint64_t *b2, const uint64_t *e2,
		   size_t exp_limbs, uint64_t *tables)
{
	uint64_t t[NCR_MP_MAX_LIMBS];
	size_t n = ctx->n, w = window_count(exp_limbs);
	uint64_t *t1 = tables, *t2 = tables + NCR_MONT_TABLE * n;

	table_build(ctx, t1, b1);
	table_build(ctx, t2, b2);
	table_read(r, t1, window_digit(e1, exp_limbs, w - 1), n);
	table_read(t, t2, window_digit(e2, exp_limbs, w - 1), n);
	ncr_mont_mul(ctx, r, r, t);
	while (w-- > 1) {
		square_window(ctx, r);
		table_read(t, t1, window_digit(e1, exp_limbs, w - 1), n);
		ncr_mont_mul(ctx, r, r, t);
		table_read(t, t2, window_digit(e2, exp_limbs, w - 1), n);
		ncr_mont_mul(ctx, r, r, t);
	}
	ncr_pk_wipe(t, sizeof(t));
}

void ncr_mont_exp_public(const struct ncr_mont *ctx, uint64_t *r, const uint64_t *base,
			 const uint64_t *exp, size_t exp_limbs)
{
	size_t bit = ncr_mp_bits_public(exp, exp_limbs);

	ncr_mp_copy(r, base, ctx->n);
	while (bit-- > 1) {
		ncr_mont_sqr(ctx, r, r);
		if ((exp[(bit - 1) / 64] >> ((bit - 1) % 64)) & 1)
			ncr_mont_mul(ctx, r, r, base);
	}
}
