// SPDX-License-Identifier: GPL-2.0
// kernel/pk/ed25519*: Ed25519 in user space against the standards and
// OpenSSL.
// - RFC 8032 7.1's TEST 1, 2, 3, 1024 and SHA(abc): public key and signature
//   byte for byte, and verification;
// - every case of Wycheproof's ed25519_test.json through ncr_ed25519_verify
//   (the file has valid and invalid cases only, no "acceptable" ones: a
//   valid case must give 0, an invalid one -EBADMSG), and each group's
//   SubjectPublicKeyInfo against the file's publicKeyDer;
// - random differential tests against OpenSSL's EVP_PKEY_ED25519 in both
//   directions (same public key, same deterministic signature, each
//   verifying the other's, both rejecting the same corrupted signatures);
// - the arithmetic mod L against OpenSSL's BIGNUM on random and edge values;
// - bad inputs, each with the error ed25519.h documents.
#include "pk_env_user.hpp"

extern "C" {
#include "ed25519.h"
#include "ed25519_sc.h"
}

#include <check.h>
#include <json-c/json.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace {

using Bytes = std::vector<uint8_t>;

Bytes unhex(const std::string &hex)
{
	Bytes out(hex.size() / 2);
	for (size_t i = 0; i < out.size(); i++)
		out[i] = uint8_t(std::stoul(hex.substr(2 * i, 2), nullptr, 16));
	return out;
}

std::string tohex(const uint8_t *p, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	std::string s;
	for (size_t i = 0; i < n; i++) {
		s += digits[p[i] >> 4];
		s += digits[p[i] & 15];
	}
	return s;
}

// The structs are big (the public key carries its verification table):
// tests keep them on the heap.
template <typename T> std::unique_ptr<T> make_zeroed()
{
	auto p = std::make_unique<T>();
	std::memset(p.get(), 0, sizeof(T));
	return p;
}

// ---- RFC 8032 7.1 ----

struct Kat {
	const char *name, *seed, *pub, *msg, *sig;
};

const char test_1024_msg[] =
	"08b8b2b733424243760fe426a4b54908632110a66c2f6591eabd3345e3e4eb98fa6e264bf09efe12ee50f8f54e9f77b1"
	"e355f6c50544e23fb1433ddf73be84d879de7c0046dc4996d9e773f4bc9efe5738829adb26c81b37c93a1b270b20329d"
	"658675fc6ea534e0810a4432826bf58c941efb65d57a338bbd2e26640f89ffbc1a858efcb8550ee3a5e1998bd177e93a"
	"7363c344fe6b199ee5d02e82d522c4feba15452f80288a821a579116ec6dad2b3b310da903401aa62100ab5d1a36553e"
	"06203b33890cc9b832f79ef80560ccb9a39ce767967ed628c6ad573cb116dbefefd75499da96bd68a8a97b928a8bbc10"
	"3b6621fcde2beca1231d206be6cd9ec7aff6f6c94fcd7204ed3455c68c83f4a41da4af2b74ef5c53f1d8ac70bdcb7ed1"
	"85ce81bd84359d44254d95629e9855a94a7c1958d1f8ada5d0532ed8a5aa3fb2d17ba70eb6248e594e1a2297acbbb39d"
	"502f1a8c6eb6f1ce22b3de1a1f40cc24554119a831a9aad6079cad88425de6bde1a9187ebb6092cf67bf2b13fd65f270"
	"88d78b7e883c8759d2c4f5c65adb7553878ad575f9fad878e80a0c9ba63bcbcc2732e69485bbc9c90bfbd62481d9089b"
	"eccf80cfe2df16a2cf65bd92dd597b0707e0917af48bbb75fed413d238f5555a7a569d80c3414a8d0859dc65a46128ba"
	"b27af87a71314f318c782b23ebfe808b82b0ce26401d2e22f04d83d1255dc51addd3b75a2b1ae0784504df543af8969b"
	"e3ea7082ff7fc9888c144da2af58429ec96031dbcad3dad9af0dcbaaaf268cb8fcffead94f3c7ca495e056a9b47acdb7"
	"51fb73e666c6c655ade8297297d07ad1ba5e43f1bca32301651339e22904cc8c42f58c30c04aafdb038dda0847dd988d"
	"cda6f3bfd15c4b4c4525004aa06eeff8ca61783aacec57fb3d1f92b0fe2fd1a85f6724517b65e614ad6808d6f6ee34df"
	"f7310fdc82aebfd904b01e1dc54b2927094b2db68d6f903b68401adebf5a7e08d78ff4ef5d63653a65040cf9bfd4aca7"
	"984a74d37145986780fc0b16ac451649de6188a7dbdf191f64b5fc5e2ab47b57f7f7276cd419c17a3ca8e1b939ae49e4"
	"88acba6b965610b5480109c8b17b80e1b7b750dfc7598d5d5011fd2dcc5600a32ef5b52a1ecc820e308aa342721aac09"
	"43bf6686b64b2579376504ccc493d97e6aed3fb0f9cd71a43dd497f01f17c0e2cb3797aa2a2f256656168e6c496afc5f"
	"b93246f6b1116398a346f1a641f3b041e989f7914f90cc2c7fff357876e506b50d334ba77c225bc307ba537152f3f161"
	"0e4eafe595f6d9d90d11faa933a15ef1369546868a7f3a45a96768d40fd9d03412c091c6315cf4fde7cb68606937380d"
	"b2eaaa707b4c4185c32eddcdd306705e4dc1ffc872eeee475a64dfac86aba41c0618983f8741c5ef68d3a101e8a3b8ca"
	"c60c905c15fc910840b94c00a0b9d0";

