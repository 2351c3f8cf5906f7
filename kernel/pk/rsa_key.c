// SPDX-License-Identifier: GPL-2.0
/*
 * RSA key import and export. The public checks (sizes, e) branch freely;
 * the private-component checks compute one mask in constant time and only
 * its verdict becomes public.
 */
#include "rsa_internal.h"

/* Skips leading zero bytes of a public big-endian number. */
static void strip_zeros(const uint8_t **p, size_t *len)
{
	while (*len && !**p) {
		(*p)++;
		(*len)--;
	}
}

/* Policy checks of a public e (NCR_RSA_SMALL_E: e >= 3, else e > 2^16). */
static int check_e(const uint64_t *e, size_t e_limbs, unsigned int flags)
{
	size_t bits = ncr_mp_bits_public(e, e_limbs);

	if (!(e[0] & 1) || bits > 256)
		return -EKEYREJECTED;
	if (flags & NCR_RSA_SMALL_E)
		return bits >= 2 ? 0 : -EKEYREJECTED;
	return bits >= 17 ? 0 : -EKEYREJECTED;	/* odd and >= 2^16: > 2^16 */
}

int ncr_rsa_pub_import(struct ncr_rsa_pub *pub, const uint8_t *n, size_t n_len,
		       const uint8_t *e, size_t e_len, unsigned int min_bits,
		       unsigned int flags)
{
	uint64_t nv[NCR_MP_MAX_LIMBS];
	size_t bits, nl;
	int ret;

	if ((flags & ~NCR_RSA_F_ALL) || min_bits < NCR_RSA_MIN_BITS ||
	    min_bits > NCR_RSA_MAX_BITS)
		return -EINVAL;
	strip_zeros(&n, &n_len);
	strip_zeros(&e, &e_len);
	if (n_len > NCR_RSA_MAX_BYTES || !n_len)
		return -EINVAL;
	if (e_len > NCR_RSA_E_MAX_LIMBS * 8 || !e_len)
		return -EKEYREJECTED;
	memset(pub, 0, sizeof(*pub));
	ncr_mp_from_be(nv, NCR_MP_MAX_LIMBS, n, n_len);
	bits = ncr_mp_bits_public(nv, NCR_MP_MAX_LIMBS);
	if (bits < min_bits)
		return -EINVAL;
	if (!(nv[0] & 1))
		return -EKEYREJECTED;
	nl = ncr_mp_limbs(bits);
	ncr_mp_from_be(pub->e, NCR_RSA_E_MAX_LIMBS, e, e_len);
	pub->e_limbs = (uint32_t)ncr_mp_limbs(ncr_mp_bits_public(pub->e, NCR_RSA_E_MAX_LIMBS));
	ret = check_e(pub->e, pub->e_limbs, flags);
	if (ret)
		return ret;
	if (pub->e_limbs > nl || (pub->e_limbs == nl && !ncr_mp_lt(pub->e, nv, nl)))
		return -EKEYREJECTED;
	ncr_mont_init(&pub->mont_n, nv, nl, bits);
	pub->bits = (uint32_t)bits;
	pub->bytes = (uint32_t)((bits + 7) / 8);
	return 0;
}

/* The secret components as numbers, in ws->t[] (see import_checks). */
struct parts_mp {
	uint64_t *p, *q, *dp, *dq, *qinv, *d;
};

/* All ones if @x fits in nl limbs (from_be) and is below @bound. */
static uint64_t load_below(uint64_t *x, size_t nl, const struct ncr_pk_buf *in,
			   const uint64_t *bound)
{
	uint64_t fits = ncr_mp_from_be(x, nl, in->data, in->len);

	return fits & ncr_mp_lt(x, bound, nl);
}

/* All ones if e * x == 1 mod m (m = p - 1 or q - 1, pl limbs). */
static uint64_t inverse_of_e(const struct ncr_rsa_pub *pub, const uint64_t *x,
			     const uint64_t *m, size_t pl, struct ncr_rsa_ws *ws)
{
	uint64_t *prod = ws->t[7], *rem = ws->t[8];
	size_t el = pub->e_limbs;

	ncr_mp_mul(prod, x, pl, pub->e, el);
	ncr_mp_mod(rem, prod, pl + el, m, pl, ws->t[9]);
	return ncr_mp_eq_u64(rem, pl, 1);
}

/* All ones if d mod m == x (m, x of pl limbs, d of 2 pl limbs). */
static uint64_t reduces_to(const uint64_t *d, const uint64_t *m, const uint64_t *x, size_t pl,
			   struct ncr_rsa_ws *ws)
{
	uint64_t *rem = ws->t[8];

	ncr_mp_mod(rem, d, 2 * pl, m, pl, ws->t[9]);
	return ncr_mp_eq(rem, x, pl);
}

/* One prime's checks: exact bit length @half, odd, dexp in range and e's inverse. */
static uint64_t prime_checks(const struct ncr_rsa_pub *pub, const uint64_t *pr,
			     const uint64_t *dexp, const uint64_t *d, size_t half,
			     struct ncr_rsa_ws *ws)
{
	size_t pl = half / 64;
	uint64_t *pm1 = ws->t[6];
	uint64_t ok = ncr_mp_bit(pr, half - 1) & (0 - (pr[0] & 1));

