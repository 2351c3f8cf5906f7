// SPDX-License-Identifier: GPL-2.0
/*
 * edwards25519 point arithmetic for Ed25519 (see ed25519_ge.h for the
 * representations and the formulas' source).
 */
#include "ed25519_ge.h"

#define fe_add ncr_ed25519_fe_add
#define fe_sub ncr_ed25519_fe_sub
#define fe_mul ncr_ed25519_fe_mul
#define fe_sq ncr_ed25519_fe_sq

void ncr_ed25519_ge_identity(struct ncr_ed25519_ge_ext *r)
{
	ncr_ed25519_fe_set_u64(&r->X, 0);
	ncr_ed25519_fe_set_u64(&r->Y, 1);
	ncr_ed25519_fe_set_u64(&r->Z, 1);
	ncr_ed25519_fe_set_u64(&r->T, 0);
}

static void p1p1_to_proj(struct ncr_ed25519_ge_ext *r, const struct ncr_ed25519_ge_p1p1 *p)
{
	fe_mul(&r->X, &p->E, &p->F);
	fe_mul(&r->Y, &p->G, &p->H);
	fe_mul(&r->Z, &p->F, &p->G);
}

static void p1p1_to_ext(struct ncr_ed25519_ge_ext *r, const struct ncr_ed25519_ge_p1p1 *p)
{
	p1p1_to_proj(r, p);
	fe_mul(&r->T, &p->E, &p->H);
}

/*
 * The end of every addition: from A = (Y1 - X1)(Y2 - X2),
 * B = (Y1 + X1)(Y2 + X2), C = 2d T1 T2 and D = 2 Z1 Z2,
 * E = B - A, F = D - C, G = D + C, H = B + A.
 */
static void add_finish(struct ncr_ed25519_ge_p1p1 *r, const struct ncr_ed25519_fe *a,
		       const struct ncr_ed25519_fe *b, const struct ncr_ed25519_fe *c,
		       const struct ncr_ed25519_fe *d)
{
	fe_sub(&r->E, b, a);
	fe_sub(&r->F, d, c);
	fe_add(&r->G, d, c);
	fe_add(&r->H, b, a);
}

/*
 * r = p + q or p - q (@negate, public), q cached. Subtracting q adds
 * -q = (-X, Y, Z, -T): its Y + X and Y - X swap and C changes sign.
 */
static void add_cached(struct ncr_ed25519_ge_p1p1 *r, const struct ncr_ed25519_ge_ext *p,
		       const struct ncr_ed25519_ge_cached *q, int negate)
{
	struct ncr_ed25519_fe y_plus_x, y_minus_x, a, b, c, d, zero;

	fe_add(&y_plus_x, &p->Y, &p->X);
	fe_sub(&y_minus_x, &p->Y, &p->X);
	fe_mul(&a, &y_minus_x, negate ? &q->y_plus_x : &q->y_minus_x);
	fe_mul(&b, &y_plus_x, negate ? &q->y_minus_x : &q->y_plus_x);
	fe_mul(&c, &p->T, &q->T2d);
	if (negate) {
		ncr_ed25519_fe_set_u64(&zero, 0);
		fe_sub(&c, &zero, &c);
	}
	fe_mul(&d, &p->Z, &q->Z);
	fe_add(&d, &d, &d);
	add_finish(r, &a, &b, &c, &d);
}

/* r = p + q, q a niels point (Z = 1, so D = 2 Z1). Constant-time. */
static void add_niels(struct ncr_ed25519_ge_p1p1 *r, const struct ncr_ed25519_ge_ext *p,
		      const struct ncr_ed25519_ge_niels *q)
{
	struct ncr_ed25519_fe y_plus_x, y_minus_x, a, b, c, d;

	fe_add(&y_plus_x, &p->Y, &p->X);
	fe_sub(&y_minus_x, &p->Y, &p->X);
	fe_mul(&a, &y_minus_x, &q->y_minus_x);
	fe_mul(&b, &y_plus_x, &q->y_plus_x);
	fe_mul(&c, &p->T, &q->xy2d);
	fe_add(&d, &p->Z, &p->Z);
	add_finish(r, &a, &b, &c, &d);
}

/*
 * r = 2p from (X : Y : Z) only. With a = -1: A = X^2, B = Y^2, C = 2Z^2;
 * E = (A + B) - (X + Y)^2, G = A - B, F = C + G, H = A + B (the signs of
 * E, F, G, H are all flipped from the paper's, which leaves every product
 * of two of them unchanged).
 */
