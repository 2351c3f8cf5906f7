// SPDX-License-Identifier: LGPL-2.1-or-later
// The ABI as the fuzzer sees it: one row per ioctl of <linux/ncrypto.h>, one
// line per struct field (offset and width from the header itself), and the
// errnos the header documents for the ioctl. A new field is one line here:
// the generic mutations in calls.cpp then fill it with values of its kind.
#include "fuzz.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace fz {

const char *errno_name(int e)
{
	switch (e) {
#define E(x) case x: return #x
	E(EINVAL); E(EFAULT); E(E2BIG); E(ENOENT); E(EPERM); E(EACCES); E(ENOPKG);
	E(EDQUOT); E(ENOSPC); E(EBADMSG); E(EBADFD); E(EKEYREVOKED); E(EOVERFLOW);
	E(ENOMEM); E(ENOTTY); E(EBADF); E(EIO); E(EAGAIN); E(EBUSY); E(EEXIST);
	E(ENODEV); E(ENXIO); E(EINTR); E(ERANGE); E(EMSGSIZE); E(EOPNOTSUPP);
#undef E
	case 0: return "ok";
	}
	return "errno?";
}

const char *err_label(int index)
{
	return index == kNumErrnos - 1 ? "other" : errno_name(kErrnos[index]);
}

// ---- errnos per ioctl ---------------------------------------------------------------
//
// The header lists errors common to every ioctl, then says which condition
// gives which. An ioctl may return a common errno only if its condition can
// arise there: ENOENT needs a handle, EBADMSG a tag, EBADFD a session, and so
// on. EFAULT, EINVAL, E2BIG and ENOMEM can come from any struct.

#define B(e) err_bit(e)
constexpr uint32_t ANY = B(0) | B(EFAULT) | B(EINVAL) | B(E2BIG) | B(ENOMEM);
// Creating a key: FIPS refusals, quotas, a bound algorithm the kernel lacks.
constexpr uint32_t CREATE = ANY | B(EACCES) | B(EDQUOT) | B(ENOPKG);
// Using an algorithm with a key: lookup, usage, FIPS, availability, memory
// (transforms and buffers in flight are charged), nonces running out.
constexpr uint32_t USE = ANY | B(ENOENT) | B(EPERM) | B(EACCES) | B(ENOPKG) | B(EDQUOT) |
			 B(EOVERFLOW);
// A running session: failed earlier, its key revoked, output too small.
constexpr uint32_t SESS = ANY | B(ENOENT) | B(EBADFD) | B(EKEYREVOKED) | B(EDQUOT) | B(EACCES);

// ---- field lines ------------------------------------------------------------------------

#define F(T, f, ...) Field{#f, offsetof(struct T, f), sizeof(((struct T *)0)->f), __VA_ARGS__}
// A pointer and the field holding its length (in units of `unit` bytes).
#define P(T, f, len, ...) F(T, f, PTR, offsetof(struct T, len), ##__VA_ARGS__)
#define HEAD(T, mask) F(T, size, SIZE), F(T, flags, FLAGS, mask)

// The parameters of a new key, shared by GENERATE and IMPORT.
#define KEY_PARAMS(T) \
	F(T, type, ENUM, E_KEY_TYPE), \
	F(T, usage, USAGE), \
	F(T, handle, OUT), \
	F(T, alg, ENUM, E_ALG_OR_0), \
	F(T, tag_len, NUM), \
	F(T, nonce_policy, ENUM, E_NONCE), \
	F(T, nonce_fixed_len, NUM), \
	F(T, nonce_fixed, BYTES), \
	F(T, nonce_counter, NUM), \
	F(T, data_len, ZERO),	/* key parts: not fuzzed yet (ABI 1.2) */ \
	F(T, reserved0, ZERO), \
	F(T, reserved, ZERO)

// struct ncrypto_key_info: KEY_INFO's outputs. The header says "every other
// field 0" on input without naming an error; the module ignores them (a
// restrict may pass the struct KEY_INFO filled), so they are not must-fail.
#define KEY_INFO_OUTPUTS(T) \
	F(T, type, OUT), \
	F(T, key_len, OUT), \
	F(T, alg, OUT), \
	F(T, tag_len, OUT), \
	F(T, nonce_policy, OUT), \
	F(T, reserved0, ZERO), \
	F(T, nonce_counter, OUT), \
	F(T, reserved, ZERO)

