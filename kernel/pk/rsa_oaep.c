// SPDX-License-Identifier: GPL-2.0
/*
 * RSAES-OAEP (RFC 8017 7.1). Decryption is constant-time up to a single
 * verdict: the leading zero, the label hash and the 0x01 separator are
 * checked under masks over the whole block, and every failure is the same
 * -EBADMSG (Manger's attack needs them told apart).
 */
#include "rsa_internal.h"

/* EM = 0x00 || seed (hLen) || DB (k - hLen - 1) */
struct oaep_layout {
	size_t k, h_len, db_len;
};

static int layout(const struct ncr_rsa_pub *pub, enum ncr_pk_hash_id hash,
		  enum ncr_pk_hash_id mgf_hash, struct oaep_layout *l)
{
	l->k = pub->bytes;
	l->h_len = ncr_pk_hash_len(hash);
	if (!l->h_len || !ncr_pk_hash_len(mgf_hash) || l->k < 2 * l->h_len + 2)
		return -EINVAL;
	l->db_len = l->k - l->h_len - 1;
	return 0;
}

static int label_hash(enum ncr_pk_hash_id hash, const uint8_t *label, size_t label_len,
		      uint8_t *out)
{
	struct ncr_pk_buf part = { label, label_len };

	return ncr_pk_hash(hash, &part, 1, out);
}

/* seed and DB masked or unmasked (the same steps both ways, RFC 8017 7.1). */
static int mask_em(enum ncr_pk_hash_id mgf_hash, const struct oaep_layout *l, uint8_t *em,
		   bool encrypting)
{
	uint8_t *seed = em + 1, *db = em + 1 + l->h_len;
	int ret;

	if (encrypting) {
		ret = ncr_rsa_mgf1_xor(mgf_hash, seed, l->h_len, db, l->db_len);
		if (!ret)
			ret = ncr_rsa_mgf1_xor(mgf_hash, db, l->db_len, seed, l->h_len);
	} else {
		ret = ncr_rsa_mgf1_xor(mgf_hash, db, l->db_len, seed, l->h_len);
		if (!ret)
			ret = ncr_rsa_mgf1_xor(mgf_hash, seed, l->h_len, db, l->db_len);
	}
	return ret;
}

int ncr_rsa_oaep_encrypt(const struct ncr_rsa_pub *pub, struct ncr_rsa_ws *ws,
			 enum ncr_pk_hash_id hash, enum ncr_pk_hash_id mgf_hash,
			 const uint8_t *label, size_t label_len, const uint8_t *msg,
			 size_t msg_len, uint8_t *out, size_t out_len)
{
	struct oaep_layout l;
	uint8_t *em = ws->em, *db;
	int ret = layout(pub, hash, mgf_hash, &l);

	if (ret)
		return ret;
	if (out_len != l.k || msg_len > l.k - 2 * l.h_len - 2)
		return -EINVAL;
	db = em + 1 + l.h_len;
	memset(em, 0, l.k);
	ret = label_hash(hash, label, label_len, db);
	if (ret)
		goto out;
	db[l.db_len - msg_len - 1] = 0x01;
	memcpy(db + l.db_len - msg_len, msg, msg_len);
	ret = ncr_pk_random(em + 1, l.h_len);
	if (ret)
		goto out;
	ret = mask_em(mgf_hash, &l, em, true);
	if (!ret)
		ncr_rsa_public_op(pub, ws, em, out);
out:
	ncr_rsa_ws_wipe(ws);
	return ret;
}

/*
 * The verdict on an unmasked EM, and the index of its 0x01 separator in
 * DB: constant-time over all of DB.
 */
static uint64_t check_em(const struct oaep_layout *l, const uint8_t *em, const uint8_t *lhash,
			 uint64_t *sep)
{
	const uint8_t *db = em + 1 + l->h_len;
	uint64_t good = ncr_mp_eq_mask64(em[0], 0) & ncr_rsa_bytes_eq(db, lhash, l->h_len);
	uint64_t looking = ~(uint64_t)0, index = 0;
	size_t i;

	for (i = l->h_len; i < l->db_len; i++) {
		uint64_t one = ncr_mp_eq_mask64(db[i], 1), zero = ncr_mp_eq_mask64(db[i], 0);

		index = ncr_mp_sel64(looking & one, i, index);
		good &= ~(looking & ~one & ~zero);
		looking &= ~one;
	}
	*sep = index;
	return good & ~looking;
}

int ncr_rsa_oaep_decrypt(const struct ncr_rsa_priv *priv, struct ncr_rsa_ws *ws,
			 enum ncr_pk_hash_id hash, enum ncr_pk_hash_id mgf_hash,
			 const uint8_t *label, size_t label_len, const uint8_t *ct,
			 size_t ct_len, uint8_t *out, size_t out_size, size_t *msg_len)
{
	struct oaep_layout l;
	uint64_t good, sep;
	size_t len;
	int ret = layout(&priv->pub, hash, mgf_hash, &l);

	if (ret)
		return ret;
	ret = -EBADMSG;
	if (ct_len != l.k)
		goto out;
	ret = ncr_rsa_private_op(priv, ws, ct, ws->em);
	if (ret == -ERANGE)
		ret = -EBADMSG;
	if (ret)
		goto out;
	ret = label_hash(hash, label, label_len, ws->buf[0]);
	if (!ret)
		ret = mask_em(mgf_hash, &l, ws->em, false);
	if (ret)
		goto out;
	good = check_em(&l, ws->em, ws->buf[0], &sep);
	ncr_pk_declassify(&good, sizeof(good));
	ret = -EBADMSG;
	if (!good)
		goto out;
	/* a valid message's length is the caller's to know */
	ncr_pk_declassify(&sep, sizeof(sep));
	len = l.db_len - (size_t)sep - 1;
	ret = -EINVAL;
	if (out_size < len)
		goto out;
	memcpy(out, ws->em + 1 + l.h_len + sep + 1, len);
	*msg_len = len;
	ret = 0;
out:
	ncr_rsa_ws_wipe(ws);
	return ret;
}
