// SPDX-License-Identifier: LGPL-2.1-or-later
// The C API (<ncrypto.h>) and the C++ API (<ncrypto.hpp>) with the module:
// handles, sizes reported back, sessions, lifetimes, error codes.
// Needs the module: runs in the guest.
#include "common.hpp"

#include <ncrypto.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

using nct::Bytes;
using nct::kat_ct;
using nct::kat_key;
using nct::kat_pt;

namespace {

const uint8_t zero_iv[16] = {0};
// SHA-256("abc") and HMAC-SHA256 of RFC 4231 test case 2.
const char *sha256_abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const char *rfc4231_key = "4a656665";	// "Jefe"
const char *rfc4231_msg = "what do ya want for nothing?";
const char *rfc4231_mac = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

ncrypto_ctx_t ctx;

void setup()
{
	int r = ncrypto_open(&ctx, nullptr);
	ck_assert_msg(r == NCRYPTO_OK, "ncrypto_open: %s", ncrypto_strerror(r));
}

void teardown() { ncrypto_close(ctx); }

ncrypto_key_t import(uint32_t type, const Bytes &k, uint32_t usage)
{
	ncrypto_key_t key = nullptr;
	int r = ncrypto_key_import(ctx, type, k.data(), k.size(), usage, &key);
	ck_assert_msg(r == NCRYPTO_OK, "import: %s", nct::err_name(r));
	return key;
}

ncrypto_key_t aes_kat(uint32_t usage)
{
	return import(NCRYPTO_KEY_TYPE_AES, Bytes(kat_key, kat_key + 16), usage);
}

// Compares as std::string (ck_assert_str_eq would keep a pointer into a
// temporary).
#define ck_assert_hex(got_hex, want_hex)                                                   \
	do {                                                                               \
		std::string g_ = (got_hex), w_ = (want_hex);                               \
		ck_assert_msg(g_ == w_, "%s = %s, expected %s", #got_hex, g_.c_str(),       \
			      w_.c_str());                                                 \
	} while (0)

#define ck_assert_err(expr, want)                                                          \
	do {                                                                               \
		int r_ = (expr);                                                           \
		ck_assert_msg(r_ == (want), "%s = %s, expected %s", #expr, nct::err_name(r_), \
			      nct::err_name(want));                                        \
	} while (0)

// One field of a fresh snapshot of `c`.
uint64_t info_value(ncrypto_ctx_t c, uint32_t field)
{
	ncrypto_info_t info;
	uint64_t v = 0;
	ck_assert_err(ncrypto_info_get(c, &info), NCRYPTO_OK);
	int r = ncrypto_info_value(info, field, &v);
	ncrypto_info_free(info);
	ck_assert_err(r, NCRYPTO_OK);
	return v;
}

// The kernel side of `ctx` holds no key and no session.
void expect_ctx_empty()
{
	ck_assert_uint_eq(info_value(ctx, NCRYPTO_INFO_CTX_KEYS), 0);
	ck_assert_uint_eq(info_value(ctx, NCRYPTO_INFO_CTX_SESSIONS), 0);
}

START_TEST(test_open_and_info)
{
	ncrypto_ctx_t c = nullptr;
	ck_assert_err(ncrypto_open(&c, "/nonexistent/ncrypto"), NCRYPTO_E_NOT_LOADED);
	ck_assert_ptr_null(c);
	// A file that is not /dev/ncrypto is refused.
	int r = ncrypto_open(&c, "/dev/null");
	ck_assert_msg(r != NCRYPTO_OK && c == nullptr, "ncrypto_open(/dev/null) = %s",
		      nct::err_name(r));

	ncrypto_info_t info = nullptr;
	ck_assert_err(ncrypto_info_get(ctx, nullptr), NCRYPTO_E_INVALID_ARG);
	ck_assert_err(ncrypto_info_get(ctx, &info), NCRYPTO_OK);
	uint64_t v = 0, n = 0, minor = 0;
	ck_assert_err(ncrypto_info_value(info, NCRYPTO_INFO_ABI_MAJOR, &v), NCRYPTO_OK);
	ck_assert_uint_eq(v, NCRYPTO_ABI_MAJOR);
	ck_assert_err(ncrypto_info_value(info, NCRYPTO_INFO_ABI_MINOR, &minor), NCRYPTO_OK);
	ck_assert_err(ncrypto_info_value(info, NCRYPTO_INFO_MAX_OP_LEN, &v), NCRYPTO_OK);
	ck_assert_uint_gt(v, 0);
	ck_assert_err(ncrypto_info_value(info, NCRYPTO_INFO_ABI_MAJOR, nullptr),
		      NCRYPTO_E_INVALID_ARG);
	ck_assert_err(ncrypto_info_value(info, 0, &v), NCRYPTO_E_INVALID_ARG);
	ck_assert_err(ncrypto_info_value(info, 12345, &v), NCRYPTO_E_INVALID_ARG);
	// root in the guest: the module-wide counters are shown, and count
	// this context.
	ck_assert_err(ncrypto_info_value(info, NCRYPTO_INFO_LIVE_CONTEXTS, &v), NCRYPTO_OK);
	ck_assert_uint_ge(v, 1);
	r = ncrypto_info_value(info, NCRYPTO_INFO_CTX_OPS, &v);
	ck_assert_err(r, minor >= 1 ? NCRYPTO_OK : NCRYPTO_E_UNSUPPORTED);
	ck_assert_err(ncrypto_info_value(info, NCRYPTO_INFO_ALG_COUNT, &n), NCRYPTO_OK);
	ck_assert_uint_ge(n, 22);
	for (size_t i = 0; i < n; i++) {
		uint64_t alg = 0;
		size_t back = n;
		ck_assert_err(ncrypto_info_alg_value(info, i, NCRYPTO_ALG_INFO_ALG, &alg), NCRYPTO_OK);
		ck_assert_msg(ncrypto_alg_name((uint32_t)alg) != nullptr,
			      "alg %u listed without a name", (unsigned)alg);
		ck_assert_err(ncrypto_info_alg_index(info, (uint32_t)alg, &back), NCRYPTO_OK);
		ck_assert_uint_eq(back, i);
		r = ncrypto_info_alg_value(info, i, NCRYPTO_ALG_INFO_UPDATE_LEN, &v);
		ck_assert_err(r, minor >= 1 ? NCRYPTO_OK : NCRYPTO_E_UNSUPPORTED);
	}
	size_t idx = 0;
	ck_assert_err(ncrypto_info_alg_index(info, NCRYPTO_ALG_AES_CBC, &idx), NCRYPTO_OK);
	ck_assert_err(ncrypto_info_alg_value(info, idx, NCRYPTO_ALG_INFO_BLOCK_LEN, &v), NCRYPTO_OK);
	ck_assert_uint_eq(v, 16);
	if (minor >= 1) {
		ck_assert_err(ncrypto_info_alg_value(info, idx, NCRYPTO_ALG_INFO_UPDATE_LEN, &v),
			      NCRYPTO_OK);
		ck_assert_uint_eq(v, 16);
	}
	ck_assert_err(ncrypto_info_alg_index(info, 127, &idx), NCRYPTO_E_UNSUPPORTED);
	ck_assert_err(ncrypto_info_alg_value(info, n, NCRYPTO_ALG_INFO_ALG, &v),
		      NCRYPTO_E_INVALID_ARG);
	ck_assert_err(ncrypto_info_alg_value(info, 0, 0, &v), NCRYPTO_E_INVALID_ARG);
	ck_assert_err(ncrypto_info_free(info), NCRYPTO_OK);
	ck_assert_err(ncrypto_info_free(nullptr), NCRYPTO_OK);

	int fd = -1;
	ck_assert_err(ncrypto_ctx_fd(ctx, &fd), NCRYPTO_OK);
	struct ncrypto_info raw;
	ck_assert(nct::raw_info(fd, &raw));
	ck_assert_uint_eq(raw.ctx_keys, 0);
}
END_TEST

START_TEST(test_bad_handles)
{
	ck_assert_err(ncrypto_close(nullptr), NCRYPTO_OK);
	ck_assert_err(ncrypto_key_destroy(nullptr), NCRYPTO_OK);
	ck_assert_err(ncrypto_session_destroy(nullptr), NCRYPTO_OK);
	uint8_t out[64];
	size_t n = sizeof(out);
	ck_assert_err(ncrypto_hash(nullptr, NCRYPTO_ALG_SHA256, out, 1, out, &n),
		      NCRYPTO_E_BAD_HANDLE);
	// A handle of another type.
	ncrypto_session_t s;
	ck_assert_err(ncrypto_session_init(ctx, NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, nullptr,
					   nullptr, 0, &s), NCRYPTO_OK);
	n = sizeof(out);
	ck_assert_err(ncrypto_encrypt(reinterpret_cast<ncrypto_key_t>(s), NCRYPTO_ALG_AES_CBC,
				      zero_iv, 16, kat_pt, 16, out, &n), NCRYPTO_E_BAD_HANDLE);
	ck_assert_err(ncrypto_hash(reinterpret_cast<ncrypto_ctx_t>(s), NCRYPTO_ALG_SHA256, out, 1,
				   out, &n), NCRYPTO_E_BAD_HANDLE);
	ncrypto_key_t k = aes_kat(NCRYPTO_KEY_ENCRYPT);
	ck_assert_err(ncrypto_session_update(reinterpret_cast<ncrypto_session_t>(k), out, 1,
					     nullptr, nullptr), NCRYPTO_E_BAD_HANDLE);
	ck_assert_err(ncrypto_key_destroy(reinterpret_cast<ncrypto_key_t>(ctx)), NCRYPTO_E_BAD_HANDLE);
	// Memory that is no handle at all.
	alignas(16) uint8_t junk[128];
	memset(junk, 0x5a, sizeof(junk));
	ck_assert_err(ncrypto_key_restrict(reinterpret_cast<ncrypto_key_t>(junk), 0),
		      NCRYPTO_E_BAD_HANDLE);
	ck_assert_err(ncrypto_session_destroy(reinterpret_cast<ncrypto_session_t>(junk)),
		      NCRYPTO_E_BAD_HANDLE);
	// Use after destroy: <ncrypto.h> promises an error code, not a crash.
	// (Nothing is allocated in between, so the freed object is not reused.)
	ck_assert_err(ncrypto_key_destroy(k), NCRYPTO_OK);
	uint32_t type, usage;
	size_t len;
	ck_assert_err(ncrypto_key_get_info(k, &type, &len, &usage), NCRYPTO_E_BAD_HANDLE);
	ck_assert_err(ncrypto_session_destroy(s), NCRYPTO_OK);
	ck_assert_err(ncrypto_session_update(s, out, 1, nullptr, nullptr), NCRYPTO_E_BAD_HANDLE);
	// The kernel side agrees: nothing left.
	expect_ctx_empty();
}
END_TEST

START_TEST(test_keys)
{
	ncrypto_key_t k;
	ck_assert_err(ncrypto_key_generate(ctx, NCRYPTO_KEY_TYPE_AES, 32,
					   NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_EXPORTABLE, &k), NCRYPTO_OK);
	uint32_t type = 0, usage = 0, h = 0;
	size_t len = 0;
	ck_assert_err(ncrypto_key_get_info(k, &type, &len, &usage), NCRYPTO_OK);
	ck_assert_uint_eq(type, NCRYPTO_KEY_TYPE_AES);
	ck_assert_uint_eq(len, 32);
	ck_assert_uint_eq(usage, NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_EXPORTABLE);
	uint8_t buf[64];
	size_t n = 31;
	ck_assert_err(ncrypto_key_export(k, buf, &n), NCRYPTO_E_BUFFER_TOO_SMALL);
	ck_assert_uint_eq(n, 32);
	n = sizeof(buf);
	ck_assert_err(ncrypto_key_export(k, buf, &n), NCRYPTO_OK);
	ck_assert_uint_eq(n, 32);
	// Two generated keys differ.
	ncrypto_key_t k2;
	ck_assert_err(ncrypto_key_generate(ctx, NCRYPTO_KEY_TYPE_AES, 32, NCRYPTO_KEY_EXPORTABLE, &k2),
		      NCRYPTO_OK);
	uint8_t buf2[64];
	size_t n2 = sizeof(buf2);
	ck_assert_err(ncrypto_key_export(k2, buf2, &n2), NCRYPTO_OK);
	ck_assert_msg(memcmp(buf, buf2, 32) != 0, "two generated keys are equal");
	// The kernel handle.
	ck_assert_err(ncrypto_key_handle(k, &h), NCRYPTO_OK);
	ck_assert_uint_ne(h, 0);
	int fd;
	ck_assert_err(ncrypto_ctx_fd(ctx, &fd), NCRYPTO_OK);
	struct ncrypto_key_info ki;
	memset(&ki, 0, sizeof(ki));
	ki.size = sizeof(ki);
	ki.handle = h;
	ck_assert_int_eq(ioctl(fd, NCRYPTO_IOC_KEY_INFO, &ki), 0);
	ck_assert_uint_eq(ki.key_len, 32);
	// Restrict, then the dropped usage is refused.
	ck_assert_err(ncrypto_key_restrict(k, NCRYPTO_KEY_ENCRYPT), NCRYPTO_OK);
	n = sizeof(buf);
	ck_assert_err(ncrypto_key_export(k, buf, &n), NCRYPTO_E_PERMISSION);
	ck_assert_err(ncrypto_key_restrict(k, NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_DECRYPT),
		      NCRYPTO_E_PERMISSION);
	ck_assert_err(ncrypto_key_destroy(k), NCRYPTO_OK);
	ck_assert_err(ncrypto_key_destroy(k2), NCRYPTO_OK);
	// Bad arguments are codes.
	ck_assert_err(ncrypto_key_generate(ctx, NCRYPTO_KEY_TYPE_AES, 17, NCRYPTO_KEY_ENCRYPT, &k),
		      NCRYPTO_E_INVALID_ARG);
	ck_assert_err(ncrypto_key_import(ctx, NCRYPTO_KEY_TYPE_AES, nullptr, 16, NCRYPTO_KEY_ENCRYPT, &k),
		      NCRYPTO_E_INVALID_ARG);
	ck_assert_err(ncrypto_key_import(ctx, NCRYPTO_KEY_TYPE_AES, kat_key, 16, NCRYPTO_KEY_ENCRYPT, nullptr),
		      NCRYPTO_E_INVALID_ARG);
}
END_TEST

START_TEST(test_buffer_too_small)
{
	ncrypto_key_t k = aes_kat(NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_DECRYPT);
	uint8_t in[64] = {0}, out[128], tag[16];
	size_t n = 10;
	ck_assert_err(ncrypto_hash(ctx, NCRYPTO_ALG_SHA384, in, 3, out, &n), NCRYPTO_E_BUFFER_TOO_SMALL);
	ck_assert_uint_eq(n, 48);
	n = 0;
	ck_assert_err(ncrypto_hash(ctx, NCRYPTO_ALG_SHA3_512, in, 3, nullptr, &n), NCRYPTO_E_BUFFER_TOO_SMALL);
	ck_assert_uint_eq(n, 64);
	n = 31;
	ck_assert_err(ncrypto_encrypt(k, NCRYPTO_ALG_AES_CTR, zero_iv, 16, in, 32, out, &n),
		      NCRYPTO_E_BUFFER_TOO_SMALL);
	ck_assert_uint_eq(n, 32);
	n = 47;
	ck_assert_err(ncrypto_cbc_pkcs7_encrypt(k, zero_iv, 16, in, 32, out, &n),
		      NCRYPTO_E_BUFFER_TOO_SMALL);
	ck_assert_uint_eq(n, 48);
	n = 5;
	int r = ncrypto_aead_encrypt(k, NCRYPTO_ALG_AES_GCM, zero_iv, 12, nullptr, 0, in, 20, out,
				     &n, tag, 16);
	// FIPS mode refuses GCM encryption with a caller IV (ABI 1.1); which
	// check comes first there is open.
	if (!nct::fips_mode() || r == NCRYPTO_E_BUFFER_TOO_SMALL) {
		ck_assert_err(r, NCRYPTO_E_BUFFER_TOO_SMALL);
		ck_assert_uint_eq(n, 20);
	} else {
		ck_assert_err(r, NCRYPTO_E_FIPS);
	}
	ncrypto_key_t mk = import(NCRYPTO_KEY_TYPE_GENERIC_SECRET, nct::unhex(rfc4231_key) , NCRYPTO_KEY_SIGN);
	n = 16;
	r = ncrypto_mac(mk, NCRYPTO_ALG_HMAC_SHA256, in, 3, out, &n);
	if (nct::fips_mode()) {
		ck_assert_err(r, NCRYPTO_E_FIPS);	// a 4-byte key
	} else {
		ck_assert_err(r, NCRYPTO_E_BUFFER_TOO_SMALL);
		ck_assert_uint_eq(n, 32);
	}
	ncrypto_key_destroy(mk);
	ncrypto_key_destroy(k);
}
END_TEST

START_TEST(test_oneshot_kat)
{
	ncrypto_key_t k = aes_kat(NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_DECRYPT);
	uint8_t out[64];
	size_t n = sizeof(out);
	ck_assert_err(ncrypto_encrypt(k, NCRYPTO_ALG_AES_CBC, zero_iv, 16, kat_pt, 16, out, &n), NCRYPTO_OK);
	ck_assert_uint_eq(n, 16);
	ck_assert(memcmp(out, kat_ct, 16) == 0);
	n = sizeof(out);
	ck_assert_err(ncrypto_decrypt(k, NCRYPTO_ALG_AES_CBC, zero_iv, 16, kat_ct, 16, out, &n), NCRYPTO_OK);
	ck_assert(memcmp(out, kat_pt, 16) == 0);
	// PKCS#7: a full padding block after 16 bytes.
	n = sizeof(out);
	ck_assert_err(ncrypto_cbc_pkcs7_encrypt(k, zero_iv, 16, kat_pt, 16, out, &n), NCRYPTO_OK);
	ck_assert_uint_eq(n, 32);
	ck_assert(memcmp(out, kat_ct, 16) == 0);
	uint8_t back[64];
	size_t bn = sizeof(back);
	ck_assert_err(ncrypto_cbc_pkcs7_decrypt(k, zero_iv, 16, out, 32, back, &bn), NCRYPTO_OK);
	ck_assert_uint_eq(bn, 16);
	ck_assert(memcmp(back, kat_pt, 16) == 0);
	out[31] ^= 1;
	bn = sizeof(back);
	ck_assert_err(ncrypto_cbc_pkcs7_decrypt(k, zero_iv, 16, out, 32, back, &bn), NCRYPTO_E_BAD_PADDING);
	bn = sizeof(back);
	ck_assert_err(ncrypto_cbc_pkcs7_decrypt(k, zero_iv, 16, out, 31, back, &bn), NCRYPTO_E_INVALID_ARG);
	// Hash.
	n = sizeof(out);
	ck_assert_err(ncrypto_hash(ctx, NCRYPTO_ALG_SHA256, (const uint8_t *)"abc", 3, out, &n), NCRYPTO_OK);
	ck_assert_hex(nct::hex(out, n), sha256_abc);
	n = sizeof(out);
	ck_assert_err(ncrypto_hash(ctx, NCRYPTO_ALG_SHA256, nullptr, 0, out, &n), NCRYPTO_OK);
	ck_assert_hex(nct::hex(out, n),
			 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	// AEAD round trip, TLS layout, and a failure leaving out untouched.
	uint8_t rec[64], pt[32];
	n = 16;
	int r = ncrypto_aead_encrypt(k, NCRYPTO_ALG_AES_GCM, zero_iv, 12, kat_key, 5, kat_pt, 16, rec,
				     &n, rec + 16, 16);
	Bytes ref = nct::ref_gcm(Bytes(kat_key, kat_key + 16), Bytes(zero_iv, zero_iv + 12),
				 Bytes(kat_key, kat_key + 5), kat_pt, 16, 16);
	if (nct::fips_mode()) {
		// GCM encryption with a caller IV is refused (ABI 1.1); decrypt nettle's.
		ck_assert_err(r, NCRYPTO_E_FIPS);
		memcpy(rec, ref.data(), 32);
	} else {
		ck_assert_err(r, NCRYPTO_OK);
		ck_assert(memcmp(rec, ref.data(), 32) == 0);
	}
	size_t pn = sizeof(pt);
	ck_assert_err(ncrypto_aead_decrypt(k, NCRYPTO_ALG_AES_GCM, zero_iv, 12, kat_key, 5, rec, 16,
					   rec + 16, 16, pt, &pn), NCRYPTO_OK);
	ck_assert_uint_eq(pn, 16);
	ck_assert(memcmp(pt, kat_pt, 16) == 0);
	rec[20] ^= 4;
	memset(pt, 0x77, sizeof(pt));
	pn = sizeof(pt);
	ck_assert_err(ncrypto_aead_decrypt(k, NCRYPTO_ALG_AES_GCM, zero_iv, 12, kat_key, 5, rec, 16,
					   rec + 16, 16, pt, &pn), NCRYPTO_E_AUTH_FAILED);
	for (uint8_t b : pt)
		ck_assert_uint_eq(b, 0x77);
	// Usage enforcement through the library.
	ncrypto_key_t enc_only = aes_kat(NCRYPTO_KEY_ENCRYPT);
	n = sizeof(out);
	ck_assert_err(ncrypto_decrypt(enc_only, NCRYPTO_ALG_AES_CBC, zero_iv, 16, kat_ct, 16, out, &n),
		      NCRYPTO_E_PERMISSION);
	ncrypto_key_destroy(enc_only);
	ncrypto_key_destroy(k);
}
END_TEST

START_TEST(test_sessions)
{
	// Hash in pieces, a clone mid-way.
	ncrypto_session_t s, c;
	ck_assert_err(ncrypto_session_init(ctx, NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, nullptr, nullptr, 0, &s),
		      NCRYPTO_OK);
	ck_assert_err(ncrypto_session_update(s, (const uint8_t *)"a", 1, nullptr, nullptr), NCRYPTO_OK);
	ck_assert_err(ncrypto_session_clone(s, &c), NCRYPTO_OK);
	ck_assert_err(ncrypto_session_update(s, (const uint8_t *)"bc", 2, nullptr, nullptr), NCRYPTO_OK);
	ck_assert_err(ncrypto_session_update(s, nullptr, 0, nullptr, nullptr), NCRYPTO_OK);
	uint8_t out[64];
	size_t n = 8;
	ck_assert_err(ncrypto_session_final(s, out, &n), NCRYPTO_E_BUFFER_TOO_SMALL);
	ck_assert_uint_eq(n, 32);
	n = sizeof(out);
	ck_assert_err(ncrypto_session_final(s, out, &n), NCRYPTO_OK);
	ck_assert_hex(nct::hex(out, n), sha256_abc);
	ck_assert_err(ncrypto_session_update(s, (const uint8_t *)"x", 1, nullptr, nullptr),
		      NCRYPTO_E_SESSION_FAILED);
	n = sizeof(out);
	ck_assert_err(ncrypto_session_final(s, out, &n), NCRYPTO_E_SESSION_FAILED);
	ck_assert_err(ncrypto_session_destroy(s), NCRYPTO_OK);
	ck_assert_err(ncrypto_session_update(c, (const uint8_t *)"bc", 2, nullptr, nullptr), NCRYPTO_OK);
	n = sizeof(out);
	ck_assert_err(ncrypto_session_final(c, out, &n), NCRYPTO_OK);
	ck_assert_hex(nct::hex(out, n), sha256_abc);
	ck_assert_err(ncrypto_session_destroy(c), NCRYPTO_OK);

	// MAC sign and verify sessions (RFC 4231 case 2's key is 4 bytes: not
	// under FIPS).
	if (!nct::fips_mode()) {
		ncrypto_key_t mk = import(NCRYPTO_KEY_TYPE_GENERIC_SECRET, nct::unhex(rfc4231_key),
					  NCRYPTO_KEY_SIGN | NCRYPTO_KEY_VERIFY);
		const uint8_t *m = (const uint8_t *)rfc4231_msg;
		size_t ml = strlen(rfc4231_msg);
		ck_assert_err(ncrypto_session_init(ctx, NCRYPTO_OP_SIGN, NCRYPTO_ALG_HMAC_SHA256, mk, nullptr, 0, &s), NCRYPTO_OK);
		ck_assert_err(ncrypto_session_update(s, m, 10, nullptr, nullptr), NCRYPTO_OK);
		ck_assert_err(ncrypto_session_clone(s, &c), NCRYPTO_OK);
		ck_assert_err(ncrypto_session_update(s, m + 10, ml - 10, nullptr, nullptr), NCRYPTO_OK);
		n = sizeof(out);
		ck_assert_err(ncrypto_session_final(s, out, &n), NCRYPTO_OK);
		ck_assert_hex(nct::hex(out, n), rfc4231_mac);
		ncrypto_session_destroy(s);
		ck_assert_err(ncrypto_session_update(c, m + 10, ml - 10, nullptr, nullptr), NCRYPTO_OK);
		n = sizeof(out);
		ck_assert_err(ncrypto_session_final(c, out, &n), NCRYPTO_OK);
		ck_assert_hex(nct::hex(out, n), rfc4231_mac);
		ncrypto_session_destroy(c);
		Bytes tag = nct::unhex(rfc4231_mac);
		ck_assert_err(ncrypto_session_init(ctx, NCRYPTO_OP_VERIFY, NCRYPTO_ALG_HMAC_SHA256, mk, nullptr, 0, &s), NCRYPTO_OK);
		ck_assert_err(ncrypto_session_update(s, m, ml, nullptr, nullptr), NCRYPTO_OK);
		// ABI 1.1: only the key's MAC length (here the full 32 bytes).
		ck_assert_err(ncrypto_session_verify(s, tag.data(), 16), NCRYPTO_E_INVALID_ARG);
		ncrypto_session_destroy(s);
		ck_assert_err(ncrypto_session_init(ctx, NCRYPTO_OP_VERIFY, NCRYPTO_ALG_HMAC_SHA256, mk, nullptr, 0, &s), NCRYPTO_OK);
		ck_assert_err(ncrypto_session_update(s, m, ml, nullptr, nullptr), NCRYPTO_OK);
		ck_assert_err(ncrypto_session_verify(s, tag.data(), tag.size()), NCRYPTO_OK);
		ncrypto_session_destroy(s);
		tag[0] ^= 1;
		ck_assert_err(ncrypto_session_init(ctx, NCRYPTO_OP_VERIFY, NCRYPTO_ALG_HMAC_SHA256, mk, nullptr, 0, &s), NCRYPTO_OK);
		ck_assert_err(ncrypto_session_update(s, m, ml, nullptr, nullptr), NCRYPTO_OK);
		ck_assert_err(ncrypto_session_verify(s, tag.data(), tag.size()), NCRYPTO_E_AUTH_FAILED);
		ck_assert_err(ncrypto_session_destroy(s), NCRYPTO_OK);
		ncrypto_key_destroy(mk);
	}

	// Cipher session: ABI 1.1 stops it when its key is destroyed mid-way
	// (1.0 let it run on). The library's code for EKEYREVOKED is its own
	// business; the kernel's errno is asserted.
	ncrypto_key_t k = aes_kat(NCRYPTO_KEY_ENCRYPT);
	ck_assert_err(ncrypto_session_init(ctx, NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, k, zero_iv, 16, &s),
		      NCRYPTO_OK);
	n = sizeof(out);
	ck_assert_err(ncrypto_session_update(s, kat_pt, 10, out, &n), NCRYPTO_OK);
	ck_assert_err(ncrypto_key_destroy(k), NCRYPTO_OK);
	n = sizeof(out);
	ck_assert_int_ne(ncrypto_session_update(s, kat_pt + 10, 6, out, &n), NCRYPTO_OK);
	ck_assert_int_eq(ncrypto_last_errno(), EKEYREVOKED);
	ncrypto_session_destroy(s);
	// Clone of a cipher session is refused.
	k = aes_kat(NCRYPTO_KEY_ENCRYPT);
	ck_assert_err(ncrypto_session_init(ctx, NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CTR, k, zero_iv, 16, &s),
		      NCRYPTO_OK);
	c = nullptr;
	ck_assert_err(ncrypto_session_clone(s, &c), NCRYPTO_E_INVALID_ARG);
	ck_assert_ptr_null(c);
	ncrypto_session_destroy(s);
	ncrypto_key_destroy(k);
	expect_ctx_empty();
}
END_TEST

// Keys keep their context alive; the fd closes with the last object.
START_TEST(test_lifetime)
{
	uint64_t contexts0 = nct::device_info().live_contexts;
	ncrypto_ctx_t c;
	ck_assert_err(ncrypto_open(&c, nullptr), NCRYPTO_OK);
	ncrypto_key_t k;
	ck_assert_err(ncrypto_key_import(c, NCRYPTO_KEY_TYPE_AES, kat_key, 16, NCRYPTO_KEY_ENCRYPT, &k),
		      NCRYPTO_OK);
	ck_assert_err(ncrypto_close(c), NCRYPTO_OK);
	ck_assert_uint_eq(nct::device_info().live_contexts, contexts0 + 1);
	uint8_t out[16];
	size_t n = sizeof(out);
	ck_assert_err(ncrypto_encrypt(k, NCRYPTO_ALG_AES_CBC, zero_iv, 16, kat_pt, 16, out, &n), NCRYPTO_OK);
	ck_assert(memcmp(out, kat_ct, 16) == 0);
	ck_assert_err(ncrypto_key_destroy(k), NCRYPTO_OK);
	ck_assert_uint_eq(nct::device_info().live_contexts, contexts0);

	// ncrypto_open_fd dup()s: the caller's fd may be closed.
	int fd = nct::raw_open();
	ck_assert_err(ncrypto_open_fd(&c, fd), NCRYPTO_OK);
	close(fd);
	ck_assert_err(ncrypto_key_import(c, NCRYPTO_KEY_TYPE_AES, kat_key, 16, NCRYPTO_KEY_ENCRYPT, &k),
		      NCRYPTO_OK);
	n = sizeof(out);
	ck_assert_err(ncrypto_encrypt(k, NCRYPTO_ALG_AES_CBC, zero_iv, 16, kat_pt, 16, out, &n), NCRYPTO_OK);
	ncrypto_key_destroy(k);
	ncrypto_close(c);
	// An fd that is not /dev/ncrypto is refused, as by ncrypto_open.
	int nul = open("/dev/null", O_RDWR);
	c = nullptr;
	ck_assert_msg(ncrypto_open_fd(&c, nul) != NCRYPTO_OK && c == nullptr,
		      "ncrypto_open_fd(/dev/null) succeeded");
	close(nul);
	ck_assert_uint_eq(nct::device_info().live_contexts, contexts0);
}
END_TEST

START_TEST(test_fips_codes)
{
	bool fips = nct::fips_mode();
	ncrypto_key_t k = nullptr;
	uint8_t key[32] = {1}, out[32], tag[16];
	int r = ncrypto_key_import(ctx, NCRYPTO_KEY_TYPE_CHACHA20, key, 32, NCRYPTO_KEY_ENCRYPT, &k);
	if (r == NCRYPTO_OK) {
		size_t n = sizeof(out);
		r = ncrypto_aead_encrypt(k, NCRYPTO_ALG_CHACHA20_POLY1305, key, 12, nullptr, 0, key, 16,
					 out, &n, tag, 16);
	}
	ck_assert_err(r, fips ? NCRYPTO_E_FIPS : NCRYPTO_OK);
	ncrypto_key_destroy(k);
	r = ncrypto_key_generate(ctx, NCRYPTO_KEY_TYPE_CHACHA20, 32, NCRYPTO_KEY_ENCRYPT, &k);
	ck_assert_err(r, fips ? NCRYPTO_E_FIPS : NCRYPTO_OK);
	ncrypto_key_destroy(k);
	r = ncrypto_key_generate(ctx, NCRYPTO_KEY_TYPE_AES, 48, NCRYPTO_KEY_ENCRYPT, &k);
	// A 48-byte AES key is only an XTS key: a kind FIPS refuses.
	ck_assert_err(r, fips ? NCRYPTO_E_FIPS : NCRYPTO_OK);
	ncrypto_key_destroy(k);
	if (fips)
		printf("fips=1: FIPS policy codes checked\n");
}
END_TEST

START_TEST(test_cpp_api)
{
	using ncrypto::Bytes;
	ncrypto::Context c;
	ncrypto::Info info = c.info();
	ck_assert_uint_eq(info.abi_major(), NCRYPTO_ABI_MAJOR);
	ck_assert_uint_ge(info.alg_count(), 22);
	std::vector<ncrypto::AlgInfo> algs = info.algs();
	ck_assert_uint_eq(algs.size(), info.alg_count());
	std::optional<ncrypto::AlgInfo> gcm = info.find_alg(NCRYPTO_ALG_AES_GCM);
	ck_assert(gcm && gcm->alg == NCRYPTO_ALG_AES_GCM && gcm->iv_len == 12);
	ck_assert(gcm->update_len.has_value() == (info.abi_minor() >= 1));
	ck_assert(!info.find_alg(127));
	ck_assert(info.shown(NCRYPTO_INFO_LIVE_CONTEXTS).has_value()); // root in the guest
	ncrypto::Info moved_info = std::move(info);
	ck_assert_uint_eq(moved_info.abi_major(), NCRYPTO_ABI_MAJOR);

	ncrypto::Key k = c.import_key(NCRYPTO_KEY_TYPE_AES, kat_key, 16,
				      NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_DECRYPT);
	Bytes iv(16, 0), pt(kat_pt, kat_pt + 16);
	Bytes ct = k.encrypt(NCRYPTO_ALG_AES_CBC, iv, pt);
	ck_assert(ct == Bytes(kat_ct, kat_ct + 16));
	ck_assert(k.decrypt(NCRYPTO_ALG_AES_CBC, iv, ct) == pt);
	Bytes padded = k.cbc_pkcs7_encrypt(iv, Bytes(5, 'x'));
	ck_assert_uint_eq(padded.size(), 16);
	ck_assert(k.cbc_pkcs7_decrypt(iv, padded) == Bytes(5, 'x'));
	Bytes nonce(12, 3), aad = {1, 2, 3};
	Bytes rec = nct::ref_gcm(Bytes(kat_key, kat_key + 16), nonce, aad, pt.data(), pt.size(), 16);
	if (nct::fips_mode()) {
		// GCM encryption with a caller nonce is refused in FIPS mode (ABI 1.1).
		try {
			k.aead_encrypt(NCRYPTO_ALG_AES_GCM, nonce, aad, pt);
			ck_abort_msg("GCM encryption with a caller nonce in FIPS mode");
		} catch (const ncrypto::Error &e) {
			ck_assert_err(e.code(), NCRYPTO_E_FIPS);
		}
	} else {
		ck_assert(k.aead_encrypt(NCRYPTO_ALG_AES_GCM, nonce, aad, pt) == rec);
	}
	ck_assert_uint_eq(rec.size(), 32);
	ck_assert(k.aead_decrypt(NCRYPTO_ALG_AES_GCM, nonce, aad, rec) == pt);
	rec[0] ^= 1;
	try {
		k.aead_decrypt(NCRYPTO_ALG_AES_GCM, nonce, aad, rec);
		ck_abort_msg("a bad record decrypted");
	} catch (const ncrypto::Error &e) {
		ck_assert_err(e.code(), NCRYPTO_E_AUTH_FAILED);
	}
	try {
		k.export_value();
		ck_abort_msg("a non-exportable key was exported");
	} catch (const ncrypto::Error &e) {
		ck_assert_err(e.code(), NCRYPTO_E_PERMISSION);
		ck_assert_int_eq(e.sys_errno(), EPERM);
	}
	ncrypto::KeyInfo ki = k.info();
	ck_assert_uint_eq(ki.length, 16);

	// Hash, sessions, clone.
	ck_assert_hex(nct::hex(c.hash(NCRYPTO_ALG_SHA256, Bytes{'a', 'b', 'c'})), sha256_abc);
	ncrypto::Session s = c.start(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256);
	s.update(Bytes{'a'});
	ncrypto::Session s2 = s.clone();
	s.update(Bytes{'b', 'c'});
	ck_assert_hex(nct::hex(s.final()), sha256_abc);
	s2.update(Bytes{'b', 'c'});
	ck_assert_hex(nct::hex(s2.final()), sha256_abc);

	ncrypto::Key mk = c.generate_key(NCRYPTO_KEY_TYPE_GENERIC_SECRET, 32,
					 NCRYPTO_KEY_SIGN | NCRYPTO_KEY_VERIFY);
	Bytes msg = {'m', 's', 'g'};
	Bytes mac = mk.mac(NCRYPTO_ALG_HMAC_SHA512, msg);
	ck_assert_uint_eq(mac.size(), 64);
	ck_assert(mk.mac_verify(NCRYPTO_ALG_HMAC_SHA512, msg, mac));
	mac[7] ^= 0x40;
	ck_assert(!mk.mac_verify(NCRYPTO_ALG_HMAC_SHA512, msg, mac));
	ncrypto::Session vs = c.start(NCRYPTO_OP_VERIFY, NCRYPTO_ALG_HMAC_SHA512, &mk);
	vs.update(msg);
	ck_assert(!vs.verify(mac));

	// Cipher session through the vector API.
	ncrypto::Session es = c.start(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, &k, iv.data(), 16);
	Bytes part = es.update_cipher(Bytes(kat_pt, kat_pt + 7));
	Bytes part2 = es.update_cipher(Bytes(kat_pt + 7, kat_pt + 16));
	Bytes tail = es.final();
	part.insert(part.end(), part2.begin(), part2.end());
	part.insert(part.end(), tail.begin(), tail.end());
	ck_assert(part == Bytes(kat_ct, kat_ct + 16));

	// Moves: the moved-from objects destroy nothing.
	ncrypto::Key moved = std::move(k);
	ck_assert(moved.encrypt(NCRYPTO_ALG_AES_CBC, iv, pt) == Bytes(kat_ct, kat_ct + 16));
	ncrypto::Context c2 = std::move(c);
	ck_assert_uint_eq(c2.info().value(NCRYPTO_INFO_CTX_KEYS), 2);

	try {
		ncrypto::Context bad("/nonexistent/ncrypto");
		ck_abort_msg("opened a missing device");
	} catch (const ncrypto::Error &e) {
		ck_assert_err(e.code(), NCRYPTO_E_NOT_LOADED);
	}
}
END_TEST

START_TEST(test_strerror_all)
{
	for (int e = NCRYPTO_OK; e >= NCRYPTO_E_INTERNAL; e--)
		ck_assert_msg(ncrypto_strerror(e) && *ncrypto_strerror(e), "no text for %d", e);
	ck_assert_ptr_nonnull(ncrypto_strerror(12345));
	ck_assert_ptr_nonnull(strstr(ncrypto_strerror(NCRYPTO_E_NOT_LOADED), "module"));
}
END_TEST

} // namespace

int main()
{
	Suite *s = suite_create("api");
	TCase *tc = tcase_create("c_api");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_open_and_info);
	tcase_add_test(tc, test_bad_handles);
	tcase_add_test(tc, test_keys);
	tcase_add_test(tc, test_buffer_too_small);
	tcase_add_test(tc, test_oneshot_kat);
	tcase_add_test(tc, test_sessions);
	tcase_add_test(tc, test_lifetime);
	tcase_add_test(tc, test_fips_codes);
	tcase_add_test(tc, test_strerror_all);
	suite_add_tcase(s, tc);
	tc = tcase_create("cpp_api");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_cpp_api);
	suite_add_tcase(s, tc);
	return nct::run_suite(s);
}