#define HANDLE_ARG(kind) \
	HEAD(ncrypto_handle, 0), F(ncrypto_handle, handle, kind), F(ncrypto_handle, reserved0, ZERO)

// struct ncrypto_session_data: UPDATE takes no tag, FINAL takes one (VERIFY).
#define SESSION_DATA(mask, tag_kind, tag_len_kind) \
	HEAD(ncrypto_session_data, mask), \
	F(ncrypto_session_data, handle, SESSION), \
	F(ncrypto_session_data, src_len, LEN), \
	P(ncrypto_session_data, src, src_len), \
	P(ncrypto_session_data, dst, dst_len), \
	F(ncrypto_session_data, dst_len, LEN), \
	F(ncrypto_session_data, tag_len, tag_len_kind), \
	tag_kind, \
	F(ncrypto_session_data, reserved, ZERO)

// Builders and after-hooks live in calls.cpp.
void build_info(Call &), after_info(Call &);
void build_key_generate(Call &), build_key_import(Call &), after_key_create(Call &);
void build_key_info(Call &), after_key_info(Call &);
void build_key_export(Call &), after_key_export(Call &);
void build_key_restrict(Call &), after_key_restrict(Call &);
void build_key_destroy(Call &), after_key_destroy(Call &);
void build_op(Call &), after_op(Call &);
void build_session_init(Call &), after_session_init(Call &);
void build_session_update(Call &), after_session_update(Call &);
void build_session_final(Call &), after_session_final(Call &);
void build_session_clone(Call &), after_session_clone(Call &);
void build_session_destroy(Call &), after_session_destroy(Call &);

#define ROW(id, T, ver0) NCRYPTO_IOC_##id, ver0, sizeof(struct T)

