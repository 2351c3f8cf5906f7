// SPDX-License-Identifier: GPL-2.0
/*
 * RSASSA-PKCS1-v1_5 (RFC 8017 8.2, EMSA-PKCS1-v1_5 9.2). Verification
 * encodes the expected EM and compares it whole with the signature's
 * (RFC 8017's recommended way: no DER parser to fool).
 */
#include "rsa_internal.h"

/* DER of DigestInfo up to the digest itself (RFC 8017 9.2, note 1). */
static const uint8_t prefix_sha1[] = {
	0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14,
};
static const uint8_t prefix_sha224[] = {
	0x30, 0x2d, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
	0x65, 0x03, 0x04, 0x02, 0x04, 0x05, 0x00, 0x04, 0x1c,
};
static const uint8_t prefix_sha256[] = {
	0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
	0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20,
};
static const uint8_t prefix_sha384[] = {
	0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
	0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30,
};
static const uint8_t prefix_sha512[] = {
	0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
	0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40,
};

/* The DigestInfo prefix of @hash; hash 0: none (the caller gives all of T). */
static int digest_info_prefix(enum ncr_pk_hash_id hash, const uint8_t **prefix, size_t *len)
{
	switch ((int)hash) {
	case 0: *prefix = NULL; *len = 0; return 0;
	case NCR_PK_SHA1: *prefix = prefix_sha1; *len = sizeof(prefix_sha1); return 0;
	case NCR_PK_SHA224: *prefix = prefix_sha224; *len = sizeof(prefix_sha224); return 0;
	case NCR_PK_SHA256: *prefix = prefix_sha256; *len = sizeof(prefix_sha256); return 0;
	case NCR_PK_SHA384: *prefix = prefix_sha384; *len = sizeof(prefix_sha384); return 0;
	case NCR_PK_SHA512: *prefix = prefix_sha512; *len = sizeof(prefix_sha512); return 0;
	}
	return -EINVAL;
}

/* em (k bytes) = 00 01 FF..FF 00 || prefix || digest. */
static int encode(enum ncr_pk_hash_id hash, const uint8_t *digest, size_t digest_len,
		  uint8_t *em, size_t k)
{
	const uint8_t *prefix;
	size_t prefix_len, t_len;
	int ret = digest_info_prefix(hash, &prefix, &prefix_len);

	if (ret)
		return ret;
	if (hash && digest_len != ncr_pk_hash_len(hash))
		return -EINVAL;
	t_len = prefix_len + digest_len;
	if (k < t_len + 11)
		return -EINVAL;
	em[0] = 0;
	em[1] = 1;
	memset(em + 2, 0xff, k - t_len - 3);
	em[k - t_len - 1] = 0;
	if (prefix_len)
		memcpy(em + k - t_len, prefix, prefix_len);
	memcpy(em + k - digest_len, digest, digest_len);
	return 0;
}

int ncr_rsa_pkcs1_sign(const struct ncr_rsa_priv *priv, struct ncr_rsa_ws *ws,
		       enum ncr_pk_hash_id hash, const uint8_t *digest, size_t digest_len,
		       uint8_t *sig, size_t sig_len)
{
	size_t k = priv->pub.bytes;
	int ret;

	if (sig_len != k)
		return -EINVAL;
	ret = encode(hash, digest, digest_len, ws->em, k);
	if (!ret)
		ret = ncr_rsa_private_op(priv, ws, ws->em, sig);
	if (!ret)
		ncr_pk_declassify(sig, sig_len);
	ncr_rsa_ws_wipe(ws);
	return ret;
}

int ncr_rsa_pkcs1_verify(const struct ncr_rsa_pub *pub, struct ncr_rsa_ws *ws,
			 enum ncr_pk_hash_id hash, const uint8_t *digest, size_t digest_len,
			 const uint8_t *sig, size_t sig_len)
{
	size_t k = pub->bytes;
	int ret;

	ret = encode(hash, digest, digest_len, ws->em, k);
	if (ret)
		goto out;
	ret = -EBADMSG;
	if (sig_len != k || !ncr_rsa_below_n(pub, ws, sig))
		goto out;
	ncr_rsa_public_op(pub, ws, sig, ws->buf[0]);
	if (!memcmp(ws->buf[0], ws->em, k))
		ret = 0;
out:
	ncr_rsa_ws_wipe(ws);
	return ret;
}
