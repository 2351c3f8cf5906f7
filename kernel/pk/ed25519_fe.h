/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Arithmetic in GF(p), p = 2^255 - 19, for Ed25519 (kernel/pk/ed25519*).
 *
 * An element is five unsigned 51-bit limbs, value = sum v[i] * 2^(51 i).
 * Every function here leaves its result "weakly reduced": each limb below
 * 2^51 + 2^13, the value below 2p but not necessarily below p. Every
 * function accepts such inputs; only ncr_ed25519_fe_to_bytes() produces
 * the unique representative in [0, p).
 *
 * Products use unsigned __int128 (x86-64 and arm64 kernels have it).
 * Bound of a product column: 5 products of limbs < 2^51.01, four of them
 * times 19, so below 77 * 2^102.02 < 2^109; the carries stay far below
 * 2^64 (see fe_carry_wide()).
 *
 * Everything is constant-time: no branch and no memory index depends on a
 * value. The small functions are static inline because they sit in the
 * inner loops of the point arithmetic (ed25519_ge.c).
 */
#ifndef NCR_ED25519_FE_H
#define NCR_ED25519_FE_H

#include "pk_env.h"

#define NCR_ED25519_FE_MASK ((((uint64_t)1) << 51) - 1)

struct ncr_ed25519_fe {
	uint64_t v[5];
};

typedef unsigned __int128 ncr_ed25519_u128;

static inline void ncr_ed25519_fe_set_u64(struct ncr_ed25519_fe *r, uint64_t small)
{
	r->v[0] = small;
	r->v[1] = r->v[2] = r->v[3] = r->v[4] = 0;
}

/* Propagates carries once around the five limbs (2^255 = 19 mod p). */
static inline void ncr_ed25519_fe_carry(struct ncr_ed25519_fe *r)
{
	uint64_t c;

	c = r->v[0] >> 51; r->v[0] &= NCR_ED25519_FE_MASK; r->v[1] += c;
	c = r->v[1] >> 51; r->v[1] &= NCR_ED25519_FE_MASK; r->v[2] += c;
	c = r->v[2] >> 51; r->v[2] &= NCR_ED25519_FE_MASK; r->v[3] += c;
	c = r->v[3] >> 51; r->v[3] &= NCR_ED25519_FE_MASK; r->v[4] += c;
	c = r->v[4] >> 51; r->v[4] &= NCR_ED25519_FE_MASK; r->v[0] += 19 * c;
	c = r->v[0] >> 51; r->v[0] &= NCR_ED25519_FE_MASK; r->v[1] += c;
}

static inline void ncr_ed25519_fe_add(struct ncr_ed25519_fe *r, const struct ncr_ed25519_fe *a,
				      const struct ncr_ed25519_fe *b)
{
	int i;

	for (i = 0; i < 5; i++)
		r->v[i] = a->v[i] + b->v[i];
	ncr_ed25519_fe_carry(r);
}

/*
 * r = a - b, computed as a + 4p - b so no limb goes negative: each limb of
 * 4p is at least 2^53 - 76, above any weakly reduced limb of b.
 */
static inline void ncr_ed25519_fe_sub(struct ncr_ed25519_fe *r, const struct ncr_ed25519_fe *a,
				      const struct ncr_ed25519_fe *b)
{
	const uint64_t four_p0 = 4 * (NCR_ED25519_FE_MASK - 18);
	const uint64_t four_pi = 4 * NCR_ED25519_FE_MASK;

	r->v[0] = a->v[0] + four_p0 - b->v[0];
	r->v[1] = a->v[1] + four_pi - b->v[1];
	r->v[2] = a->v[2] + four_pi - b->v[2];
	r->v[3] = a->v[3] + four_pi - b->v[3];
	r->v[4] = a->v[4] + four_pi - b->v[4];
	ncr_ed25519_fe_carry(r);
}

static inline void ncr_ed25519_fe_neg(struct ncr_ed25519_fe *r, const struct ncr_ed25519_fe *a)
{
	struct ncr_ed25519_fe zero;

	ncr_ed25519_fe_set_u64(&zero, 0);
	ncr_ed25519_fe_sub(r, &zero, a);
}

/* Reduces five 128-bit product columns to a weakly reduced element. */
static inline void ncr_ed25519_fe_carry_wide(struct ncr_ed25519_fe *r, ncr_ed25519_u128 c0,
					     ncr_ed25519_u128 c1, ncr_ed25519_u128 c2,
					     ncr_ed25519_u128 c3, ncr_ed25519_u128 c4)
{
	uint64_t top;

	c1 += (uint64_t)(c0 >> 51);
	c2 += (uint64_t)(c1 >> 51);
	c3 += (uint64_t)(c2 >> 51);
	c4 += (uint64_t)(c3 >> 51);
	/* c4 < 2^110, so top < 2^59 and 19 * top < 2^64. */
	top = (uint64_t)(c4 >> 51);
	r->v[0] = ((uint64_t)c0 & NCR_ED25519_FE_MASK) + 19 * top;
	r->v[1] = (uint64_t)c1 & NCR_ED25519_FE_MASK;
	r->v[2] = (uint64_t)c2 & NCR_ED25519_FE_MASK;
	r->v[3] = (uint64_t)c3 & NCR_ED25519_FE_MASK;
	r->v[4] = (uint64_t)c4 & NCR_ED25519_FE_MASK;
	r->v[1] += r->v[0] >> 51;
	r->v[0] &= NCR_ED25519_FE_MASK;
}

