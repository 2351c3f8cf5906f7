/* SPDX-License-Identifier: GPL-2.0 */
/*
 * RSA for ncrypto (kernel/pk/): keys, key generation and the padded
 * operations of RFC 8017 (PKCS #1 v2.2) and FIPS 186-5.
 *
 * Sizes. Private keys (generation, import, signing, decryption): moduli of
 * exactly 2048, 3072 or 4096 bits whose primes have half of that each.
 * Public keys (verification, encryption): any modulus from the caller's
 * @min_bits (1024 at least) to 4096 bits; the embedder picks the floor (for
 * instance 2048 for encryption under FIPS and 1024 for legacy
 * verification, SP 800-131A). The public exponent is odd with
 * 2^16 < e < 2^256 (FIPS 186-5), or 3 <= e < 2^256 with NCR_RSA_SMALL_E.
 *
 * Structs. ncr_rsa_pub and ncr_rsa_priv are flat and of fixed size (the
 * largest key), so the embedder allocates, copies and wipes each as one
 * block; a private key contains its public key (priv->pub). Every
 * operation takes a caller-allocated workspace, struct ncr_rsa_ws (about
 * 24 KiB), for its temporaries and window tables; one workspace serves one
 * operation at a time, and holds no secret after a call returns.
 *
 * Private operations (constant time: no branch and no memory index depends
 * on a secret, see mp.h and mp_mont.h):
 * - CRT with base blinding: a fresh random r per operation; the input is
 *   multiplied by r^e mod n (with the public exponent), and each half
 *   result by r^-1 mod p (resp. q), computed as r^(p-2) in the same
 *   exponentiation as the half result (ncr_mont_exp2);
 * - reductions mod p and q are Montgomery multiplications, no division;
 * - every result is raised to e and compared with the input before it
 *   leaves (a fault in the computation must not reveal a factor of n,
 *   the Bellcore attack): on a mismatch the call returns -EIO and writes
 *   nothing.
 * There is no raw (unpadded) private operation in this API.
 *
 * Errors (every function returns 0 or a negative errno):
 *   -EINVAL       lengths, sizes, hash ids or parameters the function does
 *                 not take (a signature buffer of the wrong length, a
 *                 message too long for the key, an unsupported key size);
 *   -EKEYREJECTED key components that are not a consistent RSA key (import)
 *                 or an exponent outside the policy;
 *   -EBADMSG      a signature that does not verify, a ciphertext that does
 *                 not decrypt (OAEP; a ciphertext of the wrong length or not
 *                 below n for PKCS #1 v1.5 decryption);
 *   -EIO          the fault check of a private operation failed;
 *   -EAGAIN       key generation found no prime within FIPS 186-5's bound;
 *   and whatever ncr_pk_hash() and ncr_pk_random() return.
 * Big numbers are big-endian byte strings.
 */
#ifndef NCR_RSA_H
#define NCR_RSA_H

#include "mp_mont.h"

