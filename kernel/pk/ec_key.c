// SPDX-License-Identifier: GPL-2.0
/*
 * Keys of kernel/pk/ec*: initialisation, public-point import (with full
 * validation) and export, private-scalar import, export and generation,
 * and the pairwise consistency test. See ec.h.
 */
#include "ec_key.h"
#include "ec_scalar.h"

_Static_assert(sizeof(((struct ncr_ec_work *)0)->space) >=
	       EC_WINDOW_POINTS * sizeof(struct ec_point),
	       "struct ncr_ec_work holds a table of 16 points");
_Static_assert(NCR_EC_LIMBS == EC_LIMBS, "one limb count");

int ncr_ec_init(void)
{
	ec_curve_tables_init();
	return 0;
}

size_t ncr_ec_curve_bytes(enum ncr_ec_curve curve)
{
	const struct ec_curve *c = ec_curve_get(curve);

	return c ? c->bytes : 0;
}

const struct ec_curve *ec_key_curve(uint32_t id)
{
	if (!ec_curve_tables_ready())
		return NULL;
	return ec_curve_get((enum ncr_ec_curve)id);
}

void ec_key_pub_point(const struct ec_curve *c, struct ec_point *r,
		      const struct ncr_ec_pub *pub)
{
	struct ec_affine a;

	memset(&a, 0, sizeof(a));
	ec_to_mont(a.x, pub->x, &c->p);
	ec_to_mont(a.y, pub->y, &c->p);
	ec_point_from_affine(c, r, &a);
}

struct ec_point *ec_work_table(struct ncr_ec_work *work)
{
	return (struct ec_point *)work->space;
}

/* -EIO before ncr_ec_init(), -EINVAL for an unknown curve. */
static int curve_or_error(enum ncr_ec_curve id, const struct ec_curve **c)
{
	if (!ec_curve_tables_ready())
		return -EIO;
	*c = ec_curve_get(id);
	return *c ? 0 : -EINVAL;
}

/* y = sqrt(rhs) with y's parity @odd, for x^3 - 3x + b = rhs (Montgomery
 * domain in, normal domain out). p = 3 mod 4: sqrt(a) = a^((p + 1) / 4). */
static int decompress_y(const struct ec_curve *c, uint64_t *y,
			const uint64_t *x_mont, unsigned int odd)
{
	uint64_t rhs[EC_LIMBS], root[EC_LIMBS], e[EC_LIMBS], t[EC_LIMBS];
	unsigned int n = c->p.n, j;
	uint64_t carry = 1;

	ec_mul(rhs, x_mont, x_mont, &c->p);
	ec_sub(rhs, rhs, c->p.one, &c->p);
	ec_sub(rhs, rhs, c->p.one, &c->p);
	ec_sub(rhs, rhs, c->p.one, &c->p);
	ec_mul(rhs, rhs, x_mont, &c->p);
	ec_add(rhs, rhs, c->b, &c->p);
	/* e = (p + 1) / 4 */
	for (j = 0; j < n; j++) {
		ec_u128 s = (ec_u128)c->p.m[j] + carry;

		e[j] = (uint64_t)s;
		carry = (uint64_t)(s >> 64);
	}
	for (j = 0; j < n; j++)
		e[j] = (e[j] >> 2) | (j + 1 < n ? e[j + 1] << 62 : carry << 62);
	ec_mod_pow(root, rhs, e, &c->p);
	ec_mul(t, root, root, &c->p);
	if (!ec_equal(t, rhs, n))
		return -EKEYREJECTED;	/* x is not on the curve */
	ec_from_mont(y, root, &c->p);
	if ((y[0] & 1) != odd) {
		if (ec_is_zero(y, n))
			return -EKEYREJECTED;
		ec_neg(y, y, &c->p);
	}
	return 0;
}

