// SPDX-License-Identifier: GPL-2.0
/*
 * The out-of-line part of the modular arithmetic of kernel/pk/ec*: tests,
 * conversions, and exponentiation by public exponents (inversion by
 * Fermat's little theorem). See ec_field.h.
 */
#include "ec_field.h"

#define EC_ALWAYS_INLINE inline __attribute__((__always_inline__))
/* The limb loops run 4 or 6 times: unrolled, their carries stay in
 * registers (-O2 alone does not unroll them). */
#define EC_UNROLL _Pragma("GCC unroll 6")

/*
 * r = a b / R mod m (CIOS Montgomery multiplication). With n a constant
 * at the call site the loops unroll. r may alias a or b.
 */
static EC_ALWAYS_INLINE void ec_mont_mul_n(uint64_t *r, const uint64_t *a,
					   const uint64_t *b,
					   const struct ec_mod *mod,
					   unsigned int n)
{
	uint64_t t[EC_LIMBS + 2] = { 0 };
	uint64_t u[EC_LIMBS];
	uint64_t carry, borrow, keep_t;
	ec_u128 x;
	unsigned int i, j;

	EC_UNROLL
	for (i = 0; i < n; i++) {
		uint64_t q;

		carry = 0;
		EC_UNROLL
		for (j = 0; j < n; j++) {
			x = (ec_u128)a[j] * b[i] + t[j] + carry;
			t[j] = (uint64_t)x;
			carry = (uint64_t)(x >> 64);
		}
		x = (ec_u128)t[n] + carry;
		t[n] = (uint64_t)x;
		t[n + 1] = (uint64_t)(x >> 64);

		/* Add q m so the lowest limb cancels, then shift a limb. */
		q = t[0] * mod->n0;
		x = (ec_u128)q * mod->m[0] + t[0];
		carry = (uint64_t)(x >> 64);
		EC_UNROLL
		for (j = 1; j < n; j++) {
			x = (ec_u128)q * mod->m[j] + t[j] + carry;
			t[j - 1] = (uint64_t)x;
			carry = (uint64_t)(x >> 64);
		}
		x = (ec_u128)t[n] + carry;
		t[n - 1] = (uint64_t)x;
		t[n] = t[n + 1] + (uint64_t)(x >> 64);
	}

	/* t < 2m: subtract m unless that borrows out of t's top limb. */
	borrow = 0;
	EC_UNROLL
	for (j = 0; j < n; j++) {
		x = (ec_u128)t[j] - mod->m[j] - borrow;
		u[j] = (uint64_t)x;
		borrow = (uint64_t)(x >> 64) & 1;
	}
	keep_t = ec_mask(borrow & (t[n] ^ 1));
	EC_UNROLL
	for (j = 0; j < n; j++)
		r[j] = (t[j] & keep_t) | (u[j] & ~keep_t);
}

/* r = a + b mod m. */
static EC_ALWAYS_INLINE void ec_mod_add_n(uint64_t *r, const uint64_t *a,
					  const uint64_t *b,
					  const struct ec_mod *mod,
					  unsigned int n)
{
	uint64_t t[EC_LIMBS], u[EC_LIMBS];
	uint64_t carry = 0, borrow = 0, keep_t;
	ec_u128 x;
	unsigned int j;

	EC_UNROLL
	for (j = 0; j < n; j++) {
		x = (ec_u128)a[j] + b[j] + carry;
		t[j] = (uint64_t)x;
		carry = (uint64_t)(x >> 64);
	}
	EC_UNROLL
	for (j = 0; j < n; j++) {
		x = (ec_u128)t[j] - mod->m[j] - borrow;
		u[j] = (uint64_t)x;
		borrow = (uint64_t)(x >> 64) & 1;
	}
	/* a + b < 2m: the sum minus m is right unless it went negative. */
	keep_t = ec_mask(borrow & (carry ^ 1));
	EC_UNROLL
	for (j = 0; j < n; j++)
		r[j] = (t[j] & keep_t) | (u[j] & ~keep_t);
}

