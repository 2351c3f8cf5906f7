// SPDX-License-Identifier: GPL-2.0
/*
 * X25519 keys (RFC 7748) and their key agreement, on the kernel's own
 * lib/crypto curve25519 (formally verified, constant-time). The private key
 * is the 32-byte string of RFC 7748, kept as given (curve25519() clamps it
 * on each use, as the RFC says); the public key is computed once at
 * creation. X25519 is not a FIPS 140-3 approved scheme: no generation and
 * no agreement in FIPS mode.
 */
#include <linux/string.h>
#include <crypto/algapi.h>
#include <crypto/curve25519.h>

#include "ncr_key.h"
#include "ncr_keyparts.h"
#include "ncr_keytype.h"
#include "ncr_pkey.h"
#include "ncr_rng.h"

struct ncr_x25519_key {
	u8 priv[CURVE25519_KEY_SIZE];
	u8 pub[CURVE25519_KEY_SIZE];
};

/*
 * The public key, and the pairwise consistency test SP 800-56A asks of a
 * new key pair: the public key recomputed must match and be a valid point
 * (curve25519_generate_public refuses an all-zero result).
 */
static int ncr_x25519_complete(struct ncr_x25519_key *k)
{
	u8 again[CURVE25519_KEY_SIZE];
	int err = 0;

	if (!curve25519_generate_public(k->pub, k->priv) ||
	    !curve25519_generate_public(again, k->priv) ||
	    crypto_memneq(again, k->pub, sizeof(again)))
		err = -EKEYREJECTED;
	memzero_explicit(again, sizeof(again));
	return err;
}

static int ncr_x25519_generate(struct ncr_key *key)
{
	struct ncr_x25519_key *k = (struct ncr_x25519_key *)key->material;
	int err = ncr_rng_bytes(k->priv, sizeof(k->priv));

	return err ? err : ncr_x25519_complete(k);
}

static int ncr_x25519_import(struct ncr_key *key,
			     const struct ncr_key_parts *p)
{
	struct ncr_x25519_key *k = (struct ncr_x25519_key *)key->material;
	int err = ncr_key_parts_expect(p, BIT(NCRYPTO_PART_OKP_PRIVATE), 0);

	if (err)
		return err;
	if (p->len[NCRYPTO_PART_OKP_PRIVATE] != CURVE25519_KEY_SIZE)
		return -EINVAL;
	memcpy(k->priv, p->val[NCRYPTO_PART_OKP_PRIVATE], sizeof(k->priv));
	return ncr_x25519_complete(k);
}

static int ncr_x25519_export_public(const struct ncr_key *key, u32 flags,
				    u8 *buf)
{
	const struct ncr_x25519_key *k =
		(const struct ncr_x25519_key *)key->material;

	return ncr_pkey_okp_public(NCR_OID_X25519, k->pub, flags, buf);
}

const struct ncr_keytype ncr_keytype_x25519_private = {
	.id = NCRYPTO_KEY_TYPE_X25519_PRIVATE,
	.min_len = CURVE25519_KEY_SIZE, .max_len = CURVE25519_KEY_SIZE,
	.usage = NCRYPTO_KEY_DERIVE,
	.material_len = sizeof(struct ncr_x25519_key),
	.pk = true, .pk_private = true,
	.generate = ncr_x25519_generate,
	.import_parts = ncr_x25519_import,
	.export_public = ncr_x25519_export_public,
};

/* The shared secret with the peer's public key; EINVAL for a peer of the
 * wrong length or one whose result is all zero (a low-order point). */
int ncr_x25519_derive(const struct ncr_key *key, const u8 *peer, u32 peer_len,
		      u8 *secret, u32 *secret_len)
{
	const struct ncr_x25519_key *k =
		(const struct ncr_x25519_key *)key->material;

	if (peer_len != CURVE25519_KEY_SIZE)
		return -EINVAL;
	if (!curve25519(secret, k->priv, peer))
		return -EINVAL;
	*secret_len = CURVE25519_KEY_SIZE;
	return 0;
}
