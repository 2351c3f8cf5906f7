// SPDX-License-Identifier: GPL-2.0
/*
 * RSASSA-PSS (RFC 8017 8.1) with EMSA-PSS (9.1): emBits = bits(n) - 1, so
 * EM has emLen = ceil(emBits / 8) bytes and sits right-aligned in the k
 * bytes of the RSA input, after one zero byte when emLen < k (bits(n) a
 * multiple of 8 plus one).
 */
#include "rsa_internal.h"

struct pss_layout {
	size_t k, em_len, db_len, h_len;
	uint8_t top_mask;	/* bits of EM's first byte within emBits */
};

static int layout(const struct ncr_rsa_pub *pub, enum ncr_pk_hash_id hash,
		  enum ncr_pk_hash_id mgf_hash, size_t salt_len, size_t digest_len,
		  struct pss_layout *l)
{
	size_t em_bits = pub->bits - 1;

	l->k = pub->bytes;
	l->h_len = ncr_pk_hash_len(hash);
	l->em_len = (em_bits + 7) / 8;
	l->top_mask = (uint8_t)(0xff >> (8 * l->em_len - em_bits));
	if (!l->h_len || !ncr_pk_hash_len(mgf_hash) || digest_len != l->h_len)
		return -EINVAL;
	if (l->em_len < l->h_len + salt_len + 2)
		return -EINVAL;
	l->db_len = l->em_len - l->h_len - 1;
	return 0;
}

/* h = Hash(0^8 || digest || salt) */
static int pss_hash(enum ncr_pk_hash_id hash, const uint8_t *digest, size_t digest_len,
		    const uint8_t *salt, size_t salt_len, uint8_t *h)
{
	static const uint8_t zeros[8];
	struct ncr_pk_buf parts[3] = {
		{ zeros, sizeof(zeros) }, { digest, digest_len }, { salt, salt_len },
	};

	return ncr_pk_hash(hash, parts, 3, h);
}

int ncr_rsa_pss_sign(const struct ncr_rsa_priv *priv, struct ncr_rsa_ws *ws,
		     enum ncr_pk_hash_id hash, enum ncr_pk_hash_id mgf_hash, size_t salt_len,
		     const uint8_t *digest, size_t digest_len, uint8_t *sig, size_t sig_len)
{
	struct pss_layout l;
	uint8_t *em, *db, *h, *salt = ws->buf[1];
	int ret = layout(&priv->pub, hash, mgf_hash, salt_len, digest_len, &l);

	if (ret)
		return ret;
	if (sig_len != l.k)
		return -EINVAL;
	memset(ws->em, 0, l.k);
	em = ws->em + l.k - l.em_len;
	db = em;
	h = em + l.db_len;
	ret = ncr_pk_random(salt, salt_len);
	if (ret)
		goto out;
	ret = pss_hash(hash, digest, digest_len, salt, salt_len, h);
	if (ret)
		goto out;
	db[l.db_len - salt_len - 1] = 0x01;
	memcpy(db + l.db_len - salt_len, salt, salt_len);
	ret = ncr_rsa_mgf1_xor(mgf_hash, h, l.h_len, db, l.db_len);
	if (ret)
		goto out;
	db[0] &= l.top_mask;
	em[l.em_len - 1] = 0xbc;
	ret = ncr_rsa_private_op(priv, ws, ws->em, sig);
	if (!ret)
		ncr_pk_declassify(sig, sig_len);
out:
	ncr_rsa_ws_wipe(ws);
	return ret;
}

/* The checks of RFC 8017 9.1.2 steps 4 to 14 on em (em_len bytes), in place. */
static int pss_check(const struct pss_layout *l, enum ncr_pk_hash_id hash,
		     enum ncr_pk_hash_id mgf_hash, size_t salt_len, const uint8_t *digest,
		     uint8_t *em, uint8_t *h2)
{
	uint8_t *db = em, *h = em + l->db_len;
	size_t ps_len = l->db_len - salt_len - 1, i;
	int ret;

	if (em[l->em_len - 1] != 0xbc || (db[0] & ~l->top_mask))
		return -EBADMSG;
	ret = ncr_rsa_mgf1_xor(mgf_hash, h, l->h_len, db, l->db_len);
	if (ret)
		return ret;
	db[0] &= l->top_mask;
	for (i = 0; i < ps_len; i++)
		if (db[i])
			return -EBADMSG;
	if (db[ps_len] != 0x01)
		return -EBADMSG;
	ret = pss_hash(hash, digest, l->h_len, db + l->db_len - salt_len, salt_len, h2);
	if (ret)
		return ret;
	return memcmp(h, h2, l->h_len) ? -EBADMSG : 0;
}

int ncr_rsa_pss_verify(const struct ncr_rsa_pub *pub, struct ncr_rsa_ws *ws,
		       enum ncr_pk_hash_id hash, enum ncr_pk_hash_id mgf_hash, size_t salt_len,
		       const uint8_t *digest, size_t digest_len, const uint8_t *sig,
		       size_t sig_len)
{
	struct pss_layout l;
	size_t i;
	int ret = layout(pub, hash, mgf_hash, salt_len, digest_len, &l);

	if (ret)
		return ret;
	ret = -EBADMSG;
	if (sig_len != l.k || !ncr_rsa_below_n(pub, ws, sig))
		goto out;
	ncr_rsa_public_op(pub, ws, sig, ws->em);
	for (i = 0; i < l.k - l.em_len; i++)
		if (ws->em[i])
			goto out;
	ret = pss_check(&l, hash, mgf_hash, salt_len, digest, ws->em + l.k - l.em_len,
			ws->buf[0]);
out:
	ncr_rsa_ws_wipe(ws);
	return ret;
}
