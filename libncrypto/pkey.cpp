// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Public-key cryptography (ABI 1.2): keys from their parts, public parts,
// signatures, public-key encryption and key agreement. The library packs
// arguments into the ABI's structs and never sees a private key: what it
// imports it copies once into the key-part encoding, hands to the kernel
// and wipes.
#include <cstring>
#include <vector>

#include "handle.hpp"

using namespace ncrypto_impl;

namespace {

constexpr size_t max_label = 4096;

bool has_pk_abi(const Device &dev) noexcept { return dev.abi_minor >= 2; }

// parts -> the kernel's record encoding; false if a part is bad.
bool encode_parts(const struct ncrypto_key_component *parts, size_t n, std::vector<uint8_t> &out)
{
	for (size_t i = 0; i < n; i++) {
		const auto &p = parts[i];
		if (!p.len || !p.data || p.len > NCRYPTO_MAX_KEY_PARTS_LEN)
			return false;
		struct ncrypto_key_part hdr = {p.id, static_cast<uint32_t>(p.len)};
		const auto *h = reinterpret_cast<const uint8_t *>(&hdr);
		out.insert(out.end(), h, h + sizeof(hdr));
		out.insert(out.end(), p.data, p.data + p.len);
	}
	return true;
}

// Wipes a vector's bytes before it goes (it holds private key parts).
struct WipedBytes {
	std::vector<uint8_t> v;
	~WipedBytes() { explicit_bzero(v.data(), v.size()); }
};

int import_parts(ncrypto_ctx_st &c, uint32_t type, size_t key_len,
		 const struct ncrypto_key_component *parts, size_t n, uint32_t usage,
		 const abi::KeyParams &params, ncrypto_key_t *key)
{
	if (!key || (!parts && n) || !n || !fits_u32(key_len))
		return NCRYPTO_E_INVALID_ARG;
	*key = nullptr;
	if (!has_pk_abi(*c.dev))
		return NCRYPTO_E_UNSUPPORTED;
	WipedBytes enc;
	enc.v.reserve(NCRYPTO_MAX_KEY_PARTS_LEN);
	if (!encode_parts(parts, n, enc.v))
		return NCRYPTO_E_INVALID_ARG;
	if (enc.v.size() > NCRYPTO_MAX_KEY_PARTS_LEN)
		return NCRYPTO_E_TOO_BIG;
	auto k = std::make_unique<ncrypto_key_st>();
	struct ncrypto_key_create kc;
	abi::key_import_parts(kc, type, usage, static_cast<uint32_t>(key_len),
			      {enc.v.data(), static_cast<uint32_t>(enc.v.size())}, params);
	int rc = xioctl(*c.dev, NCRYPTO_IOC_KEY_IMPORT, &kc);
	if (rc != NCRYPTO_OK)
		return rc;
	k->dev = c.dev;
	k->handle = kc.handle;
	*key = k.release();
	return NCRYPTO_OK;
}

struct PkCall {
	uint32_t op;
	uint32_t alg;
	const uint8_t *in;
	size_t in_len;
	uint8_t *out;		// SIGN, ENCRYPT, DECRYPT
	size_t *out_len;
	const uint8_t *sig;	// VERIFY
	size_t sig_len;
};

int pk_op(ncrypto_key_t key, ncrypto_pk_params_t params, const PkCall &c)
{
	return with(key, [&](ncrypto_key_st &k) -> int {
		if (params && !valid(params))
			return NCRYPTO_E_BAD_HANDLE;
		if ((c.op != NCRYPTO_OP_VERIFY && !c.out_len) || bad_buf(c.in, c.in_len) ||
		    (c.out_len && bad_buf(c.out, *c.out_len)) || bad_buf(c.sig, c.sig_len) ||
		    !fits_u32(c.sig_len))
			return NCRYPTO_E_INVALID_ARG;
		if (!fits_u32(c.in_len))
			return NCRYPTO_E_TOO_BIG;
		if (!has_pk_abi(*k.dev))
			return NCRYPTO_E_UNSUPPORTED;
		struct ncrypto_pk_params p;
		if (params)
			abi::pk_params(p, params->hash, params->mgf1_hash, params->salt_len,
				       {params->label.data(),
					static_cast<uint32_t>(params->label.size())});
		abi::Op a;
		a.op = c.op;
		a.alg = c.alg;
		a.key = k.handle;
		a.src = {c.in, static_cast<uint32_t>(c.in_len)};
		a.dst = {c.out, c.out_len ? clamp_u32(*c.out_len) : 0};
		a.tag = {c.sig, static_cast<uint32_t>(c.sig_len)};
		a.params = params ? &p : nullptr;
		struct ncrypto_op op;
		abi::op(op, a);
		int rc = xioctl(*k.dev, NCRYPTO_IOC_OP, &op);
		if (c.out_len && (rc == NCRYPTO_OK || rc == NCRYPTO_E_BUFFER_TOO_SMALL))
			*c.out_len = op.dst_len;
		return rc;
	});
}

template <typename F> int with_params(ncrypto_pk_params_t params, F &&f) noexcept
{
	return with(params, [&](ncrypto_pk_params_st &p) -> int { return f(p); });
}

} // namespace