const Kat kats[] = {
	{"TEST 1", "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
	 "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
	 "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
	{"TEST 2", "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
	 "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
	 "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
	{"TEST 3", "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
	 "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
	 "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"},
	{"TEST 1024", "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
	 "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e", test_1024_msg,
	 "0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03"},
	{"TEST SHA(abc)", "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
	 "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
	 "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
	 "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"},
};

START_TEST(test_rfc8032)
{
	const Kat &k = kats[_i];
	Bytes seed = unhex(k.seed), pub = unhex(k.pub), msg = unhex(k.msg), sig = unhex(k.sig);
	auto priv = make_zeroed<ncr_ed25519_priv>();
	auto pk = make_zeroed<ncr_ed25519_pub>();
	uint8_t out[NCR_ED25519_SIG_LEN];

	ck_assert_int_eq(ncr_ed25519_priv_import(priv.get(), seed.data(), seed.size()), 0);
	ck_assert_msg(!std::memcmp(priv->pub.key, pub.data(), 32), "%s: public key %s", k.name,
		      tohex(priv->pub.key, 32).c_str());
	ck_assert_int_eq(ncr_ed25519_sign(priv.get(), msg.data(), msg.size(), out), 0);
	ck_assert_msg(!std::memcmp(out, sig.data(), 64), "%s: signature %s", k.name,
		      tohex(out, 64).c_str());
	ck_assert_int_eq(ncr_ed25519_pub_import(pk.get(), pub.data(), pub.size()), 0);
	ck_assert_int_eq(ncr_ed25519_verify(pk.get(), msg.data(), msg.size(), sig.data(), 64), 0);
	sig[10] ^= 1;
	ck_assert_int_eq(ncr_ed25519_verify(pk.get(), msg.data(), msg.size(), sig.data(), 64),
			 -EBADMSG);
}
END_TEST

// ---- Wycheproof ----

std::string json_str(json_object *o, const char *key)
{
	json_object *v;
	ck_assert_msg(json_object_object_get_ex(o, key, &v) && json_object_is_type(v, json_type_string),
		      "JSON field '%s' missing or not a string", key);
	return json_object_get_string(v);
}

json_object *json_get(json_object *o, const char *key)
{
	json_object *v = nullptr;
	ck_assert_msg(json_object_object_get_ex(o, key, &v), "JSON field '%s' missing", key);
	return v;
}

START_TEST(test_wycheproof)
{
	std::string path = std::string(TEST_SRCDIR) + "/wycheproof/ed25519_test.json";
	json_object *root = json_object_from_file(path.c_str());
	ck_assert_msg(root, "cannot load %s", path.c_str());
	json_object *groups = json_get(root, "testGroups");
	size_t cases = 0, valid = 0, invalid = 0, failures = 0;
	auto pk = make_zeroed<ncr_ed25519_pub>();

	for (size_t g = 0; g < json_object_array_length(groups); g++) {
		json_object *group = json_object_array_get_idx(groups, g);
		Bytes key = unhex(json_str(json_get(group, "publicKey"), "pk"));
		Bytes der = unhex(json_str(group, "publicKeyDer"));
		uint8_t spki[NCR_ED25519_SPKI_LEN];

		// Every key in the file decodes: small-order keys are accepted.
		ck_assert_int_eq(ncr_ed25519_pub_import(pk.get(), key.data(), key.size()), 0);
		ncr_ed25519_pub_spki(pk.get(), spki);
		ck_assert(der.size() == sizeof(spki) && !std::memcmp(der.data(), spki, sizeof(spki)));

		json_object *tests = json_get(group, "tests");
		for (size_t t = 0; t < json_object_array_length(tests); t++) {
			json_object *test = json_object_array_get_idx(tests, t);
			std::string result = json_str(test, "result");
			Bytes msg = unhex(json_str(test, "msg")), sig = unhex(json_str(test, "sig"));
			int got = ncr_ed25519_verify(pk.get(), msg.data(), msg.size(), sig.data(),
						     sig.size());
			int want = result == "valid" ? 0 : -EBADMSG;

			ck_assert_msg(result == "valid" || result == "invalid",
				      "unexpected result '%s'", result.c_str());
			cases++;
			(result == "valid" ? valid : invalid)++;
			if (got != want) {
				failures++;
				std::fprintf(stderr, "tcId %d (%s, %s): got %d, want %d\n",
					     int(json_object_get_int(json_get(test, "tcId"))),
					     result.c_str(), json_str(test, "comment").c_str(), got,
					     want);
			}
		}
	}
	std::printf("ed25519_test.json: %zu cases (%zu valid, %zu invalid), %zu failed\n", cases,
		    valid, invalid, failures);
	json_object_put(root);
	ck_assert_uint_eq(failures, 0);
	ck_assert_uint_ge(cases, 150);
}
END_TEST

// ---- Differential against OpenSSL ----

struct PkeyFree {
	void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

Bytes ossl_sign(EVP_PKEY *key, const Bytes &msg)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	size_t len = 64;
	Bytes sig(64);
	ck_assert_int_eq(EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, key), 1);
	ck_assert_int_eq(EVP_DigestSign(ctx, sig.data(), &len, msg.data(), msg.size()), 1);
	EVP_MD_CTX_free(ctx);
	ck_assert_uint_eq(len, 64);
	return sig;
}

bool ossl_verify(EVP_PKEY *key, const Bytes &msg, const uint8_t *sig, size_t sig_len)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	ck_assert_int_eq(EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, key), 1);
	int ok = EVP_DigestVerify(ctx, sig, sig_len, msg.data(), msg.size());
	EVP_MD_CTX_free(ctx);
	return ok == 1;
}

