// SPDX-License-Identifier: GPL-2.0
/*
 * Ed25519 keys, signing and verification (RFC 8032 5.1); the interface and
 * its rules are documented in ed25519.h.
 */
#include "ed25519.h"
#include "ed25519_sc.h"

/* RFC 8410: SEQUENCE (42) { SEQUENCE (5) { OID 1.3.101.112 }, BIT STRING (33) { 0 unused bits, A } } */
static const uint8_t spki_prefix[12] = {
	0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
};

/* Signed and verified after every key derivation (the consistency test). */
static const uint8_t pct_message[] = "ncrypto ed25519 pairwise consistency test";

/* out = SHA-512(a || b || msg) mod L (b may be NULL). */
static int hash_to_scalar(uint8_t out[32], const uint8_t a[32], const uint8_t *b,
			  const uint8_t *msg, size_t msg_len)
{
	struct ncr_pk_buf parts[3];
	uint8_t digest[64];
	unsigned int n = 0;
	int err;

	parts[n].data = a;
	parts[n++].len = 32;
	if (b) {
		parts[n].data = b;
		parts[n++].len = 32;
	}
	parts[n].data = msg;
	parts[n++].len = msg_len;
	err = ncr_pk_hash(NCR_PK_SHA512, parts, n, digest);
	if (!err)
		ncr_ed25519_sc_reduce64(out, digest);
	ncr_pk_wipe(digest, sizeof(digest));
	return err;
}

int ncr_ed25519_pub_import(struct ncr_ed25519_pub *pub, const uint8_t *key, size_t key_len)
{
	struct ncr_ed25519_ge_ext a;
	int err;

	if (key_len != NCR_ED25519_PUB_LEN)
		return -EINVAL;
	err = ncr_ed25519_ge_decode(&a, key);
	if (err)
		return err;
	memcpy(pub->key, key, NCR_ED25519_PUB_LEN);
	ncr_ed25519_ge_neg(&a, &a);
	ncr_ed25519_ge_odd_multiples(pub->neg_a_odd, &a);
	return 0;
}

void ncr_ed25519_pub_spki(const struct ncr_ed25519_pub *pub, uint8_t out[NCR_ED25519_SPKI_LEN])
{
	memcpy(out, spki_prefix, sizeof(spki_prefix));
	memcpy(out + sizeof(spki_prefix), pub->key, NCR_ED25519_PUB_LEN);
}

static int pairwise_consistency_test(const struct ncr_ed25519_priv *priv)
{
	uint8_t sig[NCR_ED25519_SIG_LEN];
	int err;

	/* ncr_ed25519_sign() verifies what it signed: -EIO if that fails. */
	err = ncr_ed25519_sign(priv, pct_message, sizeof(pct_message) - 1, sig);
	ncr_pk_wipe(sig, sizeof(sig));
	return err;
}

/*
 * RFC 8032 5.1.5: h = SHA-512(seed); s = h[0..31] with bits 0-2 and 255
 * cleared and bit 254 set; prefix = h[32..63]; A = [s]B.
 */
int ncr_ed25519_priv_import(struct ncr_ed25519_priv *priv, const uint8_t *seed,
			    size_t seed_len)
{
	struct ncr_pk_buf part = { seed, seed_len };
	struct ncr_ed25519_ge_ext a;
	uint8_t digest[64], key[NCR_ED25519_PUB_LEN];
	int err;

	if (seed_len != NCR_ED25519_SEED_LEN)
		return -EINVAL;
	err = ncr_pk_hash(NCR_PK_SHA512, &part, 1, digest);
	if (err)
		goto out;
	memcpy(priv->seed, seed, NCR_ED25519_SEED_LEN);
	memcpy(priv->scalar, digest, 32);
	priv->scalar[0] &= 0xf8;
	priv->scalar[31] &= 0x7f;
	priv->scalar[31] |= 0x40;
	memcpy(priv->prefix, digest + 32, 32);

	ncr_ed25519_ge_scalarmult_base(&a, priv->scalar);
	ncr_ed25519_ge_encode(key, &a);
	/* The public key is public from here on. */
	ncr_pk_declassify(key, sizeof(key));
	/* Decoding our own encoding only fails after a fault. */
	err = ncr_ed25519_pub_import(&priv->pub, key, sizeof(key));
	if (err) {
		err = -EIO;
		goto out;
	}
	err = pairwise_consistency_test(priv);
out:
	if (err)
		ncr_pk_wipe(priv, sizeof(*priv));
	ncr_pk_wipe(digest, sizeof(digest));
	ncr_pk_wipe(&a, sizeof(a));
	return err;
}

