// SPDX-License-Identifier: LGPL-2.1-or-later
// The library's API for ABI 1.1 (C and C++): keys bound by parameters,
// fixed tag lengths, nonces the kernel makes (returned through the
// *_gen_nonce functions), sessions that survive "buffer too small" and stop
// when their key goes. Needs the module: runs in the guest. Everything here
// is allowed under fips=1 too (AES-GCM and AES-CTR with kernel-made nonces,
// 12-byte GCM tags, 16-byte HMAC tags of a 32-byte key).
#include "common.hpp"

#include <ncrypto.hpp>

#include <cstring>

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

const uint8_t aes_key[16] = {0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6,
			     0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c};

struct Params {
	ncrypto_key_params_t p = nullptr;
	Params() { ck_assert_err(ncrypto_key_params_new(&p), NCRYPTO_OK); }
	~Params() { ncrypto_key_params_free(p); }
};

ncrypto_key_t import_with(uint32_t type, const uint8_t *k, size_t len, uint32_t usage,
			  const Params &params)
{
	ncrypto_key_t key = nullptr;
	ck_assert_err(ncrypto_key_import_ex(ctx, type, k, len, usage, params.p, &key), NCRYPTO_OK);
	return key;
}

// A GCM key with a nonce policy, for encryption and decryption.
ncrypto_key_t gcm_key(uint32_t policy, const uint8_t *fixed, size_t fixed_len, uint64_t first)
{
	Params p;
	ck_assert_err(ncrypto_key_params_set_alg(p.p, NCRYPTO_ALG_AES_GCM), NCRYPTO_OK);
	ck_assert_err(ncrypto_key_params_set_nonce(p.p, policy, fixed, fixed_len, first), NCRYPTO_OK);
	return import_with(NCRYPTO_KEY_TYPE_AES, aes_key, 16,
			   NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_DECRYPT, p);
}

// Encrypts msg with a kernel-made nonce, checks the decryption with that
// nonce gives msg back, returns the nonce.
Bytes seal_and_open(ncrypto_key_t k, const Bytes &msg)
{
	Bytes nonce(12, 0xee), ct(msg.size()), tag(16), back(msg.size());
	const uint8_t aad[5] = {'h', 'e', 'a', 'd', 'r'};
	size_t n = ct.size();
	ck_assert_err(ncrypto_aead_encrypt_gen_nonce(k, NCRYPTO_ALG_AES_GCM, nonce.data(), 12, aad,
						     5, msg.data(), msg.size(), ct.data(), &n,
						     tag.data(), 16), NCRYPTO_OK);
	ck_assert_uint_eq(n, msg.size());
	n = back.size();
	ck_assert_err(ncrypto_aead_decrypt(k, NCRYPTO_ALG_AES_GCM, nonce.data(), 12, aad, 5,
					   ct.data(), ct.size(), tag.data(), 16, back.data(), &n),
		      NCRYPTO_OK);
	ck_assert(back == msg);
	return nonce;
}

uint64_t next_counter(ncrypto_key_t k)
{
	Params p;
	uint32_t policy = 0;
	uint64_t counter = 0;
	ck_assert_err(ncrypto_key_get_params(k, p.p), NCRYPTO_OK);
	ck_assert_err(ncrypto_key_params_get_nonce(p.p, &policy, &counter), NCRYPTO_OK);
	return counter;
}

void put_be64(uint8_t *p, uint64_t v)
{
	for (int i = 7; i >= 0; i--, v >>= 8)
		p[i] = static_cast<uint8_t>(v);
}

