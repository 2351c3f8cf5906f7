// Helpers of the RSA host tests (tests/pk/*rsa*): hex, Wycheproof JSON,
// keys moved between kernel/pk/rsa.h and OpenSSL's EVP_PKEY, the workspace.
#ifndef NCRYPTO_TESTS_PK_RSA_TEST_UTIL_HPP
#define NCRYPTO_TESTS_PK_RSA_TEST_UTIL_HPP

#include "rsa.h"

#include <check.h>
#include <json-c/json.h>
#include <openssl/evp.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rsat {

using Bytes = std::vector<uint8_t>;

Bytes unhex(const std::string &hex);
std::string hex(const Bytes &b);

// The eight components as big-endian strings (no leading zeros needed).
struct Parts {
	Bytes n, e, d, p, q, dp, dq, qinv;
	ncr_rsa_parts view() const;
};

// Key structs and workspaces are big: on the heap, zeroed.
template <typename T> std::unique_ptr<T> make()
{
	return std::unique_ptr<T>(new T());
}

// A Wycheproof file from tests/wycheproof/ (json_object_put when done).
json_object *load_json(const char *name);
std::string jstr(json_object *o, const char *key);
int64_t jint(json_object *o, const char *key);
json_object *jarr(json_object *o, const char *key);
bool has_flag(json_object *test, const char *flag);

// ncr_pk_hash_id of a Wycheproof "SHA-256"-style name (0 if unknown).
enum ncr_pk_hash_id hash_id(const std::string &name);
const EVP_MD *evp_md(enum ncr_pk_hash_id id);
Bytes digest(enum ncr_pk_hash_id id, const Bytes &msg);

// OpenSSL keys (EVP_PKEY_free when done).
EVP_PKEY *evp_from_parts(const Parts &p);
EVP_PKEY *evp_generate(int bits);
Parts parts_from_evp(EVP_PKEY *pkey);
Parts parts_from_json(json_object *key);	// Wycheproof "privateKey"

// Imports into ours; ck_assert on failure.
std::unique_ptr<ncr_rsa_priv> import_priv(const Parts &p, unsigned int flags = 0);
std::unique_ptr<ncr_rsa_pub> import_pub(const Bytes &n, const Bytes &e,
					unsigned int min_bits = 1024, unsigned int flags = 0);

int run_suite(Suite *s);

}  // namespace rsat

#endif