// Ours signs -> OpenSSL verifies and signs the same bytes; OpenSSL's key ->
// ours derives the same public key; corrupted signatures -> both reject.
START_TEST(test_differential)
{
	std::mt19937_64 rng(0xed25519 + _i);
	auto priv = make_zeroed<ncr_ed25519_priv>();
	auto pk = make_zeroed<ncr_ed25519_pub>();

	for (int iter = 0; iter < 50; iter++) {
		Bytes seed(32), msg(rng() % 300);
		for (auto &b : seed)
			b = uint8_t(rng());
		for (auto &b : msg)
			b = uint8_t(rng());
		Pkey ossl_priv(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), 32));
		ck_assert_ptr_nonnull(ossl_priv.get());
		uint8_t ossl_pub[32];
		size_t ossl_pub_len = 32;
		ck_assert_int_eq(EVP_PKEY_get_raw_public_key(ossl_priv.get(), ossl_pub, &ossl_pub_len), 1);

		ck_assert_int_eq(ncr_ed25519_priv_import(priv.get(), seed.data(), 32), 0);
		ck_assert(!std::memcmp(priv->pub.key, ossl_pub, 32));

		uint8_t ours[64];
		ck_assert_int_eq(ncr_ed25519_sign(priv.get(), msg.data(), msg.size(), ours), 0);
		ck_assert(ossl_verify(ossl_priv.get(), msg, ours, 64));
		Bytes theirs = ossl_sign(ossl_priv.get(), msg);
		ck_assert(!std::memcmp(ours, theirs.data(), 64));

		ck_assert_int_eq(ncr_ed25519_pub_import(pk.get(), ossl_pub, 32), 0);
		ck_assert_int_eq(ncr_ed25519_verify(pk.get(), msg.data(), msg.size(), theirs.data(), 64),
				 0);

		// One corrupted signature (any bit of R or S) or message: the same verdict.
		Bytes bad = theirs;
		bad[rng() % 64] ^= uint8_t(1u << (rng() % 8));
		bool ossl_ok = ossl_verify(ossl_priv.get(), msg, bad.data(), 64);
		int our = ncr_ed25519_verify(pk.get(), msg.data(), msg.size(), bad.data(), 64);
		ck_assert_int_eq(our, ossl_ok ? 0 : -EBADMSG);
		ck_assert(!ossl_ok);
		if (!msg.empty()) {
			Bytes other = msg;
			other[rng() % other.size()] ^= 0x80;
			ck_assert_int_eq(ncr_ed25519_verify(pk.get(), other.data(), other.size(),
							    theirs.data(), 64),
					 -EBADMSG);
		}
	}
}
END_TEST