START_TEST(test_bound_key_reports_its_params)
{
	const uint8_t iv[12] = {0x1b, 0x2c, 0x3d, 0x4e, 0x5f, 0x60, 0x71, 0x82, 0x93, 0xa4, 0xb5, 0xc6};
	Params p;
	ck_assert_err(ncrypto_key_params_set_alg(p.p, NCRYPTO_ALG_AES_GCM), NCRYPTO_OK);
	ck_assert_err(ncrypto_key_params_set_tag_len(p.p, 12), NCRYPTO_OK);
	ck_assert_err(ncrypto_key_params_set_nonce(p.p, NCRYPTO_NONCE_COUNTER_XOR, iv, 12, 5),
		      NCRYPTO_OK);
	ncrypto_key_t k = nullptr;
	ck_assert_err(ncrypto_key_generate_ex(ctx, NCRYPTO_KEY_TYPE_AES, 16, NCRYPTO_KEY_ENCRYPT,
					      p.p, &k), NCRYPTO_OK);

	Params got;
	uint32_t alg = 0, policy = 0;
	size_t tag_len = 0;
	uint64_t counter = 0;
	ck_assert_err(ncrypto_key_get_params(k, got.p), NCRYPTO_OK);
	ck_assert_err(ncrypto_key_params_get_alg(got.p, &alg), NCRYPTO_OK);
	ck_assert_err(ncrypto_key_params_get_tag_len(got.p, &tag_len), NCRYPTO_OK);
	ck_assert_err(ncrypto_key_params_get_nonce(got.p, &policy, &counter), NCRYPTO_OK);
	ck_assert_uint_eq(alg, NCRYPTO_ALG_AES_GCM);
	ck_assert_uint_eq(tag_len, 12);
	ck_assert_uint_eq(policy, NCRYPTO_NONCE_COUNTER_XOR);
	ck_assert_uint_eq(counter, 5);
	ck_assert_err(ncrypto_key_get_params(k, nullptr), NCRYPTO_E_BAD_HANDLE);
	ncrypto_key_destroy(k);

	// An unbound key: nothing bound, tag length 0.
	ck_assert_err(ncrypto_key_import(ctx, NCRYPTO_KEY_TYPE_AES, aes_key, 16,
					 NCRYPTO_KEY_ENCRYPT, &k), NCRYPTO_OK);
	ck_assert_err(ncrypto_key_get_params(k, got.p), NCRYPTO_OK);
	ck_assert_err(ncrypto_key_params_get_alg(got.p, &alg), NCRYPTO_OK);
	ck_assert_err(ncrypto_key_params_get_tag_len(got.p, &tag_len), NCRYPTO_OK);
	ck_assert_err(ncrypto_key_params_get_nonce(got.p, &policy, &counter), NCRYPTO_OK);
	ck_assert_uint_eq(alg, 0);
	ck_assert_uint_eq(tag_len, 0);
	ck_assert_uint_eq(policy, NCRYPTO_NONCE_CALLER);
	ncrypto_key_destroy(k);

	// Parameters the kernel refuses: a tag length without an algorithm,
	// a kernel-made nonce for CBC.
	Params bad;
	ck_assert_err(ncrypto_key_params_set_tag_len(bad.p, 12), NCRYPTO_OK);
	ck_assert_err(ncrypto_key_import_ex(ctx, NCRYPTO_KEY_TYPE_AES, aes_key, 16,
					    NCRYPTO_KEY_ENCRYPT, bad.p, &k), NCRYPTO_E_INVALID_ARG);
	ck_assert_ptr_null(k);
	Params cbc;
	ck_assert_err(ncrypto_key_params_set_alg(cbc.p, NCRYPTO_ALG_AES_CBC), NCRYPTO_OK);
	ck_assert_err(ncrypto_key_params_set_nonce(cbc.p, NCRYPTO_NONCE_RANDOM, nullptr, 0, 0),
		      NCRYPTO_OK);
	ck_assert_err(ncrypto_key_import_ex(ctx, NCRYPTO_KEY_TYPE_AES, aes_key, 16,
					    NCRYPTO_KEY_ENCRYPT, cbc.p, &k), NCRYPTO_E_INVALID_ARG);
	ck_assert_err(ncrypto_key_import_ex(ctx, NCRYPTO_KEY_TYPE_AES, aes_key, 16,
					    NCRYPTO_KEY_ENCRYPT,
					    reinterpret_cast<ncrypto_key_params_t>(ctx), &k),
		      NCRYPTO_E_BAD_HANDLE);
}
END_TEST

START_TEST(test_counter_xor_nonces)
{
	const uint8_t iv[12] = {0x1b, 0x2c, 0x3d, 0x4e, 0x5f, 0x60, 0x71, 0x82, 0x93, 0xa4, 0xb5, 0xc6};
	const uint64_t first = 0x0102030405060708ull;
	ncrypto_key_t k = gcm_key(NCRYPTO_NONCE_COUNTER_XOR, iv, 12, first);
	Bytes msg(40, 'm');
	for (uint64_t i = 0; i < 3; i++) {
		Bytes want(iv, iv + 12);
		uint8_t c[8];
		put_be64(c, first + i);
		for (int j = 0; j < 8; j++)
			want[4 + j] ^= c[j];
		ck_assert_msg(seal_and_open(k, msg) == want, "nonce %u is not iv ^ counter",
			      (unsigned)i);
	}
	ck_assert_uint_eq(next_counter(k), first + 3);
	ncrypto_key_destroy(k);
}
END_TEST

