// SPDX-License-Identifier: GPL-2.0
/*
 * ECDH, the Elliptic Curve Cryptography Cofactor Diffie-Hellman primitive
 * of SP 800-56A 5.7.1.2 with cofactor 1: Z = x(d Q). See ec.h.
 */
#include "ec_key.h"

int ncr_ec_ecdh(const struct ncr_ec_priv *priv, const struct ncr_ec_pub *peer,
		uint8_t *out, size_t len, struct ncr_ec_work *work)
{
	const struct ec_curve *c = ec_key_curve(priv->curve);
	struct ec_point q, z;
	struct ec_affine a;
	uint64_t infinity;
	int ret = 0;

	if (!c)
		return ec_curve_tables_ready() ? -EINVAL : -EIO;
	if (peer->curve != priv->curve || len != c->bytes)
		return -EINVAL;

	/* The peer's point was validated when it was imported. */
	ec_key_pub_point(c, &q, peer);
	ec_mul_point(c, &z, priv->d, &q, ec_work_table(work));
	infinity = ec_point_is_infinity(c, &z);
	/* Only possible for an invalid key: revealing it leaks nothing. */
	ncr_pk_declassify(&infinity, sizeof(infinity));
	if (infinity) {
		ret = -EINVAL;
		goto out;
	}
	ec_point_to_affine(c, &a, &z);
	ec_from_mont(a.x, a.x, &c->p);
	ec_to_be(out, len, a.x);
out:
	ncr_pk_wipe(&z, sizeof(z));
	ncr_pk_wipe(&a, sizeof(a));
	return ret;
}
