// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Info snapshots: one NCRYPTO_IOC_INFO into a library object, read field by
// field. The kernel's struct ncrypto_info grows with the ABI; keeping it
// here means it never lands in a caller's memory sized by an older header.
#include <vector>

#include "handle.hpp"

using namespace ncrypto_impl;

namespace {

// One ioctl gives the counters and the algorithm table of one moment: room
// for every algorithm number the ABI reserves, and a retry should a module
// list more.
int snapshot(const Device &dev, ncrypto_info_st &s)
{
	s.algs.resize(__NCRYPTO_ALG_MAX);
	for (;;) {
		abi::info(s.info, s.algs.data(), clamp_u32(s.algs.size()));
		int rc = xioctl(dev, NCRYPTO_IOC_INFO, &s.info);
		if (rc != NCRYPTO_OK)
			return rc;
		bool fits = s.info.n_algs <= s.algs.size();
		s.algs.resize(s.info.n_algs);
		if (fits) {
			s.info.algs = 0; // the vector may move; nothing reads it
			return NCRYPTO_OK;
		}
	}
}

bool abi_1_1(const struct ncrypto_info &i) noexcept { return i.abi_minor >= 1; }

// ABI 1.1 shows module-wide counters to CAP_SYS_ADMIN only and zeros for
// anyone else. A shown live_contexts is at least 1 (this context), so 0
// means hidden, not "nothing".
int module_counter(const struct ncrypto_info &i, uint64_t v, uint64_t *value) noexcept
{
	if (abi_1_1(i) && i.live_contexts == 0)
		return NCRYPTO_E_PERMISSION;
	*value = v;
	return NCRYPTO_OK;
}

int info_value(const ncrypto_info_st &s, uint32_t field, uint64_t *value) noexcept
{
	const struct ncrypto_info &i = s.info;
	uint64_t v;
	switch (field) {
	case NCRYPTO_INFO_ABI_MAJOR: v = i.abi_major; break;
	case NCRYPTO_INFO_ABI_MINOR: v = i.abi_minor; break;
	case NCRYPTO_INFO_FIPS_MODE: v = i.fips_mode; break;
	case NCRYPTO_INFO_ALG_COUNT: v = s.algs.size(); break;
	case NCRYPTO_INFO_MAX_OP_LEN: v = i.max_op_len; break;
	case NCRYPTO_INFO_MAX_KEYS_PER_CTX: v = i.max_keys_per_ctx; break;
	case NCRYPTO_INFO_MAX_SESSIONS_PER_CTX: v = i.max_sessions_per_ctx; break;
	case NCRYPTO_INFO_MAX_KEYS_PER_USER: v = i.max_keys_per_user; break;
	case NCRYPTO_INFO_MAX_SESSIONS_PER_USER: v = i.max_sessions_per_user; break;
	case NCRYPTO_INFO_MAX_MEM_PER_CTX: v = i.max_mem_per_ctx; break;
	case NCRYPTO_INFO_MAX_MEM_PER_USER: v = i.max_mem_per_user; break;
	case NCRYPTO_INFO_LIVE_CONTEXTS: return module_counter(i, i.live_contexts, value);
	case NCRYPTO_INFO_LIVE_KEYS: return module_counter(i, i.live_keys, value);
	case NCRYPTO_INFO_LIVE_SESSIONS: return module_counter(i, i.live_sessions, value);
	case NCRYPTO_INFO_OPS_TOTAL: return module_counter(i, i.ops_total, value);
	case NCRYPTO_INFO_CTX_KEYS: v = i.ctx_keys; break;
	case NCRYPTO_INFO_CTX_SESSIONS: v = i.ctx_sessions; break;
	case NCRYPTO_INFO_CTX_MEM: v = i.ctx_mem; break;
	case NCRYPTO_INFO_CTX_OPS:
		if (!abi_1_1(i))
			return NCRYPTO_E_UNSUPPORTED; // reserved, zero, in ABI 1.0
		v = i.ctx_ops;
		break;
	default:
		return NCRYPTO_E_INVALID_ARG;
	}
	*value = v;
	return NCRYPTO_OK;
}

int alg_value(const ncrypto_info_st &s, const struct ncrypto_alg_info &a, uint32_t field,
	      uint64_t *value) noexcept
{
	uint64_t v;
	switch (field) {
	case NCRYPTO_ALG_INFO_ALG: v = a.alg; break;
	case NCRYPTO_ALG_INFO_CLASS: v = a.alg_class; break;
	case NCRYPTO_ALG_INFO_FLAGS: v = a.flags; break;
	case NCRYPTO_ALG_INFO_KEY_TYPE: v = a.key_type; break;
	case NCRYPTO_ALG_INFO_MIN_KEY_LEN: v = a.min_key_len; break;
	case NCRYPTO_ALG_INFO_MAX_KEY_LEN: v = a.max_key_len; break;
	case NCRYPTO_ALG_INFO_IV_LEN: v = a.iv_len; break;
	case NCRYPTO_ALG_INFO_BLOCK_LEN: v = a.block_len; break;
	case NCRYPTO_ALG_INFO_OUT_LEN: v = a.out_len; break;
	case NCRYPTO_ALG_INFO_UPDATE_LEN:
		// Reserved in ABI 1.0, where its 0 would read "all at final".
		if (!abi_1_1(s.info))
			return NCRYPTO_E_UNSUPPORTED;
		v = a.update_len;
		break;
	case NCRYPTO_ALG_INFO_OPS: v = a.ops; break;
	default:
		return NCRYPTO_E_INVALID_ARG;
	}
	*value = v;
	return NCRYPTO_OK;
}

} // namespace

extern "C" {

int ncrypto_info_get(ncrypto_ctx_t ctx, ncrypto_info_t *info)
{
	return with(ctx, [&](ncrypto_ctx_st &c) -> int {
		if (!info)
			return NCRYPTO_E_INVALID_ARG;
		*info = nullptr;
		auto s = std::make_unique<ncrypto_info_st>();
		int rc = snapshot(*c.dev, *s);
		if (rc == NCRYPTO_OK)
			*info = s.release();
		return rc;
	});
}

int ncrypto_info_free(ncrypto_info_t info)
{
	if (!info)
		return NCRYPTO_OK;
	return with(info, [](ncrypto_info_st &s) -> int { release(&s); return NCRYPTO_OK; });
}

int ncrypto_info_value(ncrypto_info_t info, uint32_t field, uint64_t *value)
{
	return with(info, [&](ncrypto_info_st &s) -> int {
		if (!value)
			return NCRYPTO_E_INVALID_ARG;
		return info_value(s, field, value);
	});
}

int ncrypto_info_alg_value(ncrypto_info_t info, size_t index, uint32_t field, uint64_t *value)
{
	return with(info, [&](ncrypto_info_st &s) -> int {
		if (!value || index >= s.algs.size())
			return NCRYPTO_E_INVALID_ARG;
		return alg_value(s, s.algs[index], field, value);
	});
}

int ncrypto_info_alg_index(ncrypto_info_t info, uint32_t alg, size_t *index)
{
	return with(info, [&](ncrypto_info_st &s) -> int {
		if (!index)
			return NCRYPTO_E_INVALID_ARG;
		for (size_t i = 0; i < s.algs.size(); i++)
			if (s.algs[i].alg == alg) {
				*index = i;
				return NCRYPTO_OK;
			}
		return NCRYPTO_E_UNSUPPORTED;
	});
}

} // extern "C"