START_TEST(test_counter_nonces_and_exhaustion)
{
	const uint8_t salt[4] = {0xca, 0xfe, 0xba, 0xbe};
	ncrypto_key_t k = gcm_key(NCRYPTO_NONCE_COUNTER, salt, 4, UINT64_MAX - 1);
	Bytes msg(16, 'x');
	for (uint64_t c : {UINT64_MAX - 1, UINT64_MAX}) {
		Bytes want(salt, salt + 4);
		want.resize(12);
		put_be64(want.data() + 4, c);
		ck_assert(seal_and_open(k, msg) == want);
	}
	// The next value would wrap: no nonce is ever made twice.
	uint8_t nonce[12], ct[16], tag[16];
	size_t n = sizeof(ct);
	ck_assert_err(ncrypto_aead_encrypt_gen_nonce(k, NCRYPTO_ALG_AES_GCM, nonce, 12, nullptr, 0,
						     msg.data(), 16, ct, &n, tag, 16),
		      NCRYPTO_E_NONCES_EXHAUSTED);
	ncrypto_key_destroy(k);
}
END_TEST

START_TEST(test_random_nonces)
{
	ncrypto_key_t k = gcm_key(NCRYPTO_NONCE_RANDOM, nullptr, 0, 0);
	Bytes msg(100, 'r');
	Bytes a = seal_and_open(k, msg), b = seal_and_open(k, msg);
	ck_assert_msg(a != b, "two random nonces are equal: %s", nct::hex(a).c_str());
	ncrypto_key_destroy(k);
}
END_TEST

// The library never lets the kernel write a const nonce nor read an
// output buffer as one.
START_TEST(test_nonce_direction)
{
	ncrypto_key_t made = gcm_key(NCRYPTO_NONCE_RANDOM, nullptr, 0, 0);
	ncrypto_key_t caller = nullptr;
	ck_assert_err(ncrypto_key_import(ctx, NCRYPTO_KEY_TYPE_AES, aes_key, 16,
					 NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_DECRYPT, &caller),
		      NCRYPTO_OK);
	uint8_t nonce[16] = {0}, in[16] = {0}, out[16], tag[16];
	size_t n = sizeof(out);
	ck_assert_err(ncrypto_aead_encrypt(made, NCRYPTO_ALG_AES_GCM, nonce, 12, nullptr, 0, in, 16,
					   out, &n, tag, 16), NCRYPTO_E_INVALID_ARG);
	ck_assert_err(ncrypto_aead_encrypt_gen_nonce(caller, NCRYPTO_ALG_AES_GCM, nonce, 12, nullptr,
						     0, in, 16, out, &n, tag, 16),
		      NCRYPTO_E_INVALID_ARG);
	ck_assert_err(ncrypto_encrypt_gen_nonce(caller, NCRYPTO_ALG_AES_CTR, nonce, 16, in, 16, out,
						&n), NCRYPTO_E_INVALID_ARG);
	ncrypto_session_t s = nullptr;
	ck_assert_err(ncrypto_session_init_gen_nonce(ctx, NCRYPTO_ALG_AES_CTR, caller, nonce, 16, &s),
		      NCRYPTO_E_INVALID_ARG);
	ck_assert_err(ncrypto_session_init_gen_nonce(ctx, NCRYPTO_ALG_AES_CTR, nullptr, nonce, 16,
						     &s), NCRYPTO_E_INVALID_ARG);
	ck_assert_ptr_null(s);
	ncrypto_key_destroy(made);
	ncrypto_key_destroy(caller);
}
END_TEST