extern "C" {

int ncrypto_key_import_parts(ncrypto_ctx_t ctx, uint32_t type, size_t key_len,
			     const struct ncrypto_key_component *parts, size_t n_parts,
			     uint32_t usage, ncrypto_key_params_t params, ncrypto_key_t *key)
{
	return with(ctx, [&](ncrypto_ctx_st &c) -> int {
		if (params && !valid(params))
			return NCRYPTO_E_BAD_HANDLE;
		static const abi::KeyParams defaults;
		return import_parts(c, type, key_len, parts, n_parts, usage,
				    params ? params->p : defaults, key);
	});
}

int ncrypto_key_public(ncrypto_key_t key, uint32_t format, uint8_t *out, size_t *out_len)
{
	return with(key, [&](ncrypto_key_st &k) -> int {
		if (!out_len || bad_buf(out, *out_len) ||
		    (format != NCRYPTO_PUBLIC_RAW && format != NCRYPTO_PUBLIC_SPKI))
			return NCRYPTO_E_INVALID_ARG;
		if (!has_pk_abi(*k.dev))
			return NCRYPTO_E_UNSUPPORTED;
		static_assert(NCRYPTO_PUBLIC_RAW == NCRYPTO_EXPORT_F_PUBLIC_RAW &&
				      NCRYPTO_PUBLIC_SPKI == NCRYPTO_EXPORT_F_PUBLIC_SPKI,
			      "formats are the kernel's flags");
		struct ncrypto_key_export ke;
		abi::key_export(ke, k.handle, {out, clamp_u32(*out_len)}, format);
		int rc = xioctl(*k.dev, NCRYPTO_IOC_KEY_EXPORT, &ke);
		if (rc == NCRYPTO_OK || rc == NCRYPTO_E_BUFFER_TOO_SMALL)
			*out_len = ke.data_len;
		return rc;
	});
}

int ncrypto_pk_params_new(ncrypto_pk_params_t *params)
{
	if (!params)
		return NCRYPTO_E_INVALID_ARG;
	*params = nullptr;
	return guard([&] {
		*params = new ncrypto_pk_params_st;
		return NCRYPTO_OK;
	});
}

int ncrypto_pk_params_free(ncrypto_pk_params_t params)
{
	if (!params)
		return NCRYPTO_OK;
	return with(params, [&](ncrypto_pk_params_st &p) -> int {
		release(&p);
		return NCRYPTO_OK;
	});
}

int ncrypto_pk_params_set_hash(ncrypto_pk_params_t params, uint32_t hash_alg)
{
	return with_params(params, [&](ncrypto_pk_params_st &p) {
		p.hash = hash_alg;
		return NCRYPTO_OK;
	});
}

int ncrypto_pk_params_set_mgf1_hash(ncrypto_pk_params_t params, uint32_t hash_alg)
{
	return with_params(params, [&](ncrypto_pk_params_st &p) {
		p.mgf1_hash = hash_alg;
		return NCRYPTO_OK;
	});
}

int ncrypto_pk_params_set_salt_len(ncrypto_pk_params_t params, size_t salt_len)
{
	return with_params(params, [&](ncrypto_pk_params_st &p) -> int {
		if (!fits_u32(salt_len))
			return NCRYPTO_E_INVALID_ARG;
		p.salt_len = static_cast<uint32_t>(salt_len);
		return NCRYPTO_OK;
	});
}

int ncrypto_pk_params_set_label(ncrypto_pk_params_t params, const uint8_t *label,
				size_t label_len)
{
	return with_params(params, [&](ncrypto_pk_params_st &p) -> int {
		if (bad_buf(label, label_len) || label_len > max_label)
			return NCRYPTO_E_INVALID_ARG;
		p.label.assign(label, label + label_len);
		return NCRYPTO_OK;
	});
}

int ncrypto_sign(ncrypto_key_t key, uint32_t alg, ncrypto_pk_params_t params,
		 const uint8_t *in, size_t in_len, uint8_t *sig, size_t *sig_len)
{
	return pk_op(key, params, {NCRYPTO_OP_SIGN, alg, in, in_len, sig, sig_len, nullptr, 0});
}

int ncrypto_verify(ncrypto_key_t key, uint32_t alg, ncrypto_pk_params_t params,
		   const uint8_t *in, size_t in_len, const uint8_t *sig, size_t sig_len)
{
	return pk_op(key, params,
		     {NCRYPTO_OP_VERIFY, alg, in, in_len, nullptr, nullptr, sig, sig_len});
}

int ncrypto_pk_encrypt(ncrypto_key_t key, uint32_t alg, ncrypto_pk_params_t params,
		       const uint8_t *in, size_t in_len, uint8_t *out, size_t *out_len)
{
	return pk_op(key, params, {NCRYPTO_OP_ENCRYPT, alg, in, in_len, out, out_len, nullptr, 0});
}

int ncrypto_pk_decrypt(ncrypto_key_t key, uint32_t alg, ncrypto_pk_params_t params,
		       const uint8_t *in, size_t in_len, uint8_t *out, size_t *out_len)
{
	return pk_op(key, params, {NCRYPTO_OP_DECRYPT, alg, in, in_len, out, out_len, nullptr, 0});
}

int ncrypto_derive(ncrypto_key_t key, uint32_t alg, const uint8_t *peer, size_t peer_len,
		   uint32_t type, uint32_t usage, ncrypto_key_params_t params,
		   ncrypto_key_t *secret)
{
	return with(key, [&](ncrypto_key_st &k) -> int {
		if (params && !valid(params))
			return NCRYPTO_E_BAD_HANDLE;
		if (!secret || bad_buf(peer, peer_len) || !fits_u32(peer_len))
			return NCRYPTO_E_INVALID_ARG;
		*secret = nullptr;
		if (!has_pk_abi(*k.dev))
			return NCRYPTO_E_UNSUPPORTED;
		auto s = std::make_unique<ncrypto_key_st>();
		abi::Derive a;
		a.alg = alg;
		a.key = k.handle;
		a.peer = {peer, static_cast<uint32_t>(peer_len)};
		a.type = type;
		a.usage = usage;
		if (params) {
			a.new_alg = params->p.alg;
			a.tag_len = params->p.tag_len;
			if (params->p.nonce_policy != NCRYPTO_NONCE_CALLER)
				return NCRYPTO_E_INVALID_ARG;
		}
		struct ncrypto_key_derive kd;
		abi::key_derive(kd, a);
		int rc = xioctl(*k.dev, NCRYPTO_IOC_KEY_DERIVE, &kd);
		if (rc != NCRYPTO_OK)
			return rc;
		s->dev = k.dev;
		s->handle = kd.handle;
		*secret = s.release();
		return NCRYPTO_OK;
	});
}

} // extern "C"