static const std::vector<Ioctl> &table()
{
	static const std::vector<Ioctl> t = {
		{"INFO", ROW(INFO, ncrypto_info, NCRYPTO_SIZE_INFO_VER0), ANY, 15,
		 build_info, after_info, {
			HEAD(ncrypto_info, 0),
			F(ncrypto_info, abi_major, OUT),
			F(ncrypto_info, abi_minor, OUT),
			F(ncrypto_info, fips_mode, OUT),
			F(ncrypto_info, n_algs, LEN),
			P(ncrypto_info, algs, n_algs, sizeof(struct ncrypto_alg_info)),
			F(ncrypto_info, max_op_len, OUT),
			F(ncrypto_info, max_keys_per_ctx, OUT),
			F(ncrypto_info, max_sessions_per_ctx, OUT),
			F(ncrypto_info, max_keys_per_user, OUT),
			F(ncrypto_info, max_sessions_per_user, OUT),
			F(ncrypto_info, reserved0, ZERO),
			F(ncrypto_info, max_mem_per_ctx, OUT),
			F(ncrypto_info, max_mem_per_user, OUT),
			F(ncrypto_info, live_contexts, OUT),
			F(ncrypto_info, live_keys, OUT),
			F(ncrypto_info, live_sessions, OUT),
			F(ncrypto_info, ops_total, OUT),
			F(ncrypto_info, ctx_keys, OUT),
			F(ncrypto_info, ctx_sessions, OUT),
			F(ncrypto_info, ctx_mem, OUT),
			F(ncrypto_info, ctx_ops, OUT),
			F(ncrypto_info, reserved1, ZERO)}},
		{"KEY_GENERATE", ROW(KEY_GENERATE, ncrypto_key_create, NCRYPTO_SIZE_KEY_CREATE_VER0),
		 CREATE, 50, build_key_generate, after_key_create, {
			HEAD(ncrypto_key_create, 0),
			F(ncrypto_key_create, key_len, NUM),
			F(ncrypto_key_create, data, ZERO),	// "generate: 0"
			KEY_PARAMS(ncrypto_key_create)}},
		{"KEY_IMPORT", ROW(KEY_IMPORT, ncrypto_key_create, NCRYPTO_SIZE_KEY_CREATE_VER0),
		 CREATE, 50, build_key_import, after_key_create, {
			HEAD(ncrypto_key_create, 0),
			F(ncrypto_key_create, key_len, LEN),
			P(ncrypto_key_create, data, key_len),
			KEY_PARAMS(ncrypto_key_create)}},
		{"KEY_INFO", ROW(KEY_INFO, ncrypto_key_info, NCRYPTO_SIZE_KEY_INFO_VER0),
		 ANY | B(ENOENT), 30, build_key_info, after_key_info, {
			HEAD(ncrypto_key_info, 0),
			F(ncrypto_key_info, handle, KEY),
			F(ncrypto_key_info, usage, OUT),
			KEY_INFO_OUTPUTS(ncrypto_key_info)}},
		{"KEY_EXPORT", ROW(KEY_EXPORT, ncrypto_key_export, NCRYPTO_SIZE_KEY_EXPORT_VER0),
		 ANY | B(ENOENT) | B(EPERM) | B(ENOSPC), 30, build_key_export, after_key_export, {
			HEAD(ncrypto_key_export, 0),
			F(ncrypto_key_export, handle, KEY),
			F(ncrypto_key_export, data_len, LEN),
			P(ncrypto_key_export, data, data_len),
			F(ncrypto_key_export, reserved, ZERO)}},
		{"KEY_RESTRICT", ROW(KEY_RESTRICT, ncrypto_key_info, NCRYPTO_SIZE_KEY_INFO_VER0),
		 ANY | B(ENOENT) | B(EPERM), 30, build_key_restrict, after_key_restrict, {
			HEAD(ncrypto_key_info, 0),
			F(ncrypto_key_info, handle, KEY),
			F(ncrypto_key_info, usage, USAGE),
			KEY_INFO_OUTPUTS(ncrypto_key_info)}},
		{"KEY_DESTROY", ROW(KEY_DESTROY, ncrypto_handle, NCRYPTO_SIZE_HANDLE_VER0),
		 ANY | B(ENOENT), 45, build_key_destroy, after_key_destroy, {HANDLE_ARG(KEY)}},
		{"OP", ROW(OP, ncrypto_op, NCRYPTO_SIZE_OP_VER0),
		 USE | B(ENOSPC) | B(EBADMSG), 300, build_op, after_op, {
			HEAD(ncrypto_op, 0),
			F(ncrypto_op, op, ENUM, E_OP),
			F(ncrypto_op, alg, ENUM, E_ALG),
			F(ncrypto_op, key, KEY),
			F(ncrypto_op, iv_len, LEN),
			F(ncrypto_op, aad_len, LEN),
			F(ncrypto_op, tag_len, LEN),
			F(ncrypto_op, src_len, LEN),
			F(ncrypto_op, dst_len, LEN),
			P(ncrypto_op, iv, iv_len),
			P(ncrypto_op, aad, aad_len),
			P(ncrypto_op, src, src_len),
			P(ncrypto_op, dst, dst_len),
			P(ncrypto_op, tag, tag_len),
			F(ncrypto_op, params, ZERO),	// "must be 0 in ABI 1.0"
			F(ncrypto_op, params_len, ZERO),
			F(ncrypto_op, reserved0, ZERO),
			F(ncrypto_op, reserved, ZERO)}},
		{"SESSION_INIT", ROW(SESSION_INIT, ncrypto_session_init, NCRYPTO_SIZE_SESSION_INIT_VER0),
		 USE, 100, build_session_init, after_session_init, {
			HEAD(ncrypto_session_init, 0),
			F(ncrypto_session_init, op, ENUM, E_OP),
			F(ncrypto_session_init, alg, ENUM, E_ALG),
			F(ncrypto_session_init, key, KEY),
			F(ncrypto_session_init, iv_len, LEN),
			P(ncrypto_session_init, iv, iv_len),
			F(ncrypto_session_init, handle, OUT),
			F(ncrypto_session_init, reserved0, ZERO),
			F(ncrypto_session_init, reserved, ZERO)}},
		{"SESSION_UPDATE", ROW(SESSION_UPDATE, ncrypto_session_data, NCRYPTO_SIZE_SESSION_DATA_VER0),
		 SESS | B(ENOSPC), 120, build_session_update, after_session_update, {
			SESSION_DATA(0, F(ncrypto_session_data, tag, ZERO), ZERO)}},
		{"SESSION_FINAL", ROW(SESSION_FINAL, ncrypto_session_data, NCRYPTO_SIZE_SESSION_DATA_VER0),
		 SESS | B(ENOSPC) | B(EBADMSG), 60, build_session_final, after_session_final, {
			SESSION_DATA(NCRYPTO_SESSION_F_ALL, P(ncrypto_session_data, tag, tag_len), LEN)}},
		{"SESSION_CLONE", ROW(SESSION_CLONE, ncrypto_session_clone, NCRYPTO_SIZE_SESSION_CLONE_VER0),
		 SESS | B(EPERM), 30, build_session_clone, after_session_clone, {
			HEAD(ncrypto_session_clone, 0),
			F(ncrypto_session_clone, handle, SESSION),
			F(ncrypto_session_clone, new_handle, OUT),
			F(ncrypto_session_clone, reserved, ZERO)}},
		{"SESSION_DESTROY", ROW(SESSION_DESTROY, ncrypto_handle, NCRYPTO_SIZE_HANDLE_VER0),
		 ANY | B(ENOENT), 30, build_session_destroy, after_session_destroy,
		 {HANDLE_ARG(SESSION)}},
	};
	return t;
}

