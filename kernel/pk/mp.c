// SPDX-License-Identifier: GPL-2.0
/*
 * Constant-time multiprecision integers: conversion, addition, comparison,
 * selection, shifts and the slow division-free remainders (see mp.h).
 */
#include "mp.h"

void ncr_mp_zero(uint64_t *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		r[i] = 0;
}

void ncr_mp_copy(uint64_t *r, const uint64_t *a, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		r[i] = a[i];
}

void ncr_mp_set_u64(uint64_t *r, size_t n, uint64_t v)
{
	ncr_mp_zero(r, n);
	if (n)
		r[0] = v;
}

uint64_t ncr_mp_from_be(uint64_t *r, size_t n, const uint8_t *in, size_t len)
{
	uint64_t excess = 0;
	size_t i;

	ncr_mp_zero(r, n);
	for (i = 0; i < len; i++) {
		size_t pos = len - 1 - i;	/* byte significance */
		uint64_t byte = in[i];

		if (pos < n * 8)
			r[pos / 8] |= byte << (8 * (pos % 8));
		else
			excess |= byte;
	}
	return ncr_mp_zero_mask64(excess);
}

void ncr_mp_to_be(uint8_t *out, size_t len, const uint64_t *a, size_t n)
{
	size_t i;

	for (i = 0; i < len; i++) {
		size_t pos = len - 1 - i;

		out[i] = pos < n * 8 ? (uint8_t)(a[pos / 8] >> (8 * (pos % 8))) : 0;
	}
}

uint64_t ncr_mp_add(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n)
{
	uint64_t carry = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		ncr_u128 s = (ncr_u128)a[i] + b[i] + carry;

		r[i] = (uint64_t)s;
		carry = (uint64_t)(s >> 64);
	}
	return carry;
}

uint64_t ncr_mp_sub(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n)
{
	uint64_t borrow = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		ncr_u128 d = (ncr_u128)a[i] - b[i] - borrow;

		r[i] = (uint64_t)d;
		borrow = (uint64_t)(d >> 64) & 1;
	}
	return borrow;
}

uint64_t ncr_mp_cnd_add(uint64_t *r, const uint64_t *b, uint64_t mask, size_t n)
{
	uint64_t carry = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		ncr_u128 s = (ncr_u128)r[i] + (b[i] & mask) + carry;

		r[i] = (uint64_t)s;
		carry = (uint64_t)(s >> 64);
	}
	return carry;
}

uint64_t ncr_mp_cnd_sub(uint64_t *r, const uint64_t *b, uint64_t mask, size_t n)
{
	uint64_t borrow = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		ncr_u128 d = (ncr_u128)r[i] - (b[i] & mask) - borrow;

		r[i] = (uint64_t)d;
		borrow = (uint64_t)(d >> 64) & 1;
	}
	return borrow;
}

uint64_t ncr_mp_add_u64(uint64_t *r, const uint64_t *a, uint64_t v, size_t n)
{
	uint64_t carry = v;
	size_t i;

	for (i = 0; i < n; i++) {
		ncr_u128 s = (ncr_u128)a[i] + carry;

		r[i] = (uint64_t)s;
		carry = (uint64_t)(s >> 64);
	}
	return carry;
}

uint64_t ncr_mp_sub_u64(uint64_t *r, const uint64_t *a, uint64_t v, size_t n)
{
	uint64_t borrow = v;
	size_t i;

	for (i = 0; i < n; i++) {
		ncr_u128 d = (ncr_u128)a[i] - borrow;

		r[i] = (uint64_t)d;
		borrow = (uint64_t)(d >> 64) & 1;
	}
	return borrow;
}

void ncr_mp_select(uint64_t *r, uint64_t mask, const uint64_t *a, const uint64_t *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		r[i] = ncr_mp_sel64(mask, a[i], b[i]);
}

void ncr_mp_cswap(uint64_t *a, uint64_t *b, uint64_t mask, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		uint64_t t = mask & (a[i] ^ b[i]);

		a[i] ^= t;
		b[i] ^= t;
	}
}

uint64_t ncr_mp_is_zero(const uint64_t *a, size_t n)
{
	uint64_t acc = 0;
	size_t i;

	for (i = 0; i < n; i++)
		acc |= a[i];
	return ncr_mp_zero_mask64(acc);
}

