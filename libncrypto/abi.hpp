// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Internal: the one place that knows the layout of each struct of
// <linux/ncrypto.h>. Each struct is filled by exactly one function here, so
// a field the ABI adds (ABI 1.1 grew ncrypto_key_create and
// ncrypto_key_info) is zeroed, sized and set in one spot for the library
// and for the tests' raw helpers, which link the same code.
//
// Every function zeroes the whole struct first (reserved fields and bytes
// the caller does not set must be 0), sets `size` to the struct as this
// header knows it, and turns pointers into the ABI's __u64. Nothing here
// checks arguments or calls the kernel.
#ifndef NCRYPTO_ABI_HPP
#define NCRYPTO_ABI_HPP

#include <cstddef>
#include <cstdint>

#include <linux/ncrypto.h>

namespace ncrypto_impl {
namespace abi {

inline uint64_t uptr(const void *p) noexcept
{
	return static_cast<uint64_t>(reinterpret_cast<uintptr_t>(p));
}

// A user buffer as the ABI carries it. Whether the kernel reads or writes it
// is the ioctl's business: the address is all the struct holds.
struct Buf {
	const void *p = nullptr;
	uint32_t len = 0;
};

// The ABI 1.1 parameters of a key at creation (all 0: the ABI 1.0 key).
struct KeyParams {
	uint32_t alg = NCRYPTO_ALG_NONE;
	uint32_t tag_len = 0;
	uint32_t nonce_policy = NCRYPTO_NONCE_CALLER;
	uint32_t nonce_fixed_len = 0;
	uint8_t nonce_fixed[NCRYPTO_MAX_NONCE_FIXED_LEN] = {};
	uint64_t nonce_counter = 0;

	// True if any parameter differs from the ABI 1.0 key.
	bool any() const noexcept;
};

// The fields of one NCRYPTO_IOC_OP.
struct Op {
	uint32_t op = NCRYPTO_OP_NONE;
	uint32_t alg = NCRYPTO_ALG_NONE;
	uint32_t key = 0;
	Buf iv;		// read, or written with a kernel-made nonce
	Buf aad;
	Buf src;
	Buf dst;	// len: capacity
	Buf tag;	// written by AEAD encryption, read otherwise
	const struct ncrypto_pk_params *params = nullptr; // public-key algorithms
};

// The fields of one NCRYPTO_IOC_KEY_DERIVE (ABI 1.2).
struct Derive {
	uint32_t alg = NCRYPTO_ALG_NONE;
	uint32_t key = 0;
	Buf peer;
	uint32_t type = NCRYPTO_KEY_TYPE_NONE;	// the new key
	uint32_t usage = 0;
	uint32_t new_alg = NCRYPTO_ALG_NONE;
	uint32_t tag_len = 0;
};

// NCRYPTO_IOC_INFO: algs may be NULL with n_algs 0 (counts only).
void info(struct ncrypto_info &i, struct ncrypto_alg_info *algs, uint32_t n_algs) noexcept;
// NCRYPTO_IOC_KEY_GENERATE (data NULL) and NCRYPTO_IOC_KEY_IMPORT.
void key_create(struct ncrypto_key_create &k, uint32_t type, uint32_t usage, const void *data,
		uint32_t key_len, const KeyParams &params) noexcept;
// NCRYPTO_IOC_KEY_IMPORT of a public-key type (ABI 1.2): parts.len bytes of
// key parts; key_len the key's size.
void key_import_parts(struct ncrypto_key_create &k, uint32_t type, uint32_t usage,
		      uint32_t key_len, Buf parts, const KeyParams &params) noexcept;
// NCRYPTO_IOC_KEY_INFO (usage 0) and NCRYPTO_IOC_KEY_RESTRICT (the new usage).
void key_info(struct ncrypto_key_info &k, uint32_t handle, uint32_t usage) noexcept;
// NCRYPTO_IOC_KEY_EXPORT: data.len is the capacity.
void key_export(struct ncrypto_key_export &e, uint32_t handle, Buf data,
		uint32_t flags = 0) noexcept;
// Public-key parameters (ABI 1.2) of an op.
void pk_params(struct ncrypto_pk_params &p, uint32_t hash, uint32_t mgf1_hash, uint32_t salt_len,
	       Buf label) noexcept;
// NCRYPTO_IOC_KEY_DERIVE.
void key_derive(struct ncrypto_key_derive &d, const Derive &a) noexcept;
// NCRYPTO_IOC_OP.
void op(struct ncrypto_op &o, const Op &a) noexcept;
// NCRYPTO_IOC_SESSION_INIT.
void session_init(struct ncrypto_session_init &s, uint32_t op, uint32_t alg, uint32_t key,
		  Buf iv) noexcept;
// NCRYPTO_IOC_SESSION_UPDATE and _FINAL.
void session_data(struct ncrypto_session_data &d, uint32_t handle, uint32_t flags, Buf src,
		  Buf dst, Buf tag) noexcept;
// NCRYPTO_IOC_SESSION_CLONE.
void session_clone(struct ncrypto_session_clone &c, uint32_t handle) noexcept;
// NCRYPTO_IOC_KEY_DESTROY and NCRYPTO_IOC_SESSION_DESTROY.
void handle(struct ncrypto_handle &h, uint32_t handle) noexcept;

} // namespace abi
} // namespace ncrypto_impl

#endif