static void dbl(struct ncr_ed25519_ge_p1p1 *r, const struct ncr_ed25519_ge_ext *p)
{
	struct ncr_ed25519_fe a, b, c, x_plus_y;

	fe_sq(&a, &p->X);
	fe_sq(&b, &p->Y);
	fe_sq(&c, &p->Z);
	fe_add(&c, &c, &c);
	fe_add(&x_plus_y, &p->X, &p->Y);
	fe_sq(&x_plus_y, &x_plus_y);
	fe_add(&r->H, &a, &b);
	fe_sub(&r->E, &r->H, &x_plus_y);
	fe_sub(&r->G, &a, &b);
	fe_add(&r->F, &c, &r->G);
}

static void to_cached(struct ncr_ed25519_ge_cached *r, const struct ncr_ed25519_ge_ext *p)
{
	fe_add(&r->y_plus_x, &p->Y, &p->X);
	fe_sub(&r->y_minus_x, &p->Y, &p->X);
	r->Z = p->Z;
	fe_mul(&r->T2d, &p->T, &ncr_ed25519_d2);
}

/* ---- Constant-time fixed-base multiplication ---- */

/* All ones if a == b, for a, b in [0, 255]; no branch. */
static uint64_t eq_mask(uint64_t a, uint64_t b)
{
	return 0 - (((a ^ b) - 1) >> 63);
}

static void niels_cmov(struct ncr_ed25519_ge_niels *r, const struct ncr_ed25519_ge_niels *a,
		       uint64_t mask)
{
	ncr_ed25519_fe_cmov(&r->y_plus_x, &a->y_plus_x, mask);
	ncr_ed25519_fe_cmov(&r->y_minus_x, &a->y_minus_x, mask);
	ncr_ed25519_fe_cmov(&r->xy2d, &a->xy2d, mask);
}

/*
 * r = digit * 256^row * B for a secret digit in [-8, 8]: reads all eight
 * entries of the row and keeps the one whose index matches |digit| by
 * masking (the identity, (1, 1, 0), for 0), then negates by mask.
 */
static void select_base(struct ncr_ed25519_ge_niels *r, int row, int8_t digit)
{
	uint64_t negative = (uint64_t)((uint8_t)digit >> 7);
	uint64_t magnitude = (uint64_t)(uint8_t)(digit - (((-(int)negative) & digit) << 1));
	struct ncr_ed25519_ge_niels minus;
	int j;

	ncr_ed25519_fe_set_u64(&r->y_plus_x, 1);
	ncr_ed25519_fe_set_u64(&r->y_minus_x, 1);
	ncr_ed25519_fe_set_u64(&r->xy2d, 0);
	for (j = 0; j < 8; j++)
		niels_cmov(r, &ncr_ed25519_base_comb[row][j], eq_mask(magnitude, (uint64_t)j + 1));

	minus.y_plus_x = r->y_minus_x;
	minus.y_minus_x = r->y_plus_x;
	ncr_ed25519_fe_neg(&minus.xy2d, &r->xy2d);
	niels_cmov(r, &minus, 0 - negative);
	ncr_pk_wipe(&minus, sizeof(minus));
}

/*
 * a = sum e[i] 16^i with every digit e[i] in [-8, 7] (e[63] in [0, 8]):
 * the nibbles of a, each one above 7 replaced by itself minus 16 with a
 * carry into the next. No branch: the carry is computed arithmetically.
 */
static void signed_radix16(int8_t e[64], const uint8_t a[32])
{
	int8_t carry = 0;
	int i;

	for (i = 0; i < 32; i++) {
		e[2 * i] = (int8_t)(a[i] & 15);
		e[2 * i + 1] = (int8_t)(a[i] >> 4);
	}
	for (i = 0; i < 63; i++) {
		e[i] = (int8_t)(e[i] + carry);
		carry = (int8_t)((e[i] + 8) >> 4);
		e[i] = (int8_t)(e[i] - (carry << 4));
	}
	e[63] = (int8_t)(e[63] + carry);
}

/*
 * [a]B = sum over odd i of e[i] 16^(i-1) B, times 16, plus the sum over
 * even i of e[i] 16^i B; 16^(2k) = 256^k picks the table row.
 */
