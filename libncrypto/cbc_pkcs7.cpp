// SPDX-License-Identifier: LGPL-2.1-or-later
//
// AES-CBC with PKCS#7 padding: the padding is done here, the cipher in the
// kernel (which only knows unpadded CBC), each call still one ioctl.
//
// Decryption checks the padding in constant time: every one of the last 16
// bytes is examined whatever the padding length, with masks instead of
// branches, so the time taken does not tell a padding-oracle attacker which
// byte was wrong. Only the final verdict is a branch.
#include <cstring>
#include <string.h> // explicit_bzero

#include "handle.hpp"

using namespace ncrypto_impl;

namespace {

constexpr size_t BLOCK = 16;

// 0xff if a == b, else 0, without a branch.
inline uint8_t ct_eq(uint32_t a, uint32_t b) noexcept
{
	uint32_t x = a ^ b;
	return static_cast<uint8_t>(((x | (0u - x)) >> 31) - 1u);
}

// 0xff if a < b (both < 2^31), else 0, without a branch.
inline uint8_t ct_lt(uint32_t a, uint32_t b) noexcept
{
	return static_cast<uint8_t>(0u - ((a - b) >> 31));
}

// Returns 0xff if the last block of buf[0..n) ends in valid PKCS#7 padding
// (n >= 16), and the padding length through *pad (garbage if invalid).
uint8_t check_padding(const uint8_t *buf, size_t n, size_t *pad) noexcept
{
	uint32_t p = buf[n - 1];
	uint8_t good = static_cast<uint8_t>(~ct_eq(p, 0) & ct_lt(p, BLOCK + 1));
	for (uint32_t i = 0; i < BLOCK; i++) {
		uint8_t in_pad = ct_lt(i, p); // byte n-1-i belongs to the padding
		good &= static_cast<uint8_t>(~in_pad | ct_eq(buf[n - 1 - i], p));
	}
	*pad = p;
	return good;
}

int cbc_op(const ncrypto_key_st &k, uint32_t type, const uint8_t *iv,
	   size_t iv_len, const uint8_t *src, uint8_t *dst, size_t len)
{
	abi::Op a;
	a.op = type;
	a.alg = NCRYPTO_ALG_AES_CBC;
	a.key = k.handle;
	a.iv = {iv, clamp_u32(iv_len)};
	a.src = {src, static_cast<uint32_t>(len)};
	a.dst = {dst, static_cast<uint32_t>(len)};
	struct ncrypto_op op;
	abi::op(op, a);
	return xioctl(*k.dev, NCRYPTO_IOC_OP, &op);
}

int pkcs7_encrypt(const ncrypto_key_st &k, const uint8_t *iv, size_t iv_len,
		  const uint8_t *in, size_t in_len, uint8_t *out,
		  size_t *out_len)
{
	if (!out_len || bad_buf(in, in_len) || bad_buf(iv, iv_len) ||
	    check_iv_direction(&k, NCRYPTO_OP_ENCRYPT, false) != NCRYPTO_OK)
		return NCRYPTO_E_INVALID_ARG;
	if (in_len > UINT32_MAX - BLOCK)
		return NCRYPTO_E_TOO_BIG;
	size_t padded = (in_len / BLOCK + 1) * BLOCK;
	if (*out_len < padded || !out) {
		*out_len = padded;
		return NCRYPTO_E_BUFFER_TOO_SMALL;
	}
	// Pad in the output buffer, then encrypt it in place: one ioctl.
	std::memmove(out, in, in_len);
	std::memset(out + in_len, static_cast<int>(padded - in_len), padded - in_len);
	int rc = cbc_op(k, NCRYPTO_OP_ENCRYPT, iv, iv_len, out, out, padded);
	if (rc != NCRYPTO_OK) {
		// Do not leave a plaintext copy behind (unless it is the input).
		if (out != in)
			explicit_bzero(out, padded);
		return rc;
	}
	*out_len = padded;
	return NCRYPTO_OK;
}

int pkcs7_decrypt(const ncrypto_key_st &k, const uint8_t *iv, size_t iv_len,
		  const uint8_t *in, size_t in_len, uint8_t *out,
		  size_t *out_len)
{
	if (!out_len || bad_buf(in, in_len) || bad_buf(iv, iv_len))
		return NCRYPTO_E_INVALID_ARG;
	if (in_len == 0 || in_len % BLOCK != 0)
		return NCRYPTO_E_INVALID_ARG; // not CBC ciphertext: public fact
	if (!fits_u32(in_len))
		return NCRYPTO_E_TOO_BIG;
	// The whole padded plaintext lands in out before the padding is known.
	if (*out_len < in_len || !out) {
		*out_len = in_len;
		return NCRYPTO_E_BUFFER_TOO_SMALL;
	}
	int rc = cbc_op(k, NCRYPTO_OP_DECRYPT, iv, iv_len, in, out, in_len);
	if (rc != NCRYPTO_OK)
		return rc;
	size_t pad;
	if (check_padding(out, in_len, &pad) != 0xff) {
		explicit_bzero(out, in_len);
		return NCRYPTO_E_BAD_PADDING;
	}
	*out_len = in_len - pad;
	return NCRYPTO_OK;
}

} // namespace

extern "C" {

int ncrypto_cbc_pkcs7_encrypt(ncrypto_key_t key, const uint8_t *iv,
			      size_t iv_len, const uint8_t *in, size_t in_len,
			      uint8_t *out, size_t *out_len)
{
	return with(key, [&](ncrypto_key_st &k) -> int {
		return pkcs7_encrypt(k, iv, iv_len, in, in_len, out, out_len);
	});
}

int ncrypto_cbc_pkcs7_decrypt(ncrypto_key_t key, const uint8_t *iv,
			      size_t iv_len, const uint8_t *in, size_t in_len,
			      uint8_t *out, size_t *out_len)
{
	return with(key, [&](ncrypto_key_st &k) -> int {
		return pkcs7_decrypt(k, iv, iv_len, in, in_len, out, out_len);
	});
}

} // extern "C"