const Ioctl &ioctl_desc(int id)
{
	return table().at(id);
}

// Every byte of every struct is described by exactly one field: a field the
// header gains and this table lacks is reported here, not silently left 0.
bool tables_complete()
{
	bool ok = true;
	for (const Ioctl &io : table()) {
		std::vector<int> covered(io.size, 0);
		for (const Field &f : io.fields)
			for (size_t i = f.off; i < (size_t)f.off + f.width && i < io.size; i++)
				covered[i]++;
		for (size_t i = 0; i < io.size; i++) {
			size_t j = i;
			while (j < io.size && covered[j] == covered[i])
				j++;
			if (covered[i] != 1) {
				fprintf(stderr, "ncrypto-fuzz: %s: bytes %zu..%zu of its struct are %s "
					"(tests/fuzz/abi.cpp)\n", io.name, i, j - 1,
					covered[i] ? "described twice" : "not described");
				ok = false;
			}
			i = j - 1;
		}
	}
	return ok;
}

// ---- enums ---------------------------------------------------------------------------------

const std::vector<uint32_t> &enum_values(EnumId id)
{
	static const std::vector<uint32_t> algs = {
		NCRYPTO_ALG_SHA1, NCRYPTO_ALG_SHA224, NCRYPTO_ALG_SHA256, NCRYPTO_ALG_SHA384,
		NCRYPTO_ALG_SHA512, NCRYPTO_ALG_SHA3_256, NCRYPTO_ALG_SHA3_384,
		NCRYPTO_ALG_SHA3_512, NCRYPTO_ALG_HMAC_SHA1, NCRYPTO_ALG_HMAC_SHA224,
		NCRYPTO_ALG_HMAC_SHA256, NCRYPTO_ALG_HMAC_SHA384, NCRYPTO_ALG_HMAC_SHA512,
		NCRYPTO_ALG_HMAC_SHA3_256, NCRYPTO_ALG_HMAC_SHA3_384, NCRYPTO_ALG_HMAC_SHA3_512,
		NCRYPTO_ALG_AES_CBC, NCRYPTO_ALG_AES_CTR, NCRYPTO_ALG_AES_XTS, NCRYPTO_ALG_AES_GCM,
		NCRYPTO_ALG_CHACHA20_POLY1305, NCRYPTO_ALG_NULL_CIPHER};
	static const std::vector<uint32_t> algs0 = [] {
		std::vector<uint32_t> v = {0};
		v.insert(v.end(), algs.begin(), algs.end());
		return v;
	}();
	static const std::vector<uint32_t> ops = {NCRYPTO_OP_ENCRYPT, NCRYPTO_OP_DECRYPT,
						  NCRYPTO_OP_DIGEST, NCRYPTO_OP_SIGN,
						  NCRYPTO_OP_VERIFY};
	static const std::vector<uint32_t> types = {NCRYPTO_KEY_TYPE_GENERIC_SECRET,
						    NCRYPTO_KEY_TYPE_AES, NCRYPTO_KEY_TYPE_CHACHA20};
	static const std::vector<uint32_t> nonces = {NCRYPTO_NONCE_CALLER, NCRYPTO_NONCE_RANDOM,
						     NCRYPTO_NONCE_COUNTER,
						     NCRYPTO_NONCE_COUNTER_XOR};
	switch (id) {
	case E_ALG: return algs;
	case E_ALG_OR_0: return algs0;
	case E_OP: return ops;
	case E_KEY_TYPE: return types;
	default: return nonces;
	}
}

bool enum_valid(EnumId id, uint32_t v)
{
	for (uint32_t x : enum_values(id))
		if (x == v)
			return true;
	return false;
}

} // namespace fz
