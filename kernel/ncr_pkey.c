// SPDX-License-Identifier: GPL-2.0
/* What the public-key types share (ncr_pkey.h). */
#include <linux/errno.h>
#include <linux/string.h>

#include <linux/ncrypto.h>

#include "ncr_pkey.h"

/*
 * RFC 8410 SubjectPublicKeyInfo of a 32-byte key:
 *   SEQUENCE { SEQUENCE { OID 1.3.101.oid } BIT STRING { 0 unused, key } }
 * Always 44 bytes: a fixed 12-byte prefix, the OID's last arc in byte 8.
 */
int ncr_pkey_okp_public(enum ncr_okp_oid oid, const u8 pub[32], u32 flags,
			u8 *buf)
{
	static const u8 prefix[12] = {
		0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x00,
		0x03, 0x21, 0x00,
	};

	switch (flags) {
	case NCRYPTO_EXPORT_F_PUBLIC_RAW:
		memcpy(buf, pub, 32);
		return 32;
	case NCRYPTO_EXPORT_F_PUBLIC_SPKI:
		memcpy(buf, prefix, sizeof(prefix));
		buf[8] = oid;
		memcpy(buf + sizeof(prefix), pub, 32);
		return sizeof(prefix) + 32;
	default:
		return -EINVAL;
	}
}