int ncr_ed25519_generate(struct ncr_ed25519_priv *priv)
{
	uint8_t seed[NCR_ED25519_SEED_LEN];
	int err;

	err = ncr_pk_random(seed, sizeof(seed));
	if (!err)
		err = ncr_ed25519_priv_import(priv, seed, sizeof(seed));
	ncr_pk_wipe(seed, sizeof(seed));
	return err;
}

/* RFC 8032 5.1.6. */
int ncr_ed25519_sign_unchecked(const struct ncr_ed25519_priv *priv, const uint8_t *msg,
			       size_t msg_len, uint8_t sig[NCR_ED25519_SIG_LEN])
{
	struct ncr_ed25519_ge_ext big_r;
	uint8_t r[32], k[32];
	int err;

	err = hash_to_scalar(r, priv->prefix, NULL, msg, msg_len);
	if (err)
		goto out;
	ncr_ed25519_ge_scalarmult_base(&big_r, r);
	ncr_ed25519_ge_encode(sig, &big_r);
	err = hash_to_scalar(k, sig, priv->pub.key, msg, msg_len);
	if (err)
		goto out;
	ncr_ed25519_sc_muladd(sig + 32, k, priv->scalar, r);
	ncr_pk_declassify(sig, NCR_ED25519_SIG_LEN);
out:
	if (err)
		ncr_pk_wipe(sig, NCR_ED25519_SIG_LEN);
	ncr_pk_wipe(&big_r, sizeof(big_r));
	ncr_pk_wipe(r, sizeof(r));
	ncr_pk_wipe(k, sizeof(k));
	return err;
}

int ncr_ed25519_sign(const struct ncr_ed25519_priv *priv, const uint8_t *msg, size_t msg_len,
		     uint8_t sig[NCR_ED25519_SIG_LEN])
{
	int err;

	err = ncr_ed25519_sign_unchecked(priv, msg, msg_len, sig);
	if (err)
		return err;
	err = ncr_ed25519_verify(&priv->pub, msg, msg_len, sig, NCR_ED25519_SIG_LEN);
	if (err) {
		ncr_pk_wipe(sig, NCR_ED25519_SIG_LEN);
		return err == -EBADMSG ? -EIO : err;
	}
	return 0;
}

/* RFC 8032 5.1.7, cofactorless: enc([S]B + [k](-A)) must be R's 32 bytes. */
int ncr_ed25519_verify(const struct ncr_ed25519_pub *pub, const uint8_t *msg, size_t msg_len,
		       const uint8_t *sig, size_t sig_len)
{
	struct ncr_ed25519_ge_ext r_check;
	uint8_t k[32], r_bytes[32];
	int err;

	if (sig_len != NCR_ED25519_SIG_LEN || !ncr_ed25519_sc_is_canonical(sig + 32))
		return -EBADMSG;
	err = hash_to_scalar(k, sig, pub->key, msg, msg_len);
	if (err)
		return err;
	ncr_ed25519_ge_double_scalarmult_vartime(&r_check, sig + 32, pub->neg_a_odd, k);
	ncr_ed25519_ge_encode(r_bytes, &r_check);
	return memcmp(r_bytes, sig, 32) ? -EBADMSG : 0;
}