/* r = a - b mod m. */
static EC_ALWAYS_INLINE void ec_mod_sub_n(uint64_t *r, const uint64_t *a,
					  const uint64_t *b,
					  const struct ec_mod *mod,
					  unsigned int n)
{
	uint64_t t[EC_LIMBS];
	uint64_t borrow = 0, carry = 0, add_m;
	ec_u128 x;
	unsigned int j;

	EC_UNROLL
	for (j = 0; j < n; j++) {
		x = (ec_u128)a[j] - b[j] - borrow;
		t[j] = (uint64_t)x;
		borrow = (uint64_t)(x >> 64) & 1;
	}
	add_m = ec_mask(borrow);
	EC_UNROLL
	for (j = 0; j < n; j++) {
		x = (ec_u128)t[j] + (mod->m[j] & add_m) + carry;
		r[j] = (uint64_t)x;
		carry = (uint64_t)(x >> 64);
	}
}

/* P-256's p = 2^256 - 2^224 + 2^192 + 2^96 - 1, as q p for a limb q:
 * q 2^96 - q + q (2^64 - 2^32 + 1) 2^192. */
#define P256_TOP 0xffffffff00000001ULL	/* 2^64 - 2^32 + 1 */

/* r = t - p if that does not borrow out of (t, top), else t. */
static EC_ALWAYS_INLINE void p256_reduce_once(uint64_t *r, uint64_t t0,
					      uint64_t t1, uint64_t t2,
					      uint64_t t3, uint64_t top)
{
	uint64_t u0, u1, u2, u3, borrow, keep_t;
	ec_u128 x;

	x = (ec_u128)t0 - 0xffffffffffffffffULL;
	u0 = (uint64_t)x;
	borrow = (uint64_t)(x >> 64) & 1;
	x = (ec_u128)t1 - 0x00000000ffffffffULL - borrow;
	u1 = (uint64_t)x;
	borrow = (uint64_t)(x >> 64) & 1;
	x = (ec_u128)t2 - borrow;
	u2 = (uint64_t)x;
	borrow = (uint64_t)(x >> 64) & 1;
	x = (ec_u128)t3 - P256_TOP - borrow;
	u3 = (uint64_t)x;
	borrow = (uint64_t)(x >> 64) & 1;
	keep_t = ec_mask(borrow & (top ^ 1));
	r[0] = (t0 & keep_t) | (u0 & ~keep_t);
	r[1] = (t1 & keep_t) | (u1 & ~keep_t);
	r[2] = (t2 & keep_t) | (u2 & ~keep_t);
	r[3] = (t3 & keep_t) | (u3 & ~keep_t);
}

/*
 * r = a b / 2^256 mod p for P-256: the CIOS of ec_mont_mul_n() with its
 * reduction specialised. -p^-1 = 1 mod 2^64, so q is the lowest limb, and
 * adding q p costs one multiplication (by P256_TOP) and two shifts.
 */
static void p256_mont_mul(uint64_t *r, const uint64_t *a, const uint64_t *b)
{
	uint64_t t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5;
	uint64_t carry, q;
	ec_u128 x;
	unsigned int i;

	EC_UNROLL
	for (i = 0; i < 4; i++) {
		uint64_t bi = b[i];

		x = (ec_u128)a[0] * bi + t0;
		t0 = (uint64_t)x;
		carry = (uint64_t)(x >> 64);
		x = (ec_u128)a[1] * bi + t1 + carry;
		t1 = (uint64_t)x;
		carry = (uint64_t)(x >> 64);
		x = (ec_u128)a[2] * bi + t2 + carry;
		t2 = (uint64_t)x;
		carry = (uint64_t)(x >> 64);
		x = (ec_u128)a[3] * bi + t3 + carry;
		t3 = (uint64_t)x;
		carry = (uint64_t)(x >> 64);
		x = (ec_u128)t4 + carry;
		t4 = (uint64_t)x;
		t5 = (uint64_t)(x >> 64);

		/* t += q p with q = t0: the lowest limb becomes zero. */
		q = t0;
		x = (ec_u128)t1 + (q << 32);
		t1 = (uint64_t)x;
		carry = (uint64_t)(x >> 64);
		x = (ec_u128)t2 + (q >> 32) + carry;
		t2 = (uint64_t)x;
		carry = (uint64_t)(x >> 64);
		x = (ec_u128)q * P256_TOP + t3 + carry;
		t3 = (uint64_t)x;
		carry = (uint64_t)(x >> 64);
		x = (ec_u128)t4 + carry;
		t4 = (uint64_t)x;
		t5 += (uint64_t)(x >> 64);

		/* Divide by 2^64. */
		t0 = t1;
		t1 = t2;
		t2 = t3;
		t3 = t4;
		t4 = t5;
	}

	/* t < 2p */
	p256_reduce_once(r, t0, t1, t2, t3, t4);
}

