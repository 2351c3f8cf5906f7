// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars modulo the group order of kernel/pk/ec*: reduction of digests,
 * products, random scalars and blinded inversion. See ec_scalar.h.
 */
#include "ec_scalar.h"

void ec_scalar_from_hash(const struct ec_curve *c, uint64_t *r,
			 const uint8_t *hash, size_t hash_len)
{
	/* Both orders have a whole number of bytes: bits2int is a prefix. */
	size_t take = hash_len < c->bytes ? hash_len : c->bytes;

	ec_from_be(r, c->n.n, hash, take);
	ec_scalar_reduce_once(c, r);
}

void ec_scalar_reduce_once(const struct ec_curve *c, uint64_t *x)
{
	uint64_t t[EC_LIMBS];
	uint64_t below = ec_less(x, c->n.m, c->n.n);
	unsigned int j, borrow = 0;

	for (j = 0; j < c->n.n; j++) {
		ec_u128 d = (ec_u128)x[j] - c->n.m[j] - borrow;

		t[j] = (uint64_t)d;
		borrow = (unsigned int)(d >> 64) & 1;
	}
	ec_cmov(x, t, ~below, c->n.n);
}

uint64_t ec_scalar_in_range(const struct ec_curve *c, const uint64_t *x)
{
	return ~ec_is_zero(x, c->n.n) & ec_less(x, c->n.m, c->n.n);
}

void ec_scalar_mul(const struct ec_curve *c, uint64_t *r, const uint64_t *a,
		   const uint64_t *b)
{
	/* (a b / R) R^2 / R = a b */
	ec_mul(r, a, b, &c->n);
	ec_mul(r, r, c->n.r2, &c->n);
}

/* Bounds the rejection loops: 2^-32 per try at worst, 64 tries. */
#define EC_MAX_TRIES 64

int ec_scalar_random(const struct ec_curve *c, uint64_t *r)
{
	uint8_t bytes[NCR_EC_MAX_BYTES];
	uint64_t cand[EC_LIMBS], limit[EC_LIMBS], one[EC_LIMBS] = { 1 };
	unsigned int tries;
	int ret = -EIO;

	/* limit = n - 1: accept c < n - 1, i.e. c <= n - 2 */
	ec_copy(limit, c->n.m, c->n.n);
	limit[0] -= 1;		/* n is odd: no borrow */
	for (tries = 0; tries < EC_MAX_TRIES; tries++) {
		uint64_t ok;

		ret = ncr_pk_random(bytes, c->bytes);
		if (ret)
			break;
		ec_from_be(cand, c->n.n, bytes, c->bytes);
		ok = ec_less(cand, limit, c->n.n);
		ncr_pk_declassify(&ok, sizeof(ok));
		if (ok) {
			ec_add(r, cand, one, &c->n);
			ret = 0;
			break;
		}
		ret = -EIO;
	}
	ncr_pk_wipe(bytes, sizeof(bytes));
	ncr_pk_wipe(cand, sizeof(cand));
	return ret;
}

int ec_scalar_inv_blinded(const struct ec_curve *c, uint64_t *r,
			  const uint64_t *k)
{
	uint64_t b[EC_LIMBS], kb[EC_LIMBS];
	int ret;

	ret = ec_scalar_random(c, b);
	if (ret)
		goto out;
	ec_scalar_mul(c, kb, k, b);
	/* In the Montgomery domain: inv(kb R) = (kb)^-1 R; times b / R. */
	ec_to_mont(kb, kb, &c->n);
	ec_mod_inv(kb, kb, &c->n);
	ec_mul(r, kb, b, &c->n);
out:
	ncr_pk_wipe(b, sizeof(b));
	ncr_pk_wipe(kb, sizeof(kb));
	return ret;
}
