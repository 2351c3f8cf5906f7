// SPDX-License-Identifier: LGPL-2.1-or-later
// Every Wycheproof case (valid, invalid, acceptable) of AES-GCM,
// ChaCha20-Poly1305, AES-CBC-PKCS5, AES-XTS and the HMACs, through
// libncrypto and /dev/ncrypto. Needs the module: runs in the guest.
//
// Expected results, per the ABI (<linux/ncrypto.h>) and <ncrypto.h>:
// - valid: encryption gives exactly ct (and tag), decryption gives msg,
//   MAC gives tag and verify accepts it. A truncated tag (ABI 1.1) is a
//   property of the key: such cases use a key bound to the HMAC with that
//   tag_len (raw ioctls on the context's fd: libncrypto has no key
//   parameters yet), which signs exactly the tag and verifies only it;
// - invalid: encryption output differs, decryption fails with
//   NCRYPTO_E_AUTH_FAILED (AEAD, output untouched) or NCRYPTO_E_BAD_PADDING,
//   verify fails with NCRYPTO_E_AUTH_FAILED;
// - parameters the ABI does not take (AEAD nonces other than 12 bytes,
//   XTS tweaks other than 16 bytes) give NCRYPTO_E_INVALID_ARG;
// - under fips=1, the ABI's FIPS policy gives NCRYPTO_E_FIPS: ChaCha20-
//   Poly1305, HMAC keys < 14 bytes, GCM tags < 12 bytes, XTS 48-byte keys
//   or identical halves, and every AES-GCM encryption with a caller-chosen
//   IV (ABI 1.1: FIPS 140-3 IG C.H), while decryption still runs. Importing
//   such a key may itself be refused with NCRYPTO_E_FIPS (the ABI says so
//   for generation and for bound keys).
#include "common.hpp"

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>

using nct::Bytes;

namespace {

enum class Kind { AEAD, CBC_PKCS7, XTS, HMAC };

struct FileSpec {
	const char *file;
	Kind kind;
	uint32_t alg;
};

const FileSpec files[] = {
	{"aes_gcm_test.json", Kind::AEAD, NCRYPTO_ALG_AES_GCM},
	{"chacha20_poly1305_test.json", Kind::AEAD, NCRYPTO_ALG_CHACHA20_POLY1305},
	{"aes_cbc_pkcs5_test.json", Kind::CBC_PKCS7, NCRYPTO_ALG_AES_CBC},
	{"aes_xts_test.json", Kind::XTS, NCRYPTO_ALG_AES_XTS},
	{"hmac_sha1_test.json", Kind::HMAC, NCRYPTO_ALG_HMAC_SHA1},
	{"hmac_sha224_test.json", Kind::HMAC, NCRYPTO_ALG_HMAC_SHA224},
	{"hmac_sha256_test.json", Kind::HMAC, NCRYPTO_ALG_HMAC_SHA256},
	{"hmac_sha384_test.json", Kind::HMAC, NCRYPTO_ALG_HMAC_SHA384},
	{"hmac_sha512_test.json", Kind::HMAC, NCRYPTO_ALG_HMAC_SHA512},
	{"hmac_sha3_256_test.json", Kind::HMAC, NCRYPTO_ALG_HMAC_SHA3_256},
	{"hmac_sha3_384_test.json", Kind::HMAC, NCRYPTO_ALG_HMAC_SHA3_384},
	{"hmac_sha3_512_test.json", Kind::HMAC, NCRYPTO_ALG_HMAC_SHA3_512},
};

struct Stats {
	size_t cases = 0, valid = 0, invalid = 0, acceptable = 0;
	size_t param_rejected = 0, fips_rejected = 0;
};

// One test case: its JSON and what the group says about it.
struct Case {
	json_object *group, *test;
	int64_t id;
	std::string result;	// "valid", "invalid", "acceptable"
	Bytes get(const char *field) const { return nct::unhex(nct::json_str(test, field)); }
};

struct Runner {
	const FileSpec &spec;
	ncrypto_ctx_t ctx = nullptr;
	bool fips = false;
	Stats st;
	nct::Failures fails;

	explicit Runner(const FileSpec &s) : spec(s), fails(s.file) {}