	ncr_mp_sub_u64(pm1, pr, 1, pl);
	ok &= ncr_mp_lt(dexp, pm1, pl) & ~ncr_mp_is_zero(dexp, pl);
	ok &= inverse_of_e(pub, dexp, pm1, pl, ws);
	ok &= reduces_to(d, pm1, dexp, pl, ws);
	return ok;
}

/* The consistency checks of rsa.h, as one mask. priv->pub is set up. */
static uint64_t import_checks(struct ncr_rsa_priv *priv, const struct ncr_rsa_parts *parts,
			      const struct parts_mp *v, struct ncr_rsa_ws *ws)
{
	const struct ncr_rsa_pub *pub = &priv->pub;
	size_t nl = pub->mont_n.n, pl = nl / 2, half = pub->bits / 2;
	uint64_t *prod = ws->t[7];
	uint64_t ok;

	/* sizes: p, q < 2^half (their top bits are checked per prime) */
	ok = ncr_mp_from_be(v->p, pl, parts->p.data, parts->p.len);
	ok &= ncr_mp_from_be(v->q, pl, parts->q.data, parts->q.len);
	ok &= load_below(v->d, nl, &parts->d, pub->mont_n.m);
	ok &= ncr_mp_from_be(v->dp, pl, parts->dp.data, parts->dp.len);
	ok &= ncr_mp_from_be(v->dq, pl, parts->dq.data, parts->dq.len);
	ok &= load_below(v->qinv, pl, &parts->qinv, v->p);
	ok &= ~ncr_mp_is_zero(v->qinv, pl);

	ncr_mp_mul(prod, v->p, pl, v->q, pl);
	ok &= ncr_mp_eq(prod, pub->mont_n.m, nl);
	ok &= prime_checks(pub, v->p, v->dp, v->d, half, ws);
	ok &= prime_checks(pub, v->q, v->dq, v->d, half, ws);

	/* q * qinv == 1 mod p, in Montgomery arithmetic mod p */
	ncr_mont_init(&priv->mont_p, v->p, pl, half);
	ncr_mont_mul(&priv->mont_p, prod, v->q, v->qinv);	/* q qinv / R */
	ncr_mont_mul(&priv->mont_p, prod, prod, priv->mont_p.rr);
	ok &= ncr_mp_eq_u64(prod, pl, 1);
	return ok;
}

/* kdk_key = SHA-256(d as k bytes), the key of the implicit rejection's KDK. */
static int derive_kdk_key(struct ncr_rsa_priv *priv, struct ncr_rsa_ws *ws)
{
	struct ncr_pk_buf part = { ws->em, priv->pub.bytes };

	ncr_mp_to_be(ws->em, priv->pub.bytes, priv->d, priv->pub.mont_n.n);
	return ncr_pk_hash(NCR_PK_SHA256, &part, 1, priv->kdk_key);
}

int ncr_rsa_priv_finish(struct ncr_rsa_priv *priv, const uint64_t *p, const uint64_t *q,
			const uint64_t *dp, const uint64_t *dq, const uint64_t *qinv,
			const uint64_t *d, struct ncr_rsa_ws *ws)
{
	size_t pl = priv->pub.mont_n.n / 2, half = priv->pub.bits / 2;

	priv->half_limbs = (uint32_t)pl;
	ncr_mont_init(&priv->mont_p, p, pl, half);
	ncr_mont_init(&priv->mont_q, q, pl, half);
	ncr_mp_copy(priv->dp, dp, pl);
	ncr_mp_copy(priv->dq, dq, pl);
	ncr_mp_copy(priv->qinv, qinv, pl);
	ncr_mp_copy(priv->d, d, 2 * pl);
	return derive_kdk_key(priv, ws);
}

static bool private_size(size_t bits)
{
	return bits == 2048 || bits == 3072 || bits == 4096;
}

int ncr_rsa_priv_import(struct ncr_rsa_priv *priv, const struct ncr_rsa_parts *parts,
			unsigned int flags, struct ncr_rsa_ws *ws)
{
	struct parts_mp v = { ws->t[0], ws->t[1], ws->t[2], ws->t[3], ws->t[4], ws->t[5] };
	uint64_t ok;
	int ret;

	memset(priv, 0, sizeof(*priv));
	ret = ncr_rsa_pub_import(&priv->pub, parts->n.data, parts->n.len, parts->e.data,
				 parts->e.len, 2048, flags);
	if (ret)
		goto out;
	ret = -EINVAL;
	if (!private_size(priv->pub.bits))
		goto out;
	ok = import_checks(priv, parts, &v, ws);
	ncr_pk_declassify(&ok, sizeof(ok));
	ret = -EKEYREJECTED;
	if (!ok)
		goto out;
	ret = ncr_rsa_priv_finish(priv, v.p, v.q, v.dp, v.dq, v.qinv, v.d, ws);
out:
	if (ret)
		ncr_pk_wipe(priv, sizeof(*priv));
	ncr_rsa_ws_wipe(ws);
	return ret;
}

int ncr_rsa_pub_export(const struct ncr_rsa_pub *pub, uint8_t *n, size_t n_size,
		       uint8_t *e, size_t e_size, size_t *e_len)
{
	size_t el = (ncr_mp_bits_public(pub->e, pub->e_limbs) + 7) / 8;

	if (n_size < pub->bytes || e_size < el)
		return -EINVAL;
	ncr_mp_to_be(n, pub->bytes, pub->mont_n.m, pub->mont_n.n);
	ncr_mp_to_be(e, el, pub->e, pub->e_limbs);
	*e_len = el;
	return 0;
}