void ncr_ed25519_ge_scalarmult_base(struct ncr_ed25519_ge_ext *r, const uint8_t a[32])
{
	struct ncr_ed25519_ge_niels t;
	struct ncr_ed25519_ge_p1p1 sum;
	int8_t e[64];
	int i;

	signed_radix16(e, a);
	ncr_ed25519_ge_identity(r);
	for (i = 1; i < 64; i += 2) {
		select_base(&t, i / 2, e[i]);
		add_niels(&sum, r, &t);
		p1p1_to_ext(r, &sum);
	}
	for (i = 0; i < 4; i++) {
		dbl(&sum, r);
		if (i < 3)
			p1p1_to_proj(r, &sum);
		else
			p1p1_to_ext(r, &sum);
	}
	for (i = 0; i < 64; i += 2) {
		select_base(&t, i / 2, e[i]);
		add_niels(&sum, r, &t);
		p1p1_to_ext(r, &sum);
	}
	ncr_pk_wipe(e, sizeof(e));
	ncr_pk_wipe(&t, sizeof(t));
	ncr_pk_wipe(&sum, sizeof(sum));
}

/* ---- Encoding ---- */

void ncr_ed25519_ge_encode(uint8_t out[32], const struct ncr_ed25519_ge_ext *p)
{
	struct ncr_ed25519_fe z_inv, x, y;

	ncr_ed25519_fe_invert(&z_inv, &p->Z);
	fe_mul(&x, &p->X, &z_inv);
	fe_mul(&y, &p->Y, &z_inv);
	ncr_ed25519_fe_to_bytes(out, &y);
	out[31] |= (uint8_t)(ncr_ed25519_fe_is_odd(&x) << 7);
	ncr_pk_wipe(&z_inv, sizeof(z_inv));
	ncr_pk_wipe(&x, sizeof(x));
	ncr_pk_wipe(&y, sizeof(y));
}

/* y < p for the 255 bits of @in below the sign bit (p = 2^255 - 19). */
static bool y_is_canonical(const uint8_t in[32])
{
	int i;

	if ((in[31] & 0x7f) != 0x7f)
		return true;
	for (i = 30; i >= 1; i--)
		if (in[i] != 0xff)
			return true;
	return in[0] < 0xed;
}

static bool fe_equal(const struct ncr_ed25519_fe *a, const struct ncr_ed25519_fe *b)
{
	struct ncr_ed25519_fe diff;

	fe_sub(&diff, a, b);
	return ncr_ed25519_fe_is_zero(&diff) != 0;
}

/*
 * RFC 8032 5.1.3: x^2 = u / v with u = y^2 - 1, v = d y^2 + 1. The
 * candidate root is x = u v^3 (u v^7)^((p - 5) / 8); if v x^2 = -u the
 * root is x sqrt(-1) instead, and if neither, there is no point.
 */
int ncr_ed25519_ge_decode(struct ncr_ed25519_ge_ext *r, const uint8_t in[32])
{
	struct ncr_ed25519_fe one, y2, u, v, v3, x, check, minus_u;
	unsigned int sign = in[31] >> 7;

	if (!y_is_canonical(in))
		return -EINVAL;
	ncr_ed25519_fe_from_bytes(&r->Y, in);
	ncr_ed25519_fe_set_u64(&one, 1);
	fe_sq(&y2, &r->Y);
	fe_sub(&u, &y2, &one);
	fe_mul(&v, &y2, &ncr_ed25519_d);
	fe_add(&v, &v, &one);

	fe_sq(&v3, &v);
	fe_mul(&v3, &v3, &v);		/* v^3 */
	fe_sq(&x, &v3);
	fe_mul(&x, &x, &v);		/* v^7 */
	fe_mul(&x, &x, &u);		/* u v^7 */
	ncr_ed25519_fe_pow22523(&x, &x);
	fe_mul(&x, &x, &v3);
	fe_mul(&x, &x, &u);		/* u v^3 (u v^7)^((p-5)/8) */

	fe_sq(&check, &x);
	fe_mul(&check, &check, &v);
	ncr_ed25519_fe_neg(&minus_u, &u);
	if (!fe_equal(&check, &u)) {
		if (!fe_equal(&check, &minus_u))
			return -EINVAL;
		fe_mul(&x, &x, &ncr_ed25519_sqrt_m1);
	}
	if (ncr_ed25519_fe_is_zero(&x) && sign)
		return -EINVAL;
	if (ncr_ed25519_fe_is_odd(&x) != sign)
		ncr_ed25519_fe_neg(&x, &x);

	r->X = x;
	ncr_ed25519_fe_set_u64(&r->Z, 1);
	fe_mul(&r->T, &r->X, &r->Y);
	return 0;
}

void ncr_ed25519_ge_neg(struct ncr_ed25519_ge_ext *r, const struct ncr_ed25519_ge_ext *p)
{
	ncr_ed25519_fe_neg(&r->X, &p->X);
	r->Y = p->Y;
	r->Z = p->Z;
	ncr_ed25519_fe_neg(&r->T, &p->T);
}

