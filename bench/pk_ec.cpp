// Rows for the ec class of kernel/pk/ (P-256, P-384): ECDSA sign and
// verify and ECDH, against OpenSSL's EVP with the same keys. Our sign
// includes its fault check (a verification of the signature it made).
#include "pk_bench.hpp"

#include "ec.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

namespace {

using Bytes = std::vector<uint8_t>;

void check(bool ok, const char *what)
{
	if (!ok) {
		std::fprintf(stderr, "pk_ec bench: %s failed\n", what);
		std::exit(1);
	}
}

struct Key {
	ncr_ec_curve curve;
	size_t len;
	ncr_ec_priv priv;
	Bytes d, point;
	EVP_PKEY *evp = nullptr;
	~Key() { EVP_PKEY_free(evp); }
};

// Our key, generated, and the same numbers as an OpenSSL key pair.
void make_key(Key &k, ncr_ec_curve c, ncr_ec_work *w)
{
	k.curve = c;
	k.len = ncr_ec_curve_bytes(c);
	check(ncr_ec_priv_generate(&k.priv, c, w) == 0, "ncr_ec_priv_generate");
	k.d.resize(k.len);
	k.point.resize(1 + 2 * k.len);
	check(ncr_ec_priv_export(&k.priv, k.d.data(), k.len) == 0, "export d");
	check(ncr_ec_pub_export(&k.priv.pub, k.point.data(), k.point.size()) == 0, "export Q");

	OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
	BIGNUM *bn = BN_bin2bn(k.d.data(), int(k.len), nullptr);
	check(bld && bn, "OSSL_PARAM_BLD_new");
	OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME,
					c == NCR_EC_P256 ? "P-256" : "P-384", 0);
	OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, k.point.data(),
					 k.point.size());
	OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, bn);
	OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
	check(params && ctx && EVP_PKEY_fromdata_init(ctx) == 1 &&
		      EVP_PKEY_fromdata(ctx, &k.evp, EVP_PKEY_KEYPAIR, params) == 1,
	      "EVP_PKEY_fromdata");
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	BN_clear_free(bn);
}

void rows(ncr_ec_curve c, bool verify_and_ecdh)
{
	auto work = std::make_unique<ncr_ec_work>();
	ncr_ec_work *w = work.get();
	Key k, peer;
	make_key(k, c, w);
	make_key(peer, c, w);
	const char *name = c == NCR_EC_P256 ? "P-256" : "P-384";
	ncr_pk_hash_id h = c == NCR_EC_P256 ? NCR_PK_SHA256 : NCR_PK_SHA384;
	Bytes hash(ncr_pk_hash_len(h), 0x5a), extra(32, 0xa5), sig(2 * k.len);

	EVP_PKEY_CTX *sctx = EVP_PKEY_CTX_new(k.evp, nullptr);
	check(sctx && EVP_PKEY_sign_init(sctx) == 1, "EVP_PKEY_sign_init");
	Bytes der(EVP_PKEY_get_size(k.evp));
	pk_bench_row(std::string("ECDSA ") + name + " sign",
		     [&] {
			     check(ncr_ec_sign(&k.priv, h, hash.data(), hash.size(), extra.data(),
					       extra.size(), sig.data(), sig.size(), w) == 0,
				   "ncr_ec_sign");
		     },
		     [&] {
			     size_t len = der.size();
			     check(EVP_PKEY_sign(sctx, der.data(), &len, hash.data(),
						 hash.size()) == 1, "EVP_PKEY_sign");
		     });
	size_t der_len = der.size();
	check(EVP_PKEY_sign(sctx, der.data(), &der_len, hash.data(), hash.size()) == 1, "sign");
	EVP_PKEY_CTX_free(sctx);
	if (!verify_and_ecdh)
		return;

	EVP_PKEY_CTX *vctx = EVP_PKEY_CTX_new(k.evp, nullptr);
	check(vctx && EVP_PKEY_verify_init(vctx) == 1, "EVP_PKEY_verify_init");
	check(ncr_ec_sign(&k.priv, h, hash.data(), hash.size(), nullptr, 0, sig.data(),
			  sig.size(), w) == 0, "ncr_ec_sign");
	pk_bench_row(std::string("ECDSA ") + name + " verify",
		     [&] {
			     check(ncr_ec_verify(&k.priv.pub, hash.data(), hash.size(), sig.data(),
						 sig.size(), w) == 0, "ncr_ec_verify");
		     },
		     [&] {
			     check(EVP_PKEY_verify(vctx, der.data(), der_len, hash.data(),
						   hash.size()) == 1, "EVP_PKEY_verify");
		     });
	EVP_PKEY_CTX_free(vctx);

	EVP_PKEY_CTX *dctx = EVP_PKEY_CTX_new(k.evp, nullptr);
	check(dctx && EVP_PKEY_derive_init(dctx) == 1 &&
		      EVP_PKEY_derive_set_peer(dctx, peer.evp) == 1, "EVP_PKEY_derive_init");
	Bytes secret(k.len);
	pk_bench_row(std::string("ECDH ") + name,
		     [&] {
			     check(ncr_ec_ecdh(&k.priv, &peer.priv.pub, secret.data(), secret.size(),
					       w) == 0, "ncr_ec_ecdh");
		     },
		     [&] {
			     size_t len = secret.size();
			     check(EVP_PKEY_derive(dctx, secret.data(), &len) == 1,
				   "EVP_PKEY_derive");
		     });
	EVP_PKEY_CTX_free(dctx);
}

}  // namespace

void pk_bench_ec()
{
	check(ncr_ec_init() == 0, "ncr_ec_init");
	rows(NCR_EC_P256, true);
	rows(NCR_EC_P384, false);
}