// AES-CTR with kernel-made IVs, one-shot and as a session: the output is
// what the caller's IV gives with an unbound key of the same value.
START_TEST(test_ctr_gen_nonce)
{
	Params p;
	ck_assert_err(ncrypto_key_params_set_alg(p.p, NCRYPTO_ALG_AES_CTR), NCRYPTO_OK);
	ck_assert_err(ncrypto_key_params_set_nonce(p.p, NCRYPTO_NONCE_RANDOM, nullptr, 0, 0),
		      NCRYPTO_OK);
	ncrypto_key_t k = import_with(NCRYPTO_KEY_TYPE_AES, aes_key, 16, NCRYPTO_KEY_ENCRYPT, p);
	ncrypto_key_t ref = nullptr;
	ck_assert_err(ncrypto_key_import(ctx, NCRYPTO_KEY_TYPE_AES, aes_key, 16,
					 NCRYPTO_KEY_DECRYPT, &ref), NCRYPTO_OK);
	Bytes msg = nct::Rng(7).bytes(50), ct(50), back(50);
	uint8_t iv[16];
	size_t n = ct.size();
	ck_assert_err(ncrypto_encrypt_gen_nonce(k, NCRYPTO_ALG_AES_CTR, iv, 16, msg.data(), 50,
						ct.data(), &n), NCRYPTO_OK);
	ck_assert_msg(iv[12] == 0 && iv[13] == 0 && iv[14] == 0 && iv[15] == 0,
		      "CTR IV does not end in a zero block counter: %s", nct::hex(iv, 16).c_str());
	n = back.size();
	ck_assert_err(ncrypto_decrypt(ref, NCRYPTO_ALG_AES_CTR, iv, 16, ct.data(), 50, back.data(),
				      &n), NCRYPTO_OK);
	ck_assert(back == msg);

	ncrypto_session_t s = nullptr;
	ck_assert_err(ncrypto_session_init(ctx, NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CTR, k, iv, 16,
					   &s), NCRYPTO_E_INVALID_ARG);
	ck_assert_err(ncrypto_session_init_gen_nonce(ctx, NCRYPTO_ALG_AES_CTR, k, iv, 16, &s),
		      NCRYPTO_OK);
	size_t got = 0;
	n = ct.size();
	ck_assert_err(ncrypto_session_update(s, msg.data(), 50, ct.data(), &n), NCRYPTO_OK);
	got += n;
	n = ct.size() - got;
	ck_assert_err(ncrypto_session_final(s, ct.data() + got, &n), NCRYPTO_OK);
	got += n;
	ck_assert_uint_eq(got, 50);
	ncrypto_session_destroy(s);
	n = back.size();
	ck_assert_err(ncrypto_decrypt(ref, NCRYPTO_ALG_AES_CTR, iv, 16, ct.data(), 50, back.data(),
				      &n), NCRYPTO_OK);
	ck_assert(back == msg);
	ncrypto_key_destroy(k);
	ncrypto_key_destroy(ref);
}
END_TEST

START_TEST(test_tag_lengths)
{
	// A truncated HMAC: sign gives 16 bytes, verify takes 16 only.
	Bytes secret(32, 0x0b), msg = {'h', 'i'};
	Params p;
	ck_assert_err(ncrypto_key_params_set_alg(p.p, NCRYPTO_ALG_HMAC_SHA256), NCRYPTO_OK);
	ck_assert_err(ncrypto_key_params_set_tag_len(p.p, 16), NCRYPTO_OK);
	ncrypto_key_t m = import_with(NCRYPTO_KEY_TYPE_GENERIC_SECRET, secret.data(), 32,
				      NCRYPTO_KEY_SIGN | NCRYPTO_KEY_VERIFY, p);
	uint8_t tag[64];
	size_t n = sizeof(tag);
	ck_assert_err(ncrypto_mac(m, NCRYPTO_ALG_HMAC_SHA256, msg.data(), 2, tag, &n), NCRYPTO_OK);
	ck_assert_uint_eq(n, 16);
	ck_assert_err(ncrypto_mac_verify(m, NCRYPTO_ALG_HMAC_SHA256, msg.data(), 2, tag, 16),
		      NCRYPTO_OK);
	ck_assert_err(ncrypto_mac_verify(m, NCRYPTO_ALG_HMAC_SHA256, msg.data(), 2, tag, 8),
		      NCRYPTO_E_INVALID_ARG);
	tag[3] ^= 1;
	ck_assert_err(ncrypto_mac_verify(m, NCRYPTO_ALG_HMAC_SHA256, msg.data(), 2, tag, 16),
		      NCRYPTO_E_AUTH_FAILED);
	ncrypto_key_destroy(m);

	// A GCM key with 12-byte tags takes no other length.
	Params g;
	ck_assert_err(ncrypto_key_params_set_alg(g.p, NCRYPTO_ALG_AES_GCM), NCRYPTO_OK);
	ck_assert_err(ncrypto_key_params_set_tag_len(g.p, 12), NCRYPTO_OK);
	ck_assert_err(ncrypto_key_params_set_nonce(g.p, NCRYPTO_NONCE_RANDOM, nullptr, 0, 0),
		      NCRYPTO_OK);
	ncrypto_key_t k = import_with(NCRYPTO_KEY_TYPE_AES, aes_key, 16,
				      NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_DECRYPT, g);
	uint8_t nonce[12], in[16] = {0}, out[16], back[16];
	n = sizeof(out);
	ck_assert_err(ncrypto_aead_encrypt_gen_nonce(k, NCRYPTO_ALG_AES_GCM, nonce, 12, nullptr, 0,
						     in, 16, out, &n, tag, 16),
		      NCRYPTO_E_INVALID_ARG);
	n = sizeof(out);
	ck_assert_err(ncrypto_aead_encrypt_gen_nonce(k, NCRYPTO_ALG_AES_GCM, nonce, 12, nullptr, 0,
						     in, 16, out, &n, tag, 12), NCRYPTO_OK);
	n = sizeof(back);
	ck_assert_err(ncrypto_aead_decrypt(k, NCRYPTO_ALG_AES_GCM, nonce, 12, nullptr, 0, out, 16,
					   tag, 12, back, &n), NCRYPTO_OK);
	ck_assert(memcmp(back, in, 16) == 0);
	ncrypto_key_destroy(k);
}
END_TEST

