// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Keys: kernel key objects named by a handle. The library object holds the
// context's device so the kernel context outlives the C context handle.
#include "handle.hpp"

using namespace ncrypto_impl;

namespace {

const abi::KeyParams default_params;

int create_key(ncrypto_ctx_st &c, unsigned long request, uint32_t type,
	       const uint8_t *data, size_t len, uint32_t usage,
	       const abi::KeyParams &params, ncrypto_key_t *key)
{
	if (!key || !fits_u32(len))
		return NCRYPTO_E_INVALID_ARG;
	*key = nullptr;
	// An ABI 1.0 module would refuse the bytes as non-zero reserved
	// fields (EINVAL): say what it is instead.
	if (params.any() && c.dev->abi_minor < 1)
		return NCRYPTO_E_UNSUPPORTED;
	auto k = std::make_unique<ncrypto_key_st>(); // before the ioctl: no leak on ENOMEM
	struct ncrypto_key_create kc;
	abi::key_create(kc, type, usage, data, static_cast<uint32_t>(len), params);
	int rc = xioctl(*c.dev, request, &kc);
	if (rc != NCRYPTO_OK)
		return rc;
	k->dev = c.dev;
	k->handle = kc.handle;
	k->nonce_policy = params.nonce_policy;
	*key = k.release();
	return NCRYPTO_OK;
}

// Generate (data NULL) or import, with a parameter set or the defaults.
int create(ncrypto_ctx_t ctx, unsigned long request, uint32_t type, const uint8_t *data,
	   size_t len, uint32_t usage, ncrypto_key_params_t params, ncrypto_key_t *key)
{
	return with(ctx, [&](ncrypto_ctx_st &c) -> int {
		if (params && !valid(params))
			return NCRYPTO_E_BAD_HANDLE;
		if (request == NCRYPTO_IOC_KEY_IMPORT && !data)
			return NCRYPTO_E_INVALID_ARG;
		return create_key(c, request, type, data, len, usage,
				  params ? params->p : default_params, key);
	});
}

} // namespace

extern "C" {

int ncrypto_key_generate(ncrypto_ctx_t ctx, uint32_t type, size_t key_len,
			 uint32_t usage, ncrypto_key_t *key)
{
	return create(ctx, NCRYPTO_IOC_KEY_GENERATE, type, nullptr, key_len, usage, nullptr, key);
}

int ncrypto_key_import(ncrypto_ctx_t ctx, uint32_t type, const uint8_t *data,
		       size_t len, uint32_t usage, ncrypto_key_t *key)
{
	return create(ctx, NCRYPTO_IOC_KEY_IMPORT, type, data, len, usage, nullptr, key);
}

int ncrypto_key_generate_ex(ncrypto_ctx_t ctx, uint32_t type, size_t key_len, uint32_t usage,
			    ncrypto_key_params_t params, ncrypto_key_t *key)
{
	return create(ctx, NCRYPTO_IOC_KEY_GENERATE, type, nullptr, key_len, usage, params, key);
}

int ncrypto_key_import_ex(ncrypto_ctx_t ctx, uint32_t type, const uint8_t *data, size_t len,
			  uint32_t usage, ncrypto_key_params_t params, ncrypto_key_t *key)
{
	return create(ctx, NCRYPTO_IOC_KEY_IMPORT, type, data, len, usage, params, key);
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

int ncrypto_key_get_params(ncrypto_key_t key, ncrypto_key_params_t params)
{
	return with(key, [&](ncrypto_key_st &k) -> int {
		if (!valid(params))
			return NCRYPTO_E_BAD_HANDLE;
		struct ncrypto_key_info ki;
		abi::key_info(ki, k.handle, 0);
		int rc = xioctl(*k.dev, NCRYPTO_IOC_KEY_INFO, &ki);
		if (rc != NCRYPTO_OK)
			return rc;
		// KEY_INFO never tells the fixed nonce field: leave none behind.
		params->p = abi::KeyParams();
		params->p.alg = ki.alg;
		params->p.tag_len = ki.tag_len;
		params->p.nonce_policy = ki.nonce_policy;
		params->p.nonce_counter = ki.nonce_counter;
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
