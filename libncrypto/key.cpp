// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Keys: kernel key objects named by a handle. The library object holds the
// context's device so the kernel context outlives the C context handle.
#include "handle.hpp"

using namespace ncrypto_impl;

namespace {

int create_key(ncrypto_ctx_st &c, unsigned long request, uint32_t type,
	       const uint8_t *data, size_t len, uint32_t usage,
	       ncrypto_key_t *key)
{
	if (!key || !fits_u32(len))
		return NCRYPTO_E_INVALID_ARG;
	*key = nullptr;
	auto k = std::make_unique<ncrypto_key_st>(); // before the ioctl: no leak on ENOMEM
	struct ncrypto_key_create kc;
	abi::key_create(kc, type, usage, data, static_cast<uint32_t>(len), abi::KeyParams());
	int rc = xioctl(*c.dev, request, &kc);
	if (rc != NCRYPTO_OK)
		return rc;
	k->dev = c.dev;
	k->handle = kc.handle;
	*key = k.release();
	return NCRYPTO_OK;
}

} // namespace

extern "C" {

int ncrypto_key_generate(ncrypto_ctx_t ctx, uint32_t type, size_t key_len,
			 uint32_t usage, ncrypto_key_t *key)
{
	return with(ctx, [&](ncrypto_ctx_st &c) -> int {
		return create_key(c, NCRYPTO_IOC_KEY_GENERATE, type, nullptr,
				  key_len, usage, key);
	});
}

int ncrypto_key_import(ncrypto_ctx_t ctx, uint32_t type, const uint8_t *data,
		       size_t len, uint32_t usage, ncrypto_key_t *key)
{
	return with(ctx, [&](ncrypto_ctx_st &c) -> int {
		if (!data)
			return NCRYPTO_E_INVALID_ARG;
		return create_key(c, NCRYPTO_IOC_KEY_IMPORT, type, data, len,
				  usage, key);
	});
}

int ncrypto_key_export(ncrypto_key_t key, uint8_t *out, size_t *out_len)
{
	return with(key, [&](ncrypto_key_st &k) -> int {
		if (!out_len || bad_buf(out, *out_len))
			return NCRYPTO_E_INVALID_ARG;
		struct ncrypto_key_export ke;
		abi::key_export(ke, k.handle, {out, clamp_u32(*out_len)});
		int rc = xioctl(*k.dev, NCRYPTO_IOC_KEY_EXPORT, &ke);
		if (rc == NCRYPTO_OK || rc == NCRYPTO_E_BUFFER_TOO_SMALL)
			*out_len = ke.data_len;
		return rc;
	});
}

int ncrypto_key_get_info(ncrypto_key_t key, uint32_t *type, size_t *key_len,
			 uint32_t *usage)
{
	return with(key, [&](ncrypto_key_st &k) -> int {
		struct ncrypto_key_info ki;
		abi::key_info(ki, k.handle, 0);
		int rc = xioctl(*k.dev, NCRYPTO_IOC_KEY_INFO, &ki);
		if (rc != NCRYPTO_OK)
			return rc;
		if (type)
			*type = ki.type;
		if (key_len)
			*key_len = ki.key_len;
		if (usage)
			*usage = ki.usage;
		return NCRYPTO_OK;
	});
}

int ncrypto_key_restrict(ncrypto_key_t key, uint32_t usage)
{
	return with(key, [&](ncrypto_key_st &k) -> int {
		struct ncrypto_key_info ki;
		abi::key_info(ki, k.handle, usage);
		return xioctl(*k.dev, NCRYPTO_IOC_KEY_RESTRICT, &ki);
	});
}

int ncrypto_key_handle(ncrypto_key_t key, uint32_t *handle)
{
	return with(key, [&](ncrypto_key_st &k) -> int {
		if (!handle)
			return NCRYPTO_E_INVALID_ARG;
		*handle = k.handle;
		return NCRYPTO_OK;
	});
}

// The library object is released whatever the kernel answers, so the caller
// never has to retry; a kernel error (ENOENT: destroyed behind our back
// through a raw ioctl) is still reported.
int ncrypto_key_destroy(ncrypto_key_t key)
{
	if (!key)
		return NCRYPTO_OK;
	return with(key, [](ncrypto_key_st &k) -> int {
		struct ncrypto_handle h;
		abi::handle(h, k.handle);
		int rc = xioctl(*k.dev, NCRYPTO_IOC_KEY_DESTROY, &h);
		release(&k);
		return rc;
	});
}

} // extern "C"