static void p256_add(uint64_t *r, const uint64_t *a, const uint64_t *b)
{
	uint64_t t0, t1, t2, t3;
	ec_u128 x;

	x = (ec_u128)a[0] + b[0];
	t0 = (uint64_t)x;
	x = (ec_u128)a[1] + b[1] + (uint64_t)(x >> 64);
	t1 = (uint64_t)x;
	x = (ec_u128)a[2] + b[2] + (uint64_t)(x >> 64);
	t2 = (uint64_t)x;
	x = (ec_u128)a[3] + b[3] + (uint64_t)(x >> 64);
	t3 = (uint64_t)x;
	p256_reduce_once(r, t0, t1, t2, t3, (uint64_t)(x >> 64));
}

static void p256_sub(uint64_t *r, const uint64_t *a, const uint64_t *b)
{
	uint64_t t0, t1, t2, t3, add_p;
	ec_u128 x;

	x = (ec_u128)a[0] - b[0];
	t0 = (uint64_t)x;
	x = (ec_u128)a[1] - b[1] - ((uint64_t)(x >> 64) & 1);
	t1 = (uint64_t)x;
	x = (ec_u128)a[2] - b[2] - ((uint64_t)(x >> 64) & 1);
	t2 = (uint64_t)x;
	x = (ec_u128)a[3] - b[3] - ((uint64_t)(x >> 64) & 1);
	t3 = (uint64_t)x;
	/* On a borrow, add p back. */
	add_p = ec_mask((uint64_t)(x >> 64) & 1);
	x = (ec_u128)t0 + (0xffffffffffffffffULL & add_p);
	r[0] = (uint64_t)x;
	x = (ec_u128)t1 + (0x00000000ffffffffULL & add_p) + (uint64_t)(x >> 64);
	r[1] = (uint64_t)x;
	x = (ec_u128)t2 + (uint64_t)(x >> 64);
	r[2] = (uint64_t)x;
	r[3] = t3 + (P256_TOP & add_p) + (uint64_t)(x >> 64);
}

/*
 * The entry points: one branch on the (public) modulus picks a body whose
 * loops the compiler unrolls.
 */
void ec_mul(uint64_t *r, const uint64_t *a, const uint64_t *b,
	    const struct ec_mod *mod)
{
	if (mod->p256)
		p256_mont_mul(r, a, b);
	else if (mod->n == 4)
		ec_mont_mul_n(r, a, b, mod, 4);
	else
		ec_mont_mul_n(r, a, b, mod, 6);
}

void ec_sqr(uint64_t *r, const uint64_t *a, const struct ec_mod *mod)
{
	ec_mul(r, a, a, mod);
}

void ec_add(uint64_t *r, const uint64_t *a, const uint64_t *b,
	    const struct ec_mod *mod)
{
	if (mod->p256)
		p256_add(r, a, b);
	else if (mod->n == 4)
		ec_mod_add_n(r, a, b, mod, 4);
	else
		ec_mod_add_n(r, a, b, mod, 6);
}

void ec_sub(uint64_t *r, const uint64_t *a, const uint64_t *b,
	    const struct ec_mod *mod)
{
	if (mod->p256)
		p256_sub(r, a, b);
	else if (mod->n == 4)
		ec_mod_sub_n(r, a, b, mod, 4);
	else
		ec_mod_sub_n(r, a, b, mod, 6);
}

uint64_t ec_is_zero(const uint64_t *a, unsigned int n)
{
	uint64_t acc = 0;
	unsigned int j;

	for (j = 0; j < n; j++)
		acc |= a[j];
	/* acc | -acc has its top bit set exactly when acc != 0. */
	return ec_mask(((acc | (0 - acc)) >> 63) ^ 1);
}

uint64_t ec_equal(const uint64_t *a, const uint64_t *b, unsigned int n)
{
	uint64_t diff[EC_LIMBS];
	unsigned int j;

	for (j = 0; j < n; j++)
		diff[j] = a[j] ^ b[j];
	return ec_is_zero(diff, n);
}

