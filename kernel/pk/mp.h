/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Constant-time multiprecision integers for kernel/pk/ (RSA).
 *
 * A number is an array of 64-bit limbs, least significant first, whose
 * length (in limbs) is public: only the values are secret. Every function
 * here runs the same instructions and touches the same addresses whatever
 * the values are; results that must become decisions come back as masks
 * (all ones for true, 0 for false) which the caller combines and, once
 * the outcome is public, declassifies.
 *
 * Nothing here divides: x86-64's div takes a time that depends on its
 * operands. Reductions go through Montgomery multiplication (mp_mont.h) or
 * through the shift-and-subtract remainder below.
 */
#ifndef NCR_MP_H
#define NCR_MP_H

#include "pk_env.h"

#ifdef __cplusplus
extern "C" {
#endif

#define NCR_MP_LIMB_BITS 64
#define NCR_MP_MAX_BITS 4096
#define NCR_MP_MAX_LIMBS (NCR_MP_MAX_BITS / NCR_MP_LIMB_BITS)

typedef unsigned __int128 ncr_u128;

/* Number of limbs that hold @bits bits. */
static inline size_t ncr_mp_limbs(size_t bits)
{
	return (bits + NCR_MP_LIMB_BITS - 1) / NCR_MP_LIMB_BITS;
}

/*
 * @x, as a value the compiler cannot see through: a mask it could prove
 * to be all ones or 0 would let it turn "v & mask" back into a branch (GCC
 * does, in Miller-Rabin's loop). An empty asm, the same on every
 * architecture.
 */
static inline uint64_t ncr_mp_barrier64(uint64_t x)
{
	__asm__("" : "+r"(x));
	return x;
}

/* All ones if @x is 0, else 0. */
static inline uint64_t ncr_mp_zero_mask64(uint64_t x)
{
	return ncr_mp_barrier64(((x | (0 - x)) >> 63) - 1);
}

/* All ones if @a == @b, else 0. */
static inline uint64_t ncr_mp_eq_mask64(uint64_t a, uint64_t b)
{
	return ncr_mp_zero_mask64(a ^ b);
}

/* All ones if @a < @b, else 0. */
static inline uint64_t ncr_mp_lt_mask64(uint64_t a, uint64_t b)
{
	uint64_t borrow = (uint64_t)(((ncr_u128)a - b) >> 64);

	return ncr_mp_barrier64(0 - (borrow & 1));
}

/* @a where @mask is all ones, @b where it is 0. */
static inline uint64_t ncr_mp_sel64(uint64_t mask, uint64_t a, uint64_t b)
{
	return b ^ (mask & (a ^ b));
}

void ncr_mp_zero(uint64_t *r, size_t n);
void ncr_mp_copy(uint64_t *r, const uint64_t *a, size_t n);
/* r = (n limbs of) the small value @v. */
void ncr_mp_set_u64(uint64_t *r, size_t n, uint64_t v);

/*
 * r (n limbs) = the big-endian @in of @len bytes. Returns all ones if the
 * value fits, 0 if a non-zero byte lies beyond n limbs (r then holds the
 * low bytes). Constant-time in the bytes' values.
 */
uint64_t ncr_mp_from_be(uint64_t *r, size_t n, const uint8_t *in, size_t len);

/*
 * out = the low @len bytes of @a (n limbs), big-endian, left-padded with
 * zeros when len exceeds n * 8.
 */
void ncr_mp_to_be(uint8_t *out, size_t len, const uint64_t *a, size_t n);

/* r = a + b, returns the carry (0 or 1). r may alias a or b. */
uint64_t ncr_mp_add(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n);
/* r = a - b, returns the borrow (0 or 1). r may alias a or b. */
uint64_t ncr_mp_sub(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n);
/* r += b & mask, returns the carry. */
uint64_t ncr_mp_cnd_add(uint64_t *r, const uint64_t *b, uint64_t mask, size_t n);
/* r -= b & mask, returns the borrow. */
uint64_t ncr_mp_cnd_sub(uint64_t *r, const uint64_t *b, uint64_t mask, size_t n);
/* r = a + small @v (r may alias a), returns the carry. */
uint64_t ncr_mp_add_u64(uint64_t *r, const uint64_t *a, uint64_t v, size_t n);
/* r = a - small @v (r may alias a), returns the borrow. */
uint64_t ncr_mp_sub_u64(uint64_t *r, const uint64_t *a, uint64_t v, size_t n);

/* r = mask ? a : b, limb by limb. r may alias a or b. */
void ncr_mp_select(uint64_t *r, uint64_t mask, const uint64_t *a, const uint64_t *b, size_t n);
/* Swaps a and b where mask is all ones. */
void ncr_mp_cswap(uint64_t *a, uint64_t *b, uint64_t mask, size_t n);

/* Masks: a == 0, a == b, a < b, a == small v. */
uint64_t ncr_mp_is_zero(const uint64_t *a, size_t n);
uint64_t ncr_mp_eq(const uint64_t *a, const uint64_t *b, size_t n);
uint64_t ncr_mp_lt(const uint64_t *a, const uint64_t *b, size_t n);
uint64_t ncr_mp_eq_u64(const uint64_t *a, size_t n, uint64_t v);

/* Mask: bit @bit (public index) of a is set. */
uint64_t ncr_mp_bit(const uint64_t *a, size_t bit);

/*
 * Mask: a < 2^bits, i.e. its bit length is at most @bits (public). The
 * test the key checks use instead of computing a secret bit length.
 */
uint64_t ncr_mp_below_pow2(const uint64_t *a, size_t n, size_t bits);

/*
 * Bit length of a PUBLIC number (variable time: only for moduli and
 * exponents that are public, never for secrets).
 */
size_t ncr_mp_bits_public(const uint64_t *a, size_t n);

/* r = a >> 1, a << 1 (n limbs, returns the bit shifted out). */
uint64_t ncr_mp_shr1(uint64_t *r, const uint64_t *a, size_t n);
uint64_t ncr_mp_shl1(uint64_t *r, const uint64_t *a, size_t n);

/*
 * r = a >> s for a secret shift 0 <= s < 64 * n (a barrel shifter: every
 * power of two is applied or not under a mask). r may alias a.
 */
void ncr_mp_shr_ct(uint64_t *r, const uint64_t *a, uint64_t s, size_t n);

/* The number of trailing zero bits of a non-zero a, constant-time. */
uint64_t ncr_mp_ctz(const uint64_t *a, size_t n);

/* r (na + nb limbs) = a * b. r must not alias a or b. */
void ncr_mp_mul(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

/* r = a * small v (n limbs), returns the high limb. r may alias a. */
uint64_t ncr_mp_mul_u64(uint64_t *r, const uint64_t *a, uint64_t v, size_t n);

/*
 * r (nm limbs) = a (na limbs) mod m (nm limbs, m != 0, top limb non-zero,
 * nm <= na), by shift and conditional subtraction over every bit of a:
 * constant-time and slow (64 * na steps), for key checks and key
 * generation, where m may be even. @tmp holds nm + 1 limbs.
 */
void ncr_mp_mod(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *m, size_t nm,
		uint64_t *tmp);

/* a mod v for a small PUBLIC v != 0 (constant-time in a). */
uint64_t ncr_mp_mod_u64(const uint64_t *a, size_t n, uint64_t v);

/* v^-1 mod 2^64 for odd v (Newton's iteration, constant-time). */
uint64_t ncr_mp_inv_2_64(uint64_t v);

/*
 * x^-1 mod m for odd m (64-bit), constant-time in x and m (binary
 * extended Euclid, 2 * 64 fixed steps). Returns 0 when gcd(x, m) != 1.
 */
uint64_t ncr_mp_inv_mod_u64(uint64_t x, uint64_t m);

/*
 * r = a / v for an odd v that divides a exactly (Jebelean's exact
 * division: multiplication by v^-1 mod 2^64, no division). r may alias a.
 */
void ncr_mp_divexact_u64(uint64_t *r, const uint64_t *a, uint64_t v, size_t n);

#ifdef __cplusplus
}
#endif

#endif /* NCR_MP_H */