/* ---- Variable-time multiplication (verification) ---- */

void ncr_ed25519_ge_odd_multiples(struct ncr_ed25519_ge_cached out[NCR_ED25519_ODD_MULTIPLES],
				  const struct ncr_ed25519_ge_ext *p)
{
	struct ncr_ed25519_ge_cached two_p;
	struct ncr_ed25519_ge_ext cur;
	struct ncr_ed25519_ge_p1p1 t;
	int j;

	dbl(&t, p);
	p1p1_to_ext(&cur, &t);
	to_cached(&two_p, &cur);
	cur = *p;
	to_cached(&out[0], &cur);
	for (j = 1; j < NCR_ED25519_ODD_MULTIPLES; j++) {
		add_cached(&t, &cur, &two_p, 0);
		p1p1_to_ext(&cur, &t);
		to_cached(&out[j], &cur);
	}
}

/* The @w bits of the 256-bit little-endian @s from bit @i on (0 past 255). */
static unsigned int bits_at(const uint8_t s[32], unsigned int i, unsigned int w)
{
	unsigned int v = 0, b;

	for (b = 0; b < w && i + b < 256; b++)
		v |= (unsigned int)((s[(i + b) >> 3] >> ((i + b) & 7)) & 1) << b;
	return v;
}

/*
 * The width-w non-adjacent form of a scalar: digits naf[i], odd in
 * (-2^(w-1), 2^(w-1)) or 0, at least w - 1 zeros after each nonzero one,
 * with sum naf[i] 2^i = s. Scanning up from bit 0 with a carry (the 2^i
 * owed by a negative digit below): where bit + carry is even the digit is
 * 0; where it is odd, the w bits from i plus the carry form an odd window
 * value, taken as a digit as it is, or minus 2^w (owing 2^(i+w)) when it is
 * 2^(w-1) or more. A carry only appears when a window reaches a set bit,
 * so for s < 2^253 the last digit is at position 253 at most.
 */
static void wnaf(int8_t naf[256], const uint8_t s[32], unsigned int w)
{
	unsigned int i = 0, carry = 0;

	memset(naf, 0, 256);
	while (i < 256) {
		unsigned int window;

		if (bits_at(s, i, 1) == carry) {
			i++;
			continue;
		}
		window = bits_at(s, i, w) + carry;
		if (window >= 1u << (w - 1)) {
			naf[i] = (int8_t)((int)window - (1 << w));
			carry = 1;
		} else {
			naf[i] = (int8_t)window;
			carry = 0;
		}
		i += w;
	}
}

void ncr_ed25519_ge_double_scalarmult_vartime(
	struct ncr_ed25519_ge_ext *r, const uint8_t s[32],
	const struct ncr_ed25519_ge_cached q_odd[NCR_ED25519_ODD_MULTIPLES], const uint8_t k[32])
{
	int8_t naf_s[256], naf_k[256];
	struct ncr_ed25519_ge_p1p1 t;
	int i, top;

	wnaf(naf_s, s, 7);
	wnaf(naf_k, k, 5);
	ncr_ed25519_ge_identity(r);
	for (top = 255; top >= 0 && !naf_s[top] && !naf_k[top]; top--)
		;
	for (i = top; i >= 0; i--) {
		dbl(&t, r);
		if (naf_s[i]) {
			p1p1_to_ext(r, &t);
			if (naf_s[i] > 0) {
				add_niels(&t, r, &ncr_ed25519_base_odd[naf_s[i] / 2]);
			} else {
				/* -(y + x, y - x, 2dxy) = (y - x, y + x, -2dxy) */
				const struct ncr_ed25519_ge_niels *e =
					&ncr_ed25519_base_odd[-naf_s[i] / 2];
				struct ncr_ed25519_ge_niels neg;

				neg.y_plus_x = e->y_minus_x;
				neg.y_minus_x = e->y_plus_x;
				ncr_ed25519_fe_neg(&neg.xy2d, &e->xy2d);
				add_niels(&t, r, &neg);
			}
		}
		if (naf_k[i]) {
			p1p1_to_ext(r, &t);
			if (naf_k[i] > 0)
				add_cached(&t, r, &q_odd[naf_k[i] / 2], 0);
			else
				add_cached(&t, r, &q_odd[-naf_k[i] / 2], 1);
		}
		if (i > 0)
			p1p1_to_proj(r, &t);
		else
			p1p1_to_ext(r, &t);
	}
}
