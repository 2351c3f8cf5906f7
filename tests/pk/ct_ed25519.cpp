// SPDX-License-Identifier: GPL-2.0
// The constant-time check of kernel/pk/ed25519* (tests/pk/README.md): the
// secrets are marked undefined for valgrind's memcheck, which then reports
// any branch or memory index computed from them. Run by ct_ed25519.test
// under `valgrind --error-exitcode=1`; outside valgrind it only checks that
// the operations succeed.
//
// Covered: key derivation from a secret seed (ncr_ed25519_priv_import,
// which is also the body of ncr_ed25519_generate after the seed is drawn,
// and ends with the pairwise consistency test: a signature and its
// verification), and signing with a secret key, with and without the
// fault check. The public key and the signature are declassified by the
// code itself (ncr_pk_declassify) where they become public.
#include "pk_env_user.hpp"

extern "C" {
#include "ed25519.h"
}

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace {

int failures;

void expect_ok(const char *what, int err)
{
	if (err) {
		std::fprintf(stderr, "ct_ed25519: %s returned %d\n", what, err);
		failures++;
	}
}

void mark_key_secret(ncr_ed25519_priv *priv)
{
	pk_test_secret(priv->seed, sizeof(priv->seed));
	pk_test_secret(priv->scalar, sizeof(priv->scalar));
	pk_test_secret(priv->prefix, sizeof(priv->prefix));
}

} // namespace

int main()
{
	auto priv = std::make_unique<ncr_ed25519_priv>();
	uint8_t msg[100], sig[NCR_ED25519_SIG_LEN];

	pk_test_rng_seed(25519);
	for (int iter = 0; iter < 4; iter++) {
		uint8_t seed[NCR_ED25519_SEED_LEN];

		expect_ok("ncr_pk_random", ncr_pk_random(seed, sizeof(seed)));
		expect_ok("ncr_pk_random", ncr_pk_random(msg, sizeof(msg)));
		std::memset(priv.get(), 0, sizeof(*priv));

		pk_test_secret(seed, sizeof(seed));
		expect_ok("ncr_ed25519_priv_import", ncr_ed25519_priv_import(priv.get(), seed,
									     sizeof(seed)));

		mark_key_secret(priv.get());
		expect_ok("ncr_ed25519_sign",
			  ncr_ed25519_sign(priv.get(), msg, size_t(iter) * 33, sig));
		pk_test_public(sig, sizeof(sig));

		mark_key_secret(priv.get());
		expect_ok("ncr_ed25519_sign_unchecked",
			  ncr_ed25519_sign_unchecked(priv.get(), msg, sizeof(msg), sig));
		pk_test_public(sig, sizeof(sig));
		expect_ok("ncr_ed25519_verify",
			  ncr_ed25519_verify(&priv->pub, msg, sizeof(msg), sig, sizeof(sig)));
	}
	// Key generation end to end (its seed comes from ncr_pk_random, which
	// memcheck sees as defined: this runs the path, the import above is
	// what checks it with a secret seed).
	expect_ok("ncr_ed25519_generate", ncr_ed25519_generate(priv.get()));
	pk_test_rng_system();

	std::printf("ct_ed25519: %s%s\n", failures ? "FAIL" : "ok",
		    pk_test_under_valgrind() ? " (under valgrind)" : " (not under valgrind)");
	return failures ? EXIT_FAILURE : EXIT_SUCCESS;
}
