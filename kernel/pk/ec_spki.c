// SPDX-License-Identifier: GPL-2.0
/*
 * The DER SubjectPublicKeyInfo of an EC public key (RFC 5480 2):
 *
 *   SEQUENCE {
 *     SEQUENCE { OID id-ecPublicKey, OID namedCurve }   -- AlgorithmIdentifier
 *     BIT STRING { 0 unused bits, 04 || X || Y }         -- ECPoint
 *   }
 *
 * written by a minimal DER encoder (definite lengths, short or long form).
 */
#include "ec_key.h"

/* The content of each OID (X.690 8.19): */
static const uint8_t oid_ec_public_key[] = {	/* 1.2.840.10045.2.1 */
	0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01
};
static const uint8_t oid_prime256v1[] = {	/* 1.2.840.10045.3.1.7 */
	0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07
};
static const uint8_t oid_secp384r1[] = {	/* 1.3.132.0.34 */
	0x2b, 0x81, 0x04, 0x00, 0x22
};

#define DER_SEQUENCE 0x30
#define DER_OID 0x06
#define DER_BIT_STRING 0x03

/* Bytes of a DER length field for a content of @len bytes (< 65536). */
static size_t der_len_size(size_t len)
{
	return len < 0x80 ? 1 : len < 0x100 ? 2 : 3;
}

static size_t der_tlv_size(size_t len)
{
	return 1 + der_len_size(len) + len;
}

/* Writes tag and length at @out; returns the bytes written. */
static size_t der_header(uint8_t *out, uint8_t tag, size_t len)
{
	size_t size = der_len_size(len), i;

	out[0] = tag;
	if (size == 1) {
		out[1] = (uint8_t)len;
		return 2;
	}
	out[1] = (uint8_t)(0x80 | (size - 1));
	for (i = 0; i < size - 1; i++)
		out[2 + i] = (uint8_t)(len >> (8 * (size - 2 - i)));
	return 1 + size;
}

static size_t der_put(uint8_t *out, uint8_t tag, const uint8_t *content,
		      size_t len)
{
	size_t head = der_header(out, tag, len);

	memcpy(out + head, content, len);
	return head + len;
}

int ncr_ec_pub_spki(const struct ncr_ec_pub *pub, uint8_t *out,
		    size_t *len)
{
	uint8_t point[NCR_EC_MAX_POINT];
	const struct ec_curve *c = ec_key_curve(pub->curve);
	const uint8_t *curve_oid;
	size_t curve_oid_len, point_len, alg_len, bits_len, total, pos;
	int ret;

	if (!c)
		return ec_curve_tables_ready() ? -EINVAL : -EIO;
	if (c->id == NCR_EC_P256) {
		curve_oid = oid_prime256v1;
		curve_oid_len = sizeof(oid_prime256v1);
	} else {
		curve_oid = oid_secp384r1;
		curve_oid_len = sizeof(oid_secp384r1);
	}
	point_len = 1 + 2 * (size_t)c->bytes;
	alg_len = der_tlv_size(sizeof(oid_ec_public_key)) +
		  der_tlv_size(curve_oid_len);
	bits_len = 1 + point_len;
	total = der_tlv_size(der_tlv_size(alg_len) + der_tlv_size(bits_len));
	if (*len < total) {
		*len = total;
		return -EINVAL;
	}
	ret = ncr_ec_pub_export(pub, point, point_len);
	if (ret)
		return ret;

	pos = der_header(out, DER_SEQUENCE,
			 der_tlv_size(alg_len) + der_tlv_size(bits_len));
	pos += der_header(out + pos, DER_SEQUENCE, alg_len);
	pos += der_put(out + pos, DER_OID, oid_ec_public_key,
		       sizeof(oid_ec_public_key));
	pos += der_put(out + pos, DER_OID, curve_oid, curve_oid_len);
	pos += der_header(out + pos, DER_BIT_STRING, bits_len);
	out[pos++] = 0;		/* no unused bits */
	memcpy(out + pos, point, point_len);
	pos += point_len;
	*len = pos;
	return 0;
}