uint64_t ncr_mp_eq(const uint64_t *a, const uint64_t *b, size_t n)
{
	uint64_t acc = 0;
	size_t i;

	for (i = 0; i < n; i++)
		acc |= a[i] ^ b[i];
	return ncr_mp_zero_mask64(acc);
}

uint64_t ncr_mp_lt(const uint64_t *a, const uint64_t *b, size_t n)
{
	uint64_t borrow = 0;
	size_t i;

	/* the borrow out of a - b, without storing the difference */
	for (i = 0; i < n; i++) {
		ncr_u128 d = (ncr_u128)a[i] - b[i] - borrow;

		borrow = (uint64_t)(d >> 64) & 1;
	}
	return 0 - borrow;
}

uint64_t ncr_mp_eq_u64(const uint64_t *a, size_t n, uint64_t v)
{
	uint64_t acc = n ? a[0] ^ v : v;
	size_t i;

	for (i = 1; i < n; i++)
		acc |= a[i];
	return ncr_mp_zero_mask64(acc);
}

uint64_t ncr_mp_bit(const uint64_t *a, size_t bit)
{
	return 0 - ((a[bit / 64] >> (bit % 64)) & 1);
}

uint64_t ncr_mp_below_pow2(const uint64_t *a, size_t n, size_t bits)
{
	uint64_t excess = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((i + 1) * 64 <= bits)
			continue;
		if (i * 64 >= bits)
			excess |= a[i];
		else
			excess |= a[i] >> (bits - i * 64);
	}
	return ncr_mp_zero_mask64(excess);
}

size_t ncr_mp_bits_public(const uint64_t *a, size_t n)
{
	size_t i = n;

	while (i > 0 && !a[i - 1])
		i--;
	if (!i)
		return 0;
	return (i - 1) * 64 + (64 - (size_t)__builtin_clzll(a[i - 1]));
}

uint64_t ncr_mp_shr1(uint64_t *r, const uint64_t *a, size_t n)
{
	uint64_t out = n ? a[0] & 1 : 0;
	size_t i;

	for (i = 0; i < n; i++) {
		uint64_t next = i + 1 < n ? a[i + 1] : 0;

		r[i] = (a[i] >> 1) | (next << 63);
	}
	return out;
}

uint64_t ncr_mp_shl1(uint64_t *r, const uint64_t *a, size_t n)
{
	uint64_t carry = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		uint64_t top = a[i] >> 63;

		r[i] = (a[i] << 1) | carry;
		carry = top;
	}
	return carry;
}

/* r = a >> (2^k) under @mask, in place (reads only at or above what it writes). */
static void shr_pow2_masked(uint64_t *r, unsigned int k, uint64_t mask, size_t n)
{
	size_t limbs = k >= 6 ? (size_t)1 << (k - 6) : 0;
	unsigned int bits = k >= 6 ? 0 : 1u << k;
	size_t i;

	for (i = 0; i < n; i++) {
		uint64_t lo = i + limbs < n ? r[i + limbs] : 0;
		uint64_t hi = i + limbs + 1 < n ? r[i + limbs + 1] : 0;
		uint64_t v = bits ? (lo >> bits) | (hi << (64 - bits)) : lo;

		r[i] = ncr_mp_sel64(mask, v, r[i]);
	}
}

void ncr_mp_shr_ct(uint64_t *r, const uint64_t *a, uint64_t s, size_t n)
{
	unsigned int k;

	if (r != a)
		ncr_mp_copy(r, a, n);
	for (k = 0; ((size_t)1 << k) < 64 * n; k++)
		shr_pow2_masked(r, k, 0 - ((s >> k) & 1), n);
}

uint64_t ncr_mp_ctz(const uint64_t *a, size_t n)
{
	uint64_t count = 0, seen = 0;
	size_t i;

	for (i = 0; i < 64 * n; i++) {
		seen |= 0 - ((a[i / 64] >> (i % 64)) & 1);
		count += ~seen & 1;
	}
	return count;
}

void ncr_mp_mul(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t i, j;

	ncr_mp_zero(r, na + nb);
	for (i = 0; i < na; i++) {
		uint64_t carry = 0;

		for (j = 0; j < nb; j++) {
			ncr_u128 t = (ncr_u128)a[i] * b[j] + r[i + j] + carry;

			r[i + j] = (uint64_t)t;
			carry = (uint64_t)(t >> 64);
		}
		r[i + nb] = carry;
	}
}

