// SPDX-License-Identifier: LGPL-2.1-or-later
// Public-key keys (ABI 1.2) through the library: X25519 today, the key-part
// import, public-part export and key agreement plumbing every public-key
// type shares. Proved against Wycheproof (every x25519 case through the
// kernel) and OpenSSL (keys made in the kernel agree with keys OpenSSL
// made, SPKI parsed by OpenSSL); the capability rules (a private key is
// never exported, a derived secret only if asked) and bad input each with
// their documented error. Needs the module: runs in the guest.
#include "common.hpp"

#include <nettle/hmac.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <cstring>

#include <unistd.h>

using nct::Bytes;

namespace {

#define ck_assert_err(expr, want)                                                          \
	do {                                                                               \
		int r_ = (expr);                                                           \
		ck_assert_msg(r_ == (want), "%s = %s, expected %s", #expr, nct::err_name(r_), \
			      nct::err_name(want));                                        \
	} while (0)

ncrypto_ctx_t ctx;

void setup()
{
	int r = ncrypto_open(&ctx, nullptr);
	ck_assert_msg(r == NCRYPTO_OK, "ncrypto_open: %s", ncrypto_strerror(r));
}

void teardown() { ncrypto_close(ctx); }

uint32_t ctx_keys()
{
	ncrypto_info_t info;
	ck_assert_err(ncrypto_info_get(ctx, &info), NCRYPTO_OK);
	uint64_t n = 0;
	ck_assert_err(ncrypto_info_value(info, NCRYPTO_INFO_CTX_KEYS, &n), NCRYPTO_OK);
	ncrypto_info_free(info);
	return static_cast<uint32_t>(n);
}

int import_x25519(const Bytes &priv, uint32_t usage, ncrypto_key_t *key)
{
	const struct ncrypto_key_component part = {NCRYPTO_PART_OKP_PRIVATE, priv.data(),
						   priv.size()};
	return ncrypto_key_import_parts(ctx, NCRYPTO_KEY_TYPE_X25519_PRIVATE, 32, &part, 1, usage,
					nullptr, key);
}

// Derive with key and peer into an exportable secret; its bytes, or the
// error.
int derive_exported(ncrypto_key_t key, const Bytes &peer, Bytes &secret)
{
	ncrypto_key_t s = nullptr;
	int r = ncrypto_derive(key, NCRYPTO_ALG_X25519, peer.data(), peer.size(),
			       NCRYPTO_KEY_TYPE_GENERIC_SECRET, NCRYPTO_KEY_EXPORTABLE, nullptr, &s);
	if (r != NCRYPTO_OK)
		return r;
	secret.assign(64, 0);
	size_t len = secret.size();
	r = ncrypto_key_export(s, secret.data(), &len);
	secret.resize(len);
	ncrypto_key_destroy(s);
	return r;
}

Bytes public_part(ncrypto_key_t key, uint32_t format)
{
	Bytes out(1024);
	size_t len = out.size();
	ck_assert_err(ncrypto_key_public(key, format, out.data(), &len), NCRYPTO_OK);
	out.resize(len);
	return out;
}

bool fips() { return nct::fips_mode(); }

// Every Wycheproof x25519 case: valid and acceptable ones agree on the
// shared secret, except those whose result is all zero (a low-order public
// key), which the kernel refuses (EINVAL) as the header says.
START_TEST(test_x25519_wycheproof)
{
	if (fips()) {
		ncrypto_key_t key = nullptr;
		ck_assert_err(import_x25519(Bytes(32, 1), NCRYPTO_KEY_DERIVE, &key), NCRYPTO_OK);
		Bytes secret;
		ck_assert_err(derive_exported(key, Bytes(32, 9), secret), NCRYPTO_E_FIPS);
		ncrypto_key_destroy(key);
		return;
	}
	json_object *root = nct::load_wycheproof("x25519_test.json");
	json_object *groups = nct::json_arr(root, "testGroups");
	int agreed = 0, refused = 0;
	uint32_t keys_before = ctx_keys();
	for (size_t g = 0; g < json_object_array_length(groups); g++) {
		json_object *tests = nct::json_arr(json_object_array_get_idx(groups, g), "tests");
		for (size_t i = 0; i < json_object_array_length(tests); i++) {
			json_object *t = json_object_array_get_idx(tests, i);
			int64_t id = nct::json_int(t, "tcId");
			Bytes priv = nct::unhex(nct::json_str(t, "private"));
			Bytes pub = nct::unhex(nct::json_str(t, "public"));
			Bytes want = nct::unhex(nct::json_str(t, "shared"));
			std::string result = nct::json_str(t, "result");
			ck_assert_msg(result != "invalid", "tcId %lld: no invalid x25519 case expected",
				      (long long)id);
			ncrypto_key_t key = nullptr;
			ck_assert_err(import_x25519(priv, NCRYPTO_KEY_DERIVE, &key), NCRYPTO_OK);
			Bytes got;
			int r = derive_exported(key, pub, got);
			if (want == Bytes(32, 0)) {
				ck_assert_msg(r == NCRYPTO_E_INVALID_ARG, "tcId %lld: zero secret gave %s",
					      (long long)id, nct::err_name(r));
				refused++;
			} else {
				ck_assert_msg(r == NCRYPTO_OK && got == want,
					      "tcId %lld (%s): %s, %s != %s", (long long)id,
					      result.c_str(), nct::err_name(r), nct::hex(got).c_str(),
					      nct::hex(want).c_str());
				agreed++;
			}
			ncrypto_key_destroy(key);
		}
	}
	json_object_put(root);
	ck_assert_uint_eq(ctx_keys(), keys_before);
	ck_assert_int_eq(agreed + refused, 518);
	printf("x25519 wycheproof: %d agreed, %d all-zero results refused\n", agreed, refused);
}
END_TEST

EVP_PKEY *openssl_x25519()
{
	EVP_PKEY_CTX *pc = EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, nullptr);
	EVP_PKEY *pk = nullptr;
	ck_assert(pc && EVP_PKEY_keygen_init(pc) == 1 && EVP_PKEY_keygen(pc, &pk) == 1);
	EVP_PKEY_CTX_free(pc);
	return pk;
}

