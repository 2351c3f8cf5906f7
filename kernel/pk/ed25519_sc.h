/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Scalars of Ed25519: integers mod the group order
 * L = 2^252 + 27742317777372353535851937790883648493 (RFC 8032 5.1).
 * Scalars cross this interface as 32-byte little-endian strings (RFC 8032's
 * encoding); inside they are four 64-bit limbs in Montgomery arithmetic
 * with R = 2^256.
 *
 * Constant-time except ncr_ed25519_sc_is_canonical(), whose input (the S
 * of a signature being verified) is public.
 */
#ifndef NCR_ED25519_SC_H
#define NCR_ED25519_SC_H

#include "pk_env.h"

/* out = in mod L for a 64-byte little-endian integer (a SHA-512 digest). */
void ncr_ed25519_sc_reduce64(uint8_t out[32], const uint8_t in[64]);

/* out = a * b + c mod L, for any a, b, c below 2^256. */
void ncr_ed25519_sc_muladd(uint8_t out[32], const uint8_t a[32], const uint8_t b[32],
			   const uint8_t c[32]);

/* true if s < L (RFC 8032 5.1.7 rejects other S). Variable-time. */
bool ncr_ed25519_sc_is_canonical(const uint8_t s[32]);

#endif /* NCR_ED25519_SC_H */
