// SPDX-License-Identifier: LGPL-2.1-or-later
//
// One-shot operations: the per-record hot path. Each is exactly one
// NCRYPTO_IOC_OP on a struct on the stack: no heap allocation, no lock.
#include "handle.hpp"

using namespace ncrypto_impl;

namespace {

struct Buf {
	const void *p;
	size_t n;
};

// Validate and fill the common fields. Returns NCRYPTO_OK or an error code
// without touching the kernel.
int prepare(abi::Op &op, uint32_t type, uint32_t alg, uint32_t key, Buf iv, Buf aad, Buf src,
	    uint8_t *dst, const size_t *dst_len)
{
	if (bad_buf(iv.p, iv.n) || bad_buf(aad.p, aad.n) ||
	    bad_buf(src.p, src.n) || (dst_len && bad_buf(dst, *dst_len)))
		return NCRYPTO_E_INVALID_ARG;
	if (!fits_u32(src.n) || !fits_u32(aad.n))
		return NCRYPTO_E_TOO_BIG;
	if (!fits_u32(iv.n))
		return NCRYPTO_E_INVALID_ARG;
	op = abi::Op();
	op.op = type;
	op.alg = alg;
	op.key = key;
	op.iv = {iv.p, static_cast<uint32_t>(iv.n)};
	op.aad = {aad.p, static_cast<uint32_t>(aad.n)};
	op.src = {src.p, static_cast<uint32_t>(src.n)};
	op.dst = {dst, dst_len ? clamp_u32(*dst_len) : 0};
	return NCRYPTO_OK;
}

// Issue the op and report the output length on success and on ENOSPC
// (where the kernel wrote the length it needs).
int run(const Device &dev, const abi::Op &a, size_t *dst_len) noexcept
{
	struct ncrypto_op op;
	abi::op(op, a);
	int rc = xioctl(dev, NCRYPTO_IOC_OP, &op);
	if (dst_len && (rc == NCRYPTO_OK || rc == NCRYPTO_E_BUFFER_TOO_SMALL))
		*dst_len = op.dst_len;
	return rc;
}

int set_tag(abi::Op &op, const uint8_t *tag, size_t tag_len)
{
	if (bad_buf(tag, tag_len) || !fits_u32(tag_len))
		return NCRYPTO_E_INVALID_ARG;
	op.tag = {tag, static_cast<uint32_t>(tag_len)};
	return NCRYPTO_OK;
}

// The keyed ops with an output: cipher, MAC, AEAD (`tag` given: its
// buffer, read or written by the kernel). iv_out: the caller's iv is the
// output of a kernel-made nonce.
int keyed_op(ncrypto_key_t key, uint32_t type, uint32_t alg, Buf iv, Buf aad, Buf in,
	     uint8_t *out, size_t *out_len, const Buf *tag, bool iv_out = false)
{
	return with(key, [&](ncrypto_key_st &k) -> int {
		abi::Op op;
		if (!out_len)
			return NCRYPTO_E_INVALID_ARG;
		int rc = check_iv_direction(&k, type, iv_out);
		if (rc == NCRYPTO_OK)
			rc = prepare(op, type, alg, k.handle, iv, aad, in, out, out_len);
		if (rc == NCRYPTO_OK && tag)
			rc = set_tag(op, static_cast<const uint8_t *>(tag->p), tag->n);
		return rc ? rc : run(*k.dev, op, out_len);
	});
}

} // namespace