Bytes openssl_derive(EVP_PKEY *mine, EVP_PKEY *peer)
{
	EVP_PKEY_CTX *dc = EVP_PKEY_CTX_new(mine, nullptr);
	size_t len = 0;
	ck_assert(dc && EVP_PKEY_derive_init(dc) == 1 && EVP_PKEY_derive_set_peer(dc, peer) == 1 &&
		  EVP_PKEY_derive(dc, nullptr, &len) == 1);
	Bytes out(len);
	ck_assert(EVP_PKEY_derive(dc, out.data(), &len) == 1);
	EVP_PKEY_CTX_free(dc);
	return out;
}

// Keys made in the kernel: OpenSSL parses their SPKI, the raw public key
// is the SPKI's, and both sides agree on the secret.
START_TEST(test_x25519_generated_agrees_with_openssl)
{
	if (fips()) {
		ncrypto_key_t key = nullptr;
		ck_assert_err(ncrypto_key_generate(ctx, NCRYPTO_KEY_TYPE_X25519_PRIVATE, 32,
						   NCRYPTO_KEY_DERIVE, &key),
			      NCRYPTO_E_FIPS);
		return;
	}
	for (int round = 0; round < 16; round++) {
		ncrypto_key_t key = nullptr;
		ck_assert_err(ncrypto_key_generate(ctx, NCRYPTO_KEY_TYPE_X25519_PRIVATE, 32,
						   NCRYPTO_KEY_DERIVE, &key),
			      NCRYPTO_OK);
		Bytes raw = public_part(key, NCRYPTO_PUBLIC_RAW);
		Bytes spki = public_part(key, NCRYPTO_PUBLIC_SPKI);
		ck_assert_uint_eq(raw.size(), 32);
		const uint8_t *p = spki.data();
		EVP_PKEY *kernel_pub = d2i_PUBKEY(nullptr, &p, static_cast<long>(spki.size()));
		ck_assert_msg(kernel_pub && p == spki.data() + spki.size(), "OpenSSL refuses the SPKI");
		ck_assert_int_eq(EVP_PKEY_get_id(kernel_pub), EVP_PKEY_X25519);
		Bytes parsed(32);
		size_t n = parsed.size();
		ck_assert(EVP_PKEY_get_raw_public_key(kernel_pub, parsed.data(), &n) == 1);
		ck_assert(parsed == raw);

		EVP_PKEY *peer = openssl_x25519();
		Bytes peer_pub(32);
		n = peer_pub.size();
		ck_assert(EVP_PKEY_get_raw_public_key(peer, peer_pub.data(), &n) == 1);
		Bytes ours;
		ck_assert_err(derive_exported(key, peer_pub, ours), NCRYPTO_OK);
		ck_assert(ours == openssl_derive(peer, kernel_pub));
		EVP_PKEY_free(peer);
		EVP_PKEY_free(kernel_pub);
		ncrypto_key_destroy(key);
	}
}
END_TEST

