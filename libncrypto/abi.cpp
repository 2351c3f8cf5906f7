// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The uapi structs, each filled in one function (see abi.hpp).
#include "abi.hpp"

#include <cstring>

namespace ncrypto_impl {
namespace abi {

namespace {

// Zero everything (reserved fields, padding, bytes a later ABI gives a
// meaning) and set the struct's size as this build knows it.
template <typename T> void start(T &s) noexcept
{
	std::memset(&s, 0, sizeof(s));
	s.size = sizeof(s);
}

} // namespace

bool KeyParams::any() const noexcept
{
	static const KeyParams none;
	return alg != none.alg || tag_len != none.tag_len || nonce_policy != none.nonce_policy ||
	       nonce_fixed_len != none.nonce_fixed_len || nonce_counter != none.nonce_counter ||
	       std::memcmp(nonce_fixed, none.nonce_fixed, sizeof(nonce_fixed)) != 0;
}

void info(struct ncrypto_info &i, struct ncrypto_alg_info *algs, uint32_t n_algs) noexcept
{
	start(i);
	i.algs = uptr(algs);
	i.n_algs = n_algs;
}

void key_create(struct ncrypto_key_create &k, uint32_t type, uint32_t usage, const void *data,
		uint32_t key_len, const KeyParams &params) noexcept
{
	start(k);
	k.type = type;
	k.usage = usage;
	k.key_len = key_len;
	k.data = uptr(data);
	k.alg = params.alg;
	k.tag_len = params.tag_len;
	k.nonce_policy = params.nonce_policy;
	k.nonce_fixed_len = params.nonce_fixed_len;
	std::memcpy(k.nonce_fixed, params.nonce_fixed, sizeof(k.nonce_fixed));
	k.nonce_counter = params.nonce_counter;
}

void key_import_parts(struct ncrypto_key_create &k, uint32_t type, uint32_t usage,
		      uint32_t key_len, Buf parts, const KeyParams &params) noexcept
{
	key_create(k, type, usage, parts.p, key_len, params);
	k.data_len = parts.len;
}

void key_info(struct ncrypto_key_info &k, uint32_t handle, uint32_t usage) noexcept
{
	start(k);
	k.handle = handle;
	k.usage = usage;
}

void key_export(struct ncrypto_key_export &e, uint32_t handle, Buf data, uint32_t flags) noexcept
{
	start(e);
	e.flags = flags;
	e.handle = handle;
	e.data = uptr(data.p);
	e.data_len = data.len;
}

void op(struct ncrypto_op &o, const Op &a) noexcept
{
	start(o);
	o.op = a.op;
	o.alg = a.alg;
	o.key = a.key;
	o.iv = uptr(a.iv.p);
	o.iv_len = a.iv.len;
	o.aad = uptr(a.aad.p);
	o.aad_len = a.aad.len;
	o.src = uptr(a.src.p);
	o.src_len = a.src.len;
	o.dst = uptr(a.dst.p);
	o.dst_len = a.dst.len;
	o.tag = uptr(a.tag.p);
	o.tag_len = a.tag.len;
	if (a.params) {
		o.params = uptr(a.params);
		o.params_len = sizeof(*a.params);
	}
}

// Not an ioctl argument: no size field of its own (params_len says it).
void pk_params(struct ncrypto_pk_params &p, uint32_t hash, uint32_t mgf1_hash, uint32_t salt_len,
	       Buf label) noexcept
{
	std::memset(&p, 0, sizeof(p));
	p.hash = hash;
	p.mgf1_hash = mgf1_hash;
	p.salt_len = salt_len;
	p.label = uptr(label.p);
	p.label_len = label.len;
}

void key_derive(struct ncrypto_key_derive &d, const Derive &a) noexcept
{
	start(d);
	d.alg = a.alg;
	d.key = a.key;
	d.peer = uptr(a.peer.p);
	d.peer_len = a.peer.len;
	d.type = a.type;
	d.usage = a.usage;
	d.new_alg = a.new_alg;
	d.tag_len = a.tag_len;
}

void session_init(struct ncrypto_session_init &s, uint32_t op, uint32_t alg, uint32_t key,
		  Buf iv) noexcept
{
	start(s);
	s.op = op;
	s.alg = alg;
	s.key = key;
	s.iv = uptr(iv.p);
	s.iv_len = iv.len;
}

void session_data(struct ncrypto_session_data &d, uint32_t handle, uint32_t flags, Buf src,
		  Buf dst, Buf tag) noexcept
{
	start(d);
	d.flags = flags;
	d.handle = handle;
	d.src = uptr(src.p);
	d.src_len = src.len;
	d.dst = uptr(dst.p);
	d.dst_len = dst.len;
	d.tag = uptr(tag.p);
	d.tag_len = tag.len;
}

void session_clone(struct ncrypto_session_clone &c, uint32_t handle) noexcept
{
	start(c);
	c.handle = handle;
}

void handle(struct ncrypto_handle &h, uint32_t handle) noexcept
{
	start(h);
	h.handle = handle;
}

} // namespace abi
} // namespace ncrypto_impl
