// SPDX-License-Identifier: GPL-2.0
/*
 * RSA key generation (FIPS 186-5 A.1.3 for the primes, rsa_prime.c) and
 * the derived private values, all constant-time in p and q:
 *
 * - e^-1 modulo a secret even M (dp, dq and d) uses that e is public:
 *   with k = -M^-1 mod e (a 64-bit inverse by binary extended Euclid with
 *   a fixed step count, of M mod e computed bit by bit), e divides 1 + kM
 *   exactly and e^-1 mod M = (1 + kM) / e, an exact division by
 *   multiplication with e^-1 mod 2^64. No division instruction, no branch.
 * - d is taken modulo lambda(n) = lcm(p - 1, q - 1) as FIPS 186-5 5.1
 *   asks: gcd(p - 1, q - 1) by a binary GCD of the odd parts with a fixed
 *   step count, (q - 1) / gcd by multiplication with the gcd's inverse
 *   modulo 2^(64 n) (Newton). If d <= 2^(nlen/2) the key is discarded and
 *   a new one made (FIPS 186-5 5.1; probability about 2^-1000).
 * - qinv = q^(p - 2) mod p (Fermat, p prime), the windowed exponentiation.
 * - A pairwise consistency test signs and verifies (PKCS #1 v1.5,
 *   SHA-256) before the key is returned (FIPS 140-3 IG 10.3.A).
 */
#include "rsa_internal.h"
#include "rsa_prime.h"

#define KEYGEN_ATTEMPTS 4

/* out (ml limbs) = e^-1 mod M, for M coprime to the public odd e. tmp: ml + 1 limbs. */
static void inverse_of_e(uint64_t *out, const uint64_t *m, size_t ml, uint64_t e,
			 uint64_t *tmp)
{
	uint64_t inv = ncr_mp_inv_mod_u64(ncr_mp_mod_u64(m, ml, e), e);

	tmp[ml] = ncr_mp_mul_u64(tmp, m, e - inv, ml);	/* k = e - M^-1 mod e */
	ncr_mp_add_u64(tmp, tmp, 1, ml + 1);
	ncr_mp_divexact_u64(tmp, tmp, e, ml + 1);
	ncr_mp_copy(out, tmp, ml);
}

/* a = gcd(a, b) for odd a and any b (n limbs each); b ends as 0. */
static void gcd_odd(uint64_t *a, uint64_t *b, size_t n)
{
	size_t i;

	/* a stays odd; each step takes at least one bit off a or b */
	for (i = 0; i < 2 * 64 * n; i++) {
		uint64_t odd = 0 - (b[0] & 1);
		uint64_t swap = odd & ncr_mp_lt(b, a, n);

		ncr_mp_cswap(a, b, swap, n);
		ncr_mp_cnd_sub(b, a, odd, n);
		ncr_mp_shr1(b, b, n);
	}
}

/* y = g^-1 mod 2^(64 n) for odd g (Newton). t1, t2: 2 n limbs each. */
static void inverse_mod_r(uint64_t *y, const uint64_t *g, size_t n, uint64_t *t1,
			  uint64_t *t2)
{
	size_t precision;

	ncr_mp_set_u64(y, n, ncr_mp_inv_2_64(g[0]));
	for (precision = 64; precision < 64 * n; precision *= 2) {
		ncr_mp_mul(t1, g, n, y, n);
		ncr_mp_zero(t2, n);
		ncr_mp_sub(t1, t2, t1, n);
		ncr_mp_add_u64(t1, t1, 2, n);		/* 2 - g y */
		ncr_mp_mul(t2, y, n, t1, n);
		ncr_mp_copy(y, t2, n);
	}
}

/* lambda (2 pl limbs) = lcm(p - 1, q - 1). s[0..4]: temporaries. */
static void carmichael(uint64_t *lambda, const uint64_t *pm1, const uint64_t *qm1, size_t pl,
		       uint64_t *const *s)
{
	uint64_t *a = s[0], *b = s[1], *y = s[2], *t1 = s[3], *t2 = s[4];
	uint64_t s1 = ncr_mp_ctz(pm1, pl), s2 = ncr_mp_ctz(qm1, pl);
	uint64_t twos = ncr_mp_sel64(ncr_mp_lt_mask64(s1, s2), s1, s2);

	ncr_mp_shr_ct(a, pm1, s1, pl);
	ncr_mp_shr_ct(b, qm1, s2, pl);
	gcd_odd(a, b, pl);			/* the odd part of the gcd */
	inverse_mod_r(y, a, pl, t1, t2);
	ncr_mp_shr_ct(b, qm1, twos, pl);
	ncr_mp_mul(t1, b, pl, y, pl);		/* (q - 1) / gcd, low pl limbs */
	ncr_mp_mul(lambda, pm1, pl, t1, pl);
}

/* The public half of @priv from n = p q, which is public from here on. */
static void set_public(struct ncr_rsa_pub *pub, uint64_t *n, size_t bits, uint64_t e)
{
	ncr_pk_declassify(n, bits / 8);
	memset(pub, 0, sizeof(*pub));
	pub->e[0] = e;
	pub->e_limbs = 1;
	pub->bits = (uint32_t)bits;
	pub->bytes = (uint32_t)(bits / 8);
	ncr_mont_init(&pub->mont_n, n, bits / 64, bits);
}

