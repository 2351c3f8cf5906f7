// SPDX-License-Identifier: GPL-2.0
/*
 * ECDSA (FIPS 186-5 6.4) with RFC 6979 nonces, optionally hedged with
 * caller-supplied extra data (RFC 6979 3.6). See ec.h.
 */
#include "ec_hmac_drbg.h"
#include "ec_key.h"
#include "ec_scalar.h"

/* Bounds the RFC 6979 retry loop (a retry has probability < 2^-32). */
#define EC_SIGN_MAX_TRIES 64

/* Secrets of one signature, wiped as one block. */
struct sign_state {
	struct ec_hmac_drbg drbg;
	uint8_t octets[2][NCR_EC_MAX_BYTES];	/* int2octets(d), bits2octets(h) */
	uint64_t e[EC_LIMBS], k[EC_LIMBS], kinv[EC_LIMBS], t[EC_LIMBS];
	struct ec_point kg;
	struct ec_affine kg_affine;
};

/*
 * One candidate nonce k from the DRBG (RFC 6979 3.2 h): r = x(k G) mod n
 * and s = k^-1 (e + r d) mod n. Returns 1 when the candidate must be
 * discarded (k out of range, r = 0 or s = 0: what is revealed is only
 * that), 0 with r and s set, or an error.
 */
static int sign_try(const struct ec_curve *c, const struct ncr_ec_priv *priv,
		    struct sign_state *st, uint64_t *r, uint64_t *s)
{
	uint8_t t_bytes[NCR_EC_MAX_BYTES];
	uint64_t ok;
	int ret;

	ret = ec_hmac_drbg_generate(&st->drbg, t_bytes, c->bytes);
	if (ret)
		return ret;
	/* k = bits2int(T): n has exactly 8 L bits */
	ec_from_be(st->k, c->n.n, t_bytes, c->bytes);
	ncr_pk_wipe(t_bytes, sizeof(t_bytes));
	ok = ec_scalar_in_range(c, st->k);
	ncr_pk_declassify(&ok, sizeof(ok));
	if (!ok)
		return 1;

	ec_mul_base(c, &st->kg, st->k);
	ec_point_to_affine(c, &st->kg_affine, &st->kg);
	ec_from_mont(r, st->kg_affine.x, &c->p);
	ec_scalar_reduce_once(c, r);	/* x < p < 2n */
	ncr_pk_declassify(r, EC_LIMBS * sizeof(*r));	/* part of the output */
	if (ec_is_zero(r, c->n.n))
		return 1;

	ret = ec_scalar_inv_blinded(c, st->kinv, st->k);
	if (ret)
		return ret;
	ec_scalar_mul(c, st->t, r, priv->d);
	ec_add(st->t, st->t, st->e, &c->n);
	ec_scalar_mul(c, s, st->kinv, st->t);
	ok = ec_is_zero(s, c->n.n);
	ncr_pk_declassify(&ok, sizeof(ok));
	return ok ? 1 : 0;
}

int ncr_ec_sign(const struct ncr_ec_priv *priv, enum ncr_pk_hash_id hash_id,
		const uint8_t *hash, size_t hash_len, const uint8_t *extra,
		size_t extra_len, uint8_t *sig, size_t sig_len,
		struct ncr_ec_work *work)
{
	const struct ec_curve *c = ec_key_curve(priv->curve);
	struct sign_state st;
	struct ncr_pk_buf seed[3];
	uint64_t r[EC_LIMBS] = { 0 }, s[EC_LIMBS] = { 0 };
	unsigned int tries;
	int ret;

	if (!c)
		return ec_curve_tables_ready() ? -EINVAL : -EIO;
	if (!hash_len || hash_len > NCR_PK_HASH_MAX ||
	    extra_len > NCR_PK_HASH_MAX || (extra_len && !extra) ||
	    sig_len != 2 * (size_t)c->bytes || !ncr_pk_hash_len(hash_id))
		return -EINVAL;

