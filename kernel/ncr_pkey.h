/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the public-key types share: SubjectPublicKeyInfo encoding of the
 * simple (OKP) keys, and the per-family entry points the algorithm classes
 * (ncr_sig.c, ncr_pkenc.c, ncr_kpp.c) call.
 */
#ifndef NCR_PKEY_H
#define NCR_PKEY_H

#include <linux/types.h>

struct ncr_key;

/* RFC 8410 algorithm identifiers. */
enum ncr_okp_oid {
	NCR_OID_X25519 = 110,	/* 1.3.101.110 */
	NCR_OID_ED25519 = 112,	/* 1.3.101.112 */
};

/* An Ed25519 or X25519 public key as KEY_EXPORT's flag asks (raw or
 * SPKI) into buf: its length, or EINVAL for another flag. */
int ncr_pkey_okp_public(enum ncr_okp_oid oid, const u8 pub[32], u32 flags,
			u8 *buf);

/* Key agreement: secret gets at most NCR_SECRET_MAX bytes. */
#define NCR_SECRET_MAX 66
int ncr_x25519_derive(const struct ncr_key *key, const u8 *peer, u32 peer_len,
		      u8 *secret, u32 *secret_len);

#endif /* NCR_PKEY_H */