static inline void ncr_ed25519_fe_mul(struct ncr_ed25519_fe *r, const struct ncr_ed25519_fe *a,
				      const struct ncr_ed25519_fe *b)
{
	const uint64_t *x = a->v, *y = b->v;
	/* Limbs that wrap past 2^255 come back multiplied by 19. */
	uint64_t y1_19 = 19 * y[1], y2_19 = 19 * y[2], y3_19 = 19 * y[3], y4_19 = 19 * y[4];
	ncr_ed25519_u128 c0, c1, c2, c3, c4;

	c0 = (ncr_ed25519_u128)x[0] * y[0] + (ncr_ed25519_u128)x[1] * y4_19 +
	     (ncr_ed25519_u128)x[2] * y3_19 + (ncr_ed25519_u128)x[3] * y2_19 +
	     (ncr_ed25519_u128)x[4] * y1_19;
	c1 = (ncr_ed25519_u128)x[0] * y[1] + (ncr_ed25519_u128)x[1] * y[0] +
	     (ncr_ed25519_u128)x[2] * y4_19 + (ncr_ed25519_u128)x[3] * y3_19 +
	     (ncr_ed25519_u128)x[4] * y2_19;
	c2 = (ncr_ed25519_u128)x[0] * y[2] + (ncr_ed25519_u128)x[1] * y[1] +
	     (ncr_ed25519_u128)x[2] * y[0] + (ncr_ed25519_u128)x[3] * y4_19 +
	     (ncr_ed25519_u128)x[4] * y3_19;
	c3 = (ncr_ed25519_u128)x[0] * y[3] + (ncr_ed25519_u128)x[1] * y[2] +
	     (ncr_ed25519_u128)x[2] * y[1] + (ncr_ed25519_u128)x[3] * y[0] +
	     (ncr_ed25519_u128)x[4] * y4_19;
	c4 = (ncr_ed25519_u128)x[0] * y[4] + (ncr_ed25519_u128)x[1] * y[3] +
	     (ncr_ed25519_u128)x[2] * y[2] + (ncr_ed25519_u128)x[3] * y[1] +
	     (ncr_ed25519_u128)x[4] * y[0];
	ncr_ed25519_fe_carry_wide(r, c0, c1, c2, c3, c4);
}

/* r = a^2: the symmetric cross products are computed once and doubled. */
static inline void ncr_ed25519_fe_sq(struct ncr_ed25519_fe *r, const struct ncr_ed25519_fe *a)
{
	const uint64_t *x = a->v;
	uint64_t x0_2 = 2 * x[0], x1_2 = 2 * x[1];
	uint64_t x3_19 = 19 * x[3], x4_19 = 19 * x[4];
	uint64_t x3_38 = 2 * x3_19;
	ncr_ed25519_u128 c0, c1, c2, c3, c4;

	c0 = (ncr_ed25519_u128)x[0] * x[0] + (ncr_ed25519_u128)(2 * x[1]) * x4_19 +
	     (ncr_ed25519_u128)(2 * x[2]) * x3_19;
	c1 = (ncr_ed25519_u128)x0_2 * x[1] + (ncr_ed25519_u128)(2 * x[2]) * x4_19 +
	     (ncr_ed25519_u128)x[3] * x3_19;
	c2 = (ncr_ed25519_u128)x0_2 * x[2] + (ncr_ed25519_u128)x[1] * x[1] +
	     (ncr_ed25519_u128)x3_38 * x[4];
	c3 = (ncr_ed25519_u128)x0_2 * x[3] + (ncr_ed25519_u128)x1_2 * x[2] +
	     (ncr_ed25519_u128)x[4] * x4_19;
	c4 = (ncr_ed25519_u128)x0_2 * x[4] + (ncr_ed25519_u128)x1_2 * x[3] +
	     (ncr_ed25519_u128)x[2] * x[2];
	ncr_ed25519_fe_carry_wide(r, c0, c1, c2, c3, c4);
}

/* r = a if @mask is all ones, unchanged if it is zero. */
static inline void ncr_ed25519_fe_cmov(struct ncr_ed25519_fe *r, const struct ncr_ed25519_fe *a,
				       uint64_t mask)
{
	int i;

	for (i = 0; i < 5; i++)
		r->v[i] ^= mask & (r->v[i] ^ a->v[i]);
}

/* Reads 32 little-endian bytes; the top bit (the sign of x) is ignored. */
void ncr_ed25519_fe_from_bytes(struct ncr_ed25519_fe *r, const uint8_t in[32]);

/* Writes the canonical representative in [0, p) as 32 little-endian bytes. */
void ncr_ed25519_fe_to_bytes(uint8_t out[32], const struct ncr_ed25519_fe *a);

/* All ones if @a is 0 mod p, else zero; constant-time. */
uint64_t ncr_ed25519_fe_is_zero(const struct ncr_ed25519_fe *a);

/* Bit 0 of the canonical representative (the "sign" of RFC 8032). */
unsigned int ncr_ed25519_fe_is_odd(const struct ncr_ed25519_fe *a);

/* r = a^(p - 2) = 1/a (0 for a = 0). */
void ncr_ed25519_fe_invert(struct ncr_ed25519_fe *r, const struct ncr_ed25519_fe *a);

/* r = a^((p - 5) / 8), the core of the square root in RFC 8032 5.1.3. */
void ncr_ed25519_fe_pow22523(struct ncr_ed25519_fe *r, const struct ncr_ed25519_fe *a);

#endif /* NCR_ED25519_FE_H */