	void bad(const Case &c, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
	bool expect(const Case &c, const char *what, int got, int want);
	// Imports a non-exportable key with just `usage`. Returns the library's
	// result; a FIPS-refused kind may be refused here already.
	int import(uint32_t type, const Bytes &key, uint32_t usage, ncrypto_key_t *k);
	// An encryption's output (olen bytes of out) against the case's ct:
	// a valid case must give it, an invalid one must not.
	void check_ct(const Case &c, const Bytes &out, size_t olen, const Bytes &ct);
	// A successful decryption of a valid or acceptable case gave msg.
	void check_msg(const Case &c, const Bytes &out, size_t olen, const Bytes &msg);
	void run_aead(const Case &c);
	void run_cbc(const Case &c);
	void run_xts(const Case &c);
	void run_hmac(const Case &c);
};

void Runner::bad(const Case &c, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	fails.add("tcId " + std::to_string(c.id) + " (" + c.result + "): " + buf);
}

bool Runner::expect(const Case &c, const char *what, int got, int want)
{
	if (got == want)
		return true;
	bad(c, "%s returned %s, expected %s", what, nct::err_name(got), nct::err_name(want));
	return false;
}

int Runner::import(uint32_t type, const Bytes &key, uint32_t usage, ncrypto_key_t *k)
{
	*k = nullptr;
	return ncrypto_key_import(ctx, type, key.data(), key.size(), usage, k);
}

// Buffers always have at least one byte so data() is never NULL: the
// NULL-with-zero-length edge is guest_api's business, not this test's.
Bytes buf(size_t n, uint8_t fill) { return Bytes(n + 1, fill); }

bool prefix_eq(const Bytes &got, size_t n, const Bytes &want)
{
	return n == want.size() && memcmp(got.data(), want.data(), n) == 0;
}

void Runner::check_ct(const Case &c, const Bytes &out, size_t olen, const Bytes &ct)
{
	bool same = prefix_eq(out, olen, ct);
	if (c.result == "valid" && !same)
		bad(c, "encrypt gave %s, expected %s",
		    nct::hex(out.data(), olen).c_str(), nct::hex(ct).c_str());
	if (c.result == "invalid" && same)
		bad(c, "encrypt reproduced the invalid ct");
}

void Runner::check_msg(const Case &c, const Bytes &out, size_t olen, const Bytes &msg)
{
	if (!prefix_eq(out, olen, msg))
		bad(c, "decrypt gave %s, expected %s", nct::hex(out.data(), olen).c_str(),
		    nct::hex(msg).c_str());
	else
		st.valid += c.result == "valid";
}

void Runner::run_aead(const Case &c)
{
	Bytes key = c.get("key"), iv = c.get("iv"), aad = c.get("aad");
	Bytes msg = c.get("msg"), ct = c.get("ct"), tag = c.get("tag");
	bool chacha = spec.alg == NCRYPTO_ALG_CHACHA20_POLY1305;
	uint32_t type = chacha ? NCRYPTO_KEY_TYPE_CHACHA20 : NCRYPTO_KEY_TYPE_AES;
	bool fips_refused = fips && (chacha || tag.size() < 12);
	// GCM encryption with the vector's (a caller's) IV: refused under FIPS.
	bool fips_refused_enc = fips;
	bool nonce_ok = iv.size() == 12;

	ncrypto_key_t ke, kd;
	int re = import(type, key, NCRYPTO_KEY_ENCRYPT, &ke);
	int rd = import(type, key, NCRYPTO_KEY_DECRYPT, &kd);
	if (fips_refused && chacha && re == NCRYPTO_E_FIPS && rd == NCRYPTO_E_FIPS) {
		st.fips_rejected++;
		return;
	}
	if (!expect(c, "key import (encrypt)", re, NCRYPTO_OK) ||
	    !expect(c, "key import (decrypt)", rd, NCRYPTO_OK))
		goto out;

	{
		// Encryption. Which error wins when both FIPS and the nonce
		// length are wrong is not specified: accept either.
		Bytes out = buf(msg.size(), 0), otag(tag.size() + 1, 0);
		size_t olen = msg.size();
		int r = ncrypto_aead_encrypt(ke, spec.alg, iv.data(), iv.size(), aad.data(),
					     aad.size(), msg.data(), msg.size(), out.data(),
					     &olen, otag.data(), tag.size());
		if (fips_refused_enc) {
			if (r != NCRYPTO_E_FIPS && !(r == NCRYPTO_E_INVALID_ARG && !nonce_ok))
				expect(c, "encrypt (FIPS)", r, NCRYPTO_E_FIPS);
		} else if (!nonce_ok) {
			expect(c, "encrypt with unsupported nonce length", r,
			       NCRYPTO_E_INVALID_ARG);
		} else if (expect(c, "encrypt", r, NCRYPTO_OK)) {
			bool same = prefix_eq(out, olen, ct) &&
				    memcmp(otag.data(), tag.data(), tag.size()) == 0;
			if (c.result == "valid" && !same)
				bad(c, "encrypt gave ct %s tag %s, expected %s %s",
				    nct::hex(out.data(), olen).c_str(),
				    nct::hex(otag.data(), tag.size()).c_str(),
				    nct::hex(ct).c_str(), nct::hex(tag).c_str());
			if (c.result == "invalid" && same)
				bad(c, "encrypt reproduced the invalid ct and tag");
		}
	}
	{
		// Decryption: on failure the output must be untouched.
		Bytes out = buf(ct.size(), 0xa5), pattern = out;
		size_t olen = ct.size();
		int r = ncrypto_aead_decrypt(kd, spec.alg, iv.data(), iv.size(), aad.data(),
					     aad.size(), ct.data(), ct.size(), tag.data(),
					     tag.size(), out.data(), &olen);
		if (fips_refused) {
			if (r != NCRYPTO_E_FIPS && !(r == NCRYPTO_E_INVALID_ARG && !nonce_ok))
				expect(c, "decrypt (FIPS)", r, NCRYPTO_E_FIPS);
			else
				st.fips_rejected++;
		} else if (!nonce_ok) {
			if (expect(c, "decrypt with unsupported nonce length", r,
				   NCRYPTO_E_INVALID_ARG))
				st.param_rejected++;
		} else if (c.result == "valid" ||
			   (c.result == "acceptable" && r == NCRYPTO_OK)) {
			if (expect(c, "decrypt", r, NCRYPTO_OK))
				check_msg(c, out, olen, msg);
		} else if (expect(c, "decrypt", r, NCRYPTO_E_AUTH_FAILED)) {
			if (out != pattern)
				bad(c, "failed decrypt wrote to the output buffer");
			else
				st.invalid++;
		}
	}
out:
	ncrypto_key_destroy(ke);
	ncrypto_key_destroy(kd);
}

void Runner::run_cbc(const Case &c)
{
	Bytes key = c.get("key"), iv = c.get("iv"), msg = c.get("msg"), ct = c.get("ct");
	ncrypto_key_t ke, kd;
	int re = import(NCRYPTO_KEY_TYPE_AES, key, NCRYPTO_KEY_ENCRYPT, &ke);
	int rd = import(NCRYPTO_KEY_TYPE_AES, key, NCRYPTO_KEY_DECRYPT, &kd);
	if (!expect(c, "key import (encrypt)", re, NCRYPTO_OK) ||
	    !expect(c, "key import (decrypt)", rd, NCRYPTO_OK))
		goto out;
	{
		Bytes out = buf(msg.size() + 16, 0);
		size_t olen = msg.size() + 16;
		int r = ncrypto_cbc_pkcs7_encrypt(ke, iv.data(), iv.size(), msg.data(),
						  msg.size(), out.data(), &olen);
		if (expect(c, "cbc_pkcs7_encrypt", r, NCRYPTO_OK))
			check_ct(c, out, olen, ct);
	}
	{
		Bytes out = buf(ct.size(), 0xa5);
		size_t olen = ct.size();
		int r = ncrypto_cbc_pkcs7_decrypt(kd, iv.data(), iv.size(), ct.data(),
						  ct.size(), out.data(), &olen);
		if (c.result == "valid" || (c.result == "acceptable" && r == NCRYPTO_OK)) {
			if (expect(c, "cbc_pkcs7_decrypt", r, NCRYPTO_OK))
				check_msg(c, out, olen, msg);
		} else if (ct.empty() || ct.size() % 16) {
			// Not a CBC ciphertext at all (a public fact, unlike the
			// padding): libncrypto refuses it as an invalid argument.
			if (expect(c, "cbc_pkcs7_decrypt of a non-block-sized ct", r,
				   NCRYPTO_E_INVALID_ARG))
				st.invalid++;
		} else if (expect(c, "cbc_pkcs7_decrypt", r, NCRYPTO_E_BAD_PADDING)) {
			st.invalid++;
		}
	}
out:
	ncrypto_key_destroy(ke);
	ncrypto_key_destroy(kd);
}

void Runner::run_xts(const Case &c)
{
	Bytes key = c.get("key"), iv = c.get("iv"), msg = c.get("msg"), ct = c.get("ct");
	bool halves_same = key.size() % 2 == 0 &&
			   memcmp(key.data(), key.data() + key.size() / 2, key.size() / 2) == 0;
	bool fips_refused = fips && (key.size() == 48 || halves_same);
	ncrypto_key_t ke, kd;
	int re = import(NCRYPTO_KEY_TYPE_AES, key, NCRYPTO_KEY_ENCRYPT, &ke);
	int rd = import(NCRYPTO_KEY_TYPE_AES, key, NCRYPTO_KEY_DECRYPT, &kd);
	if (fips_refused && re == NCRYPTO_E_FIPS && rd == NCRYPTO_E_FIPS) {
		st.fips_rejected++;
		return;
	}
	if (!expect(c, "key import (encrypt)", re, NCRYPTO_OK) ||
	    !expect(c, "key import (decrypt)", rd, NCRYPTO_OK))
		goto out;

	if (iv.size() != 16) {
		// The ABI's tweak is 16 bytes: the raw short IV is refused.
		Bytes out = buf(msg.size(), 0);
		size_t olen = msg.size();
		int r = ncrypto_encrypt(ke, NCRYPTO_ALG_AES_XTS, iv.data(), iv.size(),
					msg.data(), msg.size(), out.data(), &olen);
		if (!(fips_refused && r == NCRYPTO_E_FIPS))
			expect(c, "encrypt with a short tweak", r, NCRYPTO_E_INVALID_ARG);
	}
	{
		// Wycheproof's IV is the start of the tweak, zero-padded.
		Bytes tweak(16, 0);
		memcpy(tweak.data(), iv.data(), iv.size() < 16 ? iv.size() : 16);
		Bytes out = buf(msg.size(), 0);
		size_t olen = msg.size();
		int r = ncrypto_encrypt(ke, NCRYPTO_ALG_AES_XTS, tweak.data(), 16, msg.data(),
					msg.size(), out.data(), &olen);
		if (fips_refused) {
			expect(c, "encrypt (FIPS)", r, NCRYPTO_E_FIPS);
		} else if (expect(c, "encrypt", r, NCRYPTO_OK)) {
			check_ct(c, out, olen, ct);
		}
		out = buf(ct.size(), 0);
		olen = ct.size();
		r = ncrypto_decrypt(kd, NCRYPTO_ALG_AES_XTS, tweak.data(), 16, ct.data(),
				    ct.size(), out.data(), &olen);
		if (fips_refused) {
			if (expect(c, "decrypt (FIPS)", r, NCRYPTO_E_FIPS))
				st.fips_rejected++;
		} else if (expect(c, "decrypt", r, NCRYPTO_OK)) {
			bool same = prefix_eq(out, olen, msg);
			if (c.result == "valid" && !same)
				bad(c, "decrypt gave %s, expected %s",
				    nct::hex(out.data(), olen).c_str(), nct::hex(msg).c_str());
			else if (c.result == "invalid" && same)
				bad(c, "decrypt reproduced the invalid msg");
			else if (c.result == "valid")
				st.valid++;
			else if (c.result == "invalid")
				st.invalid++;
		}
	}
out:
	ncrypto_key_destroy(ke);
	ncrypto_key_destroy(kd);
}

// A MAC key of the case's length (libncrypto), or of its truncated tag
// length: bound to the HMAC with that tag_len (raw ioctls on the context's
// fd). mac() and verify() give libncrypto's codes either way.
struct MacKey {
	ncrypto_ctx_t ctx;
	uint32_t alg, tag_len;	// tag_len 0: full length, a libncrypto key
	ncrypto_key_t lib = nullptr;
	uint32_t raw = 0;
	int fd = -1;