uint64_t ec_less(const uint64_t *a, const uint64_t *b, unsigned int n)
{
	uint64_t borrow = 0;
	unsigned int j;

	for (j = 0; j < n; j++) {
		ec_u128 x = (ec_u128)a[j] - b[j] - borrow;

		borrow = (uint64_t)(x >> 64) & 1;
	}
	return ec_mask(borrow);
}

void ec_neg(uint64_t *r, const uint64_t *a, const struct ec_mod *mod)
{
	uint64_t zero[EC_LIMBS] = { 0 };

	ec_sub(r, zero, a, mod);
}

void ec_to_mont(uint64_t *r, const uint64_t *a, const struct ec_mod *mod)
{
	ec_mul(r, a, mod->r2, mod);
}

void ec_from_mont(uint64_t *r, const uint64_t *a, const struct ec_mod *mod)
{
	uint64_t one[EC_LIMBS] = { 1 };

	ec_mul(r, a, one, mod);
}

/* Bit @i of the n-limb number e. */
static unsigned int ec_bit(const uint64_t *e, unsigned int i)
{
	return (e[i / 64] >> (i % 64)) & 1;
}

#define EC_POW_WINDOW 4
#define EC_POW_ODD (1u << (EC_POW_WINDOW - 1))	/* a, a^3, ..., a^15 */

/*
 * Left-to-right sliding window over the exponent's bits. Every branch and
 * table index below comes from e, which is public (m - 2 for inversion),
 * so the sequence of operations is the same for every a.
 */
void ec_mod_pow(uint64_t *r, const uint64_t *a, const uint64_t *e,
		const struct ec_mod *mod)
{
	uint64_t odd[EC_POW_ODD][EC_LIMBS], a2[EC_LIMBS], acc[EC_LIMBS];
	unsigned int n = mod->n;
	int i, j, k;

	ec_copy(odd[0], a, n);
	ec_sqr(a2, a, mod);
	for (k = 1; k < (int)EC_POW_ODD; k++)
		ec_mul(odd[k], odd[k - 1], a2, mod);

	ec_copy(acc, mod->one, n);
	i = (int)(64 * n) - 1;
	while (i >= 0) {
		unsigned int val = 0;

		if (!ec_bit(e, i)) {
			ec_sqr(acc, acc, mod);
			i--;
			continue;
		}
		/* The longest window [j, i] that ends in a set bit. */
		j = i - EC_POW_WINDOW + 1;
		if (j < 0)
			j = 0;
		while (!ec_bit(e, j))
			j++;
		for (k = i; k >= j; k--) {
			ec_sqr(acc, acc, mod);
			val = (val << 1) | ec_bit(e, k);
		}
		ec_mul(acc, acc, odd[val >> 1], mod);
		i = j - 1;
	}
	ec_copy(r, acc, n);
	ncr_pk_wipe(odd, sizeof(odd));
	ncr_pk_wipe(a2, sizeof(a2));
	ncr_pk_wipe(acc, sizeof(acc));
}

void ec_mod_inv(uint64_t *r, const uint64_t *a, const struct ec_mod *mod)
{
	uint64_t e[EC_LIMBS], two[EC_LIMBS] = { 2 };
	unsigned int j, borrow = 0;

	/* e = m - 2 (m is odd and > 2, so no borrow past the top). */
	for (j = 0; j < mod->n; j++) {
		ec_u128 x = (ec_u128)mod->m[j] - two[j] - borrow;

		e[j] = (uint64_t)x;
		borrow = (unsigned int)(x >> 64) & 1;
	}
	ec_mod_pow(r, a, e, mod);
}

void ec_from_be(uint64_t *r, unsigned int n, const uint8_t *in, size_t len)
{
	size_t i;

	memset(r, 0, n * sizeof(*r));
	for (i = 0; i < len; i++)
		r[i / 8] |= (uint64_t)in[len - 1 - i] << (8 * (i % 8));
}

void ec_to_be(uint8_t *out, size_t len, const uint64_t *a)
{
	size_t i;

	for (i = 0; i < len; i++)
		out[len - 1 - i] = (uint8_t)(a[i / 8] >> (8 * (i % 8)));
}
