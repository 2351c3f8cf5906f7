// SPDX-License-Identifier: GPL-2.0
/*
 * GF(2^255 - 19) for Ed25519: conversions to and from bytes and the two
 * fixed exponentiations (inversion, the square root's power). The inner
 * arithmetic is inline in ed25519_fe.h. Constant-time throughout.
 */
#include "ed25519_fe.h"

static uint64_t load_le64(const uint8_t *p)
{
	uint64_t r = 0;
	int i;

	for (i = 7; i >= 0; i--)
		r = (r << 8) | p[i];
	return r;
}

static void store_le64(uint8_t *p, uint64_t v)
{
	int i;

	for (i = 0; i < 8; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

void ncr_ed25519_fe_from_bytes(struct ncr_ed25519_fe *r, const uint8_t in[32])
{
	uint64_t w0 = load_le64(in), w1 = load_le64(in + 8);
	uint64_t w2 = load_le64(in + 16), w3 = load_le64(in + 24);

	r->v[0] = w0 & NCR_ED25519_FE_MASK;
	r->v[1] = ((w0 >> 51) | (w1 << 13)) & NCR_ED25519_FE_MASK;
	r->v[2] = ((w1 >> 38) | (w2 << 26)) & NCR_ED25519_FE_MASK;
	r->v[3] = ((w2 >> 25) | (w3 << 39)) & NCR_ED25519_FE_MASK;
	r->v[4] = (w3 >> 12) & NCR_ED25519_FE_MASK;	/* drops bit 255 */
}

/*
 * A weakly reduced value V is below 2p, so V mod p is V - q p with
 * q = floor((V + 19) / 2^255) in {0, 1}; the carry chain below computes q
 * without branching, then V + 19 q with bit 255 dropped is V - q p.
 */
void ncr_ed25519_fe_to_bytes(uint8_t out[32], const struct ncr_ed25519_fe *a)
{
	struct ncr_ed25519_fe t = *a;
	uint64_t q;
	int i;

	ncr_ed25519_fe_carry(&t);
	q = (t.v[0] + 19) >> 51;
	for (i = 1; i < 5; i++)
		q = (t.v[i] + q) >> 51;
	t.v[0] += 19 * q;
	for (i = 0; i < 4; i++) {
		t.v[i + 1] += t.v[i] >> 51;
		t.v[i] &= NCR_ED25519_FE_MASK;
	}
	t.v[4] &= NCR_ED25519_FE_MASK;

	store_le64(out, t.v[0] | (t.v[1] << 51));
	store_le64(out + 8, (t.v[1] >> 13) | (t.v[2] << 38));
	store_le64(out + 16, (t.v[2] >> 26) | (t.v[3] << 25));
	store_le64(out + 24, (t.v[3] >> 39) | (t.v[4] << 12));
	ncr_pk_wipe(&t, sizeof(t));
}

uint64_t ncr_ed25519_fe_is_zero(const struct ncr_ed25519_fe *a)
{
	uint8_t bytes[32];
	uint64_t acc = 0;
	int i;

	ncr_ed25519_fe_to_bytes(bytes, a);
	for (i = 0; i < 32; i++)
		acc |= bytes[i];
	ncr_pk_wipe(bytes, sizeof(bytes));
	/* acc is in [0, 255]: acc - 1 borrows into bit 63 only for 0. */
	return 0 - ((acc - 1) >> 63);
}

unsigned int ncr_ed25519_fe_is_odd(const struct ncr_ed25519_fe *a)
{
	uint8_t bytes[32];
	unsigned int odd;

	ncr_ed25519_fe_to_bytes(bytes, a);
	odd = bytes[0] & 1;
	ncr_pk_wipe(bytes, sizeof(bytes));
	return odd;
}

static void sq_times(struct ncr_ed25519_fe *r, const struct ncr_ed25519_fe *a, int n)
{
	int i;

	ncr_ed25519_fe_sq(r, a);
	for (i = 1; i < n; i++)
		ncr_ed25519_fe_sq(r, r);
}

/*
 * The shared part of both exponents: z^(2^250 - 1), plus z^11 which the
 * inversion needs. Names say which power of z each variable holds.
 */
static void pow_2_250_minus_1(struct ncr_ed25519_fe *z_250_1, struct ncr_ed25519_fe *z_11,
			      const struct ncr_ed25519_fe *z)
{
	struct ncr_ed25519_fe z_2, z_9, z_5_1, z_10_1, z_20_1, z_50_1, z_100_1, t;

	ncr_ed25519_fe_sq(&z_2, z);
	sq_times(&t, &z_2, 2);			/* z^8 */
	ncr_ed25519_fe_mul(&z_9, &t, z);
	ncr_ed25519_fe_mul(z_11, &z_9, &z_2);
	ncr_ed25519_fe_sq(&t, z_11);		/* z^22 */
	ncr_ed25519_fe_mul(&z_5_1, &t, &z_9);	/* z^(2^5 - 1) = z^31 */
	sq_times(&t, &z_5_1, 5);
	ncr_ed25519_fe_mul(&z_10_1, &t, &z_5_1);
	sq_times(&t, &z_10_1, 10);
	ncr_ed25519_fe_mul(&z_20_1, &t, &z_10_1);
	sq_times(&t, &z_20_1, 20);
	ncr_ed25519_fe_mul(&t, &t, &z_20_1);	/* z^(2^40 - 1) */
	sq_times(&t, &t, 10);
	ncr_ed25519_fe_mul(&z_50_1, &t, &z_10_1);
	sq_times(&t, &z_50_1, 50);
	ncr_ed25519_fe_mul(&z_100_1, &t, &z_50_1);
	sq_times(&t, &z_100_1, 100);
	ncr_ed25519_fe_mul(&t, &t, &z_100_1);	/* z^(2^200 - 1) */
	sq_times(&t, &t, 50);
	ncr_ed25519_fe_mul(z_250_1, &t, &z_50_1);

	ncr_pk_wipe(&z_2, sizeof(z_2));
	ncr_pk_wipe(&z_9, sizeof(z_9));
	ncr_pk_wipe(&z_5_1, sizeof(z_5_1));
	ncr_pk_wipe(&z_10_1, sizeof(z_10_1));
	ncr_pk_wipe(&z_20_1, sizeof(z_20_1));
	ncr_pk_wipe(&z_50_1, sizeof(z_50_1));
	ncr_pk_wipe(&z_100_1, sizeof(z_100_1));
	ncr_pk_wipe(&t, sizeof(t));
}

/* p - 2 = 2^255 - 21 = (2^250 - 1) * 2^5 + 11. */
void ncr_ed25519_fe_invert(struct ncr_ed25519_fe *r, const struct ncr_ed25519_fe *a)
{
	struct ncr_ed25519_fe z_250_1, z_11;

	pow_2_250_minus_1(&z_250_1, &z_11, a);
	sq_times(&z_250_1, &z_250_1, 5);
	ncr_ed25519_fe_mul(r, &z_250_1, &z_11);
	ncr_pk_wipe(&z_250_1, sizeof(z_250_1));
	ncr_pk_wipe(&z_11, sizeof(z_11));
}

/* (p - 5) / 8 = 2^252 - 3 = (2^250 - 1) * 2^2 + 1. */
void ncr_ed25519_fe_pow22523(struct ncr_ed25519_fe *r, const struct ncr_ed25519_fe *a)
{
	struct ncr_ed25519_fe z_250_1, z_11;

	pow_2_250_minus_1(&z_250_1, &z_11, a);
	sq_times(&z_250_1, &z_250_1, 2);
	ncr_ed25519_fe_mul(r, &z_250_1, a);
	ncr_pk_wipe(&z_250_1, sizeof(z_250_1));
	ncr_pk_wipe(&z_11, sizeof(z_11));
}