	static int code(int e)
	{
		switch (e) {
		case 0: return NCRYPTO_OK;
		case EINVAL: return NCRYPTO_E_INVALID_ARG;
		case EACCES: return NCRYPTO_E_FIPS;
		case EBADMSG: return NCRYPTO_E_AUTH_FAILED;
		case ENOSPC: return NCRYPTO_E_BUFFER_TOO_SMALL;
		case EPERM: return NCRYPTO_E_PERMISSION;
		default: return NCRYPTO_E_SYSTEM;
		}
	}
	int import(const Bytes &key, uint32_t usage)
	{
		if (!tag_len)
			return ncrypto_key_import(ctx, NCRYPTO_KEY_TYPE_GENERIC_SECRET, key.data(),
						  key.size(), usage, &lib);
		int r = ncrypto_ctx_fd(ctx, &fd);
		if (r != NCRYPTO_OK)
			return r;
		return code(nct::RawKey(NCRYPTO_KEY_TYPE_GENERIC_SECRET, usage, (uint32_t)key.size())
				    .value(key.data()).bound(alg, tag_len).import(fd, &raw));
	}
	int mac(const Bytes &msg, uint8_t *out, size_t *olen)
	{
		if (!tag_len)
			return ncrypto_mac(lib, alg, msg.data(), msg.size(), out, olen);
		nct::RawOp op(NCRYPTO_OP_SIGN, alg, raw);
		int e = op.in(msg.data(), (uint32_t)msg.size()).out(out, (uint32_t)*olen).run(fd);
		*olen = op.dst_len;
		return code(e);
	}
	int verify(const Bytes &msg, const Bytes &tag)
	{
		if (!tag_len)
			return ncrypto_mac_verify(lib, alg, msg.data(), msg.size(), tag.data(),
						  tag.size());
		return code(nct::RawOp(NCRYPTO_OP_VERIFY, alg, raw).in(msg.data(), (uint32_t)msg.size())
				    .with_tag(tag.data(), (uint32_t)tag.size()).run(fd));
	}
	~MacKey()
	{
		ncrypto_key_destroy(lib);
		if (raw)
			nct::raw_handle_ioctl(fd, NCRYPTO_IOC_KEY_DESTROY, raw);
	}
};

void Runner::run_hmac(const Case &c)
{
	Bytes key = c.get("key"), msg = c.get("msg"), tag = c.get("tag");
	size_t full = ncrypto_alg_output_len(spec.alg);
	bool fips_refused = fips && key.size() < 14;
	if (full == 0 || tag.size() > full) {
		bad(c, "ncrypto_alg_output_len(%u) = %zu, tag is %zu bytes", spec.alg, full,
		    tag.size());
		return;
	}
	uint32_t tag_len = tag.size() == full ? 0 : (uint32_t)tag.size();
	if (tag_len && tag_len < NCRYPTO_MIN_MAC_LEN) {
		bad(c, "a %u-byte tag: the ABI takes no MAC under %u bytes", tag_len,
		    NCRYPTO_MIN_MAC_LEN);
		return;
	}
	MacKey ks{ctx, spec.alg, tag_len}, kv{ctx, spec.alg, tag_len};
	int rs = ks.import(key, NCRYPTO_KEY_SIGN);
	int rv = kv.import(key, NCRYPTO_KEY_VERIFY);
	if (fips_refused && rs == NCRYPTO_E_FIPS && rv == NCRYPTO_E_FIPS) {
		st.fips_rejected++;
		return;
	}
	if (!expect(c, "key import (sign)", rs, NCRYPTO_OK) ||
	    !expect(c, "key import (verify)", rv, NCRYPTO_OK))
		return;
	{
		// The key's MAC length: the full MAC, or exactly the truncated tag.
		Bytes out = buf(full, 0);
		size_t olen = full;
		int r = ks.mac(msg, out.data(), &olen);
		if (fips_refused) {
			expect(c, "mac (FIPS)", r, NCRYPTO_E_FIPS);
		} else if (expect(c, "mac", r, NCRYPTO_OK)) {
			bool same = prefix_eq(out, olen, tag);
			if (olen != tag.size())
				bad(c, "mac wrote %zu bytes, expected %zu", olen, tag.size());
			else if (c.result == "valid" && !same)
				bad(c, "mac gave %s, expected %s", nct::hex(out.data(), olen).c_str(),
				    nct::hex(tag).c_str());
			else if (c.result == "invalid" && same)
				bad(c, "mac reproduced the invalid tag");
		}
	}
	{
		int r = kv.verify(msg, tag);
		if (fips_refused) {
			if (expect(c, "mac_verify (FIPS)", r, NCRYPTO_E_FIPS))
				st.fips_rejected++;
		} else if (c.result == "valid" || (c.result == "acceptable" && r == NCRYPTO_OK)) {
			if (expect(c, "mac_verify", r, NCRYPTO_OK))
				st.valid += c.result == "valid";
		} else if (expect(c, "mac_verify", r, NCRYPTO_E_AUTH_FAILED)) {
			st.invalid++;
		}
		// Only the key's length is verified: a truncated key refuses the
		// full MAC's length, a full-length key any shorter tag.
		if (!fips_refused && tag.size() > NCRYPTO_MIN_MAC_LEN) {
			Bytes shorter(tag.begin(), tag.end() - 1);
			expect(c, "mac_verify of a tag one byte short", kv.verify(msg, shorter),
			       NCRYPTO_E_INVALID_ARG);
		}
	}
}

START_TEST(test_file)
{
	const FileSpec &spec = files[_i];
	Runner run(spec);
	run.fips = nct::fips_mode();
	int r = ncrypto_open(&run.ctx, nullptr);
	ck_assert_msg(r == NCRYPTO_OK, "ncrypto_open: %s", ncrypto_strerror(r));

	json_object *doc = nct::load_wycheproof(spec.file);
	int64_t declared = nct::json_int(doc, "numberOfTests");
	json_object *groups = nct::json_arr(doc, "testGroups");
	for (size_t g = 0; g < json_object_array_length(groups); g++) {
		json_object *grp = json_object_array_get_idx(groups, g);
		json_object *tests = nct::json_arr(grp, "tests");
		for (size_t t = 0; t < json_object_array_length(tests); t++) {
			Case c;
			c.group = grp;
			c.test = json_object_array_get_idx(tests, t);
			c.id = nct::json_int(c.test, "tcId");
			c.result = nct::json_str(c.test, "result");
			run.st.acceptable += c.result == "acceptable";
			switch (spec.kind) {
			case Kind::AEAD: run.run_aead(c); break;
			case Kind::CBC_PKCS7: run.run_cbc(c); break;
			case Kind::XTS: run.run_xts(c); break;
			case Kind::HMAC: run.run_hmac(c); break;
			}
			run.st.cases++;
		}
	}
	json_object_put(doc);

	// The context must be empty again: every case destroyed its keys.
	ncrypto_info_t info;
	uint64_t keys = 0;
	r = ncrypto_info_get(run.ctx, &info);
	ck_assert_msg(r == NCRYPTO_OK, "ncrypto_info_get: %s", ncrypto_strerror(r));
	r = ncrypto_info_value(info, NCRYPTO_INFO_CTX_KEYS, &keys);
	ncrypto_info_free(info);
	ck_assert_msg(r == NCRYPTO_OK, "ncrypto_info_value: %s", ncrypto_strerror(r));
	if (keys != 0)
		run.fails.add("context still holds " + std::to_string(keys) + " keys");
	ncrypto_close(run.ctx);

	printf("%s: %zu cases ran (file declares %lld): %zu valid passed, %zu invalid "
	       "rejected, %zu acceptable, %zu refused as unsupported parameters, "
	       "%zu refused by FIPS policy%s\n",
	       spec.file, run.st.cases, (long long)declared, run.st.valid, run.st.invalid,
	       run.st.acceptable, run.st.param_rejected, run.st.fips_rejected,
	       run.fips ? " [fips=1]" : "");
	fflush(stdout);
	ck_assert_msg(run.st.cases > 0, "%s: no case ran", spec.file);
	ck_assert_msg((int64_t)run.st.cases == declared, "%s: ran %zu of %lld cases",
		      spec.file, run.st.cases, (long long)declared);
	NCT_CHECK_FAILURES(run.fails);
}
END_TEST

} // namespace

int main()
{
	Suite *s = suite_create("wycheproof");
	TCase *tc = tcase_create("files");
	// Thousands of ioctls per file in a slow TCG guest.
	tcase_set_timeout(tc, 300);
	tcase_add_loop_test(tc, test_file, 0, (int)(sizeof(files) / sizeof(files[0])));
	suite_add_tcase(s, tc);
	return nct::run_suite(s);
}