int ncr_ec_pub_import(struct ncr_ec_pub *pub, enum ncr_ec_curve curve,
		      const uint8_t *point, size_t len)
{
	const struct ec_curve *c;
	struct ec_affine a;
	unsigned int n;
	int ret = curve_or_error(curve, &c);

	if (ret)
		return ret;
	n = c->p.n;
	memset(pub, 0, sizeof(*pub));
	pub->curve = curve;
	if (len == 1 + 2 * (size_t)c->bytes && point[0] == 0x04) {
		ec_from_be(pub->x, n, point + 1, c->bytes);
		ec_from_be(pub->y, n, point + 1 + c->bytes, c->bytes);
	} else if (len == 1 + (size_t)c->bytes &&
		   (point[0] == 0x02 || point[0] == 0x03)) {
		ec_from_be(pub->x, n, point + 1, c->bytes);
	} else {
		return -EINVAL;
	}
	/* SP 800-56A 5.6.2.3.3 step 2: both coordinates in [0, p - 1] */
	if (!ec_less(pub->x, c->p.m, n) || !ec_less(pub->y, c->p.m, n)) {
		ret = -EKEYREJECTED;
		goto out;
	}
	memset(&a, 0, sizeof(a));
	ec_to_mont(a.x, pub->x, &c->p);
	if (len == 1 + (size_t)c->bytes) {
		ret = decompress_y(c, pub->y, a.x, point[0] & 1);
		if (ret)
			goto out;
	}
	ec_to_mont(a.y, pub->y, &c->p);
	/* Step 3: on the curve. Step 1 (not infinity) holds for any affine
	 * point; step 4 (n Q = infinity) for any point: the cofactor is 1. */
	if (!ec_affine_on_curve(c, &a))
		ret = -EKEYREJECTED;
out:
	if (ret)
		memset(pub, 0, sizeof(*pub));
	return ret;
}

int ncr_ec_pub_export(const struct ncr_ec_pub *pub, uint8_t *out,
		      size_t len)
{
	const struct ec_curve *c;
	int ret = curve_or_error(pub->curve, &c);

	if (ret)
		return ret;
	if (len != 1 + 2 * (size_t)c->bytes)
		return -EINVAL;
	out[0] = 0x04;
	ec_to_be(out + 1, c->bytes, pub->x);
	ec_to_be(out + 1 + c->bytes, c->bytes, pub->y);
	return 0;
}

/* A fixed digest for the pairwise consistency test. */
static const uint8_t pct_digest[32] = "ncrypto pairwise consistency...";

/*
 * Computes the public point of priv->d and checks the pair by a signature
 * (SP 800-56A 5.6.2.1.4 / FIPS 140-3 pairwise consistency test), which
 * ncr_ec_sign() verifies with the public point before returning it.
 */
static int complete_priv(const struct ec_curve *c, struct ncr_ec_priv *priv,
			 struct ncr_ec_work *work)
{
	uint8_t sig[NCR_EC_MAX_SIG];
	struct ec_point q;
	struct ec_affine a;
	int ret;

	ec_mul_base(c, &q, priv->d);
	ec_point_to_affine(c, &a, &q);
	priv->pub.curve = c->id;
	ec_from_mont(priv->pub.x, a.x, &c->p);
	ec_from_mont(priv->pub.y, a.y, &c->p);
	/* The public point is public. */
	ncr_pk_declassify(&priv->pub, sizeof(priv->pub));
	ncr_pk_wipe(&q, sizeof(q));
	ncr_pk_wipe(&a, sizeof(a));

	ret = ncr_ec_sign(priv, NCR_PK_SHA256, pct_digest, sizeof(pct_digest),
			  NULL, 0, sig, 2 * c->bytes, work);
	if (ret == -EIO)
		ret = -EKEYREJECTED;
	return ret;
}

int ncr_ec_priv_import(struct ncr_ec_priv *priv, enum ncr_ec_curve curve,
		       const uint8_t *d, size_t len, struct ncr_ec_work *work)
{
	const struct ec_curve *c;
	uint64_t ok;
	int ret = curve_or_error(curve, &c);

	if (ret)
		return ret;
	if (!len || len > c->bytes)
		return -EINVAL;
	memset(priv, 0, sizeof(*priv));
	priv->curve = curve;
	ec_from_be(priv->d, c->n.n, d, len);
	ok = ec_scalar_in_range(c, priv->d);
	/* Whether the key is usable is not a secret to keep. */
	ncr_pk_declassify(&ok, sizeof(ok));
	ret = ok ? complete_priv(c, priv, work) : -ERANGE;
	if (ret)
		ncr_pk_wipe(priv, sizeof(*priv));
	return ret;
}

int ncr_ec_priv_generate(struct ncr_ec_priv *priv, enum ncr_ec_curve curve,
			 struct ncr_ec_work *work)
{
	const struct ec_curve *c;
	int ret = curve_or_error(curve, &c);

	if (ret)
		return ret;
	memset(priv, 0, sizeof(*priv));
	priv->curve = curve;
	ret = ec_scalar_random(c, priv->d);
	if (!ret)
		ret = complete_priv(c, priv, work);
	if (ret)
		ncr_pk_wipe(priv, sizeof(*priv));
	return ret;
}

int ncr_ec_priv_export(const struct ncr_ec_priv *priv, uint8_t *out,
		       size_t len)
{
	const struct ec_curve *c;
	int ret = curve_or_error(priv->curve, &c);

	if (ret)
		return ret;
	if (len != c->bytes)
		return -EINVAL;
	ec_to_be(out, len, priv->d);
	return 0;
}