uint64_t ncr_mp_mul_u64(uint64_t *r, const uint64_t *a, uint64_t v, size_t n)
{
	uint64_t carry = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		ncr_u128 t = (ncr_u128)a[i] * v + carry;

		r[i] = (uint64_t)t;
		carry = (uint64_t)(t >> 64);
	}
	return carry;
}

void ncr_mp_mod(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *m, size_t nm,
		uint64_t *tmp)
{
	size_t bit;

	/*
	 * tmp (nm + 1 limbs) < m throughout; each step doubles it, brings in
	 * the next bit of a and subtracts m once if that does not go below 0.
	 */
	ncr_mp_zero(tmp, nm + 1);
	for (bit = 64 * na; bit-- > 0;) {
		uint64_t borrow;

		ncr_mp_shl1(tmp, tmp, nm + 1);
		tmp[0] |= (a[bit / 64] >> (bit % 64)) & 1;
		borrow = ncr_mp_sub(tmp, tmp, m, nm);
		borrow = ncr_mp_sub_u64(tmp + nm, tmp + nm, borrow, 1);
		ncr_mp_cnd_add(tmp, m, 0 - borrow, nm);
		tmp[nm] = 0;
	}
	ncr_mp_copy(r, tmp, nm);
}

uint64_t ncr_mp_mod_u64(const uint64_t *a, size_t n, uint64_t v)
{
	uint64_t rem = 0;
	size_t bit;

	for (bit = 64 * n; bit-- > 0;) {
		ncr_u128 t = ((ncr_u128)rem << 1) | ((a[bit / 64] >> (bit % 64)) & 1);
		ncr_u128 d = t - v;
		uint64_t keep = 0 - (uint64_t)(d >> 127);	/* t < v */

		rem = ncr_mp_sel64(keep, (uint64_t)t, (uint64_t)d);
	}
	return rem;
}

uint64_t ncr_mp_inv_2_64(uint64_t v)
{
	uint64_t y = v;	/* v * v == 1 mod 8: three bits right */
	int i;

	for (i = 0; i < 5; i++)
		y *= 2 - v * y;
	return y;
}

/* (x - y) mod m for x, y < m. */
static uint64_t sub_mod_u64(uint64_t x, uint64_t y, uint64_t m)
{
	ncr_u128 d = (ncr_u128)x - y;
	uint64_t neg = 0 - (uint64_t)(d >> 127);

	return (uint64_t)d + (m & neg);
}

/* x / 2 mod m for odd m and x < m. */
static uint64_t half_mod_u64(uint64_t x, uint64_t m)
{
	ncr_u128 t = (ncr_u128)x + (m & (0 - (x & 1)));

	return (uint64_t)(t >> 1);
}

uint64_t ncr_mp_inv_mod_u64(uint64_t x, uint64_t m)
{
	/* a == u * x and b == v * x (mod m); b stays odd. */
	uint64_t a = x, b = m, u = 1 % m, v = 0;
	int i;

	for (i = 0; i < 128; i++) {
		uint64_t odd = 0 - (a & 1);
		uint64_t swap = odd & ncr_mp_lt_mask64(a, b);
		uint64_t t;

		t = swap & (a ^ b);
		a ^= t;
		b ^= t;
		t = swap & (u ^ v);
		u ^= t;
		v ^= t;
		a -= b & odd;
		u = ncr_mp_sel64(odd, sub_mod_u64(u, v, m), u);
		a >>= 1;
		u = half_mod_u64(u, m);
	}
	return v & ncr_mp_eq_mask64(b, 1);
}

void ncr_mp_divexact_u64(uint64_t *r, const uint64_t *a, uint64_t v, size_t n)
{
	uint64_t inv = ncr_mp_inv_2_64(v), borrow = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		ncr_u128 s = (ncr_u128)a[i] - borrow;
		uint64_t wrapped = (uint64_t)(s >> 64) & 1;
		uint64_t q = (uint64_t)s * inv;

		r[i] = q;
		borrow = (uint64_t)(((ncr_u128)q * v) >> 64) + wrapped;
	}
}
