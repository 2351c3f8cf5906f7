// SPDX-License-Identifier: GPL-2.0
/*
 * Arithmetic mod L, the order of Ed25519's base point: the reduction of
 * SHA-512 digests and S = r + k s of signing. Montgomery multiplication
 * (R = 2^256) on four 64-bit limbs, with every conditional step done by
 * masks so nothing branches on a value or indexes memory with it.
 */
#include "ed25519_sc.h"

typedef unsigned __int128 u128;

/* L, little-endian limbs. */
static const uint64_t order[4] = {
	0x5812631a5cf5d3edULL, 0x14def9dea2f79cd6ULL, 0, 0x1000000000000000ULL
};

/* -1/L mod 2^64, the Montgomery reduction's factor. */
static const uint64_t order_neg_inv = 0xd2b51da312547e1bULL;

/* R^2 mod L = 2^512 mod L: multiplying by it leaves the Montgomery domain. */
static const uint64_t r_squared[4] = {
	0xa40611e3449c0f01ULL, 0xd00e1ba768859347ULL, 0xceec73d217f5be65ULL,
	0x0399411b7c309a3dULL
};

static void load_limbs(uint64_t r[4], const uint8_t in[32])
{
	int i;

	for (i = 0; i < 4; i++)
		r[i] = 0;
	for (i = 0; i < 32; i++)
		r[i / 8] |= (uint64_t)in[i] << (8 * (i % 8));
}

static void store_limbs(uint8_t out[32], const uint64_t a[4])
{
	int i;

	for (i = 0; i < 32; i++)
		out[i] = (uint8_t)(a[i / 8] >> (8 * (i % 8)));
}

/* x = x - m if x >= m, else unchanged; by mask. */
static void cond_sub(uint64_t x[4], const uint64_t m[4])
{
	uint64_t t[4], borrow = 0, keep_x;
	int i;

	for (i = 0; i < 4; i++) {
		u128 d = (u128)x[i] - m[i] - borrow;

		t[i] = (uint64_t)d;
		borrow = (uint64_t)(d >> 64) & 1;
	}
	keep_x = 0 - borrow;	/* a borrow out means x < m */
	for (i = 0; i < 4; i++)
		x[i] = (x[i] & keep_x) | (t[i] & ~keep_x);
}

/* m = L * 2^shift for shift < 4 (8L < 2^256 still fits four limbs). */
static void order_shifted(uint64_t m[4], unsigned int shift)
{
	int i;

	for (i = 3; i > 0; i--)
		m[i] = (order[i] << shift) | (order[i - 1] >> (64 - shift));
	m[0] = order[0] << shift;
}

/* x = x mod L for any x < 2^256 < 16L: subtract 8L, 4L, 2L, L by mask. */
static void reduce_256(uint64_t x[4])
{
	uint64_t m[4];
	unsigned int shift;

	for (shift = 3; shift > 0; shift--) {
		order_shifted(m, shift);
		cond_sub(x, m);
	}
	cond_sub(x, order);
}

/*
 * r = a b / R mod L for a, b < L (coarsely integrated operand scanning):
 * per limb of b, add a b[i], then add the multiple of L that clears the
 * lowest limb and shift it out. The result is below 2L < 2^254 and one
 * masked subtraction brings it below L.
 */
static void mont_mul(uint64_t r[4], const uint64_t a[4], const uint64_t b[4])
{
	uint64_t t[6] = { 0 }, m;
	int i, j;

	for (i = 0; i < 4; i++) {
		u128 acc = 0;

		for (j = 0; j < 4; j++) {
			acc = (u128)a[j] * b[i] + t[j] + (uint64_t)(acc >> 64);
			t[j] = (uint64_t)acc;
		}
		acc = (u128)t[4] + (uint64_t)(acc >> 64);
		t[4] = (uint64_t)acc;
		t[5] = (uint64_t)(acc >> 64);

		m = t[0] * order_neg_inv;
		acc = (u128)m * order[0] + t[0];
		for (j = 1; j < 4; j++) {
			acc = (u128)m * order[j] + t[j] + (uint64_t)(acc >> 64);
			t[j - 1] = (uint64_t)acc;
		}
		acc = (u128)t[4] + (uint64_t)(acc >> 64);
		t[3] = (uint64_t)acc;
		t[4] = t[5] + (uint64_t)(acc >> 64);
	}
	for (i = 0; i < 4; i++)
		r[i] = t[i];
	cond_sub(r, order);
	ncr_pk_wipe(t, sizeof(t));
}

/* r = a + b mod L for a, b < L (the sum is below 2L < 2^254: no carry out). */
static void add_mod(uint64_t r[4], const uint64_t a[4], const uint64_t b[4])
{
	u128 acc = 0;
	int i;

	for (i = 0; i < 4; i++) {
		acc = (u128)a[i] + b[i] + (uint64_t)(acc >> 64);
		r[i] = (uint64_t)acc;
	}
	cond_sub(r, order);
}

/* in = lo + hi 2^256 = lo + hi R, and hi R mod L = mont_mul(hi, R^2). */
void ncr_ed25519_sc_reduce64(uint8_t out[32], const uint8_t in[64])
{
	uint64_t lo[4], hi[4];

	load_limbs(lo, in);
	load_limbs(hi, in + 32);
	reduce_256(lo);
	reduce_256(hi);
	mont_mul(hi, hi, r_squared);
	add_mod(lo, lo, hi);
	store_limbs(out, lo);
	ncr_pk_wipe(lo, sizeof(lo));
	ncr_pk_wipe(hi, sizeof(hi));
}

/* a b = mont_mul(mont_mul(a, b), R^2): a b / R, then times R. */
void ncr_ed25519_sc_muladd(uint8_t out[32], const uint8_t a[32], const uint8_t b[32],
			   const uint8_t c[32])
{
	uint64_t x[4], y[4], z[4];

	load_limbs(x, a);
	load_limbs(y, b);
	load_limbs(z, c);
	reduce_256(x);
	reduce_256(y);
	reduce_256(z);
	mont_mul(x, x, y);
	mont_mul(x, x, r_squared);
	add_mod(x, x, z);
	store_limbs(out, x);
	ncr_pk_wipe(x, sizeof(x));
	ncr_pk_wipe(y, sizeof(y));
	ncr_pk_wipe(z, sizeof(z));
}

bool ncr_ed25519_sc_is_canonical(const uint8_t s[32])
{
	uint64_t x[4];
	int i;

	load_limbs(x, s);
	for (i = 3; i >= 0; i--) {
		if (x[i] != order[i])
			return x[i] < order[i];
	}
	return false;	/* s = L */
}