// OpenSSL generates keys; ours imports the seed and both sign alike.
START_TEST(test_openssl_keygen)
{
	auto priv = make_zeroed<ncr_ed25519_priv>();
	for (int iter = 0; iter < 20; iter++) {
		EVP_PKEY *raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
		ck_assert_ptr_nonnull(raw);
		Pkey key(raw);
		uint8_t seed[32], pub[32];
		size_t len = 32;
		ck_assert_int_eq(EVP_PKEY_get_raw_private_key(key.get(), seed, &len), 1);
		len = 32;
		ck_assert_int_eq(EVP_PKEY_get_raw_public_key(key.get(), pub, &len), 1);
		ck_assert_int_eq(ncr_ed25519_priv_import(priv.get(), seed, 32), 0);
		ck_assert(!std::memcmp(priv->pub.key, pub, 32));
		Bytes msg = {uint8_t(iter), 1, 2, 3};
		uint8_t ours[64];
		ck_assert_int_eq(ncr_ed25519_sign(priv.get(), msg.data(), msg.size(), ours), 0);
		ck_assert(!std::memcmp(ours, ossl_sign(key.get(), msg).data(), 64));
	}
}
END_TEST

// Our generated keys: OpenSSL derives the same public key from the seed and
// verifies our signatures; the SubjectPublicKeyInfo parses to the same key.
START_TEST(test_generate_and_spki)
{
	auto priv = make_zeroed<ncr_ed25519_priv>();
	for (int iter = 0; iter < 20; iter++) {
		ck_assert_int_eq(ncr_ed25519_generate(priv.get()), 0);
		Pkey key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, priv->seed, 32));
		uint8_t pub[32];
		size_t len = 32;
		ck_assert_int_eq(EVP_PKEY_get_raw_public_key(key.get(), pub, &len), 1);
		ck_assert(!std::memcmp(priv->pub.key, pub, 32));

		uint8_t spki[NCR_ED25519_SPKI_LEN];
		ncr_ed25519_pub_spki(&priv->pub, spki);
		const unsigned char *p = spki;
		Pkey parsed(d2i_PUBKEY(nullptr, &p, sizeof(spki)));
		ck_assert_ptr_nonnull(parsed.get());
		ck_assert_ptr_eq(p, spki + sizeof(spki));
		ck_assert_int_eq(EVP_PKEY_get_id(parsed.get()), EVP_PKEY_ED25519);
		len = 32;
		ck_assert_int_eq(EVP_PKEY_get_raw_public_key(parsed.get(), pub, &len), 1);
		ck_assert(!std::memcmp(priv->pub.key, pub, 32));
		unsigned char *der = nullptr;
		int der_len = i2d_PUBKEY(key.get(), &der);
		ck_assert_int_eq(der_len, NCR_ED25519_SPKI_LEN);
		ck_assert(!std::memcmp(der, spki, sizeof(spki)));
		OPENSSL_free(der);

		Bytes msg(iter * 7, uint8_t(iter));
		uint8_t sig[64];
		ck_assert_int_eq(ncr_ed25519_sign(priv.get(), msg.data(), msg.size(), sig), 0);
		ck_assert(ossl_verify(parsed.get(), msg, sig, 64));
	}
}
END_TEST