/* qinv = q^(p - 2) mod p. big: scratch of 3 * 64 + NCR_MONT_TABLE * pl limbs. */
static void q_inverse(struct ncr_rsa_priv *priv, const uint64_t *p, const uint64_t *q,
		      size_t pl, size_t half, uint64_t *qinv, uint64_t *big)
{
	struct ncr_mont *mp = &priv->mont_p;
	uint64_t *qm = big, *pm2 = big + 64, *r = big + 128, *table = big + 192;

	ncr_mont_init(mp, p, pl, half);
	ncr_mont_reduce_wide(mp, qm, q, pl, r);
	ncr_mp_sub_u64(pm2, p, 2, pl);
	ncr_mont_exp(mp, r, qm, pm2, pl, table);
	ncr_mont_from(mp, qinv, r);
}

/*
 * The key from the primes p and q (ws->t[0], t[1]). -EAGAIN if d is too
 * small (the caller starts over).
 */
static int assemble(struct ncr_rsa_priv *priv, struct ncr_rsa_ws *ws, size_t bits, uint64_t e)
{
	size_t half = bits / 2, pl = half / 64;
	uint64_t *p = ws->t[0], *q = ws->t[1], *n = ws->t[2], *pm1 = ws->t[3], *qm1 = ws->t[4];
	uint64_t *dp = ws->t[5], *dq = ws->t[6], *lambda = ws->t[7], *d = ws->t[8];
	uint64_t *qinv = ws->t[9], *big = ws->tables, big_enough;
	uint64_t *s[5] = { big, big + 64, big + 128, big + 256, big + 384 };

	memset(priv, 0, sizeof(*priv));
	ncr_mp_mul(n, p, pl, q, pl);
	set_public(&priv->pub, n, bits, e);
	ncr_mp_sub_u64(pm1, p, 1, pl);
	ncr_mp_sub_u64(qm1, q, 1, pl);
	inverse_of_e(dp, pm1, pl, e, big);
	inverse_of_e(dq, qm1, pl, e, big);
	carmichael(lambda, pm1, qm1, pl, s);
	inverse_of_e(d, lambda, 2 * pl, e, big);

	/* FIPS 186-5 5.1: d > 2^(nlen/2) */
	ncr_mp_zero(big, 2 * pl);
	big[half / 64] = 1;
	big_enough = ncr_mp_lt(big, d, 2 * pl);
	ncr_pk_declassify(&big_enough, sizeof(big_enough));
	if (!big_enough)
		return -EAGAIN;

	q_inverse(priv, p, q, pl, half, qinv, big);
	return ncr_rsa_priv_finish(priv, p, q, dp, dq, qinv, d, ws);
}

/* Signs and verifies a fixed digest (PKCS #1 v1.5, SHA-256). */
static int pairwise_test(const struct ncr_rsa_priv *priv, struct ncr_rsa_ws *ws)
{
	static const uint8_t digest[32] = "ncrypto RSA pairwise test.....";
	uint8_t sig[NCR_RSA_MAX_BYTES];
	size_t k = priv->pub.bytes;
	int ret;

	ret = ncr_rsa_pkcs1_sign(priv, ws, NCR_PK_SHA256, digest, sizeof(digest), sig, k);
	if (!ret)
		ret = ncr_rsa_pkcs1_verify(&priv->pub, ws, NCR_PK_SHA256, digest, sizeof(digest),
					   sig, k);
	return ret == -EBADMSG ? -EIO : ret;
}

static int check_params(size_t bits, uint64_t e, unsigned int flags)
{
	if (flags & ~NCR_RSA_F_ALL)
		return -EINVAL;
	if (bits != 2048 && bits != 3072 && bits != 4096)
		return -EINVAL;
	if (!(e & 1) || e < 3 || (!(flags & NCR_RSA_SMALL_E) && e <= 65536))
		return -EINVAL;
	return 0;
}

int ncr_rsa_generate(struct ncr_rsa_priv *priv, size_t bits, uint64_t e,
		     unsigned int flags, struct ncr_rsa_ws *ws)
{
	uint64_t *s[6] = { ws->t[2], ws->t[3], ws->t[4], ws->t[5], ws->t[6], ws->t[7] };
	size_t half = bits / 2;
	int ret = check_params(bits, e, flags), attempt;

	if (ret)
		return ret;
	for (attempt = 0; attempt < KEYGEN_ATTEMPTS; attempt++) {
		ret = ncr_rsa_gen_prime(ws->t[0], half, e, NULL, &priv->mont_p, s, ws->tables);
		if (!ret)
			ret = ncr_rsa_gen_prime(ws->t[1], half, e, ws->t[0], &priv->mont_q, s,
						ws->tables);
		if (!ret)
			ret = assemble(priv, ws, bits, e);
		if (ret != -EAGAIN)
			break;
	}
	if (!ret)
		ret = pairwise_test(priv, ws);
	if (ret)
		ncr_pk_wipe(priv, sizeof(*priv));
	ncr_rsa_ws_wipe(ws);
	return ret;
}
