/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ECDSA and ECDH on the NIST curves P-256 and P-384 (FIPS 186-5,
 * SP 800-186, SP 800-56A, SEC 1, RFC 6979), for ncrypto's kernel keys.
 *
 * Setup: ncr_ec_init() once before anything else (the module calls it at
 * load): it fills the fixed-base tables (168 KiB of static memory, tens of
 * milliseconds). Every other function returns -EIO until it has run.
 *
 * Keys are flat, fixed-size structs (no pointers) that the embedder
 * allocates, copies and wipes as one block; their contents are internal
 * (little-endian 64-bit limbs) and only the functions below read them. A
 * struct ncr_ec_pub only ever holds a validated point; a struct
 * ncr_ec_priv holds a scalar 1 <= d <= n - 1 and its public point d G.
 *
 * Big numbers cross this interface as big-endian byte strings of the
 * curve's length L (32 for P-256, 48 for P-384):
 *   public point   SEC 1 uncompressed 04 || X || Y (1 + 2L bytes), or, on
 *                  import, compressed 02/03 || X (1 + L bytes);
 *   private scalar d, L bytes;
 *   signature      r || s, 2L bytes (IEEE P1363);
 *   shared secret  the x-coordinate of d Q, L bytes.
 *
 * The larger temporaries (a table of 16 points) live in a struct
 * ncr_ec_work that the caller provides (uninitialised, 2304 bytes; the
 * functions wipe it before returning); stack frames stay under 1 KiB.
 *
 * Errors (negative errno values):
 *   -EINVAL       unknown curve, wrong length, malformed encoding, mixed
 *                 curves, a hash id ncr_pk_hash() does not know;
 *                 ncr_ec_ecdh(): a shared point at infinity (impossible
 *                 for validated keys on these prime-order curves, checked
 *                 anyway);
 *   -ERANGE       a private scalar outside [1, n - 1];
 *   -EKEYREJECTED a public point that fails validation (SP 800-56A
 *                 5.6.2.3.3: a coordinate >= p, not on the curve, or the
 *                 point at infinity), or a pairwise consistency test that
 *                 fails after key generation or import;
 *   -EBADMSG      ncr_ec_verify(): any bad signature (r or s zero or
 *                 >= n included);
 *   -EIO          ncr_ec_init() has not run, or a signature failed its own
 *                 verification before leaving ncr_ec_sign() (fault check);
 *   plus what ncr_pk_hash() and ncr_pk_random() return.
 *
 * Constant time: the field and scalar arithmetic has no branch and no
 * memory index that depends on a secret (private scalars, nonces, their
 * inverses, blinding values, intermediate points); scalar multiplication
 * uses signed 5-bit windows whose table lookups scan the whole table, and
 * complete addition formulas (Renes-Costello-Batina 2016). The nonce is
 * inverted blinded by a random factor, by Fermat's little theorem (a
 * fixed exponent). What becomes public is declassified: a signature before
 * it leaves, the verdicts of the rejection sampling in key generation and
 * RFC 6979 (which reveal only that a candidate was rejected) and of the
 * r = 0 / s = 0 checks. Verification and public-key import handle public
 * data only. tests/pk/ct_ec checks the private-key operations under
 * valgrind (tests/pk/README.md).
 */
#ifndef NCR_EC_H
#define NCR_EC_H

#include "pk_env.h"