// ---- Arithmetic mod L against BIGNUM ----

struct Bn {
	BIGNUM *b = BN_new();
	~Bn() { BN_free(b); }
};

void bn_from_le(Bn &r, const uint8_t *p, size_t n)
{
	ck_assert_ptr_nonnull(BN_lebin2bn(p, int(n), r.b));
}

void check_le_eq(const uint8_t out[32], const Bn &want)
{
	uint8_t w[32];
	ck_assert_int_eq(BN_bn2lebinpad(want.b, w, 32), 32);
	ck_assert_msg(!std::memcmp(out, w, 32), "got %s want %s", tohex(out, 32).c_str(),
		      tohex(w, 32).c_str());
}

// Random values, and values built around multiples of L and 2^256 - 1.
void fill_scalar_input(std::mt19937_64 &rng, uint8_t *p, size_t n, int kind)
{
	for (size_t i = 0; i < n; i++)
		p[i] = uint8_t(rng());
	if (kind == 1)
		std::memset(p, 0xff, n);
	else if (kind == 2)
		std::memset(p, 0, n);
}

START_TEST(test_scalar_mod_l)
{
	std::mt19937_64 rng(42);
	BN_CTX *ctx = BN_CTX_new();
	Bn order, x, y, z, want;
	const uint8_t order_le[32] = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58,
				      0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
				      0, 0, 0, 0, 0, 0, 0, 0,
				      0, 0, 0, 0, 0, 0, 0, 0x10};
	bn_from_le(order, order_le, 32);

	for (int iter = 0; iter < 2000; iter++) {
		uint8_t in[64], a[32], b[32], c[32], out[32];
		fill_scalar_input(rng, in, 64, iter % 7);
		fill_scalar_input(rng, a, 32, iter % 5);
		fill_scalar_input(rng, b, 32, iter % 3);
		fill_scalar_input(rng, c, 32, iter % 11);
		if (iter % 13 == 0) {	// exactly L, and L - 1
			std::memcpy(a, order_le, 32);
			std::memcpy(c, order_le, 32);
			c[0]--;
		}

		ncr_ed25519_sc_reduce64(out, in);
		bn_from_le(x, in, 64);
		ck_assert_int_eq(BN_nnmod(want.b, x.b, order.b, ctx), 1);
		check_le_eq(out, want);

		ncr_ed25519_sc_muladd(out, a, b, c);
		bn_from_le(x, a, 32);
		bn_from_le(y, b, 32);
		bn_from_le(z, c, 32);
		ck_assert_int_eq(BN_mod_mul(want.b, x.b, y.b, order.b, ctx), 1);
		ck_assert_int_eq(BN_mod_add(want.b, want.b, z.b, order.b, ctx), 1);
		check_le_eq(out, want);

		bn_from_le(x, a, 32);
		ck_assert_int_eq(ncr_ed25519_sc_is_canonical(a), BN_cmp(x.b, order.b) < 0);
	}
	BN_CTX_free(ctx);
}
END_TEST

// ---- Bad inputs ----

// p = 2^255 - 19, little-endian.
Bytes field_p()
{
	Bytes p(32, 0xff);
	p[0] = 0xed;
	p[31] = 0x7f;
	return p;
}