// A private key never leaves; a derived secret only if asked; usage flags
// the type does not take are refused; DERIVE is needed.
START_TEST(test_private_keys_stay)
{
	Bytes priv = nct::unhex("c8a9d5a91091ad851c668b0736c1c9a02936c0d3ad62670858088047ba057475");
	ncrypto_key_t key = nullptr;
	ck_assert_err(import_x25519(priv, NCRYPTO_KEY_DERIVE | NCRYPTO_KEY_EXPORTABLE, &key),
		      NCRYPTO_E_INVALID_ARG);
	ck_assert_err(import_x25519(priv, NCRYPTO_KEY_DERIVE | NCRYPTO_KEY_SIGN, &key),
		      NCRYPTO_E_INVALID_ARG);
	ck_assert_err(import_x25519(priv, NCRYPTO_KEY_DERIVE, &key), NCRYPTO_OK);
	uint8_t out[64];
	size_t len = sizeof(out);
	ck_assert_err(ncrypto_key_export(key, out, &len), NCRYPTO_E_PERMISSION);
	len = sizeof(out);
	ck_assert_err(ncrypto_key_public(key, 3, out, &len), NCRYPTO_E_INVALID_ARG);
	len = 31;
	ck_assert_err(ncrypto_key_public(key, NCRYPTO_PUBLIC_RAW, out, &len),
		      NCRYPTO_E_BUFFER_TOO_SMALL);
	ck_assert_uint_eq(len, 32);
	// from OpenSSL: openssl pkey -pubout of the same private key
	ck_assert(public_part(key, NCRYPTO_PUBLIC_RAW) ==
		  nct::unhex("5f64b41cce8a6b3d6a38763088f615a4977d422288ae42b49ab3a57e2fcd6f6d"));

	if (!fips()) {
		Bytes peer =
			nct::unhex("504a36999f489cd2fdbc08baff3d88fa00569ba986cba22548ffde80f9806829");
		ncrypto_key_t s = nullptr;
		ck_assert_err(ncrypto_derive(key, NCRYPTO_ALG_X25519, peer.data(), peer.size(),
					     NCRYPTO_KEY_TYPE_GENERIC_SECRET, NCRYPTO_KEY_SIGN,
					     nullptr, &s),
			      NCRYPTO_OK);
		len = sizeof(out);
		ck_assert_err(ncrypto_key_export(s, out, &len), NCRYPTO_E_PERMISSION);
		// The secret works as the HMAC key it was made: the MAC of ""
		// under the Wycheproof case's shared secret, from nettle.
		Bytes secret = nct::unhex(
			"436a2c040cf45fea9b29a0cb81b1f41458f863d0d61b453d0a982720d6d61320");
		uint8_t mac[32];
		size_t mac_len = sizeof(mac);
		ck_assert_err(ncrypto_mac(s, NCRYPTO_ALG_HMAC_SHA256, nullptr, 0, mac, &mac_len),
			      NCRYPTO_OK);
		struct hmac_sha256_ctx hc;
		uint8_t want[32];
		hmac_sha256_set_key(&hc, secret.size(), secret.data());
		hmac_sha256_digest(&hc, sizeof(want), want);
		ck_assert(std::memcmp(mac, want, 32) == 0);
		ncrypto_key_destroy(s);
		// peers of the wrong length
		ck_assert_err(ncrypto_derive(key, NCRYPTO_ALG_X25519, peer.data(), 31,
					     NCRYPTO_KEY_TYPE_GENERIC_SECRET, NCRYPTO_KEY_SIGN,
					     nullptr, &s),
			      NCRYPTO_E_INVALID_ARG);
		// a secret key type the agreement cannot make
		ck_assert_err(ncrypto_derive(key, NCRYPTO_ALG_X25519, peer.data(), peer.size(),
					     NCRYPTO_KEY_TYPE_X25519_PRIVATE, NCRYPTO_KEY_DERIVE,
					     nullptr, &s),
			      NCRYPTO_E_INVALID_ARG);
		ck_assert_err(ncrypto_key_restrict(key, 0), NCRYPTO_OK);
		ck_assert_err(ncrypto_derive(key, NCRYPTO_ALG_X25519, peer.data(), peer.size(),
					     NCRYPTO_KEY_TYPE_GENERIC_SECRET, NCRYPTO_KEY_SIGN,
					     nullptr, &s),
			      NCRYPTO_E_PERMISSION);
	}
	ncrypto_key_destroy(key);
}
END_TEST

