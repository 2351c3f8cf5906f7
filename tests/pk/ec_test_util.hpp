// Helpers of the ec tests (tests/pk/ec_*.cpp): hex, Wycheproof JSON, the
// workspace, and OpenSSL (EVP) keys built from the same numbers, for the
// differential and Wycheproof tests.
#ifndef NCRYPTO_TESTS_PK_EC_TEST_UTIL_HPP
#define NCRYPTO_TESTS_PK_EC_TEST_UTIL_HPP

#include "ec.h"
#include "pk_env_user.hpp"

#include <check.h>
#include <json-c/json.h>
#include <openssl/evp.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ect {

using Bytes = std::vector<uint8_t>;

Bytes unhex(const std::string &hex);
std::string hex(const Bytes &b);
// Fails the current test unless hex(got) == want (lower case).
void assert_hex(const Bytes &got, const std::string &want);

// TEST_SRCDIR "/wycheproof/" name, parsed; fails the current test if absent.
json_object *load_wycheproof(const char *name);
std::string json_str(json_object *o, const char *key);
json_object *json_arr(json_object *o, const char *key);
bool json_has_flag(json_object *test, const char *flag);

// A workspace on the heap, as the kernel's would be.
struct Work {
	std::unique_ptr<ncr_ec_work> w{new ncr_ec_work()};
	ncr_ec_work *get() { return w.get(); }
};

// The OpenSSL curve name ("P-256") and hash of each curve.
const char *curve_name(ncr_ec_curve c);
ncr_pk_hash_id curve_hash(ncr_ec_curve c);
const EVP_MD *evp_md(ncr_pk_hash_id h);
// Digest of @msg with @h (through ncr_pk_hash, i.e. nettle).
Bytes digest(ncr_pk_hash_id h, const Bytes &msg);

struct PkeyFree {
	void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

// OpenSSL keys from raw numbers: a public point (04 || X || Y), a private
// key (scalar and its public point).
Pkey ossl_pub(ncr_ec_curve c, const Bytes &point);
Pkey ossl_priv(ncr_ec_curve c, const Bytes &d, const Bytes &point);
// A fresh OpenSSL key pair; *d and *point get its numbers.
Pkey ossl_generate(ncr_ec_curve c, Bytes *d, Bytes *point);
// Signs a digest (r || s out) / verifies r || s over a digest.
Bytes ossl_sign(EVP_PKEY *k, ncr_ec_curve c, const Bytes &hash);
bool ossl_verify(EVP_PKEY *k, ncr_ec_curve c, const Bytes &hash, const Bytes &sig);
Bytes ossl_derive(EVP_PKEY *priv, EVP_PKEY *peer);

// Strict DER (X.690) ECDSA-Sig-Value: SEQUENCE { INTEGER r, INTEGER s }
// with minimal lengths and minimal, non-negative integers, nothing after.
// On success *sig is r || s, each left-padded to @len bytes; false when
// the encoding is not strict DER or a value does not fit in @len bytes.
bool der_ecdsa_sig(const Bytes &der, size_t len, Bytes *sig);

// Strict DER SubjectPublicKeyInfo of an EC key (RFC 5480, namedCurve):
// the curve and the BIT STRING's point bytes; false for anything else.
bool der_ec_spki(const Bytes &der, ncr_ec_curve *curve, Bytes *point);

int run_suite(Suite *s);

}  // namespace ect

#endif