// ABI 1.1: ENOSPC leaves a session as it was, on UPDATE and on FINAL.
START_TEST(test_session_survives_too_small)
{
	ncrypto_key_t k = nullptr;
	ck_assert_err(ncrypto_key_import(ctx, NCRYPTO_KEY_TYPE_AES, nct::kat_key, 16,
					 NCRYPTO_KEY_ENCRYPT, &k), NCRYPTO_OK);
	const uint8_t zero_iv[16] = {0};
	ncrypto_session_t s = nullptr;
	ck_assert_err(ncrypto_session_init(ctx, NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, k, zero_iv,
					   16, &s), NCRYPTO_OK);
	uint8_t out[32];
	size_t n = 5;
	ck_assert_err(ncrypto_session_update(s, nct::kat_pt, 16, out, &n),
		      NCRYPTO_E_BUFFER_TOO_SMALL);
	ck_assert_uint_eq(n, 16);
	n = sizeof(out);
	ck_assert_err(ncrypto_session_update(s, nct::kat_pt, 16, out, &n), NCRYPTO_OK);
	ck_assert_uint_eq(n, 16);
	ck_assert(memcmp(out, nct::kat_ct, 16) == 0);
	n = 0;
	ck_assert_err(ncrypto_session_final(s, out, &n), NCRYPTO_OK);
	ck_assert_uint_eq(n, 0);
	ncrypto_session_destroy(s);
	ncrypto_key_destroy(k);

	ck_assert_err(ncrypto_session_init(ctx, NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, nullptr,
					   nullptr, 0, &s), NCRYPTO_OK);
	ck_assert_err(ncrypto_session_update(s, (const uint8_t *)"abc", 3, nullptr, nullptr),
		      NCRYPTO_OK);
	n = 31;
	ck_assert_err(ncrypto_session_final(s, out, &n), NCRYPTO_E_BUFFER_TOO_SMALL);
	ck_assert_uint_eq(n, 32);
	n = 32;
	ck_assert_err(ncrypto_session_final(s, out, &n), NCRYPTO_OK);
	std::string digest = nct::hex(out, 32);
	ck_assert_str_eq(digest.c_str(),
			 "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	ck_assert_err(ncrypto_session_final(s, out, &n), NCRYPTO_E_SESSION_FAILED);
	ck_assert_err(ncrypto_session_destroy(s), NCRYPTO_OK);
}
END_TEST

// ABI 1.1: a session stops when its key is destroyed or restricted.
START_TEST(test_session_stops_with_its_key)
{
	Bytes secret(32, 0x0b);
	for (bool destroy : {true, false}) {
		ncrypto_key_t k = nullptr;
		ck_assert_err(ncrypto_key_import(ctx, NCRYPTO_KEY_TYPE_GENERIC_SECRET, secret.data(),
						 32, NCRYPTO_KEY_SIGN | NCRYPTO_KEY_VERIFY, &k),
			      NCRYPTO_OK);
		ncrypto_session_t s = nullptr;
		ck_assert_err(ncrypto_session_init(ctx, NCRYPTO_OP_SIGN, NCRYPTO_ALG_HMAC_SHA256, k,
						   nullptr, 0, &s), NCRYPTO_OK);
		ck_assert_err(ncrypto_session_update(s, secret.data(), 3, nullptr, nullptr),
			      NCRYPTO_OK);
		if (destroy)
			ck_assert_err(ncrypto_key_destroy(k), NCRYPTO_OK);
		else
			ck_assert_err(ncrypto_key_restrict(k, NCRYPTO_KEY_VERIFY), NCRYPTO_OK);
		ck_assert_err(ncrypto_session_update(s, secret.data(), 3, nullptr, nullptr),
			      NCRYPTO_E_KEY_REVOKED);
		uint8_t mac[32];
		size_t n = sizeof(mac);
		ck_assert_err(ncrypto_session_final(s, mac, &n), NCRYPTO_E_SESSION_FAILED);
		ck_assert_err(ncrypto_session_destroy(s), NCRYPTO_OK);
		if (!destroy)
			ncrypto_key_destroy(k);
	}
}
END_TEST

START_TEST(test_cpp_api)
{
	ncrypto::Context c;
	const Bytes iv(12, 0x42), key(aes_key, aes_key + 16), msg(33, 'c'), aad(13, 'a');
	ncrypto::KeyParams p;
	p.alg(NCRYPTO_ALG_AES_GCM).nonce(NCRYPTO_NONCE_COUNTER_XOR, iv, 1);
	ncrypto::Key k = c.import_key(NCRYPTO_KEY_TYPE_AES, key,
				      NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_DECRYPT, p);
	ncrypto::KeyBinding b = k.params();
	ck_assert_uint_eq(b.alg, NCRYPTO_ALG_AES_GCM);
	ck_assert_uint_eq(b.tag_len, 16);
	ck_assert_uint_eq(b.nonce_policy, NCRYPTO_NONCE_COUNTER_XOR);
	ck_assert_uint_eq(b.next_counter, 1);
	Bytes nonce;
	Bytes sealed = k.aead_encrypt_gen_nonce(NCRYPTO_ALG_AES_GCM, aad, msg, nonce);
	Bytes want = iv;
	want[11] ^= 1;
	ck_assert(nonce == want);
	ck_assert(k.aead_decrypt(NCRYPTO_ALG_AES_GCM, nonce, aad, sealed) == msg);
	ck_assert_uint_eq(k.params().next_counter, 2);
	try {
		k.aead_encrypt(NCRYPTO_ALG_AES_GCM, iv, aad, msg);
		ck_abort_msg("a caller's nonce was taken by a key that makes its own");
	} catch (const ncrypto::Error &e) {
		ck_assert_err(e.code(), NCRYPTO_E_INVALID_ARG);
	}

	ncrypto::KeyParams ctr;
	ctr.alg(NCRYPTO_ALG_AES_CTR).nonce(NCRYPTO_NONCE_RANDOM);
	ncrypto::Key kc = c.generate_key(NCRYPTO_KEY_TYPE_AES, 16,
					 NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_DECRYPT, ctr);
	Bytes civ;
	Bytes ct = kc.encrypt_gen_nonce(NCRYPTO_ALG_AES_CTR, msg, civ);
	ck_assert_uint_eq(civ.size(), 16);
	ck_assert(kc.decrypt(NCRYPTO_ALG_AES_CTR, civ, ct) == msg);
	uint8_t siv[16];
	ncrypto::Session s = c.start_gen_nonce(NCRYPTO_ALG_AES_CTR, kc, siv, sizeof(siv));
	Bytes part = s.update_cipher(msg);
	Bytes tail = s.final();
	part.insert(part.end(), tail.begin(), tail.end());
	ck_assert(kc.decrypt(NCRYPTO_ALG_AES_CTR, Bytes(siv, siv + 16), part) == msg);
}
END_TEST

} // namespace

int main()
{
	Suite *s = suite_create("guest_keyparams");
	TCase *tc = tcase_create("keyparams");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_bound_key_reports_its_params);
	tcase_add_test(tc, test_counter_xor_nonces);
	tcase_add_test(tc, test_counter_nonces_and_exhaustion);
	tcase_add_test(tc, test_random_nonces);
	tcase_add_test(tc, test_nonce_direction);
	tcase_add_test(tc, test_ctr_gen_nonce);
	tcase_add_test(tc, test_tag_lengths);
	tcase_add_test(tc, test_session_survives_too_small);
	tcase_add_test(tc, test_session_stops_with_its_key);
	tcase_add_test(tc, test_cpp_api);
	suite_add_tcase(s, tc);
	return nct::run_suite(s);
}
