// The constant-time check of kernel/pk/ec* (tests/pk/README.md): every
// private-key operation runs with its secret inputs marked undefined for
// valgrind's memcheck, which then reports any branch or memory index that
// depends on them. Run by ct_ec.test under valgrind; outside valgrind it
// only checks that the operations succeed.
//
// Marked secret: the private scalar (import, signing, ECDH, and the
// public-point computation and pairwise test inside import), the hedging
// bytes of a signature. Key generation runs too, but the user-space
// embedder's random bytes come from getrandom() and are not marked; its
// steps after the draw are those of import, which are.
#include "ec.h"
#include "pk_env_user.hpp"

#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace {

int passed, failed;

void expect(bool ok, const char *what)
{
	if (ok) {
		passed++;
	} else {
		failed++;
		std::printf("FAIL: %s\n", what);
	}
}

void run(ncr_ec_curve c, ncr_ec_work *w)
{
	size_t len = ncr_ec_curve_bytes(c);
	std::vector<uint8_t> d(len, 0x5c), hash(48, 0x11), extra(32, 0x77), sig(2 * len);
	d[0] = 0x3a;	// below n

	// Import: range check, d G, pairwise test.
	ncr_ec_priv priv;
	pk_test_secret(d.data(), d.size());
	int r = ncr_ec_priv_import(&priv, c, d.data(), d.size(), w);
	pk_test_public(&r, sizeof(r));
	expect(r == 0, "ncr_ec_priv_import");

	// Sign, deterministic and hedged: secret d and extra.
	for (size_t extra_len : {size_t(0), extra.size()}) {
		pk_test_secret(priv.d, sizeof(priv.d));
		pk_test_secret(extra.data(), extra.size());
		r = ncr_ec_sign(&priv, c == NCR_EC_P256 ? NCR_PK_SHA256 : NCR_PK_SHA384,
				hash.data(), c == NCR_EC_P256 ? 32 : 48, extra.data(), extra_len,
				sig.data(), sig.size(), w);
		pk_test_public(&r, sizeof(r));
		pk_test_public(sig.data(), sig.size());
		expect(r == 0, "ncr_ec_sign");
	}

	// ECDH with a peer key.
	ncr_ec_priv peer;
	pk_test_public(priv.d, sizeof(priv.d));
	r = ncr_ec_priv_generate(&peer, c, w);
	pk_test_public(&r, sizeof(r));
	expect(r == 0, "ncr_ec_priv_generate");
	std::vector<uint8_t> shared(len);
	pk_test_secret(priv.d, sizeof(priv.d));
	r = ncr_ec_ecdh(&priv, &peer.pub, shared.data(), shared.size(), w);
	pk_test_public(&r, sizeof(r));
	expect(r == 0, "ncr_ec_ecdh");
}

}  // namespace

int main()
{
	if (ncr_ec_init() != 0)
		return 1;
	auto work = std::make_unique<ncr_ec_work>();
	run(NCR_EC_P256, work.get());
	run(NCR_EC_P384, work.get());
	std::printf("ct_ec: %d passed, %d failed%s\n", passed, failed,
		    pk_test_under_valgrind() ? " (under valgrind)" : "");
	return failed ? 1 : 0;
}
