// SPDX-License-Identifier: GPL-2.0
/*
 * Random probable primes for RSA key generation (FIPS 186-5 A.1.3 with the
 * Miller-Rabin test of B.3.1), constant-time for the candidate that is
 * accepted.
 *
 * What may show in the timing is where a rejected candidate failed: a
 * small factor, gcd(w - 1, e) != 1, the distance to p, a Miller-Rabin
 * round. Each test is computed in constant time and only its verdict is
 * branched on, so an accepted prime's value never steers a branch or an
 * address. Two approximations, both public facts about the candidate's
 * shape rather than its value: Miller-Rabin runs 64 squarings after b^m
 * and so rejects a candidate whose w - 1 has more than 64 factors of 2
 * (probability 2^-64); its bases b are drawn with one bit less than w
 * (so 1 < b < w - 1 holds without comparing b with the secret w) and
 * redrawn only when b <= 1.
 */
#include "rsa_prime.h"

#define SMALL_PRIMES_BELOW 4096
#define MR_MAX_TWOS 64

/*
 * Mask: w (n limbs) has an odd prime factor below SMALL_PRIMES_BELOW.
 * The residue of each limb-half is brought in with a Barrett reduction
 * by the public prime: multiplications only.
 */
static uint64_t has_small_factor(const uint64_t *w, size_t n, const uint8_t *composite)
{
	uint64_t found = 0;
	uint32_t s;

	for (s = 3; s < SMALL_PRIMES_BELOW; s += 2) {
		uint64_t mu, r = 0;
		size_t i;

		if (composite[s / 16] & (1u << ((s / 2) % 8)))
			continue;
		mu = ~(uint64_t)0 / s;	/* public: s is a small prime */
		for (i = 2 * n; i-- > 0;) {
			uint64_t v = (r << 32) | (uint32_t)(w[i / 2] >> (32 * (i % 2)));
			uint64_t q = (uint64_t)(((ncr_u128)v * mu) >> 64);

			r = v - q * s;
			r -= s & ~ncr_mp_lt_mask64(r, s);	/* r < 2s before */
		}
		found |= ncr_mp_zero_mask64(r);
	}
	return found;
}

/* The odd composites below SMALL_PRIMES_BELOW, a bit per odd number (public). */
static void sieve(uint8_t *composite)
{
	uint32_t s, m;

	memset(composite, 0, SMALL_PRIMES_BELOW / 16);
	for (s = 3; s * s < SMALL_PRIMES_BELOW; s += 2)
		for (m = s * s; m < SMALL_PRIMES_BELOW; m += 2 * s)
			composite[m / 16] |= 1u << ((m / 2) % 8);
}

/* A random odd candidate of exactly @bits bits with its top two bits set. */
static int candidate(uint64_t *w, size_t bits)
{
	size_t n = bits / 64;
	int ret = ncr_pk_random(w, n * sizeof(w[0]));

	if (ret)
		return ret;
	w[n - 1] |= (uint64_t)3 << 62;	/* p >= 1.5 * 2^(bits-1) > sqrt(2) * 2^(bits-1) */
	w[0] |= 1;
	return 0;
}

/* A Miller-Rabin base b with 1 < b < w - 1: one bit shorter than w. */
static int mr_base(uint64_t *b, size_t n)
{
	uint64_t ok;
	int ret;

	do {
		ret = ncr_pk_random(b, n * sizeof(b[0]));
		if (ret)
			return ret;
		b[n - 1] &= ~((uint64_t)1 << 63);
		/* b > 1; a redraw tells only that fresh randomness was <= 1 */
		ok = ~(ncr_mp_is_zero(b + 1, n - 1) & ncr_mp_lt_mask64(b[0], 2));
		ncr_pk_declassify(&ok, sizeof(ok));
	} while (!ok);
	return 0;
}

/*
 * Mask: w passes @rounds Miller-Rabin rounds (B.3.1). @ctx: scratch
 * Montgomery context; s[0..5]: n-limb temporaries; @table: window table.
 */
