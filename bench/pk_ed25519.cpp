// Rows for the ed25519 class of kernel/pk/ (ed25519.h) against OpenSSL's
// EVP_PKEY_ED25519: signing a 64-byte message with the fault check (what
// the module runs) and without it (what the check costs), verification,
// and key generation (ours includes its pairwise consistency test, a
// signature and its verification; OpenSSL's keygen has none).
#include "pk_bench.hpp"
#include "pk_env_user.hpp"

extern "C" {
#include "ed25519.h"
}

#include <openssl/evp.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace {

void check(bool ok, const char *what)
{
	if (!ok) {
		std::fprintf(stderr, "pk_ed25519: %s failed\n", what);
		std::exit(1);
	}
}

} // namespace

void pk_bench_ed25519()
{
	auto priv = std::make_unique<ncr_ed25519_priv>();
	auto gen = std::make_unique<ncr_ed25519_priv>();
	uint8_t msg[64] = {1, 2, 3}, sig[NCR_ED25519_SIG_LEN];

	check(ncr_ed25519_generate(priv.get()) == 0, "ncr_ed25519_generate");
	EVP_PKEY *key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, priv->seed, 32);
	check(key != nullptr, "EVP_PKEY_new_raw_private_key");
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	uint8_t ossl_sig[64];

	auto ossl_sign = [&] {
		size_t len = sizeof(ossl_sig);
		check(EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, key) == 1 &&
			      EVP_DigestSign(ctx, ossl_sig, &len, msg, sizeof(msg)) == 1,
		      "EVP_DigestSign");
	};
	ossl_sign();
	check(ncr_ed25519_sign(priv.get(), msg, sizeof(msg), sig) == 0, "ncr_ed25519_sign");

	pk_bench_row(
		"Ed25519 sign",
		[&] { check(ncr_ed25519_sign(priv.get(), msg, sizeof(msg), sig) == 0, "sign"); },
		ossl_sign);
	pk_bench_row(
		"Ed25519 sign (no check)",
		[&] {
			check(ncr_ed25519_sign_unchecked(priv.get(), msg, sizeof(msg), sig) == 0,
			      "sign_unchecked");
		},
		ossl_sign);
	pk_bench_row(
		"Ed25519 verify",
		[&] {
			check(ncr_ed25519_verify(&priv->pub, msg, sizeof(msg), sig, sizeof(sig)) == 0,
			      "verify");
		},
		[&] {
			check(EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, key) == 1 &&
				      EVP_DigestVerify(ctx, ossl_sig, sizeof(ossl_sig), msg,
						       sizeof(msg)) == 1,
			      "EVP_DigestVerify");
		});
	pk_bench_row(
		"Ed25519 keygen",
		[&] { check(ncr_ed25519_generate(gen.get()) == 0, "generate"); },
		[&] {
			EVP_PKEY *k = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
			check(k != nullptr, "EVP_PKEY_Q_keygen");
			EVP_PKEY_free(k);
		});
	EVP_MD_CTX_free(ctx);
	EVP_PKEY_free(key);
}