START_TEST(test_bad_public_keys)
{
	auto pk = make_zeroed<ncr_ed25519_pub>();
	Bytes good = unhex(kats[0].pub);

	ck_assert_int_eq(ncr_ed25519_pub_import(pk.get(), good.data(), 31), -EINVAL);
	ck_assert_int_eq(ncr_ed25519_pub_import(pk.get(), good.data(), 0), -EINVAL);
	Bytes longer = good;
	longer.push_back(0);
	ck_assert_int_eq(ncr_ed25519_pub_import(pk.get(), longer.data(), 33), -EINVAL);

	// y = p, p + 1 (the encoding of y = 1 plus p) and 2^255 - 1: not canonical.
	Bytes y = field_p();
	ck_assert_int_eq(ncr_ed25519_pub_import(pk.get(), y.data(), 32), -EINVAL);
	y[0]++;
	ck_assert_int_eq(ncr_ed25519_pub_import(pk.get(), y.data(), 32), -EINVAL);
	y[31] |= 0x80;
	ck_assert_int_eq(ncr_ed25519_pub_import(pk.get(), y.data(), 32), -EINVAL);
	Bytes all_ones(32, 0xff);
	ck_assert_int_eq(ncr_ed25519_pub_import(pk.get(), all_ones.data(), 32), -EINVAL);
	// y = p - 1 (-1) is canonical and on the curve (x = 0): the point of order 2.
	y = field_p();
	y[0]--;
	ck_assert_int_eq(ncr_ed25519_pub_import(pk.get(), y.data(), 32), 0);

	// y = 1 is the identity (x = 0): accepted, but not with the sign bit set.
	Bytes one(32, 0);
	one[0] = 1;
	ck_assert_int_eq(ncr_ed25519_pub_import(pk.get(), one.data(), 32), 0);
	one[31] = 0x80;
	ck_assert_int_eq(ncr_ed25519_pub_import(pk.get(), one.data(), 32), -EINVAL);

	// y = 2: (y^2 - 1) / (d y^2 + 1) is not a square, no point has it.
	Bytes two(32, 0);
	two[0] = 2;
	ck_assert_int_eq(ncr_ed25519_pub_import(pk.get(), two.data(), 32), -EINVAL);

	// About half of all y have no x: a run of them must all fail alike.
	int rejected = 0;
	for (int i = 0; i < 64; i++) {
		Bytes k = good;
		k[5] = uint8_t(i);
		int r = ncr_ed25519_pub_import(pk.get(), k.data(), 32);
		ck_assert(r == 0 || r == -EINVAL);
		rejected += r != 0;
	}
	ck_assert_int_gt(rejected, 10);
	ck_assert_int_lt(rejected, 54);
}
END_TEST

START_TEST(test_bad_private_keys)
{
	auto priv = make_zeroed<ncr_ed25519_priv>();
	Bytes seed = unhex(kats[0].seed);
	ck_assert_int_eq(ncr_ed25519_priv_import(priv.get(), seed.data(), 31), -EINVAL);
	ck_assert_int_eq(ncr_ed25519_priv_import(priv.get(), seed.data(), 0), -EINVAL);
	seed.push_back(0);
	ck_assert_int_eq(ncr_ed25519_priv_import(priv.get(), seed.data(), 33), -EINVAL);

	// An all-zero seed is a key like any other.
	Bytes zero(32, 0);
	ck_assert_int_eq(ncr_ed25519_priv_import(priv.get(), zero.data(), 32), 0);
}
END_TEST

// A scalar that does not belong to the public key (a fault, or a corrupted
// key struct): the signature fails its check, -EIO, and nothing leaves.
START_TEST(test_sign_fault_check)
{
	auto priv = make_zeroed<ncr_ed25519_priv>();
	Bytes seed = unhex(kats[1].seed);
	uint8_t sig[64], zero[64] = {0};
	ck_assert_int_eq(ncr_ed25519_priv_import(priv.get(), seed.data(), 32), 0);
	priv->scalar[3] ^= 0x10;
	std::memset(sig, 0xaa, sizeof(sig));
	ck_assert_int_eq(ncr_ed25519_sign(priv.get(), seed.data(), 5, sig), -EIO);
	ck_assert(!std::memcmp(sig, zero, 64));
	// Without the check, the faulty signature would have left.
	ck_assert_int_eq(ncr_ed25519_sign_unchecked(priv.get(), seed.data(), 5, sig), 0);
	ck_assert(std::memcmp(sig, zero, 64));
}
END_TEST

