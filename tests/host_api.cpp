// SPDX-License-Identifier: LGPL-2.1-or-later
// libncrypto without the module (make check on the build host): name tables,
// output lengths, strerror, the version, NULL handles, and the error for a
// missing device.
#include <config.h>	// PACKAGE_VERSION

#include "common.hpp"

#include <cerrno>
#include <cstring>
#include <set>
#include <string>
#include <unistd.h>

namespace {

struct AlgName {
	uint32_t alg;
	const char *name;	// the name <ncrypto.h> promises, or NULL
	size_t out_len;
};

const AlgName algs[] = {
	{NCRYPTO_ALG_SHA1, nullptr, 20},
	{NCRYPTO_ALG_SHA224, nullptr, 28},
	{NCRYPTO_ALG_SHA256, "sha256", 32},
	{NCRYPTO_ALG_SHA384, nullptr, 48},
	{NCRYPTO_ALG_SHA512, nullptr, 64},
	{NCRYPTO_ALG_SHA3_256, nullptr, 32},
	{NCRYPTO_ALG_SHA3_384, nullptr, 48},
	{NCRYPTO_ALG_SHA3_512, nullptr, 64},
	{NCRYPTO_ALG_HMAC_SHA1, nullptr, 20},
	{NCRYPTO_ALG_HMAC_SHA224, nullptr, 28},
	{NCRYPTO_ALG_HMAC_SHA256, "hmac-sha256", 32},
	{NCRYPTO_ALG_HMAC_SHA384, nullptr, 48},
	{NCRYPTO_ALG_HMAC_SHA512, nullptr, 64},
	{NCRYPTO_ALG_HMAC_SHA3_256, nullptr, 32},
	{NCRYPTO_ALG_HMAC_SHA3_384, nullptr, 48},
	{NCRYPTO_ALG_HMAC_SHA3_512, nullptr, 64},
	{NCRYPTO_ALG_AES_CBC, "aes-cbc", 0},
	{NCRYPTO_ALG_AES_CTR, nullptr, 0},
	{NCRYPTO_ALG_AES_XTS, nullptr, 0},
	{NCRYPTO_ALG_AES_GCM, "aes-gcm", 0},
	{NCRYPTO_ALG_CHACHA20_POLY1305, "chacha20-poly1305", 0},
	{NCRYPTO_ALG_NULL_CIPHER, "null", 0},
};
const size_t n_algs = sizeof(algs) / sizeof(algs[0]);

START_TEST(test_alg_names)
{
	const AlgName &a = algs[_i];
	const char *name = ncrypto_alg_name(a.alg);
	ck_assert_msg(name != nullptr && *name, "alg %u has no name", a.alg);
	if (a.name)
		ck_assert_str_eq(name, a.name);
	uint32_t back = 0;
	ck_assert_int_eq(ncrypto_alg_from_name(name, &back), NCRYPTO_OK);
	ck_assert_uint_eq(back, a.alg);
	ck_assert_uint_eq(ncrypto_alg_output_len(a.alg), a.out_len);
}
END_TEST

START_TEST(test_alg_names_distinct)
{
	std::set<std::string> seen;
	for (size_t i = 0; i < n_algs; i++)
		ck_assert_msg(seen.insert(ncrypto_alg_name(algs[i].alg)).second,
			      "duplicate name %s", ncrypto_alg_name(algs[i].alg));
}
END_TEST

START_TEST(test_alg_unknown)
{
	const uint32_t unknown[] = {NCRYPTO_ALG_NONE, 9, 15, 24, 35, 50, 62, 68, 90, 127,
				    __NCRYPTO_ALG_MAX, 0xffffffffu};
	for (uint32_t a : unknown) {
		ck_assert_msg(ncrypto_alg_name(a) == nullptr, "alg %u has a name", a);
		ck_assert_uint_eq(ncrypto_alg_output_len(a), 0);
	}
	uint32_t alg = 12345;
	ck_assert_int_ne(ncrypto_alg_from_name("no-such-alg", &alg), NCRYPTO_OK);
	ck_assert_int_ne(ncrypto_alg_from_name("", &alg), NCRYPTO_OK);
	ck_assert_int_ne(ncrypto_alg_from_name(nullptr, &alg), NCRYPTO_OK);
	ck_assert_int_ne(ncrypto_alg_from_name("sha256", nullptr), NCRYPTO_OK);
	// Names are exact, not prefixes.
	ck_assert_int_ne(ncrypto_alg_from_name("sha2", &alg), NCRYPTO_OK);
	ck_assert_int_ne(ncrypto_alg_from_name("sha256x", &alg), NCRYPTO_OK);
}
END_TEST

START_TEST(test_key_type_names)
{
	const struct {
		uint32_t type;
		const char *name;
	} types[] = {
		{NCRYPTO_KEY_TYPE_GENERIC_SECRET, "secret"},
		{NCRYPTO_KEY_TYPE_AES, "aes"},
		{NCRYPTO_KEY_TYPE_CHACHA20, "chacha20"},
		{NCRYPTO_KEY_TYPE_RSA_PRIVATE, "rsa"},
		{NCRYPTO_KEY_TYPE_RSA_PUBLIC, "rsa-public"},
		{NCRYPTO_KEY_TYPE_EC_P256_PRIVATE, "p256"},
		{NCRYPTO_KEY_TYPE_EC_P384_PUBLIC, "p384-public"},
		{NCRYPTO_KEY_TYPE_ED25519_PRIVATE, "ed25519"},
		{NCRYPTO_KEY_TYPE_X25519_PRIVATE, "x25519"},
	};
	for (auto &t : types) {
		const char *name = ncrypto_key_type_name(t.type);
		ck_assert_ptr_nonnull(name);
		ck_assert_str_eq(name, t.name);
		uint32_t back = 0;
		ck_assert_int_eq(ncrypto_key_type_from_name(t.name, &back), NCRYPTO_OK);
		ck_assert_uint_eq(back, t.type);
	}
	ck_assert_ptr_null(ncrypto_key_type_name(NCRYPTO_KEY_TYPE_NONE));
	ck_assert_ptr_null(ncrypto_key_type_name(__NCRYPTO_KEY_TYPE_MAX));
	ck_assert_ptr_null(ncrypto_key_type_name(15));
	ck_assert_ptr_null(ncrypto_key_type_name(25));
	uint32_t type;
	ck_assert_int_ne(ncrypto_key_type_from_name("rsa-private", &type), NCRYPTO_OK);
	ck_assert_int_ne(ncrypto_key_type_from_name(nullptr, &type), NCRYPTO_OK);
	ck_assert_int_ne(ncrypto_key_type_from_name("aes", nullptr), NCRYPTO_OK);
}
END_TEST

START_TEST(test_strerror)
{
	std::set<std::string> seen;
	for (int e = NCRYPTO_OK; e >= NCRYPTO_E_NONCES_EXHAUSTED; e--) {
		const char *m = ncrypto_strerror(e);
		ck_assert_msg(m != nullptr && *m, "no message for %d", e);
		ck_assert_msg(seen.insert(m).second, "message of %d (%s) not distinct", e, m);
	}
	// Codes the library does not know still get a message, never NULL.
	const int unknown[] = {1, 42, NCRYPTO_E_NONCES_EXHAUSTED - 1, -1000, -EINVAL * 100};
	for (int e : unknown) {
		const char *m = ncrypto_strerror(e);
		ck_assert_msg(m != nullptr && *m, "no message for unknown code %d", e);
	}
	std::string nl = ncrypto_strerror(NCRYPTO_E_NOT_LOADED);
	ck_assert_msg(nl.find("module") != std::string::npos,
		      "NCRYPTO_E_NOT_LOADED message does not mention the module: %s",
		      nl.c_str());
}
END_TEST

// The library's version is the header's and configure's.
START_TEST(test_version)
{
	const char *v = ncrypto_version();
	ck_assert_ptr_nonnull(v);
	ck_assert_str_eq(v, PACKAGE_VERSION);
	uint32_t major = 99, minor = 99, patch = 99;
	ck_assert_int_eq(ncrypto_version_numbers(&major, &minor, &patch), NCRYPTO_OK);
	ck_assert_uint_eq(major, NCRYPTO_VERSION_MAJOR);
	ck_assert_uint_eq(minor, NCRYPTO_VERSION_MINOR);
	ck_assert_uint_eq(patch, NCRYPTO_VERSION_PATCH);
	std::string dotted = std::to_string(major) + "." + std::to_string(minor) + "." +
			     std::to_string(patch);
	ck_assert_str_eq(v, dotted.c_str());
	ck_assert_int_eq(ncrypto_version_numbers(nullptr, nullptr, nullptr), NCRYPTO_OK);
}
END_TEST

START_TEST(test_null_handles)
{
	ck_assert_int_eq(ncrypto_close(nullptr), NCRYPTO_OK);
	ck_assert_int_eq(ncrypto_key_destroy(nullptr), NCRYPTO_OK);
	ck_assert_int_eq(ncrypto_session_destroy(nullptr), NCRYPTO_OK);

	uint8_t buf[64] = {0}, iv[16] = {0};
	size_t len = sizeof(buf);
	int fd;
	uint32_t u32;
	size_t sz;
	uint64_t u64;
	ncrypto_info_t info = nullptr;
	ncrypto_key_t key = nullptr;
	ncrypto_session_t sess = nullptr;

	ck_assert_int_eq(ncrypto_ctx_fd(nullptr, &fd), NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_info_get(nullptr, &info), NCRYPTO_E_BAD_HANDLE);
	ck_assert_ptr_null(info);
	ck_assert_int_eq(ncrypto_info_free(nullptr), NCRYPTO_OK);
	ck_assert_int_eq(ncrypto_info_value(nullptr, NCRYPTO_INFO_ABI_MAJOR, &u64),
			 NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_info_alg_value(nullptr, 0, NCRYPTO_ALG_INFO_ALG, &u64),
			 NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_info_alg_index(nullptr, NCRYPTO_ALG_SHA256, &sz),
			 NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_key_generate(nullptr, NCRYPTO_KEY_TYPE_AES, 16,
					      NCRYPTO_KEY_ENCRYPT, &key), NCRYPTO_E_BAD_HANDLE);
	ck_assert_ptr_null(key);
	ck_assert_int_eq(ncrypto_key_import(nullptr, NCRYPTO_KEY_TYPE_AES, buf, 16,
					    NCRYPTO_KEY_ENCRYPT, &key), NCRYPTO_E_BAD_HANDLE);
	ck_assert_ptr_null(key);
	ck_assert_int_eq(ncrypto_key_export(nullptr, buf, &len), NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_key_get_info(nullptr, &u32, &sz, &u32), NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_key_restrict(nullptr, 0), NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_key_handle(nullptr, &u32), NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_hash(nullptr, NCRYPTO_ALG_SHA256, buf, 1, buf, &len),
			 NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_mac(nullptr, NCRYPTO_ALG_HMAC_SHA256, buf, 1, buf, &len),
			 NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_mac_verify(nullptr, NCRYPTO_ALG_HMAC_SHA256, buf, 1, buf, 32),
			 NCRYPTO_E_BAD_HANDLE);
	len = sizeof(buf);
	ck_assert_int_eq(ncrypto_encrypt(nullptr, NCRYPTO_ALG_AES_CBC, iv, 16, buf, 16, buf,
					 &len), NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_decrypt(nullptr, NCRYPTO_ALG_AES_CBC, iv, 16, buf, 16, buf,
					 &len), NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_cbc_pkcs7_encrypt(nullptr, iv, 16, buf, 16, buf, &len),
			 NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_cbc_pkcs7_decrypt(nullptr, iv, 16, buf, 16, buf, &len),
			 NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_aead_encrypt(nullptr, NCRYPTO_ALG_AES_GCM, iv, 12, buf, 0,
					      buf, 16, buf, &len, buf + 32, 16),
			 NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_aead_decrypt(nullptr, NCRYPTO_ALG_AES_GCM, iv, 12, buf, 0,
					      buf, 16, buf + 32, 16, buf, &len),
			 NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_session_init(nullptr, NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256,
					      nullptr, nullptr, 0, &sess), NCRYPTO_E_BAD_HANDLE);
	ck_assert_ptr_null(sess);
	ck_assert_int_eq(ncrypto_session_update(nullptr, buf, 1, nullptr, nullptr),
			 NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_session_final(nullptr, buf, &len), NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_session_verify(nullptr, buf, 16), NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_session_clone(nullptr, &sess), NCRYPTO_E_BAD_HANDLE);
	ck_assert_ptr_null(sess);

	// Since 0.2.
	ncrypto_key_params_t params = nullptr;
	ck_assert_int_eq(ncrypto_key_params_set_alg(nullptr, NCRYPTO_ALG_AES_GCM),
			 NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_key_params_set_tag_len(nullptr, 16), NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_key_params_set_nonce(nullptr, NCRYPTO_NONCE_RANDOM, nullptr, 0, 0),
			 NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_key_params_get_alg(nullptr, &u32), NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_key_params_get_tag_len(nullptr, &sz), NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_key_params_get_nonce(nullptr, &u32, &u64), NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_key_generate_ex(nullptr, NCRYPTO_KEY_TYPE_AES, 16,
						 NCRYPTO_KEY_ENCRYPT, params, &key),
			 NCRYPTO_E_BAD_HANDLE);
	ck_assert_ptr_null(key);
	ck_assert_int_eq(ncrypto_key_import_ex(nullptr, NCRYPTO_KEY_TYPE_AES, buf, 16,
					       NCRYPTO_KEY_ENCRYPT, params, &key),
			 NCRYPTO_E_BAD_HANDLE);
	ck_assert_ptr_null(key);
	ck_assert_int_eq(ncrypto_key_params_new(&params), NCRYPTO_OK);
	ck_assert_int_eq(ncrypto_key_get_params(nullptr, params), NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_key_params_free(params), NCRYPTO_OK);
	len = sizeof(buf);
	ck_assert_int_eq(ncrypto_aead_encrypt_gen_nonce(nullptr, NCRYPTO_ALG_AES_GCM, iv, 12, buf,
							0, buf, 16, buf, &len, buf + 32, 16),
			 NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_encrypt_gen_nonce(nullptr, NCRYPTO_ALG_AES_CTR, iv, 16, buf, 16,
						   buf, &len), NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_session_init_gen_nonce(nullptr, NCRYPTO_ALG_AES_CTR, nullptr, iv,
							16, &sess), NCRYPTO_E_BAD_HANDLE);
	ck_assert_ptr_null(sess);
}
END_TEST

// Parameter sets are library objects: built and read without the module.
START_TEST(test_key_params)
{
	ncrypto_key_params_t p = nullptr;
	ck_assert_int_eq(ncrypto_key_params_new(nullptr), NCRYPTO_E_INVALID_ARG);
	ck_assert_int_eq(ncrypto_key_params_new(&p), NCRYPTO_OK);
	ck_assert_ptr_nonnull(p);

	// Defaults: the ABI 1.0 key.
	uint32_t alg = 99, policy = 99;
	size_t tag_len = 99;
	uint64_t counter = 99;
	ck_assert_int_eq(ncrypto_key_params_get_alg(p, &alg), NCRYPTO_OK);
	ck_assert_int_eq(ncrypto_key_params_get_tag_len(p, &tag_len), NCRYPTO_OK);
	ck_assert_int_eq(ncrypto_key_params_get_nonce(p, &policy, &counter), NCRYPTO_OK);
	ck_assert_uint_eq(alg, NCRYPTO_ALG_NONE);
	ck_assert_uint_eq(tag_len, 0);
	ck_assert_uint_eq(policy, NCRYPTO_NONCE_CALLER);
	ck_assert_uint_eq(counter, 0);

	const uint8_t iv[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
	ck_assert_int_eq(ncrypto_key_params_set_alg(p, NCRYPTO_ALG_AES_GCM), NCRYPTO_OK);
	ck_assert_int_eq(ncrypto_key_params_set_tag_len(p, 12), NCRYPTO_OK);
	ck_assert_int_eq(ncrypto_key_params_set_nonce(p, NCRYPTO_NONCE_COUNTER_XOR, iv,
						      sizeof(iv), 7), NCRYPTO_OK);
	ck_assert_int_eq(ncrypto_key_params_get_alg(p, &alg), NCRYPTO_OK);
	ck_assert_int_eq(ncrypto_key_params_get_tag_len(p, &tag_len), NCRYPTO_OK);
	ck_assert_int_eq(ncrypto_key_params_get_nonce(p, &policy, nullptr), NCRYPTO_OK);
	ck_assert_int_eq(ncrypto_key_params_get_nonce(p, nullptr, &counter), NCRYPTO_OK);
	ck_assert_uint_eq(alg, NCRYPTO_ALG_AES_GCM);
	ck_assert_uint_eq(tag_len, 12);
	ck_assert_uint_eq(policy, NCRYPTO_NONCE_COUNTER_XOR);
	ck_assert_uint_eq(counter, 7);

	// What the library cannot store, or does not know, is refused and
	// leaves the set as it was.
	uint8_t big[NCRYPTO_MAX_NONCE_FIXED_LEN + 1] = {0};
	ck_assert_int_eq(ncrypto_key_params_set_nonce(p, __NCRYPTO_NONCE_MAX, nullptr, 0, 0),
			 NCRYPTO_E_INVALID_ARG);
	ck_assert_int_eq(ncrypto_key_params_set_nonce(p, NCRYPTO_NONCE_COUNTER, nullptr, 4, 0),
			 NCRYPTO_E_INVALID_ARG);
	ck_assert_int_eq(ncrypto_key_params_set_nonce(p, NCRYPTO_NONCE_COUNTER, big,
						      sizeof(big), 0), NCRYPTO_E_INVALID_ARG);
	if (sizeof(size_t) > 4)
		ck_assert_int_eq(ncrypto_key_params_set_tag_len(p, (size_t)UINT32_MAX + 1),
				 NCRYPTO_E_INVALID_ARG);
	ck_assert_int_eq(ncrypto_key_params_get_nonce(p, &policy, &counter), NCRYPTO_OK);
	ck_assert_uint_eq(policy, NCRYPTO_NONCE_COUNTER_XOR);
	ck_assert_uint_eq(counter, 7);
	ck_assert_int_eq(ncrypto_key_params_get_alg(p, nullptr), NCRYPTO_E_INVALID_ARG);
	ck_assert_int_eq(ncrypto_key_params_get_tag_len(p, nullptr), NCRYPTO_E_INVALID_ARG);

	// Another handle type is not a parameter set.
	ncrypto_info_t not_params = reinterpret_cast<ncrypto_info_t>(p);
	ck_assert_int_eq(ncrypto_info_free(not_params), NCRYPTO_E_BAD_HANDLE);
	ck_assert_int_eq(ncrypto_key_params_free(p), NCRYPTO_OK);
	ck_assert_int_eq(ncrypto_key_params_free(nullptr), NCRYPTO_OK);
}
END_TEST

START_TEST(test_open_missing)
{
	ncrypto_ctx_t ctx = nullptr;
	int r = ncrypto_open(&ctx, "/nonexistent/ncrypto");
	ck_assert_msg(r == NCRYPTO_E_NOT_LOADED, "ncrypto_open(/nonexistent) = %s",
		      nct::err_name(r));
	ck_assert_ptr_null(ctx);
	ck_assert_int_eq(ncrypto_last_errno(), ENOENT);
	ck_assert_msg(strstr(ncrypto_strerror(r), "module") != nullptr,
		      "message does not mention the module: %s", ncrypto_strerror(r));

	// The build host has no module: the default path is missing too.
	if (access(NCRYPTO_DEVICE_PATH, F_OK) != 0) {
		r = ncrypto_open(&ctx, nullptr);
		ck_assert_msg(r == NCRYPTO_E_NOT_LOADED, "ncrypto_open(NULL) = %s",
			      nct::err_name(r));
		ck_assert_ptr_null(ctx);
	}
	ck_assert_int_ne(ncrypto_open(nullptr, "/nonexistent/ncrypto"), NCRYPTO_OK);
}
END_TEST

START_TEST(test_open_fd_bad)
{
	ncrypto_ctx_t ctx = nullptr;
	ck_assert_int_ne(ncrypto_open_fd(&ctx, -1), NCRYPTO_OK);
	ck_assert_ptr_null(ctx);
	ck_assert_int_ne(ncrypto_open_fd(nullptr, 0), NCRYPTO_OK);
}
END_TEST

} // namespace

int main()
{
	Suite *s = suite_create("host_api");
	TCase *tc = tcase_create("names");
	tcase_add_loop_test(tc, test_alg_names, 0, (int)n_algs);
	tcase_add_test(tc, test_alg_names_distinct);
	tcase_add_test(tc, test_alg_unknown);
	tcase_add_test(tc, test_key_type_names);
	tcase_add_test(tc, test_strerror);
	tcase_add_test(tc, test_version);
	tcase_add_test(tc, test_key_params);
	suite_add_tcase(s, tc);
	tc = tcase_create("handles");
	tcase_add_test(tc, test_null_handles);
	tcase_add_test(tc, test_open_missing);
	tcase_add_test(tc, test_open_fd_bad);
	suite_add_tcase(s, tc);
	return nct::run_suite(s);
}
