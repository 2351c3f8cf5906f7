// SPDX-License-Identifier: GPL-2.0
/*
 * The RSA primitives: x^e mod n, and x^d mod n by CRT with base blinding
 * and a check of the result with the public key (rsa.h says why).
 *
 * Blinding: r is random below 2^(bits(n) - 1). The private operation works
 * on c' = c * r^e mod n; for each prime it computes
 *	m_p = c'^dp * r^(p - 2) = c^dp * r * r^-1 = c^dp (mod p)
 * in one joint exponentiation, so no inverse of r is ever computed
 * separately and the exponentiations never see c itself.
 */
#include "rsa_internal.h"

void ncr_rsa_ws_wipe(struct ncr_rsa_ws *ws)
{
	ncr_pk_wipe(ws, sizeof(*ws));
}

uint64_t ncr_rsa_bytes_eq(const uint8_t *a, const uint8_t *b, size_t len)
{
	uint64_t diff = 0;
	size_t i;

	for (i = 0; i < len; i++)
		diff |= a[i] ^ b[i];
	return ncr_mp_zero_mask64(diff);
}

bool ncr_rsa_below_n(const struct ncr_rsa_pub *pub, struct ncr_rsa_ws *ws, const uint8_t *in)
{
	const struct ncr_mont *mn = &pub->mont_n;
	uint64_t lt;

	ncr_mp_from_be(ws->t[0], mn->n, in, pub->bytes);
	lt = ncr_mp_lt(ws->t[0], mn->m, mn->n);
	ncr_pk_declassify(&lt, sizeof(lt));
	return lt != 0;
}

/* y = x^e (ordinary values of n limbs; x < n). Uses t[8]. */
static void raise_to_e(const struct ncr_rsa_pub *pub, struct ncr_rsa_ws *ws, uint64_t *y,
		       const uint64_t *x)
{
	const struct ncr_mont *mn = &pub->mont_n;
	uint64_t *xm = ws->t[8];

	ncr_mont_to(mn, xm, x);
	ncr_mont_exp_public(mn, y, xm, pub->e, pub->e_limbs);
	ncr_mont_from(mn, y, y);
}

void ncr_rsa_public_op(const struct ncr_rsa_pub *pub, struct ncr_rsa_ws *ws,
		       const uint8_t *in, uint8_t *out)
{
	const struct ncr_mont *mn = &pub->mont_n;

	ncr_mp_from_be(ws->t[0], mn->n, in, pub->bytes);
	raise_to_e(pub, ws, ws->t[1], ws->t[0]);
	ncr_mp_to_be(out, pub->bytes, ws->t[1], mn->n);
}

/*
 * out (Montgomery form mod p) = cb^dexp * r^(p - 2) mod p, where cb and r
 * are the n-limb blinded input and blinding value. Uses t[6], t[7], t[9].
 */
static void crt_half(const struct ncr_mont *mp, const uint64_t *dexp, const uint64_t *cb,
		     const uint64_t *r, size_t nl, uint64_t *out, struct ncr_rsa_ws *ws)
{
	uint64_t *cb_p = ws->t[6], *r_p = ws->t[7], *pm2 = ws->t[9];
	size_t pl = mp->n;

	ncr_mont_reduce_wide(mp, cb_p, cb, nl, pm2);
	ncr_mont_reduce_wide(mp, r_p, r, nl, pm2);
	ncr_mp_sub_u64(pm2, mp->m, 2, pl);
	ncr_mont_exp2(mp, out, cb_p, dexp, r_p, pm2, pl, ws->tables);
}

/* m = m_q + q * ((m_p - m_q) * qinv mod p), from m_p, m_q in Montgomery form. */
static void crt_combine(const struct ncr_rsa_priv *priv, struct ncr_rsa_ws *ws, uint64_t *m,
			const uint64_t *mp_m, uint64_t *mq_m)
{
	const struct ncr_mont *mp = &priv->mont_p, *mq = &priv->mont_q;
	size_t pl = priv->half_limbs;
	uint64_t *h = ws->t[6], *tmp = ws->t[7], carry;

	ncr_mont_from(mq, mq_m, mq_m);			/* m_q */
	ncr_mont_reduce_wide(mp, h, mq_m, pl, tmp);	/* m_q * R mod p */
	ncr_mont_sub(mp, h, mp_m, h);			/* (m_p - m_q) * R */
	ncr_mont_mul(mp, h, h, priv->qinv);		/* (m_p - m_q) * qinv */
	ncr_mp_mul(m, mq->m, pl, h, pl);
	carry = ncr_mp_add(m, m, mq_m, pl);
	ncr_mp_add_u64(m + pl, m + pl, carry, pl);
}

/* r = random below 2^(bits - 1), so below n. */
static int blinding_value(const struct ncr_rsa_pub *pub, uint64_t *r)
{
	size_t nl = pub->mont_n.n, top = pub->bits - 1, i;
	int ret = ncr_pk_random(r, nl * sizeof(r[0]));

	if (ret)
		return ret;
	for (i = top / 64 + 1; i < nl; i++)
		r[i] = 0;
	r[top / 64] &= ((uint64_t)1 << (top % 64)) - 1;
	return 0;
}

int ncr_rsa_private_op(const struct ncr_rsa_priv *priv, struct ncr_rsa_ws *ws,
		       const uint8_t *in, uint8_t *out)
{
	const struct ncr_rsa_pub *pub = &priv->pub;
	const struct ncr_mont *mn = &pub->mont_n;
	size_t nl = mn->n;
	uint64_t *c = ws->t[0], *r = ws->t[1], *cb = ws->t[2], *re = ws->t[3];
	uint64_t *mp_m = ws->t[4], *mq_m = ws->t[5], *m = cb, ok;
	int ret;

	if (!ncr_rsa_below_n(pub, ws, in))
		return -ERANGE;
	ncr_mp_from_be(c, nl, in, pub->bytes);
	ret = blinding_value(pub, r);
	if (ret)
		return ret;

	/* cb = c * r^e mod n */
	ncr_mont_to(mn, cb, r);
	ncr_mont_exp_public(mn, re, cb, pub->e, pub->e_limbs);
	ncr_mont_to(mn, cb, c);
	ncr_mont_mul(mn, cb, cb, re);
	ncr_mont_from(mn, cb, cb);

	crt_half(&priv->mont_p, priv->dp, cb, r, nl, mp_m, ws);
	crt_half(&priv->mont_q, priv->dq, cb, r, nl, mq_m, ws);
	crt_combine(priv, ws, m, mp_m, mq_m);

	/* the fault check: m^e == c */
	raise_to_e(pub, ws, re, m);
	ok = ncr_mp_eq(re, c, nl);
	ncr_pk_declassify(&ok, sizeof(ok));
	if (!ok)
		return -EIO;
	ncr_mp_to_be(out, pub->bytes, m, nl);
	return 0;
}
