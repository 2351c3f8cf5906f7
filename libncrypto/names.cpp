// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Name tables: algorithm and key-type numbers of the ABI <-> the names the
// CLI and configuration files use, and the output length of hashes and MACs.
#include <cstring>

#include "handle.hpp"

namespace {

struct AlgName {
	uint32_t alg;
	const char *name;
	size_t out_len; // digest/MAC bytes, 0 for ciphers and AEADs
};

constexpr AlgName alg_names[] = {
	{NCRYPTO_ALG_SHA1, "sha1", 20},
	{NCRYPTO_ALG_SHA224, "sha224", 28},
	{NCRYPTO_ALG_SHA256, "sha256", 32},
	{NCRYPTO_ALG_SHA384, "sha384", 48},
	{NCRYPTO_ALG_SHA512, "sha512", 64},
	{NCRYPTO_ALG_SHA3_256, "sha3-256", 32},
	{NCRYPTO_ALG_SHA3_384, "sha3-384", 48},
	{NCRYPTO_ALG_SHA3_512, "sha3-512", 64},
	{NCRYPTO_ALG_HMAC_SHA1, "hmac-sha1", 20},
	{NCRYPTO_ALG_HMAC_SHA224, "hmac-sha224", 28},
	{NCRYPTO_ALG_HMAC_SHA256, "hmac-sha256", 32},
	{NCRYPTO_ALG_HMAC_SHA384, "hmac-sha384", 48},
	{NCRYPTO_ALG_HMAC_SHA512, "hmac-sha512", 64},
	{NCRYPTO_ALG_HMAC_SHA3_256, "hmac-sha3-256", 32},
	{NCRYPTO_ALG_HMAC_SHA3_384, "hmac-sha3-384", 48},
	{NCRYPTO_ALG_HMAC_SHA3_512, "hmac-sha3-512", 64},
	{NCRYPTO_ALG_AES_CBC, "aes-cbc", 0},
	{NCRYPTO_ALG_AES_CTR, "aes-ctr", 0},
	{NCRYPTO_ALG_AES_XTS, "aes-xts", 0},
	{NCRYPTO_ALG_AES_GCM, "aes-gcm", 0},
	{NCRYPTO_ALG_CHACHA20_POLY1305, "chacha20-poly1305", 0},
	{NCRYPTO_ALG_NULL_CIPHER, "null", 0},
	{NCRYPTO_ALG_RSA_PKCS1, "rsa-pkcs1", 0},
	{NCRYPTO_ALG_RSA_PSS, "rsa-pss", 0},
	{NCRYPTO_ALG_ECDSA, "ecdsa", 0},
	{NCRYPTO_ALG_ED25519, "ed25519", 0},
	{NCRYPTO_ALG_RSA_OAEP, "rsa-oaep", 0},
	{NCRYPTO_ALG_RSA_PKCS1_ENC, "rsa-pkcs1-enc", 0},
	{NCRYPTO_ALG_ECDH, "ecdh", 0},
	{NCRYPTO_ALG_X25519, "x25519", 0},
};

struct KeyTypeName {
	uint32_t type;
	const char *name;
};

constexpr KeyTypeName key_type_names[] = {
	{NCRYPTO_KEY_TYPE_GENERIC_SECRET, "secret"},
	{NCRYPTO_KEY_TYPE_AES, "aes"},
	{NCRYPTO_KEY_TYPE_CHACHA20, "chacha20"},
	{NCRYPTO_KEY_TYPE_RSA_PRIVATE, "rsa"},
	{NCRYPTO_KEY_TYPE_RSA_PUBLIC, "rsa-public"},
	{NCRYPTO_KEY_TYPE_EC_P256_PRIVATE, "p256"},
	{NCRYPTO_KEY_TYPE_EC_P256_PUBLIC, "p256-public"},
	{NCRYPTO_KEY_TYPE_EC_P384_PRIVATE, "p384"},
	{NCRYPTO_KEY_TYPE_EC_P384_PUBLIC, "p384-public"},
	{NCRYPTO_KEY_TYPE_ED25519_PRIVATE, "ed25519"},
	{NCRYPTO_KEY_TYPE_ED25519_PUBLIC, "ed25519-public"},
	{NCRYPTO_KEY_TYPE_X25519_PRIVATE, "x25519"},
};

const AlgName *find_alg(uint32_t alg) noexcept
{
	for (const auto &a : alg_names)
		if (a.alg == alg)
			return &a;
	return nullptr;
}

} // namespace

extern "C" {

const char *ncrypto_alg_name(uint32_t alg)
{
	const AlgName *a = find_alg(alg);
	return a ? a->name : nullptr;
}

int ncrypto_alg_from_name(const char *name, uint32_t *alg)
{
	if (!name || !alg)
		return NCRYPTO_E_INVALID_ARG;
	for (const auto &a : alg_names)
		if (std::strcmp(a.name, name) == 0) {
			*alg = a.alg;
			return NCRYPTO_OK;
		}
	return NCRYPTO_E_INVALID_ARG;
}

const char *ncrypto_key_type_name(uint32_t type)
{
	for (const auto &k : key_type_names)
		if (k.type == type)
			return k.name;
	return nullptr;
}

int ncrypto_key_type_from_name(const char *name, uint32_t *type)
{
	if (!name || !type)
		return NCRYPTO_E_INVALID_ARG;
	for (const auto &k : key_type_names)
		if (std::strcmp(k.name, name) == 0) {
			*type = k.type;
			return NCRYPTO_OK;
		}
	return NCRYPTO_E_INVALID_ARG;
}

size_t ncrypto_alg_output_len(uint32_t alg)
{
	const AlgName *a = find_alg(alg);
	return a ? a->out_len : 0;
}

} // extern "C"