// Key parts the kernel must refuse, each with its error, leaving the
// context's keys as they were.
START_TEST(test_bad_parts)
{
	uint32_t before = ctx_keys();
	Bytes priv(32, 7);
	ncrypto_key_t key = nullptr;
	struct ncrypto_key_component parts[2] = {
		{NCRYPTO_PART_OKP_PRIVATE, priv.data(), 31},
		{NCRYPTO_PART_OKP_PRIVATE, priv.data(), 32},
	};
	auto import = [&](const ncrypto_key_component *p, size_t n) {
		return ncrypto_key_import_parts(ctx, NCRYPTO_KEY_TYPE_X25519_PRIVATE, 32, p, n,
						NCRYPTO_KEY_DERIVE, nullptr, &key);
	};
	ck_assert_err(import(&parts[0], 1), NCRYPTO_E_INVALID_ARG);	// short
	ck_assert_err(import(parts, 2), NCRYPTO_E_INVALID_ARG);	// repeated
	parts[0] = {NCRYPTO_PART_OKP_PUBLIC, priv.data(), 32};
	ck_assert_err(import(parts, 2), NCRYPTO_E_INVALID_ARG);	// not this type's
	parts[0] = {__NCRYPTO_PART_MAX, priv.data(), 32};
	ck_assert_err(import(parts, 2), NCRYPTO_E_INVALID_ARG);	// unknown
	ck_assert_err(import(parts, 0), NCRYPTO_E_INVALID_ARG);	// none
	Bytes big(NCRYPTO_MAX_KEY_PARTS_LEN, 1);
	parts[0] = {NCRYPTO_PART_OKP_PRIVATE, big.data(), big.size()};
	ck_assert_err(import(parts, 1), NCRYPTO_E_TOO_BIG);
	// the key size must be the type's
	parts[0] = {NCRYPTO_PART_OKP_PRIVATE, priv.data(), 32};
	ck_assert_err(ncrypto_key_import_parts(ctx, NCRYPTO_KEY_TYPE_X25519_PRIVATE, 31, parts, 1,
					       NCRYPTO_KEY_DERIVE, nullptr, &key),
		      NCRYPTO_E_INVALID_ARG);
	// key parts for a secret key type
	ck_assert_err(ncrypto_key_import_parts(ctx, NCRYPTO_KEY_TYPE_AES, 32, parts, 1,
					       NCRYPTO_KEY_ENCRYPT, nullptr, &key),
		      NCRYPTO_E_INVALID_ARG);
	ck_assert_uint_eq(ctx_keys(), before);
	// The public part of a secret key does not exist.
	uint8_t aes[16] = {};
	ncrypto_key_t sk = nullptr;
	ck_assert_err(ncrypto_key_import(ctx, NCRYPTO_KEY_TYPE_AES, aes, 16, NCRYPTO_KEY_ENCRYPT,
					 &sk),
		      NCRYPTO_OK);
	uint8_t out[64];
	size_t len = sizeof(out);
	ck_assert_err(ncrypto_key_public(sk, NCRYPTO_PUBLIC_RAW, out, &len), NCRYPTO_E_INVALID_ARG);
	ncrypto_key_destroy(sk);
}
END_TEST

