// SPDX-License-Identifier: GPL-2.0
/*
 * The DER SubjectPublicKeyInfo of an RSA public key (RFC 5280 4.1,
 * RFC 8017 A.1.1, RFC 3279 2.3.1):
 *
 *   SEQUENCE {
 *     SEQUENCE { OBJECT IDENTIFIER rsaEncryption, NULL }
 *     BIT STRING (no unused bits) containing
 *       SEQUENCE { INTEGER n, INTEGER e }
 *   }
 *
 * A writer just for this shape: lengths first, then the bytes. Every
 * length fits two bytes (a 4096-bit key's SPKI is about 550 bytes).
 */
#include "rsa_internal.h"

#define DER_INTEGER 0x02
#define DER_BIT_STRING 0x03
#define DER_SEQUENCE 0x30

/* rsaEncryption (1.2.840.113549.1.1.1) and its NULL parameters */
static const uint8_t rsa_algorithm_id[] = {
	0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86,
	0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
};

static size_t tlv_len(size_t content)
{
	return 1 + (content < 0x80 ? 1 : content < 0x100 ? 2 : 3) + content;
}

/* Content length of the INTEGER of a minimal big-endian magnitude. */
static size_t integer_content(const uint8_t *be, size_t len)
{
	return len + (be[0] >> 7);	/* a leading 0 keeps it positive */
}

static uint8_t *put_header(uint8_t *p, uint8_t tag, size_t len)
{
	*p++ = tag;
	if (len >= 0x100) {
		*p++ = 0x82;
		*p++ = (uint8_t)(len >> 8);
	} else if (len >= 0x80) {
		*p++ = 0x81;
	}
	*p++ = (uint8_t)len;
	return p;
}

static uint8_t *put_integer(uint8_t *p, const uint8_t *be, size_t len)
{
	p = put_header(p, DER_INTEGER, integer_content(be, len));
	if (be[0] >> 7)
		*p++ = 0;
	memcpy(p, be, len);
	return p + len;
}

int ncr_rsa_pub_spki(const struct ncr_rsa_pub *pub, uint8_t *out, size_t out_size,
		     size_t *out_len)
{
	uint8_t n[NCR_RSA_MAX_BYTES], e[NCR_RSA_E_MAX_LIMBS * 8];
	size_t e_len, key_seq, bit_string, total;
	uint8_t *p = out;
	int ret;

	ret = ncr_rsa_pub_export(pub, n, sizeof(n), e, sizeof(e), &e_len);
	if (ret)
		return ret;
	key_seq = tlv_len(integer_content(n, pub->bytes)) + tlv_len(integer_content(e, e_len));
	bit_string = 1 + tlv_len(key_seq);
	total = tlv_len(sizeof(rsa_algorithm_id) + tlv_len(bit_string));
	*out_len = total;
	if (!out || out_size < total)
		return -EINVAL;

	p = put_header(p, DER_SEQUENCE, sizeof(rsa_algorithm_id) + tlv_len(bit_string));
	memcpy(p, rsa_algorithm_id, sizeof(rsa_algorithm_id));
	p += sizeof(rsa_algorithm_id);
	p = put_header(p, DER_BIT_STRING, bit_string);
	*p++ = 0;	/* unused bits */
	p = put_header(p, DER_SEQUENCE, key_seq);
	p = put_integer(p, n, pub->bytes);
	put_integer(p, e, e_len);
	return 0;
}
