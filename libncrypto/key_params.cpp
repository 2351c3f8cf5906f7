// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Key parameter sets (ABI 1.1): an opaque builder for what a key is bound to
// (algorithm, tag length, nonce policy), so the C API stays the same when
// struct ncrypto_key_create grows. The kernel judges the combination; the
// library only refuses what it could not store.
#include <cstring>

#include "handle.hpp"

using namespace ncrypto_impl;

extern "C" {

int ncrypto_key_params_new(ncrypto_key_params_t *params)
{
	if (!params)
		return NCRYPTO_E_INVALID_ARG;
	*params = nullptr;
	return guard([&] {
		*params = new ncrypto_key_params_st;
		return NCRYPTO_OK;
	});
}

int ncrypto_key_params_free(ncrypto_key_params_t params)
{
	if (!params)
		return NCRYPTO_OK;
	return with(params, [](ncrypto_key_params_st &p) -> int { release(&p); return NCRYPTO_OK; });
}

int ncrypto_key_params_set_alg(ncrypto_key_params_t params, uint32_t alg)
{
	return with(params, [&](ncrypto_key_params_st &p) -> int {
		p.p.alg = alg;
		return NCRYPTO_OK;
	});
}

int ncrypto_key_params_set_tag_len(ncrypto_key_params_t params, size_t tag_len)
{
	return with(params, [&](ncrypto_key_params_st &p) -> int {
		if (!fits_u32(tag_len))
			return NCRYPTO_E_INVALID_ARG;
		p.p.tag_len = static_cast<uint32_t>(tag_len);
		return NCRYPTO_OK;
	});
}

int ncrypto_key_params_set_nonce(ncrypto_key_params_t params, uint32_t policy,
				 const uint8_t *fixed, size_t fixed_len, uint64_t first_counter)
{
	return with(params, [&](ncrypto_key_params_st &p) -> int {
		if (policy >= __NCRYPTO_NONCE_MAX || bad_buf(fixed, fixed_len) ||
		    fixed_len > sizeof(p.p.nonce_fixed))
			return NCRYPTO_E_INVALID_ARG;
		p.p.nonce_policy = policy;
		p.p.nonce_fixed_len = static_cast<uint32_t>(fixed_len);
		std::memset(p.p.nonce_fixed, 0, sizeof(p.p.nonce_fixed));
		if (fixed_len)
			std::memcpy(p.p.nonce_fixed, fixed, fixed_len);
		p.p.nonce_counter = first_counter;
		return NCRYPTO_OK;
	});
}

int ncrypto_key_params_get_alg(ncrypto_key_params_t params, uint32_t *alg)
{
	return with(params, [&](ncrypto_key_params_st &p) -> int {
		if (!alg)
			return NCRYPTO_E_INVALID_ARG;
		*alg = p.p.alg;
		return NCRYPTO_OK;
	});
}

int ncrypto_key_params_get_tag_len(ncrypto_key_params_t params, size_t *tag_len)
{
	return with(params, [&](ncrypto_key_params_st &p) -> int {
		if (!tag_len)
			return NCRYPTO_E_INVALID_ARG;
		*tag_len = p.p.tag_len;
		return NCRYPTO_OK;
	});
}

int ncrypto_key_params_get_nonce(ncrypto_key_params_t params, uint32_t *policy,
				 uint64_t *counter)
{
	return with(params, [&](ncrypto_key_params_st &p) -> int {
		if (policy)
			*policy = p.p.nonce_policy;
		if (counter)
			*counter = p.p.nonce_counter;
		return NCRYPTO_OK;
	});
}

} // extern "C"