static int miller_rabin(const uint64_t *w, size_t n, unsigned int rounds, struct ncr_mont *ctx,
			uint64_t *const *s, uint64_t *table, uint64_t *pass_all)
{
	uint64_t *wm1 = s[0], *m = s[1], *b = s[2], *z = s[3], *one = s[4], *minus_one = s[5];
	uint64_t a, pass, gate;
	unsigned int round, j;
	int ret;

	ncr_mp_sub_u64(wm1, w, 1, n);
	a = ncr_mp_ctz(wm1, n);
	gate = ncr_mp_lt_mask64(MR_MAX_TWOS, a);
	ncr_pk_declassify(&gate, sizeof(gate));
	*pass_all = 0;
	if (gate)
		return 0;
	ncr_mp_shr_ct(m, wm1, a, n);
	ncr_mont_init(ctx, w, n, 64 * n);
	ncr_mont_one(ctx, one);
	ncr_mp_sub(minus_one, w, one, n);
	for (round = 0; round < rounds; round++) {
		ret = mr_base(b, n);
		if (ret)
			return ret;
		ncr_mont_to(ctx, b, b);
		ncr_mont_exp(ctx, z, b, m, n, table);
		pass = ncr_mp_eq(z, one, n) | ncr_mp_eq(z, minus_one, n);
		for (j = 1; j < MR_MAX_TWOS; j++) {
			ncr_mont_sqr(ctx, z, z);
			/* the barrier keeps GCC from folding j - a into the loop's counter */
			pass |= ncr_mp_eq(z, minus_one, n) &
				ncr_mp_lt_mask64(ncr_mp_barrier64(j), a);
		}
		ncr_pk_declassify(&pass, sizeof(pass));
		if (!pass)
			return 0;
	}
	*pass_all = ~(uint64_t)0;
	return 0;
}

/* Mask: gcd(w - 1, e) == 1, for the public odd e. */
static uint64_t coprime_to_e(const uint64_t *w, size_t n, uint64_t e, uint64_t *tmp)
{
	ncr_mp_sub_u64(tmp, w, 1, n);
	return ~ncr_mp_zero_mask64(ncr_mp_inv_mod_u64(ncr_mp_mod_u64(tmp, n, e), e));
}

/* Mask: |w - other| > 2^(bits - 100) (A.1.3 step 5.4). */
static uint64_t far_from(const uint64_t *w, const uint64_t *other, size_t n, size_t bits,
			 uint64_t *tmp)
{
	uint64_t neg = 0 - ncr_mp_sub(tmp, w, other, n);
	uint64_t *zero = tmp + n;	/* |w - other| = neg ? 0 - tmp : tmp */

	ncr_mp_zero(zero, n);
	ncr_mp_cnd_sub(zero, tmp, neg, n);
	ncr_mp_select(tmp, neg, zero, tmp, n);
	return ~ncr_mp_below_pow2(tmp, n, bits - 100) & ~ncr_mp_eq_u64(tmp, n, 0);
}

/* Miller-Rabin rounds: at least FIPS 186-5 Table B.1's for these sizes. */
static unsigned int mr_rounds(size_t bits)
{
	return bits <= 1024 ? 5 : 4;
}

int ncr_rsa_gen_prime(uint64_t *w, size_t bits, uint64_t e, const uint64_t *other,
		      struct ncr_mont *ctx, uint64_t *const *s, uint64_t *table)
{
	size_t n = bits / 64, i;
	uint8_t composite[SMALL_PRIMES_BELOW / 16];
	uint64_t ok;
	int ret = 0;

	sieve(composite);
	for (i = 0; i < 5 * bits; i++) {
		ret = candidate(w, bits);
		if (ret)
			break;
		ok = ~has_small_factor(w, n, composite);
		ncr_pk_declassify(&ok, sizeof(ok));
		if (!ok)
			continue;
		ok = coprime_to_e(w, n, e, s[0]);
		if (other)
			ok &= far_from(w, other, n, bits, s[0]);
		ncr_pk_declassify(&ok, sizeof(ok));
		if (!ok)
			continue;
		ret = miller_rabin(w, n, mr_rounds(bits), ctx, s, table, &ok);
		if (ret || ok)
			break;
	}
	if (!ret && i == 5 * bits)
		ret = -EAGAIN;
	ncr_pk_wipe(ctx, sizeof(*ctx));
	return ret;
}