START_TEST(test_bad_signatures)
{
	const Kat &k = kats[2];
	auto pk = make_zeroed<ncr_ed25519_pub>();
	Bytes pub = unhex(k.pub), msg = unhex(k.msg), sig = unhex(k.sig);
	ck_assert_int_eq(ncr_ed25519_pub_import(pk.get(), pub.data(), 32), 0);
	ck_assert_int_eq(ncr_ed25519_verify(pk.get(), msg.data(), msg.size(), sig.data(), 64), 0);

	// Wrong lengths.
	ck_assert_int_eq(ncr_ed25519_verify(pk.get(), msg.data(), msg.size(), sig.data(), 63),
			 -EBADMSG);
	ck_assert_int_eq(ncr_ed25519_verify(pk.get(), msg.data(), msg.size(), sig.data(), 0),
			 -EBADMSG);
	Bytes longer = sig;
	longer.push_back(0);
	ck_assert_int_eq(ncr_ed25519_verify(pk.get(), msg.data(), msg.size(), longer.data(), 65),
			 -EBADMSG);

	// S + L: the same value mod L, refused as not canonical.
	Bn s, order, sum;
	const uint8_t order_le[32] = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58,
				      0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
				      0, 0, 0, 0, 0, 0, 0, 0,
				      0, 0, 0, 0, 0, 0, 0, 0x10};
	bn_from_le(s, sig.data() + 32, 32);
	bn_from_le(order, order_le, 32);
	ck_assert_int_eq(BN_add(sum.b, s.b, order.b), 1);
	Bytes malleable = sig;
	ck_assert_int_eq(BN_bn2lebinpad(sum.b, malleable.data() + 32, 32), 32);
	ck_assert_int_eq(ncr_ed25519_verify(pk.get(), msg.data(), msg.size(), malleable.data(), 64),
			 -EBADMSG);

	// All zeros, S = L, S = 2^256 - 1, R = p (non-canonical y).
	Bytes zero(64, 0);
	ck_assert_int_eq(ncr_ed25519_verify(pk.get(), msg.data(), msg.size(), zero.data(), 64),
			 -EBADMSG);
	Bytes bad = sig;
	std::memcpy(bad.data() + 32, order_le, 32);
	ck_assert_int_eq(ncr_ed25519_verify(pk.get(), msg.data(), msg.size(), bad.data(), 64),
			 -EBADMSG);
	std::memset(bad.data() + 32, 0xff, 32);
	ck_assert_int_eq(ncr_ed25519_verify(pk.get(), msg.data(), msg.size(), bad.data(), 64),
			 -EBADMSG);
	bad = sig;
	Bytes p = field_p();
	std::memcpy(bad.data(), p.data(), 32);
	ck_assert_int_eq(ncr_ed25519_verify(pk.get(), msg.data(), msg.size(), bad.data(), 64),
			 -EBADMSG);

	// Another key's signature.
	Bytes other = unhex(kats[1].pub);
	ck_assert_int_eq(ncr_ed25519_pub_import(pk.get(), other.data(), 32), 0);
	ck_assert_int_eq(ncr_ed25519_verify(pk.get(), msg.data(), msg.size(), sig.data(), 64),
			 -EBADMSG);
}
END_TEST

// A NULL message of length 0 is the empty message.
START_TEST(test_empty_message)
{
	auto priv = make_zeroed<ncr_ed25519_priv>();
	Bytes seed = unhex(kats[0].seed), want = unhex(kats[0].sig);
	uint8_t sig[64];
	ck_assert_int_eq(ncr_ed25519_priv_import(priv.get(), seed.data(), 32), 0);
	ck_assert_int_eq(ncr_ed25519_sign(priv.get(), nullptr, 0, sig), 0);
	ck_assert(!std::memcmp(sig, want.data(), 64));
	ck_assert_int_eq(ncr_ed25519_verify(&priv->pub, nullptr, 0, sig, 64), 0);
}
END_TEST

} // namespace

int main()
{
	Suite *s = suite_create("ed25519");
	TCase *tc = tcase_create("standards");
	tcase_add_loop_test(tc, test_rfc8032, 0, int(sizeof(kats) / sizeof(kats[0])));
	tcase_add_test(tc, test_wycheproof);
	suite_add_tcase(s, tc);

	tc = tcase_create("openssl");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_differential, 0, 4);
	tcase_add_test(tc, test_openssl_keygen);
	tcase_add_test(tc, test_generate_and_spki);
	tcase_add_test(tc, test_scalar_mod_l);
	suite_add_tcase(s, tc);

	tc = tcase_create("bad_input");
	tcase_add_test(tc, test_bad_public_keys);
	tcase_add_test(tc, test_bad_private_keys);
	tcase_add_test(tc, test_sign_fault_check);
	tcase_add_test(tc, test_bad_signatures);
	tcase_add_test(tc, test_empty_message);
	suite_add_tcase(s, tc);

	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