// The raw ABI: KEY_DERIVE's reserved fields and flags, KEY_EXPORT's flag
// combinations, KEY_CREATE's data_len on a generate.
START_TEST(test_raw_abi_rules)
{
	int fd = nct::raw_open();
	Bytes priv(32, 5), peer(32, 9);
	struct ncrypto_key_part hdr = {NCRYPTO_PART_OKP_PRIVATE, 32};
	Bytes enc(sizeof(hdr) + priv.size());
	std::memcpy(enc.data(), &hdr, sizeof(hdr));
	std::memcpy(enc.data() + sizeof(hdr), priv.data(), priv.size());
	struct ncrypto_key_create kc = {};
	kc.size = sizeof(kc);
	kc.type = NCRYPTO_KEY_TYPE_X25519_PRIVATE;
	kc.usage = NCRYPTO_KEY_DERIVE;
	kc.key_len = 32;
	kc.data = nct::ptr(enc.data());
	kc.data_len = static_cast<uint32_t>(enc.size());
	ck_assert_int_eq(nct::xioctl(fd, NCRYPTO_IOC_KEY_GENERATE, &kc), EINVAL);
	ck_assert_int_eq(nct::xioctl(fd, NCRYPTO_IOC_KEY_IMPORT, &kc), 0);
	uint32_t h = kc.handle;

	struct ncrypto_key_export ke = {};
	uint8_t out[64];
	ke.size = sizeof(ke);
	ke.handle = h;
	ke.data = nct::ptr(out);
	ke.data_len = sizeof(out);
	ke.flags = NCRYPTO_EXPORT_F_PUBLIC_RAW | NCRYPTO_EXPORT_F_PUBLIC_SPKI;
	ck_assert_int_eq(nct::xioctl(fd, NCRYPTO_IOC_KEY_EXPORT, &ke), EINVAL);
	ke.flags = 1u << 7;
	ck_assert_int_eq(nct::xioctl(fd, NCRYPTO_IOC_KEY_EXPORT, &ke), EINVAL);
	ke.flags = 0;
	ck_assert_int_eq(nct::xioctl(fd, NCRYPTO_IOC_KEY_EXPORT, &ke), EPERM);
	ke.flags = NCRYPTO_EXPORT_F_PUBLIC_SPKI;
	ck_assert_int_eq(nct::xioctl(fd, NCRYPTO_IOC_KEY_EXPORT, &ke), 0);
	ck_assert_uint_eq(ke.data_len, 44);

	struct ncrypto_key_derive kd = {};
	kd.size = sizeof(kd);
	kd.alg = NCRYPTO_ALG_X25519;
	kd.key = h;
	kd.peer = nct::ptr(peer.data());
	kd.peer_len = 32;
	kd.type = NCRYPTO_KEY_TYPE_GENERIC_SECRET;
	kd.usage = NCRYPTO_KEY_SIGN;
	int want = nct::fips_mode() ? EACCES : 0;
	kd.reserved0 = 1;
	ck_assert_int_eq(nct::xioctl(fd, NCRYPTO_IOC_KEY_DERIVE, &kd), EINVAL);
	kd.reserved0 = 0;
	kd.reserved[1] = 1;
	ck_assert_int_eq(nct::xioctl(fd, NCRYPTO_IOC_KEY_DERIVE, &kd), EINVAL);
	kd.reserved[1] = 0;
	kd.flags = 1;
	ck_assert_int_eq(nct::xioctl(fd, NCRYPTO_IOC_KEY_DERIVE, &kd), EINVAL);
	kd.flags = 0;
	kd.alg = NCRYPTO_ALG_HMAC_SHA256;
	ck_assert_int_eq(nct::xioctl(fd, NCRYPTO_IOC_KEY_DERIVE, &kd), EINVAL);
	kd.alg = NCRYPTO_ALG_X25519;
	kd.peer = 0;
	ck_assert_int_eq(nct::xioctl(fd, NCRYPTO_IOC_KEY_DERIVE, &kd), want ? want : EFAULT);
	kd.peer = nct::ptr(peer.data());
	kd.key = h + 1000;
	ck_assert_int_eq(nct::xioctl(fd, NCRYPTO_IOC_KEY_DERIVE, &kd), want ? want : ENOENT);
	kd.key = h;
	ck_assert_int_eq(nct::xioctl(fd, NCRYPTO_IOC_KEY_DERIVE, &kd), want);
	if (!want) {
		ck_assert_uint_eq(kd.key_len, 32);
		ck_assert_uint_ne(kd.handle, 0);
	}
	// X25519 is no NCRYPTO_IOC_OP algorithm
	struct ncrypto_op op = {};
	op.size = sizeof(op);
	op.op = NCRYPTO_OP_SIGN;
	op.alg = NCRYPTO_ALG_X25519;
	op.key = h;
	ck_assert_int_eq(nct::xioctl(fd, NCRYPTO_IOC_OP, &op), want ? want : EINVAL);
	close(fd);
}
END_TEST

} // namespace

int main()
{
	Suite *s = suite_create("guest_pkey");
	TCase *tc = tcase_create("pkey");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_x25519_wycheproof);
	tcase_add_test(tc, test_x25519_generated_agrees_with_openssl);
	tcase_add_test(tc, test_private_keys_stay);
	tcase_add_test(tc, test_bad_parts);
	tcase_add_test(tc, test_raw_abi_rules);
	suite_add_tcase(s, tc);
	return nct::run_suite(s);
}
