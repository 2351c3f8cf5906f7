// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Internal: the objects behind the opaque C handles, and the helpers every
// entry point uses (Botan FFI style). A handle is a struct with a magic
// number checked at the C boundary, so a NULL, destroyed or wrong-type
// pointer becomes NCRYPTO_E_BAD_HANDLE instead of a crash; guard() catches
// every exception so none crosses the C boundary.
#ifndef NCRYPTO_HANDLE_HPP
#define NCRYPTO_HANDLE_HPP

#include <cstdint>
#include <memory>
#include <new>
#include <vector>

#include "abi.hpp"
#include "device.hpp"
#include "ncrypto.h"

namespace ncrypto_impl {

// Written over the magic of a destroyed object, so a use after destroy that
// still reads the freed memory sees a mismatch rather than a valid handle.
constexpr uint32_t DEAD_MAGIC = 0xDEADDEADu;

} // namespace ncrypto_impl

struct ncrypto_ctx_st {
	static constexpr uint32_t MAGIC = 0x4E435458u; // "NCTX"
	uint32_t magic = MAGIC;
	ncrypto_impl::DevicePtr dev;
};

struct ncrypto_key_st {
	static constexpr uint32_t MAGIC = 0x4E434B59u; // "NCKY"
	uint32_t magic = MAGIC;
	ncrypto_impl::DevicePtr dev;
	uint32_t handle = 0;
	// Fixed at creation. With any policy but CALLER the kernel writes the
	// IV of an encryption instead of reading it, so the library must hand
	// it a buffer meant as output (and never one holding garbage to read).
	uint32_t nonce_policy = NCRYPTO_NONCE_CALLER;
};

struct ncrypto_key_params_st {
	static constexpr uint32_t MAGIC = 0x4E434B50u; // "NCKP"
	uint32_t magic = MAGIC;
	ncrypto_impl::abi::KeyParams p;
};

// Public-key operation parameters (0.3); the label is the library's copy.
struct ncrypto_pk_params_st {
	static constexpr uint32_t MAGIC = 0x4E43504Bu; // "NCPK"
	uint32_t magic = MAGIC;
	uint32_t hash = 0;
	uint32_t mgf1_hash = 0;
	uint32_t salt_len = 0;
	std::vector<uint8_t> label;
};

struct ncrypto_session_st {
	static constexpr uint32_t MAGIC = 0x4E435345u; // "NCSE"
	uint32_t magic = MAGIC;
	ncrypto_impl::DevicePtr dev;
	uint32_t handle = 0;
	uint32_t op = 0;
	// FINAL was issued and ended the session (whatever its result but
	// ENOSPC): only destroy is valid now.
	bool finished = false;
	// FINAL succeeded, so the kernel has already freed the session. A
	// failed FINAL may or may not have (the kernel drops the handle once
	// it has found the session): destroy then asks, and ENOENT is fine.
	// Kernel handles are allocated cyclically, so the number is not
	// reused by another session in between.
	bool freed = false;
};

// A snapshot of NCRYPTO_IOC_INFO; algs.size() is the module's count.
struct ncrypto_info_st {
	static constexpr uint32_t MAGIC = 0x4E43494Eu; // "NCIN"
	uint32_t magic = MAGIC;
	struct ncrypto_info info;
	std::vector<struct ncrypto_alg_info> algs;
};

namespace ncrypto_impl {

template <typename F> int guard(F &&f) noexcept
{
	try {
		return f();
	} catch (const std::bad_alloc &) {
		return NCRYPTO_E_NO_MEMORY;
	} catch (...) {
		return NCRYPTO_E_INTERNAL;
	}
}

template <typename H> bool valid(const H *h) noexcept
{
	return h != nullptr && h->magic == H::MAGIC;
}

// Run f(*h) under the guard if h is a live handle of its type.
template <typename H, typename F> int with(H *h, F &&f) noexcept
{
	if (!valid(h))
		return NCRYPTO_E_BAD_HANDLE;
	return guard([&] { return f(*h); });
}

// Release a handle object: mark it dead first, then free it.
template <typename H> void release(H *h) noexcept
{
	h->magic = DEAD_MAGIC;
	delete h;
}

// Issue one ioctl; on failure record errno for ncrypto_last_errno() and
// return the matching NCRYPTO_E_* code (error.cpp).
int xioctl(const Device &dev, unsigned long request, void *arg) noexcept;

// errno -> NCRYPTO_E_* for ioctls (open has its own mapping); records errno.
int error_from_errno(int err) noexcept;
void set_last_errno(int err) noexcept;

// An encryption reads its IV from the caller unless the key's kernel makes
// the nonces, and then writes it: iv_is_output must say which the caller
// meant (the const-IV functions or the *_gen_nonce ones). Other operations
// always read it.
inline int check_iv_direction(const ncrypto_key_st *k, uint32_t op, bool iv_is_output) noexcept
{
	bool kernel_writes = op == NCRYPTO_OP_ENCRYPT && k &&
			     k->nonce_policy != NCRYPTO_NONCE_CALLER;
	return kernel_writes == iv_is_output ? NCRYPTO_OK : NCRYPTO_E_INVALID_ARG;
}

// Convert a size_t length to the ABI's __u32. Returns false if it does not fit.
inline bool fits_u32(size_t n) noexcept { return n <= UINT32_MAX; }
inline uint32_t clamp_u32(size_t n) noexcept
{
	return n > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(n);
}
// A NULL pointer with a non-zero length is an argument error we catch here
// rather than sending it to the kernel for EFAULT.
inline bool bad_buf(const void *p, size_t n) noexcept
{
	return p == nullptr && n != 0;
}

} // namespace ncrypto_impl

#endif