#ifdef __cplusplus
extern "C" {
#endif

#define NCR_RSA_MAX_BITS 4096
#define NCR_RSA_MAX_BYTES (NCR_RSA_MAX_BITS / 8)
#define NCR_RSA_MIN_BITS 1024		/* smallest public modulus at all */
#define NCR_RSA_E_MAX_LIMBS 4		/* e < 2^256 */
#define NCR_RSA_HALF_LIMBS (NCR_MP_MAX_LIMBS / 2)
#define NCR_RSA_KDK_KEY_LEN 32		/* SHA-256 of d: implicit rejection */

/* Flags of the import and generation functions. */
#define NCR_RSA_SMALL_E (1u << 0)	/* also 3 <= e <= 2^16 (not FIPS) */
#define NCR_RSA_F_ALL NCR_RSA_SMALL_E

struct ncr_rsa_pub {
	struct ncr_mont mont_n;		/* n and its Montgomery constants */
	uint64_t e[NCR_RSA_E_MAX_LIMBS];
	uint32_t e_limbs;
	uint32_t bits;			/* bit length of n */
	uint32_t bytes;			/* k, the byte length of n */
};

struct ncr_rsa_priv {
	struct ncr_rsa_pub pub;
	struct ncr_mont mont_p, mont_q;	/* p, q and their Montgomery constants */
	uint64_t dp[NCR_RSA_HALF_LIMBS];	/* d mod (p - 1) */
	uint64_t dq[NCR_RSA_HALF_LIMBS];	/* d mod (q - 1) */
	uint64_t qinv[NCR_RSA_HALF_LIMBS];	/* q^-1 mod p */
	uint64_t d[NCR_MP_MAX_LIMBS];
	uint8_t kdk_key[NCR_RSA_KDK_KEY_LEN];
	uint32_t half_limbs;		/* limbs of p and of q */
};

struct ncr_rsa_ws {
	uint64_t tables[2 * NCR_MONT_TABLE * NCR_RSA_HALF_LIMBS];
	uint64_t t[10][NCR_MP_MAX_LIMBS];
	uint8_t em[NCR_RSA_MAX_BYTES];
	uint8_t buf[2][NCR_RSA_MAX_BYTES];
};

/* The components of a private key as big-endian byte strings. */
struct ncr_rsa_parts {
	struct ncr_pk_buf n, e, d, p, q, dp, dq, qinv;
};

/* ---- Keys ---- */

/*
 * Public key from n and e (leading zero bytes allowed). n: odd, @min_bits
 * (>= NCR_RSA_MIN_BITS) to 4096 bits, else -EINVAL (size) or
 * -EKEYREJECTED (even). e: odd, e < n, e < 2^256, e > 2^16 unless @flags
 * has NCR_RSA_SMALL_E (then e >= 3), else -EKEYREJECTED. Unknown flags:
 * -EINVAL.
 */
int ncr_rsa_pub_import(struct ncr_rsa_pub *pub, const uint8_t *n, size_t n_len,
		       const uint8_t *e, size_t e_len, unsigned int min_bits,
		       unsigned int flags);

/*
 * Private key from all eight components. n as for ncr_rsa_pub_import()
 * but of 2048, 3072 or 4096 bits (else -EINVAL). Then, else
 * -EKEYREJECTED: p and q odd and of exactly half n's bits, n == p * q,
 * 0 < dp < p - 1, 0 < dq < q - 1, 0 < qinv < p, d < n,
 * e * dp == 1 mod (p - 1), e * dq == 1 mod (q - 1), q * qinv == 1 mod p,
 * d == dp mod (p - 1) and d == dq mod (q - 1) (so e * d == 1 modulo both).
 * The checks are constant-time; only their overall verdict is public.
 * Primality of p and q is not tested (a composite p fails the fault check
 * of every private operation). @ws: temporaries.
 */
int ncr_rsa_priv_import(struct ncr_rsa_priv *priv, const struct ncr_rsa_parts *parts,
			unsigned int flags, struct ncr_rsa_ws *ws);

/*
 * n (k = pub->bytes bytes, into @n of @n_size >= k) and e (minimal length,
 * into @e of @e_size >= 32; *e_len set). -EINVAL if a buffer is short.
 */
int ncr_rsa_pub_export(const struct ncr_rsa_pub *pub, uint8_t *n, size_t n_size,
		       uint8_t *e, size_t e_size, size_t *e_len);

/*
 * The DER SubjectPublicKeyInfo of @pub (rsaEncryption, NULL parameters,
 * RFC 8017 A.1.1 RSAPublicKey). *out_len is set to the length it needs; it
 * is written only if @out_size is enough, else -EINVAL. @out may be NULL
 * to ask for the length.
 */
int ncr_rsa_pub_spki(const struct ncr_rsa_pub *pub, uint8_t *out, size_t out_size,
		     size_t *out_len);

/* ---- Key generation (rsa_keygen.c, rsa_prime.c) ---- */

/*
 * A new key of @bits (2048, 3072 or 4096) with public exponent @e (odd,
 * 2^16 < e < 2^64; 3 <= e with NCR_RSA_SMALL_E), by FIPS 186-5 A.1.3
 * (random probable primes) and a pairwise consistency test. Constant-time
 * with respect to the primes it accepts: a rejected candidate may show in
 * the timing (how many candidates were drawn and where each failed), an
 * accepted one does not. Takes a few hundred milliseconds to seconds.
 * -EINVAL for bits or e outside the above, -EAGAIN if a prime took more
 * than 5 * bits / 2 candidates (FIPS 186-5's bound: the RNG is broken),
 * -EIO if the consistency test fails. d is e^-1 mod lcm(p - 1, q - 1).
 */
int ncr_rsa_generate(struct ncr_rsa_priv *priv, size_t bits, uint64_t e,
		     unsigned int flags, struct ncr_rsa_ws *ws);

/* ---- Signatures ---- */

/*
 * RSASSA-PKCS1-v1_5 (RFC 8017 8.2) over a digest: @digest is the hash
 * (ncr_pk_hash_len(hash) bytes) of the message under @hash, which the
 * DigestInfo names; or, with @hash 0, a complete DER DigestInfo (or any
 * string, the CKM_RSA_PKCS and TLS 1.2 usage) placed as it is. @sig has
 * k = priv->pub.bytes bytes (else -EINVAL); -EINVAL also if the encoded
 * digest does not fit (k < length + 11).
 */
int ncr_rsa_pkcs1_sign(const struct ncr_rsa_priv *priv, struct ncr_rsa_ws *ws,
		       enum ncr_pk_hash_id hash, const uint8_t *digest, size_t digest_len,
		       uint8_t *sig, size_t sig_len);

/* 0 if @sig is the PKCS #1 v1.5 signature of @digest, else -EBADMSG. */
int ncr_rsa_pkcs1_verify(const struct ncr_rsa_pub *pub, struct ncr_rsa_ws *ws,
			 enum ncr_pk_hash_id hash, const uint8_t *digest, size_t digest_len,
			 const uint8_t *sig, size_t sig_len);

/*
 * RSASSA-PSS (RFC 8017 8.1, EMSA-PSS 9.1) over @digest (the message's hash
 * under @hash), MGF1 with @mgf_hash, a random salt of @salt_len bytes
 * (ncr_pk_random). -EINVAL for a digest of the wrong length, a salt that
 * does not fit, @sig_len != k.
 */
int ncr_rsa_pss_sign(const struct ncr_rsa_priv *priv, struct ncr_rsa_ws *ws,
		     enum ncr_pk_hash_id hash, enum ncr_pk_hash_id mgf_hash, size_t salt_len,
		     const uint8_t *digest, size_t digest_len, uint8_t *sig, size_t sig_len);

/* 0 if @sig is a PSS signature of @digest with exactly @salt_len bytes of salt. */
int ncr_rsa_pss_verify(const struct ncr_rsa_pub *pub, struct ncr_rsa_ws *ws,
		       enum ncr_pk_hash_id hash, enum ncr_pk_hash_id mgf_hash, size_t salt_len,
		       const uint8_t *digest, size_t digest_len, const uint8_t *sig,
		       size_t sig_len);

/* ---- Encryption ---- */

/*
 * RSAES-OAEP (RFC 8017 7.1) with @hash for the label and MGF1 with
 * @mgf_hash. Encryption: @msg of at most k - 2 hLen - 2 bytes, @out of k
 * bytes (else -EINVAL).
 */
int ncr_rsa_oaep_encrypt(const struct ncr_rsa_pub *pub, struct ncr_rsa_ws *ws,
			 enum ncr_pk_hash_id hash, enum ncr_pk_hash_id mgf_hash,
			 const uint8_t *label, size_t label_len, const uint8_t *msg,
			 size_t msg_len, uint8_t *out, size_t out_len);

/*
 * Decryption: constant-time up to one verdict, -EBADMSG for every kind of
 * bad ciphertext alike. On success the message goes to @out (@out_size >=
 * its length, else -EINVAL) and its length to *msg_len.
 */
int ncr_rsa_oaep_decrypt(const struct ncr_rsa_priv *priv, struct ncr_rsa_ws *ws,
			 enum ncr_pk_hash_id hash, enum ncr_pk_hash_id mgf_hash,
			 const uint8_t *label, size_t label_len, const uint8_t *ct,
			 size_t ct_len, uint8_t *out, size_t out_size, size_t *msg_len);

/* RSAES-PKCS1-v1_5 encryption (RFC 8017 7.2.1): @msg of at most k - 11 bytes. */
int ncr_rsa_pkcs1_encrypt(const struct ncr_rsa_pub *pub, struct ncr_rsa_ws *ws,
			  const uint8_t *msg, size_t msg_len, uint8_t *out, size_t out_len);

/*
 * RSAES-PKCS1-v1_5 decryption with implicit rejection
 * (draft-irtf-cfrg-rsa-guidance, the Marvin countermeasure): a ciphertext
 * whose padding is wrong does not fail; it decrypts to a pseudo-random
 * message derived from the ciphertext and the key (HMAC-SHA-256 under a
 * key derived from SHA-256(d)), the same each time. The padding check and
 * the choice between the real and the synthetic message are constant-time.
 * Only public facts fail: a ciphertext not of k bytes or not below n
 * (-EBADMSG), @out_size < k - 11 (-EINVAL: the output length is not known
 * before the end). *msg_len is set to the length written.
 */
int ncr_rsa_pkcs1_decrypt(const struct ncr_rsa_priv *priv, struct ncr_rsa_ws *ws,
			  const uint8_t *ct, size_t ct_len, uint8_t *out, size_t out_size,
			  size_t *msg_len);

#ifdef __cplusplus
}
#endif

#endif /* NCR_RSA_H */