	memset(&st, 0, sizeof(st));
	ec_scalar_from_hash(c, st.e, hash, hash_len);
	/* RFC 6979 3.2 d: seed = int2octets(x) || bits2octets(h1) [|| k'] */
	ec_to_be(st.octets[0], c->bytes, priv->d);
	ec_to_be(st.octets[1], c->bytes, st.e);
	seed[0].data = st.octets[0];
	seed[0].len = c->bytes;
	seed[1].data = st.octets[1];
	seed[1].len = c->bytes;
	seed[2].data = extra;
	seed[2].len = extra_len;
	ret = ec_hmac_drbg_init(&st.drbg, hash_id, seed, extra_len ? 3 : 2);
	for (tries = 0; !ret; tries++) {
		if (tries == EC_SIGN_MAX_TRIES) {
			ret = -EIO;
			break;
		}
		ret = sign_try(c, priv, &st, r, s);
		if (ret != 1)
			break;
		ret = ec_hmac_drbg_next(&st.drbg);
	}
	ncr_pk_wipe(&st, sizeof(st));
	if (ret)
		goto out;

	ec_to_be(sig, c->bytes, r);
	ec_to_be(sig + c->bytes, c->bytes, s);
	ncr_pk_declassify(sig, sig_len);
	/* A fault while signing must not let a bad signature out. */
	if (ncr_ec_verify(&priv->pub, hash, hash_len, sig, sig_len, work)) {
		memset(sig, 0, sig_len);
		ret = -EIO;
	}
out:
	ncr_pk_wipe(r, sizeof(r));
	ncr_pk_wipe(s, sizeof(s));
	return ret;
}

/* Reads r and s and checks 1 <= r, s <= n - 1 (public values). */
static bool read_signature(const struct ec_curve *c, const uint8_t *sig,
			   uint64_t *r, uint64_t *s)
{
	ec_from_be(r, c->n.n, sig, c->bytes);
	ec_from_be(s, c->n.n, sig + c->bytes, c->bytes);
	return ec_scalar_in_range(c, r) && ec_scalar_in_range(c, s);
}

/*
 * Whether x(P) mod n = r for a finite P = (X : Y : Z), without an
 * inversion: x(P) is r or r + n (the only values below p that reduce to
 * r; r + n counts only if it is below p), so compare X with r Z and
 * (r + n) Z.
 */
static bool x_matches(const struct ec_curve *c, const struct ec_point *p,
		      const uint64_t *r)
{
	uint64_t cand[EC_LIMBS], rz[EC_LIMBS];
	unsigned int n = c->p.n, j;
	uint64_t carry = 0;

	ec_to_mont(cand, r, &c->p);		/* r < n < p */
	ec_mul(rz, cand, p->z, &c->p);
	if (ec_equal(rz, p->x, n))
		return true;
	for (j = 0; j < n; j++) {
		ec_u128 s = (ec_u128)r[j] + c->n.m[j] + carry;

		cand[j] = (uint64_t)s;
		carry = (uint64_t)(s >> 64);
	}
	if (carry || !ec_less(cand, c->p.m, n))
		return false;
	ec_to_mont(cand, cand, &c->p);
	ec_mul(rz, cand, p->z, &c->p);
	return ec_equal(rz, p->x, n);
}

int ncr_ec_verify(const struct ncr_ec_pub *pub, const uint8_t *hash,
		  size_t hash_len, const uint8_t *sig, size_t sig_len,
		  struct ncr_ec_work *work)
{
	const struct ec_curve *c = ec_key_curve(pub->curve);
	uint64_t r[EC_LIMBS], s[EC_LIMBS], e[EC_LIMBS], w[EC_LIMBS],
		 u1[EC_LIMBS], u2[EC_LIMBS];
	struct ec_point q, sum, part;
	int ret = -EBADMSG;

	if (!c)
		return ec_curve_tables_ready() ? -EINVAL : -EIO;
	if (!hash_len || hash_len > NCR_PK_HASH_MAX ||
	    sig_len != 2 * (size_t)c->bytes)
		return -EINVAL;
	if (!read_signature(c, sig, r, s))
		return -EBADMSG;

	ec_scalar_from_hash(c, e, hash, hash_len);
	/* w = s^-1; u1 = e w, u2 = r w (FIPS 186-5 6.4.2 steps 4-5) */
	ec_to_mont(w, s, &c->n);
	ec_mod_inv(w, w, &c->n);
	ec_mul(u1, e, w, &c->n);
	ec_mul(u2, r, w, &c->n);

	/* R = u1 G + u2 Q; reject R = infinity, else accept iff x(R) = r */
	ec_mul_base(c, &sum, u1);
	ec_key_pub_point(c, &q, pub);
	ec_mul_point(c, &part, u2, &q, ec_work_table(work));
	ec_point_add(c, &sum, &sum, &part);
	if (!ec_point_is_infinity(c, &sum) && x_matches(c, &sum, r))
		ret = 0;
	return ret;
}