extern "C" {

int ncrypto_hash(ncrypto_ctx_t ctx, uint32_t alg, const uint8_t *in,
		 size_t in_len, uint8_t *out, size_t *out_len)
{
	return with(ctx, [&](ncrypto_ctx_st &c) -> int {
		abi::Op op;
		if (!out_len)
			return NCRYPTO_E_INVALID_ARG;
		int rc = prepare(op, NCRYPTO_OP_DIGEST, alg, 0, {}, {}, {in, in_len}, out, out_len);
		return rc ? rc : run(*c.dev, op, out_len);
	});
}

int ncrypto_mac(ncrypto_key_t key, uint32_t alg, const uint8_t *in,
		size_t in_len, uint8_t *out, size_t *out_len)
{
	return keyed_op(key, NCRYPTO_OP_SIGN, alg, {}, {}, {in, in_len}, out, out_len, nullptr);
}

int ncrypto_mac_verify(ncrypto_key_t key, uint32_t alg, const uint8_t *in,
		       size_t in_len, const uint8_t *tag, size_t tag_len)
{
	return with(key, [&](ncrypto_key_st &k) -> int {
		abi::Op op;
		int rc = prepare(op, NCRYPTO_OP_VERIFY, alg, k.handle, {}, {}, {in, in_len}, nullptr, nullptr);
		if (rc == NCRYPTO_OK)
			rc = set_tag(op, tag, tag_len);
		return rc ? rc : run(*k.dev, op, nullptr);
	});
}

int ncrypto_encrypt(ncrypto_key_t key, uint32_t alg, const uint8_t *iv,
		    size_t iv_len, const uint8_t *in, size_t in_len,
		    uint8_t *out, size_t *out_len)
{
	return keyed_op(key, NCRYPTO_OP_ENCRYPT, alg, {iv, iv_len}, {}, {in, in_len}, out, out_len,
			nullptr);
}

int ncrypto_decrypt(ncrypto_key_t key, uint32_t alg, const uint8_t *iv,
		    size_t iv_len, const uint8_t *in, size_t in_len,
		    uint8_t *out, size_t *out_len)
{
	return keyed_op(key, NCRYPTO_OP_DECRYPT, alg, {iv, iv_len}, {}, {in, in_len}, out, out_len,
			nullptr);
}

int ncrypto_aead_encrypt(ncrypto_key_t key, uint32_t alg, const uint8_t *nonce,
			 size_t nonce_len, const uint8_t *aad, size_t aad_len,
			 const uint8_t *in, size_t in_len, uint8_t *out,
			 size_t *out_len, uint8_t *tag, size_t tag_len)
{
	Buf t{tag, tag_len};
	return keyed_op(key, NCRYPTO_OP_ENCRYPT, alg, {nonce, nonce_len}, {aad, aad_len}, {in, in_len},
			out, out_len, &t);
}

int ncrypto_aead_decrypt(ncrypto_key_t key, uint32_t alg, const uint8_t *nonce,
			 size_t nonce_len, const uint8_t *aad, size_t aad_len,
			 const uint8_t *in, size_t in_len, const uint8_t *tag,
			 size_t tag_len, uint8_t *out, size_t *out_len)
{
	Buf t{tag, tag_len};
	return keyed_op(key, NCRYPTO_OP_DECRYPT, alg, {nonce, nonce_len}, {aad, aad_len}, {in, in_len},
			out, out_len, &t);
}

int ncrypto_encrypt_gen_nonce(ncrypto_key_t key, uint32_t alg, uint8_t *iv, size_t iv_len,
			      const uint8_t *in, size_t in_len, uint8_t *out, size_t *out_len)
{
	return keyed_op(key, NCRYPTO_OP_ENCRYPT, alg, {iv, iv_len}, {}, {in, in_len}, out, out_len,
			nullptr, true);
}

int ncrypto_aead_encrypt_gen_nonce(ncrypto_key_t key, uint32_t alg, uint8_t *nonce,
				   size_t nonce_len, const uint8_t *aad, size_t aad_len,
				   const uint8_t *in, size_t in_len, uint8_t *out,
				   size_t *out_len, uint8_t *tag, size_t tag_len)
{
	Buf t{tag, tag_len};
	return keyed_op(key, NCRYPTO_OP_ENCRYPT, alg, {nonce, nonce_len}, {aad, aad_len},
			{in, in_len}, out, out_len, &t, true);
}

} // extern "C"