#ifdef __cplusplus
extern "C" {
#endif

enum ncr_ec_curve {
	NCR_EC_P256 = 1,
	NCR_EC_P384 = 2,
};

#define NCR_EC_MAX_BYTES 48			/* L of P-384 */
#define NCR_EC_MAX_POINT (1 + 2 * NCR_EC_MAX_BYTES)
#define NCR_EC_MAX_SIG (2 * NCR_EC_MAX_BYTES)
#define NCR_EC_MAX_SPKI 120			/* P-384's SubjectPublicKeyInfo */
#define NCR_EC_LIMBS 6

struct ncr_ec_pub {
	uint32_t curve;				/* enum ncr_ec_curve */
	uint32_t reserved;			/* zero */
	uint64_t x[NCR_EC_LIMBS];		/* affine, < p */
	uint64_t y[NCR_EC_LIMBS];
};

struct ncr_ec_priv {
	uint32_t curve;				/* enum ncr_ec_curve */
	uint32_t reserved;			/* zero */
	uint64_t d[NCR_EC_LIMBS];		/* 1 <= d <= n - 1 */
	struct ncr_ec_pub pub;			/* d G */
};

struct ncr_ec_work {
	uint64_t space[16 * 3 * NCR_EC_LIMBS];	/* 16 projective points */
};

/* Fills the fixed-base tables; idempotent, not thread-safe. Returns 0. */
int ncr_ec_init(void);

/* L for @curve (32 or 48), or 0 for an unknown curve. */
size_t ncr_ec_curve_bytes(enum ncr_ec_curve curve);

/*
 * Imports and validates a public point (SEC 1 2.3.4; SP 800-56A
 * 5.6.2.3.3 full validation): 04 || X || Y, or 02/03 || X (the square
 * root exists: p = 3 mod 4 for both curves). -EINVAL for a bad length or
 * first byte, -EKEYREJECTED for a point that is not on the curve (or X with
 * no square root) or a coordinate >= p.
 */
int ncr_ec_pub_import(struct ncr_ec_pub *pub, enum ncr_ec_curve curve,
		      const uint8_t *point, size_t len);

/* Writes 04 || X || Y; @len must be exactly 1 + 2L (else -EINVAL). */
int ncr_ec_pub_export(const struct ncr_ec_pub *pub, uint8_t *out,
		      size_t len);

/*
 * Writes the DER SubjectPublicKeyInfo (RFC 5480: id-ecPublicKey with the
 * namedCurve OID, the uncompressed point) into @out of *@len bytes and sets
 * *@len to its length (91 for P-256, 120 for P-384). -EINVAL if *@len is
 * too small (*@len is set to the length needed).
 */
int ncr_ec_pub_spki(const struct ncr_ec_pub *pub, uint8_t *out,
		    size_t *len);

/*
 * Imports a private scalar d (big-endian): exactly L bytes, or fewer (a
 * value with its leading zero bytes left out); more than L bytes is
 * -EINVAL, d = 0 or d >= n is -ERANGE. Computes the public point d G and
 * runs the pairwise consistency test (a signature verified with it).
 */
int ncr_ec_priv_import(struct ncr_ec_priv *priv, enum ncr_ec_curve curve,
		       const uint8_t *d, size_t len, struct ncr_ec_work *work);

/*
 * Generates a key pair (FIPS 186-5 A.2.2, rejection sampling: L random
 * bytes c until c <= n - 2, d = c + 1) with ncr_pk_random(), then runs the
 * pairwise consistency test.
 */
int ncr_ec_priv_generate(struct ncr_ec_priv *priv, enum ncr_ec_curve curve,
			 struct ncr_ec_work *work);

/* Writes d as exactly L = @len big-endian bytes (else -EINVAL). */
int ncr_ec_priv_export(const struct ncr_ec_priv *priv, uint8_t *out,
		       size_t len);

/*
 * ECDSA signature (FIPS 186-5 6.4.1) of the digest @hash of @hash_len bytes
 * (1..NCR_PK_HASH_MAX; truncated to the order's bit length by bits2int),
 * with the nonce of RFC 6979 section 3.2 computed with HMAC-@hash_id. The
 * caller's @extra (0..NCR_PK_HASH_MAX bytes, may be NULL when empty) joins
 * the HMAC-DRBG seed as RFC 6979 section 3.6 allows, after
 * int2octets(d) || bits2octets(h1): extra_len = 0 gives the deterministic
 * nonces of RFC 6979 (its test vectors), random extra bytes give hedged
 * signatures. @sig gets r || s, @sig_len must be 2L. The signature is
 * verified with the key's public point before it is returned (-EIO if
 * that fails: a fault).
 */
int ncr_ec_sign(const struct ncr_ec_priv *priv, enum ncr_pk_hash_id hash_id,
		const uint8_t *hash, size_t hash_len, const uint8_t *extra,
		size_t extra_len, uint8_t *sig, size_t sig_len,
		struct ncr_ec_work *work);

/*
 * ECDSA verification (FIPS 186-5 6.4.2) of r || s (@sig_len = 2L, else
 * -EINVAL) over the digest @hash (1..NCR_PK_HASH_MAX bytes). 0 for a good
 * signature, -EBADMSG for any other. Variable time (public data only).
 */
int ncr_ec_verify(const struct ncr_ec_pub *pub, const uint8_t *hash,
		  size_t hash_len, const uint8_t *sig, size_t sig_len,
		  struct ncr_ec_work *work);

/*
 * ECDH (SP 800-56A 5.7.1.2, cofactor 1): @out = x(d Q) as L = @len
 * big-endian bytes for the validated peer point Q on the same curve.
 */
int ncr_ec_ecdh(const struct ncr_ec_priv *priv, const struct ncr_ec_pub *peer,
		uint8_t *out, size_t len, struct ncr_ec_work *work);

#ifdef __cplusplus
}
#endif

#endif /* NCR_EC_H */
