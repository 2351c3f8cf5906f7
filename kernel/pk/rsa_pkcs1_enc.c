// SPDX-License-Identifier: GPL-2.0
/*
 * RSAES-PKCS1-v1_5 (RFC 8017 7.2), decryption with implicit rejection as
 * draft-irtf-cfrg-rsa-guidance specifies it (the countermeasure to
 * Bleichenbacher's attack and its timing variant, Marvin):
 *
 *   KDK = HMAC-SHA256(SHA256(d as k bytes), C)
 *   PRF(label, L bits) = the first L bits of the concatenation over
 *       i = 0, 1, ... of HMAC-SHA256(KDK, I2OSP(i, 2) || label || I2OSP(L, 2))
 *   AM = PRF("message", 8k)             the alternative message's bytes
 *   CL = PRF("length", 2048)            128 candidate lengths of 2 bytes
 *   length = the last candidate, masked to the bits of k - 10, that is
 *            below k - 10 (0 if none is)
 *   alternative message = the last `length` bytes of AM
 *
 * If EM = 00 02 PS 00 M with PS at least 8 non-zero bytes, the output is
 * M, else the alternative message. Both are computed every time and the
 * choice is a mask; no error tells them apart.
 */
#include "rsa_internal.h"

#define IR_LENGTH_CANDIDATES 128
#define IR_KDK_LEN 32

int ncr_rsa_pkcs1_encrypt(const struct ncr_rsa_pub *pub, struct ncr_rsa_ws *ws,
			  const uint8_t *msg, size_t msg_len, uint8_t *out, size_t out_len)
{
	size_t k = pub->bytes, ps_len, i;
	uint8_t *em = ws->em;
	int ret;

	if (out_len != k || msg_len + 11 > k)
		return -EINVAL;
	ps_len = k - msg_len - 3;
	em[0] = 0;
	em[1] = 2;
	ret = ncr_pk_random(em + 2, ps_len);
	/* redraw zero bytes: which raw draws were zero tells nothing about PS */
	for (i = 0; !ret && i < ps_len; i++)
		while (!ret && !em[2 + i])
			ret = ncr_pk_random(em + 2 + i, 1);
	if (ret)
		goto out;
	em[2 + ps_len] = 0;
	memcpy(em + 3 + ps_len, msg, msg_len);
	ncr_rsa_public_op(pub, ws, em, out);
out:
	ncr_rsa_ws_wipe(ws);
	return ret;
}

/* out (out_len bytes) = PRF(kdk, label, 8 out_len) */
static int ir_prf(const uint8_t *kdk, const char *label, size_t label_len, uint8_t *out,
		  size_t out_len)
{
	uint8_t block[IR_KDK_LEN], iter[2], bits[2] = {
		(uint8_t)((out_len * 8) >> 8), (uint8_t)(out_len * 8),
	};
	struct ncr_pk_buf parts[3] = { { iter, 2 }, { label, label_len }, { bits, 2 } };
	size_t pos, i = 0;
	int ret = 0;

	for (pos = 0; pos < out_len; pos += IR_KDK_LEN, i++) {
		size_t take = out_len - pos < IR_KDK_LEN ? out_len - pos : IR_KDK_LEN;

		iter[0] = (uint8_t)(i >> 8);
		iter[1] = (uint8_t)i;
		ret = ncr_rsa_hmac(NCR_PK_SHA256, kdk, IR_KDK_LEN, parts, 3, block);
		if (ret)
			break;
		memcpy(out + pos, block, take);
	}
	ncr_pk_wipe(block, sizeof(block));
	return ret;
}

/* The alternative message's length from the candidates (secret, constant-time). */
static uint64_t synthetic_length(const uint8_t *cand, size_t k)
{
	uint64_t max = k - 10, mask = max, len = 0;
	size_t i;

	mask |= mask >> 1;
	mask |= mask >> 2;
	mask |= mask >> 4;
	mask |= mask >> 8;
	for (i = 0; i < IR_LENGTH_CANDIDATES; i++) {
		uint64_t c = (((uint64_t)cand[2 * i] << 8) | cand[2 * i + 1]) & mask;

		len = ncr_mp_sel64(ncr_mp_lt_mask64(c, max), c, len);
	}
	return len;
}

/* The verdict on EM's padding and, for a good one, M's length. */
static uint64_t check_padding(const uint8_t *em, size_t k, uint64_t *msg_len)
{
	uint64_t good = ncr_mp_eq_mask64(em[0], 0) & ncr_mp_eq_mask64(em[1], 2);
	uint64_t looking = ~(uint64_t)0, zero_at = 0;
	size_t i;

	for (i = 2; i < k; i++) {
		uint64_t zero = ncr_mp_eq_mask64(em[i], 0);

		zero_at = ncr_mp_sel64(looking & zero, i, zero_at);
		looking &= ~zero;
	}
	good &= ~looking & ~ncr_mp_lt_mask64(zero_at, 10);	/* PS >= 8 bytes */
	*msg_len = k - 1 - zero_at;
	return good;
}

/* The candidates' KDK, the alternative message into am and its length. */
static int rejection_message(const struct ncr_rsa_priv *priv, struct ncr_rsa_ws *ws,
		       const uint8_t *ct, uint8_t *am, uint64_t *len)
{
	size_t k = priv->pub.bytes;
	struct ncr_pk_buf part = { ct, k };
	uint8_t kdk[IR_KDK_LEN], *cand = ws->buf[1];
	int ret;

	ret = ncr_rsa_hmac(NCR_PK_SHA256, priv->kdk_key, sizeof(priv->kdk_key), &part, 1, kdk);
	if (!ret)
		ret = ir_prf(kdk, "message", 7, am, k);
	if (!ret)
		ret = ir_prf(kdk, "length", 6, cand, 2 * IR_LENGTH_CANDIDATES);
	if (!ret)
		*len = synthetic_length(cand, k);
	ncr_pk_wipe(kdk, sizeof(kdk));
	return ret;
}

int ncr_rsa_pkcs1_decrypt(const struct ncr_rsa_priv *priv, struct ncr_rsa_ws *ws,
			  const uint8_t *ct, size_t ct_len, uint8_t *out, size_t out_size,
			  size_t *msg_len)
{
	size_t k = priv->pub.bytes, i;
	uint8_t *em = ws->em, *am = ws->buf[0];
	uint64_t good, len, alt_len;
	int ret = -EINVAL;

	if (out_size + 11 < k)
		goto out;
	ret = -EBADMSG;
	if (ct_len != k)
		goto out;
	ret = ncr_rsa_private_op(priv, ws, ct, em);
	if (ret == -ERANGE)
		ret = -EBADMSG;
	if (!ret)
		ret = rejection_message(priv, ws, ct, am, &alt_len);
	if (ret)
		goto out;
	good = check_padding(em, k, &len);
	len = ncr_mp_sel64(good, len, alt_len);
	for (i = 0; i < k; i++)
		am[i] = (uint8_t)ncr_mp_sel64(good, em[i], am[i]);
	/* the output's length is the caller's to know, whichever it is */
	ncr_pk_declassify(&len, sizeof(len));
	memcpy(out, am + k - len, len);
	*msg_len = len;
out:
	ncr_rsa_ws_wipe(ws);
	return ret;
}
