// SPDX-License-Identifier: LGPL-2.1-or-later
//
// One-shot operations: the per-record hot path. Each is exactly one
// NCRYPTO_IOC_OP on a struct on the stack: no heap allocation, no lock.
// The entry points pack their arguments into one Call, so the handle check
// and the guard take a single reference instead of a closure over a dozen
// arguments (tools/insn-count: the library's share of a null-cipher op).
#include "handle.hpp"

using namespace ncrypto_impl;

namespace {

struct Buf {
	const void *p;
	size_t n;
};

// One operation as the C API received it.
struct Call {
	uint32_t type;
	uint32_t alg;
	Buf iv, aad, in;
	uint8_t *out;
	size_t *out_len;	// NULL for VERIFY, required otherwise
	Buf tag;		// AEAD and VERIFY: read, or written by AEAD encryption
	bool iv_out;		// iv is the output of a kernel-made nonce
};

// Check the caller's buffers and narrow them to the ABI's fields. Returns
// NCRYPTO_OK or an error code without touching the kernel.
int prepare(abi::Op &op, uint32_t key, const Call &c) noexcept
{
	if ((c.type != NCRYPTO_OP_VERIFY && !c.out_len) || bad_buf(c.iv.p, c.iv.n) ||
	    bad_buf(c.aad.p, c.aad.n) || bad_buf(c.in.p, c.in.n) ||
	    (c.out_len && bad_buf(c.out, *c.out_len)) || bad_buf(c.tag.p, c.tag.n))
		return NCRYPTO_E_INVALID_ARG;
	if (!fits_u32(c.in.n) || !fits_u32(c.aad.n))
		return NCRYPTO_E_TOO_BIG;
	if (!fits_u32(c.iv.n) || !fits_u32(c.tag.n))
		return NCRYPTO_E_INVALID_ARG;
	op.op = c.type;
	op.alg = c.alg;
	op.key = key;
	op.iv = {c.iv.p, static_cast<uint32_t>(c.iv.n)};
	op.aad = {c.aad.p, static_cast<uint32_t>(c.aad.n)};
	op.src = {c.in.p, static_cast<uint32_t>(c.in.n)};
	op.dst = {c.out, c.out_len ? clamp_u32(*c.out_len) : 0};
	op.tag = {c.tag.p, static_cast<uint32_t>(c.tag.n)};
	return NCRYPTO_OK;
}

// Issue the op and report the output length on success and on ENOSPC
// (where the kernel wrote the length it needs).
int run(const Device &dev, const abi::Op &a, size_t *out_len) noexcept
{
	struct ncrypto_op op;
	abi::op(op, a);
	int rc = xioctl(dev, NCRYPTO_IOC_OP, &op);
	if (out_len && (rc == NCRYPTO_OK || rc == NCRYPTO_E_BUFFER_TOO_SMALL))
		*out_len = op.dst_len;
	return rc;
}

int do_op(const Device &dev, uint32_t key, const Call &c) noexcept
{
	abi::Op op;
	int rc = prepare(op, key, c);
	return rc ? rc : run(dev, op, c.out_len);
}

// Cipher, MAC, AEAD: the key's nonce policy must match the IV's direction.
int keyed_op(ncrypto_key_t key, const Call &c)
{
	return with(key, [&c](ncrypto_key_st &k) -> int {
		int rc = check_iv_direction(&k, c.type, c.iv_out);
		return rc ? rc : do_op(*k.dev, k.handle, c);
	});
}

} // namespace

extern "C" {

int ncrypto_hash(ncrypto_ctx_t ctx, uint32_t alg, const uint8_t *in,
		 size_t in_len, uint8_t *out, size_t *out_len)
{
	const Call c{NCRYPTO_OP_DIGEST, alg, {}, {}, {in, in_len}, out, out_len, {}, false};
	return with(ctx, [&c](ncrypto_ctx_st &x) -> int { return do_op(*x.dev, 0, c); });
}

int ncrypto_mac(ncrypto_key_t key, uint32_t alg, const uint8_t *in,
		size_t in_len, uint8_t *out, size_t *out_len)
{
	return keyed_op(key, {NCRYPTO_OP_SIGN, alg, {}, {}, {in, in_len}, out, out_len, {}, false});
}

int ncrypto_mac_verify(ncrypto_key_t key, uint32_t alg, const uint8_t *in,
		       size_t in_len, const uint8_t *tag, size_t tag_len)
{
	return keyed_op(key, {NCRYPTO_OP_VERIFY, alg, {}, {}, {in, in_len}, nullptr, nullptr,
			      {tag, tag_len}, false});
}

int ncrypto_encrypt(ncrypto_key_t key, uint32_t alg, const uint8_t *iv,
		    size_t iv_len, const uint8_t *in, size_t in_len,
		    uint8_t *out, size_t *out_len)
{
	return keyed_op(key, {NCRYPTO_OP_ENCRYPT, alg, {iv, iv_len}, {}, {in, in_len}, out, out_len,
			      {}, false});
}

int ncrypto_decrypt(ncrypto_key_t key, uint32_t alg, const uint8_t *iv,
		    size_t iv_len, const uint8_t *in, size_t in_len,
		    uint8_t *out, size_t *out_len)
{
	return keyed_op(key, {NCRYPTO_OP_DECRYPT, alg, {iv, iv_len}, {}, {in, in_len}, out, out_len,
			      {}, false});
}

int ncrypto_aead_encrypt(ncrypto_key_t key, uint32_t alg, const uint8_t *nonce,
			 size_t nonce_len, const uint8_t *aad, size_t aad_len,
			 const uint8_t *in, size_t in_len, uint8_t *out,
			 size_t *out_len, uint8_t *tag, size_t tag_len)
{
	return keyed_op(key, {NCRYPTO_OP_ENCRYPT, alg, {nonce, nonce_len}, {aad, aad_len},
			      {in, in_len}, out, out_len, {tag, tag_len}, false});
}

int ncrypto_aead_decrypt(ncrypto_key_t key, uint32_t alg, const uint8_t *nonce,
			 size_t nonce_len, const uint8_t *aad, size_t aad_len,
			 const uint8_t *in, size_t in_len, const uint8_t *tag,
			 size_t tag_len, uint8_t *out, size_t *out_len)
{
	return keyed_op(key, {NCRYPTO_OP_DECRYPT, alg, {nonce, nonce_len}, {aad, aad_len},
			      {in, in_len}, out, out_len, {tag, tag_len}, false});
}

int ncrypto_encrypt_gen_nonce(ncrypto_key_t key, uint32_t alg, uint8_t *iv, size_t iv_len,
			      const uint8_t *in, size_t in_len, uint8_t *out, size_t *out_len)
{
	return keyed_op(key, {NCRYPTO_OP_ENCRYPT, alg, {iv, iv_len}, {}, {in, in_len}, out, out_len,
			      {}, true});
}

int ncrypto_aead_encrypt_gen_nonce(ncrypto_key_t key, uint32_t alg, uint8_t *nonce,
				   size_t nonce_len, const uint8_t *aad, size_t aad_len,
				   const uint8_t *in, size_t in_len, uint8_t *out,
				   size_t *out_len, uint8_t *tag, size_t tag_len)
{
	return keyed_op(key, {NCRYPTO_OP_ENCRYPT, alg, {nonce, nonce_len}, {aad, aad_len},
			      {in, in_len}, out, out_len, {tag, tag_len}, true});
}

} // extern "C"
