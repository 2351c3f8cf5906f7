/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internals of kernel/pk/rsa*.c: the RSA primitives, the hash-based
 * helpers the paddings share, and workspace conventions. Not an API: the
 * raw private operation must stay behind the paddings.
 *
 * Workspace use: ncr_rsa_private_op() and ncr_rsa_public_op() use
 * ws->t[] and ws->tables; the paddings use ws->em and ws->buf[].
 */
#ifndef NCR_RSA_INTERNAL_H
#define NCR_RSA_INTERNAL_H

#include "rsa.h"

/*
 * out = in^e mod n, both k = pub->bytes bytes, big-endian. @in must be
 * below n (ncr_rsa_below_n()): the operation itself does not look, so that
 * encryption, whose input is secret, does not branch on it. Constant-time
 * in @in.
 */
void ncr_rsa_public_op(const struct ncr_rsa_pub *pub, struct ncr_rsa_ws *ws,
		       const uint8_t *in, uint8_t *out);

/* Whether the k-byte @in is below n (for public inputs: signatures, ciphertexts). */
bool ncr_rsa_below_n(const struct ncr_rsa_pub *pub, struct ncr_rsa_ws *ws, const uint8_t *in);

/*
 * out = in^d mod n (k bytes each) by CRT with base blinding and the fault
 * check (rsa.h). -ERANGE if in >= n (a public fact), -EIO if the check
 * fails (then @out is untouched), or ncr_pk_random()'s error.
 */
int ncr_rsa_private_op(const struct ncr_rsa_priv *priv, struct ncr_rsa_ws *ws,
		       const uint8_t *in, uint8_t *out);

/*
 * Fills the private part of @priv, whose pub is set up, from p, q, dp, dq,
 * qinv (half_limbs each) and d (n's limbs), all checked or generated:
 * Montgomery constants and the implicit rejection's key.
 */
int ncr_rsa_priv_finish(struct ncr_rsa_priv *priv, const uint64_t *p, const uint64_t *q,
			const uint64_t *dp, const uint64_t *dq, const uint64_t *qinv,
			const uint64_t *d, struct ncr_rsa_ws *ws);

/* buf ^= MGF1(seed)[0..len) (RFC 8017 B.2.1). */
int ncr_rsa_mgf1_xor(enum ncr_pk_hash_id hash, const uint8_t *seed, size_t seed_len,
		     uint8_t *buf, size_t len);

/* out = HMAC-@hash(key, parts[0] || ... ), key_len <= block length. */
int ncr_rsa_hmac(enum ncr_pk_hash_id hash, const uint8_t *key, size_t key_len,
		 const struct ncr_pk_buf *parts, unsigned int n, uint8_t *out);

/* Wipes the whole workspace (every top-level operation ends with it). */
void ncr_rsa_ws_wipe(struct ncr_rsa_ws *ws);

/* All ones if the bytes are equal, else 0; constant-time. */
uint64_t ncr_rsa_bytes_eq(const uint8_t *a, const uint8_t *b, size_t len);

#endif /* NCR_RSA_INTERNAL_H */
