// SPDX-License-Identifier: LGPL-2.1-or-later
// The capability holes an outside review found in ABI 1.0, each tested
// against the ABI 1.1 contract of <linux/ncrypto.h> that closes it:
//  1. a VERIFY-only key computed MACs (a 1-byte VERIFY compared a prefix);
//  2. sessions outlived the rights they started with;
//  3. ENCRYPT-only keys decrypted (caller-chosen nonces of CTR and AEADs);
//  4. kernel memory nobody paid for (op buffers, memory cgroups, users of a
//     user namespace each with their own quota);
//  5. FIPS details (XTS data units, short MACs);
//  6. ioctl numbers whose size bits were ignored;
//  7. a grown struct read only up to its first published size;
//  8. what an error does to a session;
//  9. module-wide counters readable by anyone.
// Raw ioctls throughout (tests/common helpers). Runs in the guest, as root:
// some tests change module parameters (restored afterwards, also when a test
// fails: see the fixtures) or act as other users.
#include "common.hpp"

#include <linux/userfaultfd.h>

#include <atomic>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <sched.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using nct::Bytes;
using nct::errno_name;
using nct::kat_ct;
using nct::kat_key;
using nct::kat_pt;
using nct::ptr;
using nct::RawKey;
using nct::RawOp;
using nct::raw_handle_ioctl;
using nct::raw_key_info;
using nct::raw_key_restrict;
using nct::raw_session_clone;
using nct::raw_session_data;
using nct::raw_session_init;
using nct::xioctl;

namespace {

const long page = sysconf(_SC_PAGESIZE);

// ---- per-test state: one context, its INFO, failures ----------------------------

struct State {
	int fd = -1;
	struct ncrypto_info info;
	bool fips = false;
	nct::Failures *fails = nullptr;
};
State st;

void setup()
{
	st = State();
	st.fails = new nct::Failures("capability");
	st.fd = nct::raw_open();
	ck_assert(nct::raw_info(st.fd, &st.info));
	st.fips = st.info.fips_mode != 0;
}

void teardown()
{
	if (st.fd >= 0)
		close(st.fd);
	delete st.fails;
}

void bad(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void bad(const char *fmt, ...)
{
	char buf[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	st.fails->add(buf);
}

bool expect(const std::string &what, int got, int want)
{
	if (got == want)
		return true;
	bad("%s: got %s, expected %s", what.c_str(), errno_name(got), errno_name(want));
	return false;
}

void finish() { NCT_CHECK_FAILURES(*st.fails); }

// A key the test needs: creation must work.
uint32_t mk(RawKey k, unsigned long req = NCRYPTO_IOC_KEY_IMPORT)
{
	uint32_t h;
	int e = k.create(st.fd, req, &h);
	ck_assert_msg(e == 0, "key (type %u, usage %#x, alg %u, tag_len %u, policy %u): %s", k.type,
		      k.usage, k.alg, k.tag_len, k.nonce_policy, errno_name(e));
	return h;
}

// A key creation that must fail with `want` (a success is destroyed again).
void refuse(const std::string &what, RawKey k, int want,
	    unsigned long req = NCRYPTO_IOC_KEY_IMPORT)
{
	uint32_t h;
	int e = k.create(st.fd, req, &h);
	if (!e)
		raw_handle_ioctl(st.fd, NCRYPTO_IOC_KEY_DESTROY, h);
	expect(what, e, want);
}

uint32_t mk_sess(uint32_t op, uint32_t alg, uint32_t key, void *iv = nullptr, uint32_t iv_len = 0)
{
	uint32_t h;
	int e = raw_session_init(st.fd, op, alg, key, iv, iv_len, &h);
	ck_assert_msg(e == 0, "session init (op %u alg %u): %s", op, alg, errno_name(e));
	return h;
}

int key_destroy(uint32_t h) { return raw_handle_ioctl(st.fd, NCRYPTO_IOC_KEY_DESTROY, h); }
int sess_destroy(uint32_t h) { return raw_handle_ioctl(st.fd, NCRYPTO_IOC_SESSION_DESTROY, h); }
int update(uint32_t s, const void *p, uint32_t n)
{
	return raw_session_data(st.fd, NCRYPTO_IOC_SESSION_UPDATE, s, p, n, nullptr, nullptr);
}

struct ncrypto_key_info key_info(uint32_t h)
{
	struct ncrypto_key_info ki;
	int e = raw_key_info(st.fd, h, &ki);
	ck_assert_msg(e == 0, "KEY_INFO %u: %s", h, errno_name(e));
	return ki;
}

// KEY_INFO's ABI 1.1 fields.
void expect_params(const std::string &what, uint32_t h, uint32_t alg, uint32_t tag_len,
		   uint32_t policy, uint64_t counter)
{
	struct ncrypto_key_info ki = key_info(h);
	if (ki.alg != alg || ki.tag_len != tag_len || ki.nonce_policy != policy ||
	    ki.nonce_counter != counter)
		bad("%s: KEY_INFO says alg %u tag_len %u policy %u counter %llu; expected %u %u %u "
		    "%llu", what.c_str(), ki.alg, ki.tag_len, ki.nonce_policy,
		    (unsigned long long)ki.nonce_counter, alg, tag_len, policy,
		    (unsigned long long)counter);
}

std::string hexs(const uint8_t *p, size_t n) { return nct::hex(p, n); }

const uint8_t hmac_key[32] = {0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b,
			      0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b,
			      0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b,
			      0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b};
const char msg[] = "transfer 100 to mallory";
const uint32_t msg_len = sizeof(msg) - 1;
const uint32_t SECRET = NCRYPTO_KEY_TYPE_GENERIC_SECRET, AES = NCRYPTO_KEY_TYPE_AES;
const uint32_t ENC = NCRYPTO_KEY_ENCRYPT, DEC = NCRYPTO_KEY_DECRYPT;
const uint32_t SIGN = NCRYPTO_KEY_SIGN, VERIFY = NCRYPTO_KEY_VERIFY;
const uint32_t GCM = NCRYPTO_ALG_AES_GCM, CTR = NCRYPTO_ALG_AES_CTR;
const uint32_t HMAC256 = NCRYPTO_ALG_HMAC_SHA256;

// The full HMAC-SHA256 of msg under hmac_key, computed by an unbound SIGN key.
Bytes full_mac()
{
	uint32_t k = mk(RawKey(SECRET, SIGN, 32).value(hmac_key));
	Bytes mac(32);
	RawOp op(NCRYPTO_OP_SIGN, HMAC256, k);
	int e = op.in(msg, msg_len).out(mac.data(), 32).run(st.fd);
	ck_assert_msg(e == 0 && op.dst_len == 32, "HMAC sign: %s", errno_name(e));
	key_destroy(k);
	return mac;
}

int verify(uint32_t k, const uint8_t *tag, uint32_t n)
{
	return RawOp(NCRYPTO_OP_VERIFY, HMAC256, k).in(msg, msg_len).with_tag(tag, n).run(st.fd);
}

// ---- 1. tags: a VERIFY-only key never tells whether a prefix is right ------------

// The attack of the review: grow a tag one byte at a time, keeping the byte
// VERIFY accepts (ABI 1.0 compared a prefix). About 4,300 calls recover a
// full HMAC-SHA256, so VERIFY usage would imply SIGN. Now the first call,
// a 1-byte tag, must be refused as an argument error.
START_TEST(test_verify_prefix_oracle)
{
	Bytes mac = full_mac();
	uint32_t ver = mk(RawKey(SECRET, VERIFY, 32).value(hmac_key));
	Bytes guess;
	size_t calls = 0;
	int first = -1, stop = 0;
	while (guess.size() < 32 && !stop) {
		guess.push_back(0);
		bool found = false;
		for (int b = 0; b < 256 && !found && !stop; b++) {
			guess.back() = (uint8_t)b;
			int e = verify(ver, guess.data(), (uint32_t)guess.size());
			if (first < 0)
				first = e;
			calls++;
			found = e == 0;
			if (e && e != EBADMSG)
				stop = e;
		}
		if (!found && !stop)
			stop = EBADMSG;
	}
	size_t got = guess.size() - (stop ? 1 : 0);
	if (got > 0)
		bad("a VERIFY-only key gave away %zu MAC bytes in %zu calls (%s the real MAC)", got,
		    calls, memcmp(guess.data(), mac.data(), got) == 0 ? "matching" : "not matching");
	expect("the attack's first call (a 1-byte tag)", first, EINVAL);
	// Full-length verification works; a wrong tag is EBADMSG.
	expect("verify of the full MAC", verify(ver, mac.data(), 32), 0);
	Bytes wrong = mac;
	wrong[31] ^= 1;
	expect("verify of a wrong full-length tag", verify(ver, wrong.data(), 32), EBADMSG);
	for (uint32_t n : {0u, 1u, 4u, 16u, 31u, 33u})
		expect("verify of a " + std::to_string(n) + "-byte tag with a full-length key",
		       verify(ver, mac.data(), n), EINVAL);

	// A verify session takes the key's length only at FINAL: a truncated tag
	// fails (and, without KEEP, ends) the session; with KEEP it leaves a
	// finished session, so FINAL is no oracle either.
	uint32_t s = mk_sess(NCRYPTO_OP_VERIFY, HMAC256, ver);
	expect("verify session update", update(s, msg, msg_len), 0);
	expect("verify session final with a 16-byte tag",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, s, nullptr, 0, nullptr, nullptr, 0,
				mac.data(), 16),
	       EINVAL);
	expect("destroy after a failed final", sess_destroy(s), ENOENT);
	s = mk_sess(NCRYPTO_OP_VERIFY, HMAC256, ver);
	expect("verify session update", update(s, msg, msg_len), 0);
	expect("verify session final (KEEP) with a 1-byte tag",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, s, nullptr, 0, nullptr, nullptr,
				NCRYPTO_SESSION_F_KEEP, mac.data(), 1),
	       EINVAL);
	expect("a second final after the refused one",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, s, nullptr, 0, nullptr, nullptr, 0,
				mac.data(), 32),
	       EBADFD);
	// That FINAL had no KEEP: it ended the session.
	expect("destroy after it", sess_destroy(s), ENOENT);
	s = mk_sess(NCRYPTO_OP_VERIFY, HMAC256, ver);
	expect("verify session update", update(s, msg, msg_len), 0);
	expect("verify session final with the full MAC",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, s, nullptr, 0, nullptr, nullptr, 0,
				mac.data(), 32),
	       0);
	finish();
}
END_TEST

// A truncation is a property of the key, fixed at creation.
START_TEST(test_mac_tag_len)
{
	Bytes mac = full_mac();
	uint32_t k = mk(RawKey(SECRET, SIGN | VERIFY, 32).value(hmac_key).bound(HMAC256, 16));
	expect_params("HMAC key with tag_len 16", k, HMAC256, 16, NCRYPTO_NONCE_CALLER, 0);
	uint8_t out[64];
	RawOp s(NCRYPTO_OP_SIGN, HMAC256, k);
	if (expect("sign with a 16-byte key", s.in(msg, msg_len).out(out, 64).run(st.fd), 0) &&
	    (s.dst_len != 16 || memcmp(out, mac.data(), 16) != 0))
		bad("sign with a 16-byte key wrote %u bytes %s, expected the MAC's first 16",
		    s.dst_len, hexs(out, s.dst_len).c_str());
	RawOp s2(NCRYPTO_OP_SIGN, HMAC256, k);
	expect("sign into 15 bytes", s2.in(msg, msg_len).out(out, 15).run(st.fd), ENOSPC);
	if (s2.dst_len != 16)
		bad("sign ENOSPC: dst_len %u, expected 16", s2.dst_len);
	expect("verify 16 bytes", verify(k, mac.data(), 16), 0);
	Bytes wrong(mac.begin(), mac.begin() + 16);
	wrong[15] ^= 0x80;
	expect("verify 16 wrong bytes", verify(k, wrong.data(), 16), EBADMSG);
	for (uint32_t n : {4u, 15u, 17u, 32u})
		expect("verify " + std::to_string(n) + " bytes with a 16-byte key",
		       verify(k, mac.data(), n), EINVAL);
	expect("the key with another HMAC",
	       RawOp(NCRYPTO_OP_SIGN, NCRYPTO_ALG_HMAC_SHA512, k).in(msg, msg_len).out(out, 64).run(st.fd),
	       EINVAL);
	// Sessions: SIGN's FINAL writes 16 bytes, VERIFY's FINAL takes 16 only.
	uint32_t ss = mk_sess(NCRYPTO_OP_SIGN, HMAC256, k);
	uint32_t n = 64;
	expect("sign session final",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, ss, msg, msg_len, out, &n), 0);
	if (n != 16 || memcmp(out, mac.data(), 16) != 0)
		bad("sign session with a 16-byte key wrote %u bytes %s", n, hexs(out, n).c_str());
	for (uint32_t t : {16u, 32u}) {
		uint32_t vs = mk_sess(NCRYPTO_OP_VERIFY, HMAC256, k);
		expect("verify session final with " + std::to_string(t) + " bytes",
		       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, vs, msg, msg_len, nullptr,
					nullptr, 0, mac.data(), t),
		       t == 16 ? 0 : EINVAL);
	}
	// The shortest truncation; a bound full-length key; an unbound key.
	uint32_t k4 = mk(RawKey(SECRET, SIGN | VERIFY, 32).value(hmac_key).bound(HMAC256, 4));
	expect("verify 4 bytes with a 4-byte key", verify(k4, mac.data(), 4), 0);
	uint32_t kf = mk(RawKey(SECRET, VERIFY, 32).value(hmac_key).bound(HMAC256));
	expect_params("bound HMAC key with tag_len 0", kf, HMAC256, 32, NCRYPTO_NONCE_CALLER, 0);
	uint32_t ku = mk(RawKey(SECRET, VERIFY, 32).value(hmac_key));
	expect_params("unbound key", ku, 0, 0, NCRYPTO_NONCE_CALLER, 0);
	// Creation: NCRYPTO_MIN_MAC_LEN..out_len, and only with alg.
	for (unsigned long req : {(unsigned long)NCRYPTO_IOC_KEY_IMPORT,
				  (unsigned long)NCRYPTO_IOC_KEY_GENERATE}) {
		std::string how = req == NCRYPTO_IOC_KEY_IMPORT ? "import" : "generate";
		const void *v = req == NCRYPTO_IOC_KEY_IMPORT ? hmac_key : nullptr;
		for (uint32_t t : {1u, 2u, NCRYPTO_MIN_MAC_LEN - 1, 33u, 64u})
			refuse(how + " HMAC-SHA256 key with tag_len " + std::to_string(t),
			       RawKey(SECRET, SIGN, 32).value(v).bound(HMAC256, t), EINVAL, req);
		refuse(how + " HMAC-SHA1 key with tag_len 21",
		       RawKey(SECRET, SIGN, 32).value(v).bound(NCRYPTO_ALG_HMAC_SHA1, 21), EINVAL, req);
		refuse(how + " key with tag_len 16 and no alg",
		       RawKey(SECRET, SIGN, 32).value(v).bound(0, 16), EINVAL, req);
	}
	finish();
}
END_TEST

// An AEAD key has one tag length: 16 unless tag_len says otherwise.
START_TEST(test_aead_tag_len)
{
	Bytes key(kat_key, kat_key + 16), nonce(12, 0x42), aad = {1, 2, 3};
	Bytes pt(48, 0x61);
	Bytes ref16 = nct::ref_gcm(key, nonce, aad, pt.data(), 48, 16);
	Bytes ref12 = nct::ref_gcm(key, nonce, aad, pt.data(), 48, 12);
	uint8_t out[64];
	auto dec = [&](uint32_t k, const Bytes &ref, uint32_t tag_len) {
		return RawOp(NCRYPTO_OP_DECRYPT, GCM, k).in(ref.data(), 48).out(out, 48)
			.with_iv(nonce.data(), 12).with_aad(aad.data(), 3)
			.with_tag(ref.data() + 48, tag_len).run(st.fd);
	};
	uint32_t unbound = mk(RawKey(AES, DEC, 16).value(kat_key));
	uint32_t k16 = mk(RawKey(AES, DEC, 16).value(kat_key).bound(GCM));
	uint32_t k12 = mk(RawKey(AES, DEC, 16).value(kat_key).bound(GCM, 12));
	expect_params("GCM key with tag_len 0", k16, GCM, 16, NCRYPTO_NONCE_CALLER, 0);
	expect_params("GCM key with tag_len 12", k12, GCM, 12, NCRYPTO_NONCE_CALLER, 0);
	for (uint32_t k : {unbound, k16}) {
		std::string who = k == unbound ? "unbound key" : "GCM key";
		expect(who + ": decrypt with a 16-byte tag", dec(k, ref16, 16), 0);
		if (memcmp(out, pt.data(), 48) != 0)
			bad("%s: wrong plaintext", who.c_str());
		expect(who + ": decrypt with a 12-byte tag", dec(k, ref12, 12), EINVAL);
		expect(who + ": decrypt with an 8-byte tag", dec(k, ref16, 8), EINVAL);
	}
	expect("12-byte key: decrypt with a 12-byte tag", dec(k12, ref12, 12), 0);
	expect("12-byte key: decrypt with a 16-byte tag", dec(k12, ref16, 16), EINVAL);
	expect("12-byte key: decrypt with a 13-byte tag", dec(k12, ref16, 13), EINVAL);
	// Encryption with a 12-byte key writes 12 bytes of tag (a kernel-made
	// nonce, so this runs in FIPS mode too).
	uint32_t ke = mk(RawKey(AES, ENC, 16).value(kat_key).bound(GCM, 12).nonce(NCRYPTO_NONCE_RANDOM));
	uint8_t iv[12], tag[16];
	RawOp e(NCRYPTO_OP_ENCRYPT, GCM, ke);
	if (expect("12-byte key: encrypt", e.in(pt.data(), 48).out(out, 48).with_iv(iv, 12)
			.with_aad(aad.data(), 3).with_tag(tag, 12).run(st.fd), 0)) {
		Bytes ref = nct::ref_gcm(key, Bytes(iv, iv + 12), aad, pt.data(), 48, 12);
		if (memcmp(out, ref.data(), 48) != 0 || memcmp(tag, ref.data() + 48, 12) != 0)
			bad("12-byte key: encryption differs from nettle");
	}
	expect("12-byte key: encrypt with a 16-byte tag",
	       RawOp(NCRYPTO_OP_ENCRYPT, GCM, ke).in(pt.data(), 48).out(out, 48).with_iv(iv, 12)
		       .with_tag(tag, 16).run(st.fd), EINVAL);
	// Creation: GCM takes 4, 8, 12..16 (FIPS: not below 12); ChaCha20-Poly1305 16.
	for (uint32_t t = 1; t <= 32; t++) {
		bool ok = t == 4 || t == 8 || (t >= 12 && t <= 16);
		int want = !ok ? EINVAL : st.fips && t < 12 ? EACCES : 0;
		refuse("generate a GCM key with tag_len " + std::to_string(t),
		       RawKey(AES, ENC | DEC, 16).bound(GCM, t), want, NCRYPTO_IOC_KEY_GENERATE);
	}
	uint8_t ck[32] = {7};
	for (uint32_t t : {12u, 16u}) {
		RawKey k = RawKey(NCRYPTO_KEY_TYPE_CHACHA20, DEC, 32).value(ck)
				   .bound(NCRYPTO_ALG_CHACHA20_POLY1305, t);
		uint32_t h;
		int err = k.import(st.fd, &h);
		if (!err)
			key_destroy(h);
		// Which comes first under FIPS (the algorithm or the length) is open.
		bool ok = t == 16 ? err == (st.fips ? EACCES : 0)
				  : err == EINVAL || (st.fips && err == EACCES);
		if (!ok)
			bad("ChaCha20-Poly1305 key with tag_len %u: got %s", t, errno_name(err));
	}
	finish();
}
END_TEST

// ---- 2. sessions stop with their key's rights --------------------------------------

// A session whose first call after the revocation is `first`: that call
// gives EKEYREVOKED; what is left of the session then follows the header's
// error rules.
START_TEST(test_revoked_by_restrict)
{
	Bytes mac = full_mac();
	uint32_t k = mk(RawKey(SECRET, SIGN | VERIFY | NCRYPTO_KEY_EXPORTABLE, 32).value(hmac_key));
	uint32_t keep = mk_sess(NCRYPTO_OP_SIGN, HMAC256, k);
	uint32_t by_update = mk_sess(NCRYPTO_OP_SIGN, HMAC256, k);
	uint32_t by_final = mk_sess(NCRYPTO_OP_SIGN, HMAC256, k);
	uint32_t by_clone = mk_sess(NCRYPTO_OP_SIGN, HMAC256, k);
	uint32_t ver = mk_sess(NCRYPTO_OP_VERIFY, HMAC256, k);
	for (uint32_t s : {keep, by_update, by_final, by_clone, ver})
		expect("update before the restrict", update(s, msg, 5), 0);
	uint32_t cloned;	// made while the key could sign: revoked all the same
	expect("clone before the restrict", raw_session_clone(st.fd, by_update, &cloned), 0);

	// Dropping a usage no session needs stops nothing.
	expect("restrict dropping EXPORTABLE", raw_key_restrict(st.fd, k, SIGN | VERIFY), 0);
	uint8_t out[64];
	uint32_t n = 64;
	expect("sign session after an unrelated restrict",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, keep, msg + 5, msg_len - 5, out, &n),
	       0);
	if (n != 32 || memcmp(out, mac.data(), 32) != 0)
		bad("sign session after an unrelated restrict: wrong MAC");

	expect("restrict to VERIFY", raw_key_restrict(st.fd, k, VERIFY), 0);
	expect("update after SIGN was dropped", update(by_update, msg + 5, 3), EKEYREVOKED);
	expect("update of the revoked session again", update(by_update, msg + 5, 3), EBADFD);
	uint32_t c2;
	expect("clone of the revoked session", raw_session_clone(st.fd, by_update, &c2), EBADFD);
	n = 64;
	expect("final of the revoked session",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, by_update, nullptr, 0, out, &n),
	       EBADFD);
	expect("destroy after that final", sess_destroy(by_update), ENOENT);

	n = 64;
	memset(out, 0, sizeof(out));
	expect("final after SIGN was dropped",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, by_final, msg + 5, msg_len - 5, out, &n),
	       EKEYREVOKED);
	for (uint8_t b : out)
		if (b) {
			bad("a revoked final wrote output");
			break;
		}
	expect("destroy after the revoked final", sess_destroy(by_final), ENOENT);

	// CLONE checks the usage as INIT does; what it leaves of the original
	// is a session that cannot sign (EKEYREVOKED again, or EBADFD).
	expect("clone after SIGN was dropped", raw_session_clone(st.fd, by_clone, &c2), EKEYREVOKED);
	int e = update(by_clone, msg + 5, 3);
	if (e != EKEYREVOKED && e != EBADFD)
		bad("update after a revoked clone: got %s, expected EKEYREVOKED or EBADFD",
		    errno_name(e));
	expect("destroy after a revoked clone", sess_destroy(by_clone), 0);
	expect("update of the clone made before the restrict", update(cloned, msg, 1), EKEYREVOKED);
	expect("destroy of that clone", sess_destroy(cloned), 0);

	// The verify session still has what it needs.
	expect("verify session after the restrict",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, ver, msg + 5, msg_len - 5, nullptr,
				nullptr, 0, mac.data(), 32),
	       0);
	uint32_t s;
	expect("new sign session", raw_session_init(st.fd, NCRYPTO_OP_SIGN, HMAC256, k, nullptr, 0, &s),
	       EPERM);
	finish();
}
END_TEST

START_TEST(test_revoked_by_destroy)
{
	uint32_t k = mk(RawKey(SECRET, SIGN, 32).value(hmac_key));
	uint32_t a = mk_sess(NCRYPTO_OP_SIGN, HMAC256, k);
	uint32_t b = mk_sess(NCRYPTO_OP_SIGN, HMAC256, k);
	uint32_t hash = mk_sess(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0);
	uint8_t iv[16] = {0}, out[64];
	uint32_t aes = mk(RawKey(AES, ENC, 16).value(kat_key));
	uint32_t cbc = mk_sess(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, aes, iv, 16);
	for (uint32_t s : {a, b, hash})
		expect("update before the destroy", update(s, msg, 5), 0);
	expect("destroy the HMAC key", key_destroy(k), 0);
	expect("destroy the AES key", key_destroy(aes), 0);
	expect("update after the key was destroyed", update(a, msg, 3), EKEYREVOKED);
	uint32_t n = 64;
	expect("final after that",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, a, nullptr, 0, out, &n), EBADFD);
	expect("destroy after that final", sess_destroy(a), ENOENT);
	n = 64;
	expect("final (KEEP) after the key was destroyed",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, b, nullptr, 0, out, &n,
				NCRYPTO_SESSION_F_KEEP),
	       EKEYREVOKED);
	expect("update of the kept session", update(b, msg, 1), EBADFD);
	expect("destroy of the kept session", sess_destroy(b), 0);
	n = 64;
	expect("cipher session after its key was destroyed",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_UPDATE, cbc, kat_pt, 16, out, &n), EKEYREVOKED);
	expect("destroy of the cipher session", sess_destroy(cbc), 0);
	// A session without a key is not affected.
	n = 64;
	expect("hash session", raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, hash, msg + 5,
						msg_len - 5, out, &n), 0);
	finish();
}
END_TEST

START_TEST(test_revoked_cipher)
{
	uint8_t iv[16] = {0}, zero[32] = {0}, ks[32], out[32];
	uint32_t k = mk(RawKey(AES, ENC | DEC, 16).value(kat_key));
	// CTR keystream: the encryption of zeros, computed before the restrict.
	RawOp op(NCRYPTO_OP_ENCRYPT, CTR, k);
	ck_assert_int_eq(op.in(zero, 32).out(ks, 32).with_iv(iv, 16).run(st.fd), 0);
	uint32_t enc = mk_sess(NCRYPTO_OP_ENCRYPT, CTR, k, iv, 16);
	uint32_t dec = mk_sess(NCRYPTO_OP_DECRYPT, CTR, k, iv, 16);
	uint32_t n = 16;
	expect("encrypt session update", raw_session_data(st.fd, NCRYPTO_IOC_SESSION_UPDATE, enc, zero,
							  16, out, &n), 0);
	n = 16;
	expect("decrypt session update", raw_session_data(st.fd, NCRYPTO_IOC_SESSION_UPDATE, dec, zero,
							  16, out, &n), 0);
	expect("restrict to DECRYPT", raw_key_restrict(st.fd, k, DEC), 0);
	n = 16;
	expect("encrypt session after ENCRYPT was dropped",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_UPDATE, enc, zero, 16, out, &n), EKEYREVOKED);
	uint32_t got = 0;
	n = 32;
	if (expect("decrypt session after ENCRYPT was dropped",
		   raw_session_data(st.fd, NCRYPTO_IOC_SESSION_UPDATE, dec, zero, 16, out, &n), 0))
		got = n;
	n = 32 - got;
	if (expect("decrypt session final", raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, dec,
							     nullptr, 0, out + got, &n), 0))
		got += n;
	if (got != 16 || memcmp(out, ks + 16, 16) != 0)
		bad("the decrypt session's output after the restrict is wrong (%u bytes)", got);
	finish();
}
END_TEST

// What another process holding the context does with a revoked session.
void send_fd(int sock, int fd)
{
	char cbuf[CMSG_SPACE(sizeof(int))];
	memset(cbuf, 0, sizeof(cbuf));
	char byte = 'f';
	struct iovec io = {&byte, 1};
	struct msghdr m;
	memset(&m, 0, sizeof(m));
	m.msg_iov = &io;
	m.msg_iovlen = 1;
	m.msg_control = cbuf;
	m.msg_controllen = sizeof(cbuf);
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(fd));
	ck_assert(sendmsg(sock, &m, 0) == 1);
}

int recv_fd(int sock)
{
	char cbuf[CMSG_SPACE(sizeof(int))], byte;
	struct iovec io = {&byte, 1};
	struct msghdr m;
	memset(&m, 0, sizeof(m));
	m.msg_iov = &io;
	m.msg_iovlen = 1;
	m.msg_control = cbuf;
	m.msg_controllen = sizeof(cbuf);
	if (recvmsg(sock, &m, 0) != 1)
		return -1;
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);
	if (!c || c->cmsg_type != SCM_RIGHTS)
		return -1;
	int fd;
	memcpy(&fd, CMSG_DATA(c), sizeof(fd));
	return fd;
}

// Exit status of a child: the errno of its update (0 if it worked).
int child_status(pid_t pid)
{
	int status;
	ck_assert(waitpid(pid, &status, 0) == pid);
	ck_assert_msg(WIFEXITED(status), "child died: status %#x", status);
	return WEXITSTATUS(status);
}

START_TEST(test_revoked_shared_fd)
{
	for (bool scm : {false, true}) {
		std::string how = scm ? "a process given the fd over SCM_RIGHTS" : "a forked child";
		int sv[2] = {-1, -1};
		ck_assert(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
		pid_t pid = -1;
		if (scm) {
			// Exists before the session: gets it only by message.
			pid = fork();
			ck_assert(pid >= 0);
			if (pid == 0) {
				int fd = recv_fd(sv[1]);
				uint32_t s;
				if (fd < 0 || read(sv[1], &s, sizeof(s)) != sizeof(s))
					_exit(255);
				_exit(raw_session_data(fd, NCRYPTO_IOC_SESSION_UPDATE, s, msg, 3,
						       nullptr, nullptr));
			}
		}
		uint32_t k = mk(RawKey(SECRET, SIGN | VERIFY, 32).value(hmac_key));
		uint32_t s = mk_sess(NCRYPTO_OP_SIGN, HMAC256, k);
		expect("update", update(s, msg, 3), 0);
		expect("restrict to VERIFY", raw_key_restrict(st.fd, k, VERIFY), 0);
		if (scm) {
			send_fd(sv[0], st.fd);
			ck_assert(write(sv[0], &s, sizeof(s)) == sizeof(s));
		} else {
			pid = fork();
			ck_assert(pid >= 0);
			if (pid == 0)
				_exit(update(s, msg, 3));
		}
		expect(how + ": update of a revoked session", child_status(pid), EKEYREVOKED);
		// The child's call failed the session for everyone.
		expect(how + ": update afterwards in the parent", update(s, msg, 3), EBADFD);
		close(sv[0]);
		close(sv[1]);
	}
	finish();
}
END_TEST

// ---- 3. nonces: ENCRYPT-only keys that cannot decrypt ------------------------------

// The GCM test material: key kat_key, fixed AAD and plaintext.
struct Gcm {
	Bytes key = Bytes(kat_key, kat_key + 16), aad = {0xaa, 0xbb};
	Bytes pt = Bytes(64, 0x70);
	uint8_t ct[64], tag[16], iv[16];
	// ENCRYPT of pt (or of `in`); iv is prefilled with 0xa5 unless `keep_iv`.
	int encrypt(uint32_t alg, uint32_t k, uint32_t iv_len, const uint8_t *in = nullptr,
		    bool keep_iv = false)
	{
		if (!keep_iv)
			memset(iv, 0xa5, sizeof(iv));
		RawOp op(NCRYPTO_OP_ENCRYPT, alg, k);
		op.in(in ? in : pt.data(), 64).out(ct, 64).with_iv(iv, iv_len);
		if (alg != CTR)
			op.with_aad(aad.data(), 2).with_tag(tag, 16);
		return op.run(st.fd);
	}
	// DECRYPT of ct with `k` (a DECRYPT key of the same bytes) gives pt.
	bool decrypts(uint32_t alg, uint32_t k, uint32_t iv_len)
	{
		uint8_t out[64];
		RawOp op(NCRYPTO_OP_DECRYPT, alg, k);
		op.in(ct, 64).out(out, 64).with_iv(iv, iv_len);
		if (alg != CTR)
			op.with_aad(aad.data(), 2).with_tag(tag, 16);
		int e = op.run(st.fd);
		return expect("decryption with a DECRYPT key", e, 0) && memcmp(out, pt.data(), 64) == 0;
	}
	// ct || tag is nettle's GCM under the IV the kernel wrote.
	bool matches_nettle()
	{
		Bytes ref = nct::ref_gcm(key, Bytes(iv, iv + 12), aad, pt.data(), 64, 16);
		return memcmp(ct, ref.data(), 64) == 0 && memcmp(tag, ref.data() + 64, 16) == 0;
	}
};

const uint8_t fixed4[4] = {0xf0, 0xf1, 0xf2, 0xf3};
const uint8_t fixed12[12] = {0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b};

RawKey with_policy(RawKey k, uint32_t policy, uint64_t counter = 0)
{
	switch (policy) {
	case NCRYPTO_NONCE_COUNTER: return k.nonce(policy, fixed4, 4, counter);
	case NCRYPTO_NONCE_COUNTER_XOR: return k.nonce(policy, fixed12, 12, counter);
	default: return k.nonce(policy);
	}
}

// The nonce a counter policy makes for counter value c (12 bytes).
Bytes policy_nonce(uint32_t policy, uint64_t c)
{
	Bytes n(12, 0);
	if (policy == NCRYPTO_NONCE_COUNTER)
		memcpy(n.data(), fixed4, 4);
	else
		memcpy(n.data(), fixed12, 12);
	for (int i = 0; i < 8; i++)
		n[4 + i] ^= (uint8_t)(c >> (56 - 8 * i));
	return n;
}

const char *policy_name(uint32_t p)
{
	static const char *n[] = {"CALLER", "RANDOM", "COUNTER", "COUNTER_XOR"};
	return p < 4 ? n[p] : "?";
}

// The review's attack: ENCRYPT the ciphertext under its own nonce and read
// the plaintext (CTR, GCM and ChaCha20-Poly1305 encryption is decryption's
// keystream). With a kernel-made nonce the caller's iv is overwritten and
// never read, so the attack gets a fresh keystream instead.
START_TEST(test_encrypt_only_keystream)
{
	struct Case {
		uint32_t alg, type, key_len, iv_len, policy;
	};
	std::vector<Case> cases;
	for (uint32_t p : {NCRYPTO_NONCE_RANDOM, NCRYPTO_NONCE_COUNTER, NCRYPTO_NONCE_COUNTER_XOR}) {
		cases.push_back({GCM, AES, 16, 12, p});
		cases.push_back({CTR, AES, 16, 16, p});
	}
	if (!st.fips)
		cases.push_back({NCRYPTO_ALG_CHACHA20_POLY1305, NCRYPTO_KEY_TYPE_CHACHA20, 32, 12,
				 NCRYPTO_NONCE_RANDOM});
	// Control (outside FIPS): with a CALLER key the attack works, as the
	// header says; so the steps below can tell a closed hole from an open one.
	if (!st.fips)
		cases.push_back({GCM, AES, 16, 12, NCRYPTO_NONCE_CALLER});
	uint8_t key32[32];
	memset(key32, 0x33, sizeof(key32));
	for (const Case &c : cases) {
		std::string what = std::string(ncrypto_alg_name(c.alg)) + " " + policy_name(c.policy);
		const uint8_t *kv = c.key_len == 16 ? kat_key : key32;
		uint32_t ke = mk(with_policy(RawKey(c.type, ENC, c.key_len).value(kv).bound(c.alg),
					     c.policy));
		Gcm g;
		if (!expect(what + ": encrypt", g.encrypt(c.alg, ke, c.iv_len), 0))
			continue;
		uint8_t iv1[16], ct1[64];
		memcpy(iv1, g.iv, 16);
		memcpy(ct1, g.ct, 64);
		// ENCRYPT of ct1 with iv1 in the iv buffer.
		if (!expect(what + ": encrypt of the ciphertext", g.encrypt(c.alg, ke, c.iv_len, ct1, true), 0))
			continue;
		bool got_pt = memcmp(g.ct, g.pt.data(), 64) == 0;
		bool same_iv = memcmp(g.iv, iv1, c.iv_len) == 0;
		if (c.policy == NCRYPTO_NONCE_CALLER) {
			if (!got_pt)
				bad("%s (control): the attack did not decrypt: the test is broken",
				    what.c_str());
			continue;
		}
		if (got_pt)
			bad("%s: an ENCRYPT-only key decrypted a ciphertext", what.c_str());
		if (same_iv)
			bad("%s: the kernel reused the nonce it was handed", what.c_str());
	}
	finish();
}
END_TEST

START_TEST(test_nonce_random)
{
	Gcm g;
	uint32_t ke = mk(RawKey(AES, ENC, 16).value(kat_key).bound(GCM).nonce(NCRYPTO_NONCE_RANDOM));
	uint32_t kd = mk(RawKey(AES, DEC, 16).value(kat_key).bound(GCM));
	expect_params("RANDOM key", ke, GCM, 16, NCRYPTO_NONCE_RANDOM, 0);
	std::vector<Bytes> ivs;
	for (int i = 0; i < 3; i++) {
		if (!expect("encrypt " + std::to_string(i), g.encrypt(GCM, ke, 12), 0))
			continue;
		Bytes iv(g.iv, g.iv + 12);
		if (iv == Bytes(12, 0xa5))
			bad("encrypt %d did not write the IV", i);
		for (const Bytes &o : ivs)
			if (o == iv)
				bad("encrypt %d repeated the nonce %s", i, nct::hex(iv).c_str());
		ivs.push_back(iv);
		if (!g.matches_nettle())
			bad("encrypt %d differs from nettle under the IV it wrote", i);
		if (!g.decrypts(GCM, kd, 12))
			bad("encrypt %d does not decrypt with the IV it wrote", i);
	}
	expect("encrypt with a 16-byte IV buffer", g.encrypt(GCM, ke, 16), EINVAL);
	expect("encrypt with no IV", g.encrypt(GCM, ke, 0), EINVAL);
	RawOp op(NCRYPTO_OP_ENCRYPT, GCM, ke);
	uint8_t out[64], tag[16];
	expect("encrypt with a NULL IV of 12 bytes",
	       op.in(g.pt.data(), 64).out(out, 64).with_iv(nullptr, 12).with_tag(tag, 16).run(st.fd),
	       EFAULT);
	// The IV is an output: a read-only buffer cannot take it.
	void *ro = mmap(nullptr, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ck_assert(ro != MAP_FAILED);
	RawOp op2(NCRYPTO_OP_ENCRYPT, GCM, ke);
	expect("encrypt with a read-only IV buffer",
	       op2.in(g.pt.data(), 64).out(out, 64).with_iv(ro, 12).with_tag(tag, 16).run(st.fd),
	       EFAULT);
	munmap(ro, page);
	finish();
}
END_TEST

START_TEST(test_nonce_counters)
{
	for (uint32_t p : {NCRYPTO_NONCE_COUNTER, NCRYPTO_NONCE_COUNTER_XOR}) {
		std::string what = policy_name(p);
		uint64_t first = p == NCRYPTO_NONCE_COUNTER ? 5 : 0x0102030405060708ull;
		Gcm g;
		uint32_t ke = mk(with_policy(RawKey(AES, ENC, 16).value(kat_key).bound(GCM), p, first));
		uint32_t kd = mk(RawKey(AES, DEC, 16).value(kat_key).bound(GCM));
		expect_params(what + " key", ke, GCM, 16, p, first);
		for (uint64_t i = 0; i < 3; i++) {
			if (!expect(what + ": encrypt", g.encrypt(GCM, ke, 12), 0))
				continue;
			Bytes want = policy_nonce(p, first + i);
			if (memcmp(g.iv, want.data(), 12) != 0)
				bad("%s: encryption %llu used nonce %s, expected %s", what.c_str(),
				    (unsigned long long)i, hexs(g.iv, 12).c_str(), nct::hex(want).c_str());
			if (!g.matches_nettle())
				bad("%s: encryption %llu differs from nettle", what.c_str(),
				    (unsigned long long)i);
			g.decrypts(GCM, kd, 12);
		}
		expect_params(what + " key after 3 encryptions", ke, GCM, 16, p, first + 3);
		// The last value is usable once; then the key is used up.
		uint32_t last = mk(with_policy(RawKey(AES, ENC, 16).value(kat_key).bound(GCM), p,
					       UINT64_MAX));
		if (expect(what + ": encrypt with counter 2^64-1", g.encrypt(GCM, last, 12), 0)) {
			Bytes want = policy_nonce(p, UINT64_MAX);
			if (memcmp(g.iv, want.data(), 12) != 0)
				bad("%s: counter 2^64-1 gave nonce %s", what.c_str(), hexs(g.iv, 12).c_str());
		}
		expect(what + ": encrypt past 2^64-1", g.encrypt(GCM, last, 12), EOVERFLOW);
		expect(what + ": and again", g.encrypt(GCM, last, 12), EOVERFLOW);
	}
	finish();
}
END_TEST

// AES-CTR with a policy: IV = 12-byte nonce || 32-bit block counter 0, for
// one-shot ops and for sessions (written at SESSION_INIT).
START_TEST(test_nonce_ctr)
{
	Gcm g;
	uint32_t ke = mk(RawKey(AES, ENC, 16).value(kat_key).bound(CTR).nonce(NCRYPTO_NONCE_COUNTER,
									       fixed4, 4, 7));
	uint32_t kd = mk(RawKey(AES, DEC, 16).value(kat_key).bound(CTR));
	if (expect("CTR COUNTER encrypt", g.encrypt(CTR, ke, 16), 0)) {
		Bytes want = policy_nonce(NCRYPTO_NONCE_COUNTER, 7);
		want.resize(16, 0);
		if (memcmp(g.iv, want.data(), 16) != 0)
			bad("CTR COUNTER: IV %s, expected %s", hexs(g.iv, 16).c_str(),
			    nct::hex(want).c_str());
		g.decrypts(CTR, kd, 16);
	}
	expect("CTR COUNTER encrypt with a 12-byte IV", g.encrypt(CTR, ke, 12), EINVAL);
	// A session takes the next counter at INIT and writes its IV there.
	uint8_t iv[16];
	memset(iv, 0xa5, sizeof(iv));
	uint32_t s = mk_sess(NCRYPTO_OP_ENCRYPT, CTR, ke, iv, 16);
	Bytes want = policy_nonce(NCRYPTO_NONCE_COUNTER, 8);
	want.resize(16, 0);
	if (memcmp(iv, want.data(), 16) != 0)
		bad("CTR COUNTER session: IV %s, expected %s", hexs(iv, 16).c_str(), nct::hex(want).c_str());
	uint32_t n = 64, got = 0;
	if (expect("session update", raw_session_data(st.fd, NCRYPTO_IOC_SESSION_UPDATE, s,
						      g.pt.data(), 40, g.ct, &n), 0))
		got = n;
	n = 64 - got;
	if (expect("session final", raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, s,
						     g.pt.data() + 40, 24, g.ct + got, &n), 0))
		got += n;
	memcpy(g.iv, iv, 16);
	if (got != 64)
		bad("CTR session wrote %u bytes, expected 64", got);
	else
		g.decrypts(CTR, kd, 16);
	expect_params("CTR COUNTER key after a one-shot and a session", ke, CTR, 0,
		      NCRYPTO_NONCE_COUNTER, 9);
	// RANDOM: the block counter is 0 too, the nonce new each time.
	uint32_t kr = mk(RawKey(AES, ENC, 16).value(kat_key).bound(CTR).nonce(NCRYPTO_NONCE_RANDOM));
	Bytes ivs[2];
	for (int i = 0; i < 2; i++) {
		if (!expect("CTR RANDOM encrypt", g.encrypt(CTR, kr, 16), 0))
			continue;
		ivs[i] = Bytes(g.iv, g.iv + 16);
		if (memcmp(g.iv + 12, "\0\0\0\0", 4) != 0)
			bad("CTR RANDOM: IV %s does not end in a zero block counter", hexs(g.iv, 16).c_str());
		g.decrypts(CTR, kd, 16);
	}
	if (ivs[0] == ivs[1])
		bad("CTR RANDOM: the same IV twice");
	// A counter policy also refuses to wrap in a session.
	uint32_t kl = mk(RawKey(AES, ENC, 16).value(kat_key).bound(CTR).nonce(NCRYPTO_NONCE_COUNTER,
									       fixed4, 4, UINT64_MAX));
	uint32_t s1;
	expect("CTR session with counter 2^64-1",
	       raw_session_init(st.fd, NCRYPTO_OP_ENCRYPT, CTR, kl, iv, 16, &s1), 0);
	expect("CTR session past 2^64-1",
	       raw_session_init(st.fd, NCRYPTO_OP_ENCRYPT, CTR, kl, iv, 16, &s1), EOVERFLOW);
	expect("CTR one-shot past 2^64-1", g.encrypt(CTR, kl, 16), EOVERFLOW);
	finish();
}
END_TEST

START_TEST(test_key_params_invalid)
{
	auto aes = [] { return RawKey(AES, ENC | DEC, 16).value(kat_key); };
	auto secret = [] { return RawKey(SECRET, ENC | SIGN, 32).value(hmac_key); };
	uint8_t ck[32] = {1};
	const uint32_t R = NCRYPTO_NONCE_RANDOM, C = NCRYPTO_NONCE_COUNTER,
		       X = NCRYPTO_NONCE_COUNTER_XOR;
	struct Case {
		const char *what;
		RawKey k;
	};
	RawKey stray = aes().bound(GCM).nonce(C, fixed4, 4);
	stray.nonce_fixed[4] = 1;
	RawKey stray15 = aes().bound(GCM).nonce(C, fixed4, 4);
	stray15.nonce_fixed[15] = 0x80;
	RawKey stray_rand = aes().bound(GCM).nonce(R);
	stray_rand.nonce_fixed[0] = 1;
	const Case cases[] = {
		{"policy without alg", aes().nonce(R)},
		{"COUNTER without alg", aes().nonce(C, fixed4, 4)},
		{"policy on AES-CBC", aes().bound(NCRYPTO_ALG_AES_CBC).nonce(R)},
		{"policy on AES-XTS", RawKey(AES, ENC, 32).value(hmac_key).bound(NCRYPTO_ALG_AES_XTS).nonce(R)},
		{"policy on HMAC", secret().bound(HMAC256).nonce(R)},
		{"policy on the null cipher", secret().bound(NCRYPTO_ALG_NULL_CIPHER).nonce(R)},
		{"COUNTER with nonce_fixed_len 0", aes().bound(GCM).nonce(C)},
		{"COUNTER with nonce_fixed_len 3", aes().bound(GCM).nonce(C, fixed4, 3)},
		{"COUNTER with nonce_fixed_len 5", aes().bound(GCM).nonce(C, fixed12, 5)},
		{"COUNTER with nonce_fixed_len 12", aes().bound(GCM).nonce(C, fixed12, 12)},
		{"COUNTER with nonce_fixed_len 17", aes().bound(GCM).nonce(C, fixed12, 17)},
		{"COUNTER_XOR with nonce_fixed_len 4", aes().bound(GCM).nonce(X, fixed4, 4)},
		{"COUNTER_XOR with nonce_fixed_len 11", aes().bound(GCM).nonce(X, fixed12, 11)},
		{"COUNTER_XOR with nonce_fixed_len 16", aes().bound(GCM).nonce(X, fixed12, 16)},
		{"RANDOM with a fixed field", aes().bound(GCM).nonce(R, fixed4, 4)},
		{"RANDOM with a counter", aes().bound(GCM).nonce(R, nullptr, 0, 1)},
		{"RANDOM with a stray fixed byte", stray_rand},
		{"CALLER with a counter", aes().bound(GCM).nonce(NCRYPTO_NONCE_CALLER, nullptr, 0, 1)},
		{"CALLER with a fixed field", aes().bound(GCM).nonce(NCRYPTO_NONCE_CALLER, fixed4, 4)},
		{"COUNTER with nonce_fixed[4] set", stray},
		{"COUNTER with nonce_fixed[15] set", stray15},
		{"policy 4", aes().bound(GCM).nonce(4)},
		{"policy 0xffffffff", aes().bound(GCM).nonce(0xffffffffu)},
		{"AES key bound to HMAC-SHA256", aes().bound(HMAC256)},
		{"secret key bound to AES-GCM", secret().bound(GCM)},
		{"ChaCha20 key bound to AES-GCM", RawKey(NCRYPTO_KEY_TYPE_CHACHA20, ENC, 32).value(ck).bound(GCM)},
		{"key bound to SHA-256", aes().bound(NCRYPTO_ALG_SHA256)},
		{"key bound to alg 9", aes().bound(9)},
		{"key bound to alg 64", aes().bound(64)},
		{"key bound to alg 0xffffffff", aes().bound(0xffffffffu)},
		{"AES-128 key bound to AES-XTS", aes().bound(NCRYPTO_ALG_AES_XTS)},
		{"tag_len on AES-CBC", aes().bound(NCRYPTO_ALG_AES_CBC, 16)},
		{"tag_len on AES-CTR", aes().bound(CTR, 16)},
	};
	for (const Case &c : cases) {
		refuse(std::string("import: ") + c.what, c.k, EINVAL);
		RawKey g = c.k;
		g.data = 0;
		refuse(std::string("generate: ") + c.what, g, EINVAL, NCRYPTO_IOC_KEY_GENERATE);
	}
	// The valid neighbours of those cases are accepted.
	refuse("COUNTER with nonce_fixed_len 4", aes().bound(GCM).nonce(C, fixed4, 4), 0);
	refuse("COUNTER_XOR with nonce_fixed_len 12", aes().bound(GCM).nonce(X, fixed12, 12), 0);
	refuse("RANDOM on AES-CTR", aes().bound(CTR).nonce(R), 0);
	finish();
}
END_TEST

// A key bound to AES-GCM is no AES-CBC or AES-CTR key (the modes' powers
// would mix: CBC with a chosen IV is a raw AES oracle).
START_TEST(test_bound_alg)
{
	uint8_t iv[16] = {0}, out[64], tag[16];
	uint32_t kg = mk(RawKey(AES, ENC | DEC, 16).value(kat_key).bound(GCM));
	expect_params("GCM-bound key", kg, GCM, 16, NCRYPTO_NONCE_CALLER, 0);
	for (uint32_t alg : {(uint32_t)NCRYPTO_ALG_AES_CBC, CTR}) {
		std::string n = ncrypto_alg_name(alg);
		for (uint32_t op : {(uint32_t)NCRYPTO_OP_ENCRYPT, (uint32_t)NCRYPTO_OP_DECRYPT}) {
			std::string what = "GCM key used for " + n +
					   (op == NCRYPTO_OP_ENCRYPT ? " encryption" : " decryption");
			expect(what, RawOp(op, alg, kg).in(kat_pt, 16).out(out, 16).with_iv(iv, 16).run(st.fd),
			       EINVAL);
			uint32_t s;
			expect(what + " (session)", raw_session_init(st.fd, op, alg, kg, iv, 16, &s), EINVAL);
		}
	}
	// It still decrypts GCM (nettle's ciphertext).
	Gcm g;
	Bytes ref = nct::ref_gcm(g.key, Bytes(12, 0), g.aad, g.pt.data(), 64, 16);
	memcpy(g.ct, ref.data(), 64);
	memcpy(g.tag, ref.data() + 64, 16);
	memset(g.iv, 0, sizeof(g.iv));
	g.decrypts(GCM, kg, 12);
	uint32_t kc = mk(RawKey(AES, ENC, 16).value(kat_key).bound(NCRYPTO_ALG_AES_CBC));
	expect("CBC key used for GCM",
	       RawOp(NCRYPTO_OP_ENCRYPT, GCM, kc).in(kat_pt, 16).out(out, 16).with_iv(iv, 12)
		       .with_tag(tag, 16).run(st.fd),
	       EINVAL);
	RawOp cbc(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, kc);
	if (expect("CBC key used for CBC", cbc.in(kat_pt, 16).out(out, 16).with_iv(iv, 16).run(st.fd), 0) &&
	    memcmp(out, kat_ct, 16) != 0)
		bad("CBC key: wrong known answer");
	uint32_t kh = mk(RawKey(SECRET, SIGN, 32).value(hmac_key).bound(HMAC256));
	expect("HMAC-SHA256 key used for HMAC-SHA1",
	       RawOp(NCRYPTO_OP_SIGN, NCRYPTO_ALG_HMAC_SHA1, kh).in(msg, 3).out(out, 64).run(st.fd),
	       EINVAL);
	expect("HMAC-SHA256 key used for the null cipher",
	       RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_NULL_CIPHER, kh).in(msg, 3).out(out, 64).run(st.fd),
	       st.fips ? EACCES : EINVAL);
	finish();
}
END_TEST

// FIPS 140-3 IG C.H: the module makes GCM IVs. Outside FIPS mode caller IVs
// stay allowed (the ABI 1.0 key).
START_TEST(test_fips_gcm_iv)
{
	Gcm g;
	uint32_t unbound = mk(RawKey(AES, ENC | DEC, 16).value(kat_key));
	uint32_t caller = mk(RawKey(AES, ENC | DEC, 16).value(kat_key).bound(GCM));
	uint32_t counter = mk(RawKey(AES, ENC, 16).value(kat_key).bound(GCM)
				      .nonce(NCRYPTO_NONCE_COUNTER, fixed4, 4, 1));
	for (uint32_t k : {unbound, caller}) {
		std::string who = k == unbound ? "unbound key" : "bound CALLER key";
		memset(g.iv, 0, sizeof(g.iv));
		expect("GCM encryption with a caller IV, " + who, g.encrypt(GCM, k, 12, nullptr, true),
		       st.fips ? EACCES : 0);
		Bytes ref = nct::ref_gcm(g.key, Bytes(12, 0), g.aad, g.pt.data(), 64, 16);
		memcpy(g.ct, ref.data(), 64);
		memcpy(g.tag, ref.data() + 64, 16);
		memset(g.iv, 0, sizeof(g.iv));
		if (!g.decrypts(GCM, k, 12))
			bad("GCM decryption with a caller IV, %s, failed", who.c_str());
	}
	if (expect("GCM encryption with a COUNTER key", g.encrypt(GCM, counter, 12), 0) &&
	    !g.matches_nettle())
		bad("COUNTER key: encryption differs from nettle");
	finish();
}
END_TEST

// ---- 4. kernel memory: op buffers are charged ---------------------------------------

// A region whose pages are not there until the test supplies them
// (userfaultfd): the kernel's copy of an op's input from it blocks in the
// page fault, holding the op in flight, with its buffer, for as long as the
// test wants. Each thread that blocks there produces one fault message, so
// "started an op" is always followed by exactly one of "blocked" or
// "returned": no timing involved.
struct Stalled {
	int uffd = -1;
	uint8_t *base = nullptr;
	size_t len;
	explicit Stalled(size_t n) : len(n)
	{
		void *p = mmap(nullptr, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		ck_assert(p != MAP_FAILED);
		base = (uint8_t *)p;
		uffd = (int)syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
		ck_assert_msg(uffd >= 0, "userfaultfd: %s", strerror(errno));
		struct uffdio_api api;
		memset(&api, 0, sizeof(api));
		api.api = UFFD_API;
		ck_assert_msg(ioctl(uffd, UFFDIO_API, &api) == 0, "UFFDIO_API: %s", strerror(errno));
		struct uffdio_register reg;
		memset(&reg, 0, sizeof(reg));
		reg.range.start = (uintptr_t)base;
		reg.range.len = n;
		reg.mode = UFFDIO_REGISTER_MODE_MISSING;
		ck_assert_msg(ioctl(uffd, UFFDIO_REGISTER, &reg) == 0, "UFFDIO_REGISTER: %s",
			      strerror(errno));
	}
	~Stalled()
	{
		close(uffd);
		munmap(base, len);
	}
	// Waits for a thread to block in the region (true) or for `other` to
	// become readable (false).
	bool next_fault_or(int other)
	{
		for (;;) {
			struct pollfd p[2] = {{uffd, POLLIN, 0}, {other, POLLIN, 0}};
			if (poll(p, 2, -1) < 0)
				continue;
			if (p[0].revents & POLLIN) {
				struct uffd_msg m;
				if (read(uffd, &m, sizeof(m)) == (ssize_t)sizeof(m) &&
				    m.event == UFFD_EVENT_PAGEFAULT)
					return true;
				continue;
			}
			if (p[1].revents & POLLIN)
				return false;
		}
	}
	// Supplies every page (a copy of `src`): every blocked thread goes on.
	void release(const uint8_t *src)
	{
		struct uffdio_copy c;
		memset(&c, 0, sizeof(c));
		c.dst = (uintptr_t)base;
		c.src = (uintptr_t)src;
		c.len = len;
		int r;
		// EAGAIN: the address space changed under the copy, which may
		// have done part of it (c.copy bytes): go on from there
		while ((r = ioctl(uffd, UFFDIO_COPY, &c)) != 0 && errno == EAGAIN) {
			if (c.copy > 0) {
				c.dst += c.copy;
				c.src += c.copy;
				c.len -= c.copy;
			}
			c.copy = 0;
		}
		if (r != 0 && errno != EEXIST)
			ck_abort_msg("UFFDIO_COPY: %s", strerror(errno));
	}
};

// 1 MiB AES-GCM decryptions that read their input from a Stalled region.
struct BigOps {
	static constexpr uint32_t len = 1u << 20;
	Bytes key = Bytes(kat_key, kat_key + 16), nonce = Bytes(12, 9), aad = {1};
	Bytes pt, ref;	// nettle's ct || tag
	Bytes dst = Bytes(len);	// shared: every op writes the same plaintext
	BigOps() : pt(len, 0x3c)
	{
		ref = nct::ref_gcm(key, nonce, aad, pt.data(), len, 16);
	}
	int decrypt(int fd, uint32_t k, const uint8_t *src)
	{
		return RawOp(NCRYPTO_OP_DECRYPT, GCM, k).in(src, len).out(dst.data(), len)
			.with_iv(nonce.data(), 12).with_aad(aad.data(), 1)
			.with_tag(ref.data() + len, 16).run(fd);
	}
};

// Starts `n` threads one at a time, each running op(i) once; after each
// start, waits until that op either blocks in `stall` or returns. `sample`
// runs after every step. Returns the threads (joined by the caller after
// stall.release()).
struct Launch {
	std::vector<std::thread> threads;
	std::vector<int> result;
	int blocked = 0, returned = 0;
	int done = -1;
	explicit Launch(size_t n) : result(n, -1) { done = eventfd(0, EFD_CLOEXEC | EFD_SEMAPHORE); }
	~Launch()
	{
		for (auto &t : threads)
			if (t.joinable())
				t.join();
		close(done);
	}
	template <class Op, class Sample> void run(Stalled &stall, Op op, Sample sample)
	{
		for (size_t i = 0; i < result.size(); i++) {
			threads.emplace_back([this, i, op] {
				result[i] = op(i);
				uint64_t one = 1;
				if (write(done, &one, sizeof(one)) != sizeof(one))
					abort();
			});
			if (stall.next_fault_or(done)) {
				blocked++;
			} else {
				uint64_t v;
				if (read(done, &v, sizeof(v)) != sizeof(v))
					abort();
				returned++;
			}
			sample();
		}
	}
	void join()
	{
		for (auto &t : threads)
			t.join();
	}
};

uint64_t ctx_mem(int fd)
{
	struct ncrypto_info i;
	ck_assert(nct::raw_info(fd, &i));
	return i.ctx_mem;
}

START_TEST(test_inflight_ctx_mem)
{
	BigOps big;
	uint32_t k = mk(RawKey(AES, ENC | DEC, 16).value(kat_key));
	// Bystanders that must come through unharmed.
	uint32_t other = mk(RawKey(AES, ENC, 16).value(kat_key));
	uint32_t sess = mk_sess(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0);
	expect("bystander session update", update(sess, "ab", 2), 0);
	// 1 MiB of ciphertext plus AAD and tag is more than the default max_op_len.
	nct::ParamGuard op_len("max_op_len", std::to_string(2u << 20));
	// The key's transforms are made (and charged) at its first use.
	Stalled warm(big.len);
	warm.release(big.ref.data());
	expect("a first decryption", big.decrypt(st.fd, k, warm.base), 0);
	uint8_t small[16], small_tag[16];
	if (!st.fips)
		expect("a first encryption", RawOp(NCRYPTO_OP_ENCRYPT, GCM, k).in(kat_pt, 16)
			       .out(small, 16).with_iv(big.nonce.data(), 12).with_tag(small_tag, 16)
			       .run(st.fd), 0);
	uint64_t base = ctx_mem(st.fd);
	// Room for three ops in flight above what the context holds.
	uint64_t limit = base + 3 * big.len + big.len / 2;
	nct::ParamGuard lim("max_mem_per_ctx", std::to_string(limit));
	Stalled stall(big.len);
	const int n = 48;
	// Encryptions too (outside FIPS, where caller IVs are allowed): their
	// input is pinned, not copied, and what they hold is charged all the same.
	Bytes enc_dst(big.len);
	std::vector<Bytes> tags(n, Bytes(16));
	uint64_t peak = base;
	Launch l(n);
	l.run(stall, [&](size_t i) {
		if (st.fips || i % 4 != 3)
			return big.decrypt(st.fd, k, stall.base);
		return RawOp(NCRYPTO_OP_ENCRYPT, GCM, k).in(stall.base, big.len)
			.out(enc_dst.data(), big.len).with_iv(big.nonce.data(), 12)
			.with_tag(tags[i].data(), 16).run(st.fd);
	}, [&] { peak = std::max(peak, ctx_mem(st.fd)); });
	uint64_t held = ctx_mem(st.fd);
	printf("in flight: %d ops blocked, %d returned; ctx_mem %llu -> %llu (peak %llu, limit %llu)\n",
	       l.blocked, l.returned, (unsigned long long)base, (unsigned long long)held,
	       (unsigned long long)peak, (unsigned long long)limit);
	stall.release(big.ref.data());
	l.join();
	// Every op either blocked or returned at once (its input was not
	// there): the decryptions that succeeded were in flight, each holding a
	// copy of its input (encryptions pin theirs).
	int refused = 0, held_dec = 0;
	for (int i = 0; i < n; i++) {
		if (l.result[i] == 0 && (st.fips || i % 4 != 3))
			held_dec++;
		if (l.result[i] == EDQUOT)
			refused++;
		else if (l.result[i] != 0)
			bad("op %d: %s, expected success or EDQUOT", i, errno_name(l.result[i]));
	}
	if (refused == 0)
		bad("%d MiB of ops in flight against a limit of %llu bytes: none refused", n,
		    (unsigned long long)limit);
	if (peak > limit)
		bad("ctx_mem reached %llu, max_mem_per_ctx is %llu", (unsigned long long)peak,
		    (unsigned long long)limit);
	if (held < base + (uint64_t)held_dec * big.len)
		bad("%d decryptions of %u bytes in flight, but ctx_mem grew by only %lld bytes",
		    held_dec, big.len, (long long)(held - base));
	if (memcmp(big.dst.data(), big.pt.data(), big.len) != 0)
		bad("the decryptions that ran gave a wrong plaintext");
	uint64_t after = ctx_mem(st.fd);
	if (after != base)
		bad("ctx_mem %llu after the ops, %llu before", (unsigned long long)after,
		    (unsigned long long)base);
	// Nothing else was harmed.
	uint8_t iv[16] = {0}, out[32];
	RawOp op(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, other);
	if (!expect("the other key", op.in(kat_pt, 16).out(out, 16).with_iv(iv, 16).run(st.fd), 0) ||
	    memcmp(out, kat_ct, 16) != 0)
		bad("the other key no longer gives its known answer");
	uint32_t dn = 32;
	expect("the bystander session", raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, sess, "c", 1,
							 out, &dn), 0);
	if (nct::hex(out, 32) != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
		bad("the bystander session's digest is wrong");
	finish();
}
END_TEST

// cgroup v2: mounted here if the system has not mounted it.
std::string cgroup2_root()
{
	FILE *f = fopen("/proc/self/mounts", "r");
	ck_assert(f != nullptr);
	char dev[256], dir[512], type[64];
	std::string root;
	while (fscanf(f, "%255s %511s %63s %*[^\n]", dev, dir, type) == 3)
		if (!strcmp(type, "cgroup2")) {
			root = dir;
			break;
		}
	fclose(f);
	if (root.empty()) {
		root = "/run/ncrypto-test-cgroup2";
		mkdir(root.c_str(), 0755);
		ck_assert_msg(mount("cgroup2", root.c_str(), "cgroup2", 0, nullptr) == 0,
			      "mount cgroup2: %s", strerror(errno));
	}
	return root;
}

bool write_file(const std::string &path, const std::string &v)
{
	int fd = open(path.c_str(), O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool ok = write(fd, v.data(), v.size()) == (ssize_t)v.size();
	close(fd);
	return ok;
}

// A number from a cgroup file: the whole file, or the value of `key` in a
// "key value" file (memory.stat, memory.events). -1 if absent.
long long cg_read(const std::string &path, const char *key = nullptr)
{
	FILE *f = fopen(path.c_str(), "r");
	if (!f)
		return -1;
	long long v = -1;
	char k[64];
	long long x;
	if (!key) {
		if (fscanf(f, "%lld", &x) == 1)
			v = x;
	} else {
		while (fscanf(f, "%63s %lld", k, &x) == 2)
			if (!strcmp(k, key)) {
				v = x;
				break;
			}
	}
	fclose(f);
	return v;
}

// What a child in a fresh cgroup reports about its big ops.
struct CgReport {
	int setup_errno;
	char setup_step[48];
	int blocked, returned, ok, enomem, other;
	int other_errno;
	long long current0, current1, kernel0, kernel1;
};

// In a child placed in `cg`: threads created first (their stacks and
// arenas are in the baseline), then `n` 1 MiB decryptions started one at a
// time until each blocks or returns; memory.current and the memory.stat
// "kernel" counter before and while the ops are held. With `limit_slack`,
// memory.max is set to the baseline plus that many bytes first.
CgReport cg_child(const std::string &cg, int n, long long limit_slack)
{
	CgReport r;
	memset(&r, 0, sizeof(r));
	auto failed = [&](const char *step) {
		r.setup_errno = errno ? errno : EINVAL;
		snprintf(r.setup_step, sizeof(r.setup_step), "%s", step);
		return r;
	};
	if (!write_file(cg + "/cgroup.procs", std::to_string(getpid())))
		return failed("join the cgroup");
	int fd = open(NCRYPTO_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return failed("open the device");
	uint32_t k;
	if ((errno = RawKey(AES, DEC, 16).value(kat_key).import(fd, &k)))
		return failed("key import");
	BigOps big;
	Stalled stall(big.len);
	std::atomic<int> go{0};
	std::vector<int> res(n, -1);
	int done = eventfd(0, EFD_CLOEXEC | EFD_SEMAPHORE);
	std::vector<std::thread> th;
	for (int i = 0; i < n; i++)
		th.emplace_back([&, i] {
			// Whatever a thread allocates on first use (a malloc
			// arena, the call path's lazy state) is allocated now,
			// before the baseline: near memory.max a charge of the
			// test's own would bring the memcg OOM killer.
			free(malloc(64));
			(void)big.decrypt(-1, k, stall.base);
			while (go.load() <= i)
				usleep(100);
			res[i] = big.decrypt(fd, k, stall.base);
			uint64_t one = 1;
			if (write(done, &one, sizeof(one)) != sizeof(one))
				abort();
		});
	r.current0 = cg_read(cg + "/memory.current");
	r.kernel0 = cg_read(cg + "/memory.stat", "kernel");
	if (limit_slack && !write_file(cg + "/memory.max", std::to_string(r.current0 + limit_slack)))
		return failed("set memory.max");
	for (int i = 0; i < n; i++) {
		go = i + 1;
		if (stall.next_fault_or(done)) {
			r.blocked++;
		} else {
			uint64_t v;
			if (read(done, &v, sizeof(v)) != sizeof(v))
				abort();
			r.returned++;
		}
	}
	r.current1 = cg_read(cg + "/memory.current");
	r.kernel1 = cg_read(cg + "/memory.stat", "kernel");
	// Supplying the page charges it to this cgroup, which the held ops keep
	// at its limit: lift the limit first, or the memcg OOM killer would
	// take this child for the test's own page.
	if (limit_slack && !write_file(cg + "/memory.max", "max"))
		return failed("lift memory.max");
	stall.release(big.ref.data());
	for (auto &t : th)
		t.join();
	for (int e : res) {
		if (e == 0)
			r.ok++;
		else if (e == ENOMEM)
			r.enomem++;
		else {
			r.other++;
			r.other_errno = e;
		}
	}
	close(fd);
	return r;
}

// Op buffers are allocated with GFP_KERNEL_ACCOUNT: they count in the
// memory cgroup of the process that asked for them. Without __GFP_ACCOUNT
// memory.current would not move while the kernel holds the ops' buffers
// (the threads and user buffers exist before the baseline), and under a
// small memory.max no op would be refused.
START_TEST(test_memcg_charge)
{
	// Per-context and per-user limits out of the way: this is about the cgroup.
	nct::ParamGuard ctx_lim("max_mem_per_ctx", std::to_string(1ull << 30));
	nct::ParamGuard user_lim("max_mem_per_user", std::to_string(1ull << 30));
	nct::ParamGuard op_len("max_op_len", std::to_string(2u << 20));
	std::string root = cgroup2_root();
	write_file(root + "/cgroup.subtree_control", "+memory");
	for (bool limited : {false, true}) {
		std::string cg = root + "/ncrypto-test-" + std::to_string(getpid()) +
				 (limited ? "-limited" : "-free");
		rmdir(cg.c_str());
		ck_assert_msg(mkdir(cg.c_str(), 0755) == 0, "mkdir %s: %s", cg.c_str(), strerror(errno));
		ck_assert_msg(cg_read(cg + "/memory.current") >= 0,
			      "no memory controller in %s", cg.c_str());
		const int n = limited ? 16 : 8;
		const long long slack = limited ? 3ll << 20 : 0;
		int p[2];
		ck_assert(pipe(p) == 0);
		pid_t pid = fork();
		ck_assert(pid >= 0);
		if (pid == 0) {
			close(p[0]);
			CgReport r = cg_child(cg, n, slack);
			_exit(write(p[1], &r, sizeof(r)) == sizeof(r) ? 0 : 1);
		}
		close(p[1]);
		CgReport r;
		bool got = read(p[0], &r, sizeof(r)) == (ssize_t)sizeof(r);
		close(p[0]);
		int status;
		ck_assert(waitpid(pid, &status, 0) == pid);
		long long oom_kills = cg_read(cg + "/memory.events", "oom_kill");
		rmdir(cg.c_str());
		std::string what = limited ? "memory.max = baseline + 3 MiB" : "no memory.max";
		if (!got) {
			// The header promises ENOMEM at the cgroup's limit: an op
			// buffer whose charge may invoke the memcg OOM killer (a
			// plain GFP_KERNEL_ACCOUNT vmalloc) kills the caller instead.
			bad("%s: the child ended without a report (status %#x, oom_kill %lld)%s",
			    what.c_str(), status, oom_kills,
			    oom_kills > 0 ? ": OOM-killed where the op should fail with ENOMEM" : "");
			continue;
		}
		if (r.setup_errno) {
			bad("%s: child could not %s: %s", what.c_str(), r.setup_step,
			    errno_name(r.setup_errno));
			continue;
		}
		long long grew = r.current1 - r.current0, kgrew = r.kernel1 - r.kernel0;
		printf("%s: %d ops blocked, %d returned (%d ok, %d ENOMEM, %d other); memory.current "
		       "+%lld, kernel +%lld bytes\n", what.c_str(), r.blocked, r.returned, r.ok,
		       r.enomem, r.other, grew, kgrew);
		if (r.other)
			bad("%s: %d ops failed with %s", what.c_str(), r.other, errno_name(r.other_errno));
		if (!limited) {
			if (r.blocked != n)
				bad("%s: %d of %d ops held in flight", what.c_str(), r.blocked, n);
			if (grew < (long long)r.blocked * BigOps::len)
				bad("%s: %d ops of 1 MiB in flight, memory.current grew by %lld bytes: "
				    "op buffers are not charged to the cgroup", what.c_str(), r.blocked, grew);
		} else {
			if (r.enomem == 0)
				bad("%s: %d ops of 1 MiB in flight and none refused", what.c_str(),
				    r.blocked);
			if (r.current1 > r.current0 + slack)
				bad("%s: memory.current %lld over the limit %lld", what.c_str(),
				    r.current1, r.current0 + slack);
		}
	}
	finish();
}
END_TEST

// Opens contexts and generates keys in them until EDQUOT; returns how many.
int fill_keys(int devdir, uint32_t per_ctx)
{
	int made = 0;
	for (int c = 0; c < 64; c++) {
		int fd = openat(devdir, "ncrypto", O_RDWR | O_CLOEXEC);
		if (fd < 0)
			return -errno;
		uint32_t in_ctx = 0, h;
		int e = 0;
		while (!e) {
			e = RawKey(AES, ENC, 16).generate(fd, &h);
			if (!e) {
				in_ctx++;
				made++;
			}
		}
		if (e != EDQUOT)
			return -e;
		if (in_ctx < per_ctx)	// the per-user limit, not this context's
			break;
	}
	return made;	// the contexts stay open until this process ends
}

// A process with euid `uid` in the initial namespace: can it make a key?
int key_as(uid_t uid)
{
	pid_t pid = fork();
	ck_assert(pid >= 0);
	if (pid == 0) {
		if (setgroups(0, nullptr) || setgid(uid) || setuid(uid))
			_exit(254);
		int fd = open(NCRYPTO_DEVICE_PATH, O_RDWR | O_CLOEXEC);
		uint32_t h;
		_exit(fd < 0 ? 253 : RawKey(AES, ENC, 16).generate(fd, &h));
	}
	return child_status(pid);
}

// Per-user limits: all uids of a user namespace count as its owner, so a
// rootless container with subordinate uids cannot multiply them. Root forks
// a child that becomes uid 1000 and makes a user namespace mapping its ns
// uid 0 to 1000 and ns uids 1..3 to 100000..100002 (root writes that
// uid_map); a process as each ns uid fills keys until EDQUOT and keeps them.
START_TEST(test_userns_quota)
{
	const uint32_t per_ctx = 4, per_user = 12, n_uids = 4;
	nct::ParamGuard kc("max_keys_per_ctx", std::to_string(per_ctx));
	nct::ParamGuard ku("max_keys_per_user", std::to_string(per_user));
	int ready[2], go[2], counts[2], release[2];
	ck_assert(pipe(ready) == 0 && pipe(go) == 0 && pipe(counts) == 0 && pipe(release) == 0);
	int errno_report = 0;
	int devdir = open("/dev", O_PATH | O_DIRECTORY | O_CLOEXEC);
	ck_assert(devdir >= 0);
	pid_t pid = fork();
	ck_assert(pid >= 0);
	if (pid == 0) {
		close(ready[0]);
		close(go[1]);
		close(counts[0]);
		close(release[1]);
		// A chrooted process may not make a user namespace, and the
		// guest's init chroots: leave the chroot for the mount namespace's
		// root (this child execs nothing; /dev is reached through devdir).
		char c = 0;
		const char *sub = "/tmp/ncrypto-test-unchroot";
		mkdir(sub, 0755);
		if (chroot(sub))
			c = 1;
		for (int i = 0; i < 64 && !c; i++)
			c = chdir("..") ? 1 : 0;
		if (!c && chroot("."))
			c = 1;
		else if (setgroups(0, nullptr) || setgid(1000) || setuid(1000) ||
			 unshare(CLONE_NEWUSER))
			c = 2;
		errno_report = errno;
		if (write(ready[1], &c, 1) != 1 || write(ready[1], &errno_report, sizeof(int)) != sizeof(int) ||
		    c || read(go[0], &c, 1) != 1)
			_exit(1);
		std::vector<pid_t> kids;
		for (uid_t u = 0; u < n_uids; u++) {
			int p[2];
			if (pipe(p))
				_exit(2);
			pid_t k = fork();
			if (k == 0) {
				int made = setuid(u) ? -1000 : fill_keys(devdir, per_ctx);
				if (write(p[1], &made, sizeof(made)) != sizeof(made))
					_exit(3);
				// Keep the keys until the parent has counted them all.
				if (read(release[0], &c, 1) < 0)
					_exit(4);
				_exit(0);
			}
			int made = -1001;
			if (k < 0 || read(p[0], &made, sizeof(made)) != sizeof(made))
				made = -1002;
			close(p[0]);
			close(p[1]);
			kids.push_back(k);
			if (write(counts[1], &made, sizeof(made)) != sizeof(made))
				_exit(5);
		}
		close(counts[1]);
		if (read(release[0], &c, 1) < 0)
			_exit(6);
		for (pid_t k : kids)
			waitpid(k, nullptr, 0);
		_exit(0);
	}
	close(ready[1]);
	close(go[0]);
	close(counts[1]);
	close(release[0]);
	char c = 1;
	int err = 0;
	ck_assert_msg(read(ready[0], &c, 1) == 1 && read(ready[0], &err, sizeof(err)) == sizeof(err) &&
			      c == 0,
		      "the child could not %s: %s",
		      c == 1 ? "leave the chroot" : "make a user namespace",
		      strerror(err));
	std::string map = "0 1000 1\n1 100000 " + std::to_string(n_uids - 1) + "\n";
	ck_assert_msg(write_file("/proc/" + std::to_string(pid) + "/uid_map", map),
		      "write uid_map: %s", strerror(errno));
	ck_assert(write(go[1], &c, 1) == 1);
	int total = 0;
	std::string per;
	for (uint32_t u = 0; u < n_uids; u++) {
		int made = -1;
		if (read(counts[0], &made, sizeof(made)) != sizeof(made))
			break;
		if (made < 0)
			bad("ns uid %u: key creation failed with %s", u, errno_name(-made));
		else
			total += made;
		per += (per.empty() ? "" : ", ") + std::to_string(made);
	}
	printf("user namespace of uid 1000, ns uids 0..%u: %s keys (max_keys_per_user %u)\n",
	       n_uids - 1, per.c_str(), per_user);
	if (total != (int)per_user)
		bad("the uids of one user namespace made %d keys in all, max_keys_per_user is %u",
		    total, per_user);
	// uid 1000 in the initial namespace is the same quota owner; 1001 is not.
	expect("a key for uid 1000 outside the namespace", key_as(1000), EDQUOT);
	expect("a key for uid 1001", key_as(1001), 0);
	close(release[1]);
	close(counts[0]);
	close(ready[0]);
	close(go[1]);
	int status;
	waitpid(pid, &status, 0);
	finish();
}
END_TEST

// ---- 5. FIPS: XTS data units, short MACs --------------------------------------------

// SP 800-38E: at most 2^20 blocks per data unit in FIPS mode. Outside it the
// module takes longer units (up to max_op_len).
START_TEST(test_fips_xts_data_unit)
{
	const uint32_t blocks = 1u << 20, len = (blocks + 1) * 16;
	nct::ParamGuard op("max_op_len", std::to_string(32u << 20));
	nct::ParamGuard mc("max_mem_per_ctx", std::to_string(256ull << 20));
	nct::ParamGuard mu("max_mem_per_user", std::to_string(256ull << 20));
	static const uint8_t xts_key[32] = {0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10,
					    11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
					    22, 23, 24, 25, 26, 27, 28, 29, 30, 31};
	uint32_t k = mk(RawKey(AES, ENC, 32).value(xts_key));
	Bytes buf(len), out(len);
	uint8_t iv[16] = {0};
	expect("XTS of 2^20 blocks",
	       RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_XTS, k).in(buf.data(), blocks * 16)
		       .out(out.data(), len).with_iv(iv, 16).run(st.fd),
	       0);
	expect("XTS of 2^20 + 1 blocks",
	       RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_XTS, k).in(buf.data(), len)
		       .out(out.data(), len).with_iv(iv, 16).run(st.fd),
	       st.fips ? EACCES : 0);
	uint32_t s = mk_sess(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_XTS, k, iv, 16);
	uint32_t n = len;
	expect("XTS session update of 2^20 + 1 blocks",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_UPDATE, s, buf.data(), len, out.data(), &n), 0);
	n = len;
	expect("XTS session final of 2^20 + 1 blocks",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, s, nullptr, 0, out.data(), &n),
	       st.fips ? EACCES : 0);
	// MAC tags under 4 bytes cannot be asked for at all (the tag_len rule).
	Bytes mac = full_mac();
	uint32_t v = mk(RawKey(SECRET, VERIFY, 32).value(hmac_key));
	for (uint32_t t : {1u, 2u, 3u})
		expect("verify of a " + std::to_string(t) + "-byte tag", verify(v, mac.data(), t), EINVAL);
	finish();
}
END_TEST

// ---- 6, 7. ioctl numbers and grown structs -----------------------------------------

// The header's numbers, each with its VER0 size, for ever.
static_assert(NCRYPTO_IOC_OP == _IOC(_IOC_READ | _IOC_WRITE, 0xCE, 0x20, 112), "OP number");
static_assert(NCRYPTO_IOC_KEY_GENERATE == _IOC(_IOC_READ | _IOC_WRITE, 0xCE, 0x10, 48),
	      "KEY_GENERATE number");
static_assert(NCRYPTO_IOC_KEY_DESTROY == _IOC(_IOC_WRITE, 0xCE, 0x15, 16), "KEY_DESTROY number");

START_TEST(test_exact_ioctl_numbers)
{
	const unsigned long all[] = {
		NCRYPTO_IOC_INFO, NCRYPTO_IOC_KEY_GENERATE, NCRYPTO_IOC_KEY_IMPORT,
		NCRYPTO_IOC_KEY_INFO, NCRYPTO_IOC_KEY_EXPORT, NCRYPTO_IOC_KEY_RESTRICT,
		NCRYPTO_IOC_KEY_DESTROY, NCRYPTO_IOC_OP, NCRYPTO_IOC_SESSION_INIT,
		NCRYPTO_IOC_SESSION_UPDATE, NCRYPTO_IOC_SESSION_FINAL, NCRYPTO_IOC_SESSION_CLONE,
		NCRYPTO_IOC_SESSION_DESTROY};
	// A zeroed argument: had the number been accepted, the call would fail
	// with something other than ENOTTY (EINVAL for size 0) or succeed.
	Bytes arg(page, 0);
	for (unsigned long req : all) {
		unsigned dir = _IOC_DIR(req), nr = _IOC_NR(req), size = _IOC_SIZE(req);
		char name[64];
		snprintf(name, sizeof(name), "ioctl nr %#x (dir %u, size %u)", nr, dir, size);
		for (unsigned other : {0u, size - 8, size + 8, size * 2, 200u, 0x3fffu}) {
			unsigned long r = _IOC(dir, NCRYPTO_IOC_MAGIC, nr, other);
			expect(std::string(name) + " with size bits " + std::to_string(other),
			       xioctl(st.fd, r, arg.data()), ENOTTY);
		}
		for (unsigned d : {0u, 1u, 2u, 3u})
			if (d != dir)
				expect(std::string(name) + " with direction bits " + std::to_string(d),
				       xioctl(st.fd, _IOC(d, NCRYPTO_IOC_MAGIC, nr, size), arg.data()),
				       ENOTTY);
	}
	// The ABI 1.0 way: sizeof a struct that has grown since.
	RawKey k(AES, ENC, 16);
	uint32_t h;
	expect("KEY_GENERATE numbered with sizeof(struct ncrypto_key_create)",
	       xioctl(st.fd, _IOWR(NCRYPTO_IOC_MAGIC, 0x10, struct ncrypto_key_create), &k), ENOTTY);
	struct ncrypto_key_info ki;
	memset(&ki, 0, sizeof(ki));
	ki.size = sizeof(ki);
	expect("KEY_INFO numbered with sizeof(struct ncrypto_key_info)",
	       xioctl(st.fd, _IOWR(NCRYPTO_IOC_MAGIC, 0x12, struct ncrypto_key_info), &ki), ENOTTY);
	// The header's numbers take every accepted struct size.
	for (uint32_t size : {(uint32_t)NCRYPTO_SIZE_KEY_CREATE_VER0,
			      (uint32_t)NCRYPTO_SIZE_KEY_CREATE_VER1,
			      (uint32_t)NCRYPTO_SIZE_KEY_CREATE_VER1 + 8}) {
		Bytes big(page, 0);
		RawKey g(AES, ENC, 16);
		memcpy(big.data(), &g, sizeof(g));
		reinterpret_cast<ncrypto_key_create *>(big.data())->size = size;
		int e = xioctl(st.fd, NCRYPTO_IOC_KEY_GENERATE, big.data());
		if (expect("KEY_GENERATE with size " + std::to_string(size), e, 0)) {
			h = reinterpret_cast<ncrypto_key_create *>(big.data())->handle;
			key_destroy(h);
		}
	}
	finish();
}
END_TEST

// ABI 1.0's copy-in read only the VER0 bytes when the caller's size was the
// kernel's: harmless while the sizes were equal, a read of the kernel's
// uninitialised stack once the struct grew.
START_TEST(test_grown_struct)
{
	uint32_t h;
	RawKey g = RawKey(AES, ENC | DEC, 16).bound(GCM, 12);
	g.sized(NCRYPTO_SIZE_KEY_CREATE_VER1);
	if (expect("KEY_GENERATE of a GCM key, tag_len 12, size VER1", g.generate(st.fd, &h), 0))
		expect_params("that key", h, GCM, 12, NCRYPTO_NONCE_CALLER, 0);
	// The same struct with size VER0 (48 bytes): alg and tag_len sit in
	// those bytes (they were reserved in ABI 1.0) and count.
	g.sized(NCRYPTO_SIZE_KEY_CREATE_VER0);
	if (expect("the same with size VER0", g.generate(st.fd, &h), 0))
		expect_params("the VER0 key", h, GCM, 12, NCRYPTO_NONCE_CALLER, 0);
	RawKey c = RawKey(AES, ENC, 16).value(kat_key).bound(GCM).nonce(NCRYPTO_NONCE_COUNTER, fixed4,
									4, 41);
	c.sized(NCRYPTO_SIZE_KEY_CREATE_VER1);
	uint32_t hc = 0;
	if (expect("KEY_IMPORT of a COUNTER key, size VER1", c.import(st.fd, &hc), 0))
		expect_params("that key", hc, GCM, 16, NCRYPTO_NONCE_COUNTER, 41);
	// With size VER0 the fixed field and the counter (bytes 48..71) are
	// past the caller's struct: the kernel must not read them (zeros).
	c.sized(NCRYPTO_SIZE_KEY_CREATE_VER0);
	uint32_t h0 = 0;
	if (expect("KEY_IMPORT of the COUNTER key, size VER0", c.import(st.fd, &h0), 0))
		expect_params("the VER0 COUNTER key", h0, GCM, 16, NCRYPTO_NONCE_COUNTER, 0);

	// KEY_INFO with size VER0 writes 40 bytes, no more.
	uint8_t buf[NCRYPTO_SIZE_KEY_INFO_VER1 + 32];
	memset(buf, 0xab, sizeof(buf));
	auto *ki = reinterpret_cast<struct ncrypto_key_info *>(buf);
	memset(buf, 0, NCRYPTO_SIZE_KEY_INFO_VER0);
	ki->size = NCRYPTO_SIZE_KEY_INFO_VER0;
	ki->handle = hc;
	if (expect("KEY_INFO with size VER0", xioctl(st.fd, NCRYPTO_IOC_KEY_INFO, buf), 0)) {
		if (ki->type != AES || ki->usage != ENC || ki->key_len != 16)
			bad("KEY_INFO VER0: type %u usage %#x len %u", ki->type, ki->usage, ki->key_len);
		for (size_t i = NCRYPTO_SIZE_KEY_INFO_VER0; i < sizeof(buf); i++)
			if (buf[i] != 0xab) {
				bad("KEY_INFO with size VER0 wrote byte %zu", i);
				break;
			}
	}
	// With size VER1: the new fields, and zeros where nothing is defined.
	memset(buf, 0xab, sizeof(buf));
	memset(buf, 0, NCRYPTO_SIZE_KEY_INFO_VER1);
	ki->size = NCRYPTO_SIZE_KEY_INFO_VER1;
	ki->handle = hc;
	if (expect("KEY_INFO with size VER1", xioctl(st.fd, NCRYPTO_IOC_KEY_INFO, buf), 0)) {
		if (ki->alg != GCM || ki->tag_len != 16 || ki->nonce_policy != NCRYPTO_NONCE_COUNTER ||
		    ki->nonce_counter != 41)
			bad("KEY_INFO VER1: alg %u tag_len %u policy %u counter %llu", ki->alg,
			    ki->tag_len, ki->nonce_policy, (unsigned long long)ki->nonce_counter);
		if (ki->reserved0 || ki->reserved[0] || ki->reserved[1])
			bad("KEY_INFO VER1: reserved output fields not zero");
		for (size_t i = NCRYPTO_SIZE_KEY_INFO_VER1; i < sizeof(buf); i++)
			if (buf[i] != 0xab) {
				bad("KEY_INFO with size VER1 wrote byte %zu", i);
				break;
			}
	}
	// Output fields are ignored on input (a struct KEY_INFO filled may go
	// back to KEY_RESTRICT); reserved ones must be zero.
	struct ncrypto_key_info in;
	memset(&in, 0, sizeof(in));
	in.size = sizeof(in);
	in.handle = hc;
	in.alg = 99;
	in.nonce_counter = 7;
	if (expect("KEY_INFO with output fields set on input",
		   xioctl(st.fd, NCRYPTO_IOC_KEY_INFO, &in), 0) &&
	    (in.alg != GCM || in.nonce_counter != 41))
		bad("KEY_INFO took its input fields for outputs: alg %u counter %llu", in.alg,
		    (unsigned long long)in.nonce_counter);
	in.usage = ENC;
	expect("KEY_RESTRICT with KEY_INFO's struct", xioctl(st.fd, NCRYPTO_IOC_KEY_RESTRICT, &in), 0);
	in.reserved0 = 1;
	expect("KEY_INFO with reserved0 set", xioctl(st.fd, NCRYPTO_IOC_KEY_INFO, &in), EINVAL);
	expect("KEY_RESTRICT with reserved0 set", xioctl(st.fd, NCRYPTO_IOC_KEY_RESTRICT, &in),
	       EINVAL);
	finish();
}
END_TEST

// ---- 8. what an error does to the session it names ----------------------------------

const char sha256_abc[] = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

// A SHA-256 session that has seen "ab".
uint32_t ab_session()
{
	uint32_t s = mk_sess(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0);
	ck_assert_int_eq(update(s, "ab", 2), 0);
	return s;
}

// "c" then FINAL: the session gives SHA-256("abc"), and is gone afterwards.
void expect_abc(uint32_t s, const std::string &after)
{
	uint8_t out[32];
	uint32_t n = 32;
	expect("update after " + after, update(s, "c", 1), 0);
	if (expect("final after " + after,
		   raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, s, nullptr, 0, out, &n), 0) &&
	    (n != 32 || nct::hex(out, 32) != sha256_abc))
		bad("the digest after %s is %s", after.c_str(), hexs(out, n).c_str());
	expect("destroy after the final (" + after + ")", sess_destroy(s), ENOENT);
}

START_TEST(test_final_bad_flag_keeps_session)
{
	uint32_t s = ab_session();
	uint8_t out[32];
	for (uint32_t f : {1u << 1, 1u << 31}) {
		uint32_t n = 32;
		expect("final with flag " + std::to_string(f),
		       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, s, nullptr, 0, out, &n, f), EINVAL);
	}
	expect_abc(s, "a final with an unknown flag");
	finish();
}
END_TEST

START_TEST(test_final_null_dst_keeps_session)
{
	uint32_t s = ab_session();
	uint32_t n = 32;
	expect("final into NULL with a capacity",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, s, nullptr, 0, nullptr, &n), EFAULT);
	expect_abc(s, "a final into NULL");
	finish();
}
END_TEST

START_TEST(test_update_enospc_keeps_session)
{
	uint8_t iv[16] = {0}, in[48], want[48], out[48];
	for (size_t i = 0; i < sizeof(in); i++)
		in[i] = (uint8_t)(i * 7);
	uint32_t k = mk(RawKey(AES, ENC, 16).value(kat_key));
	RawOp ref(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, k);
	ck_assert_int_eq(ref.in(in, 48).out(want, 48).with_iv(iv, 16).run(st.fd), 0);
	uint32_t s = mk_sess(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, k, iv, 16);
	uint32_t n = 16, got = 0;
	expect("CBC update of 32 bytes into 16",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_UPDATE, s, in, 32, out, &n), ENOSPC);
	if (n != 32)
		bad("update ENOSPC: dst_len %u, expected 32", n);
	n = 0;
	expect("CBC update of 32 bytes into 0",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_UPDATE, s, in, 32, out, &n), ENOSPC);
	n = 48;
	if (expect("the same update with room",
		   raw_session_data(st.fd, NCRYPTO_IOC_SESSION_UPDATE, s, in, 32, out, &n), 0))
		got = n;
	n = 48 - got;
	if (expect("final", raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, s, in + 32, 16,
					     out + got, &n), 0))
		got += n;
	if (got != 48 || memcmp(out, want, 48) != 0)
		bad("after an update's ENOSPC the session gives %s, expected %s",
		    hexs(out, got).c_str(), hexs(want, 48).c_str());
	finish();
}
END_TEST

START_TEST(test_final_enospc_keeps_session)
{
	uint32_t s = ab_session();
	uint8_t out[32];
	uint32_t n = 16;
	expect("SHA-256 final into 16 bytes",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, s, nullptr, 0, out, &n), ENOSPC);
	if (n != 32)
		bad("final ENOSPC: dst_len %u, expected 32", n);
	expect_abc(s, "a final's ENOSPC");
	// A MAC: the retried final gives the MAC of everything.
	Bytes mac = full_mac();
	uint32_t k = mk(RawKey(SECRET, SIGN, 32).value(hmac_key));
	s = mk_sess(NCRYPTO_OP_SIGN, HMAC256, k);
	expect("sign session update", update(s, msg, 4), 0);
	n = 31;
	expect("HMAC final into 31 bytes", raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, s,
							     msg + 4, msg_len - 4, out, &n), ENOSPC);
	n = 32;
	// The rejected final's src was not consumed: pass it again.
	if (expect("HMAC final with room", raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, s,
							    msg + 4, msg_len - 4, out, &n), 0) &&
	    (n != 32 || memcmp(out, mac.data(), 32) != 0))
		bad("the MAC after a final's ENOSPC is wrong");
	finish();
}
END_TEST

START_TEST(test_final_of_failed_session)
{
	uint8_t out[32];
	void *gone = mmap(nullptr, page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ck_assert(gone != MAP_FAILED);
	// Without KEEP: EBADFD, and the handle is gone.
	uint32_t s = ab_session();
	expect("update from an unreadable page", update(s, gone, 16), EFAULT);
	uint32_t n = 32;
	expect("final of the failed session",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, s, nullptr, 0, out, &n), EBADFD);
	expect("update after that final", update(s, "c", 1), ENOENT);
	expect("destroy after that final", sess_destroy(s), ENOENT);
	// With KEEP: EBADFD, and it stays until destroyed.
	s = ab_session();
	expect("update from an unreadable page", update(s, gone, 16), EFAULT);
	n = 32;
	expect("final (KEEP) of the failed session",
	       raw_session_data(st.fd, NCRYPTO_IOC_SESSION_FINAL, s, nullptr, 0, out, &n,
				NCRYPTO_SESSION_F_KEEP),
	       EBADFD);
	expect("update after that final", update(s, "c", 1), EBADFD);
	expect("destroy", sess_destroy(s), 0);
	munmap(gone, page);
	finish();
}
END_TEST

START_TEST(test_failed_clone_keeps_original)
{
	uint32_t s = ab_session();
	struct ncrypto_session_clone c;
	memset(&c, 0, sizeof(c));
	c.size = sizeof(c);
	c.handle = s;
	c.flags = 1;
	expect("clone with a flag", xioctl(st.fd, NCRYPTO_IOC_SESSION_CLONE, &c), EINVAL);
	c.flags = 0;
	c.reserved[1] = 1;
	expect("clone with a reserved field", xioctl(st.fd, NCRYPTO_IOC_SESSION_CLONE, &c), EINVAL);
	{
		// The context's session quota is full: the clone cannot be made.
		nct::ParamGuard q("max_sessions_per_ctx", "1");
		uint32_t c2;
		expect("clone at the session limit", raw_session_clone(st.fd, s, &c2), EDQUOT);
	}
	expect_abc(s, "failed clones");
	finish();
}
END_TEST

// ---- 9. counters ---------------------------------------------------------------------

uint64_t alg_ops(int fd, uint32_t alg, uint64_t *ctx_ops)
{
	std::vector<ncrypto_alg_info> algs(64);
	struct ncrypto_info i;
	memset(&i, 0, sizeof(i));
	i.size = sizeof(i);
	i.algs = ptr(algs.data());
	i.n_algs = (uint32_t)algs.size();
	ck_assert(xioctl(fd, NCRYPTO_IOC_INFO, &i) == 0);
	*ctx_ops = i.ctx_ops;
	for (uint32_t j = 0; j < std::min<uint32_t>(i.n_algs, 64); j++)
		if (algs[j].alg == alg)
			return algs[j].ops;
	ck_abort_msg("INFO does not list algorithm %u", alg);
	return 0;
}

int digests(int fd, int n)
{
	uint8_t out[32];
	for (int i = 0; i < n; i++) {
		int e = RawOp(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0).in("x", 1).out(out, 32).run(fd);
		if (e)
			return e;
	}
	return 0;
}

START_TEST(test_counters_private)
{
	// sysfs: root only.
	const char *dir = "/sys/class/misc/ncrypto/counters";
	std::vector<std::string> names;
	if (DIR *d = opendir(dir)) {
		while (struct dirent *e = readdir(d))
			if (e->d_name[0] != '.')
				names.push_back(e->d_name);
		closedir(d);
	}
	if (names.empty())
		bad("no counters in %s", dir);
	for (const std::string &n : names) {
		struct stat sb;
		std::string path = std::string(dir) + "/" + n;
		if (stat(path.c_str(), &sb) != 0 || (sb.st_mode & 0777) != 0400)
			bad("%s: mode %o, expected 0400", path.c_str(), sb.st_mode & 0777);
	}
	// Root's activity, module-wide: a key, a session and ops.
	uint32_t k = mk(RawKey(AES, ENC, 16).value(kat_key));
	uint32_t s = mk_sess(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0);
	(void)k;
	(void)s;
	ck_assert_int_eq(digests(st.fd, 3), 0);
	// Per-algorithm ops count this context's: two contexts, separate counts.
	int fd2 = nct::raw_open();
	ck_assert_int_eq(digests(fd2, 1), 0);
	uint64_t c1, c2;
	uint64_t o1 = alg_ops(st.fd, NCRYPTO_ALG_SHA256, &c1), o2 = alg_ops(fd2, NCRYPTO_ALG_SHA256, &c2);
	if (o1 != 3 || c1 != 3)
		bad("context 1: SHA-256 ops %llu, ctx_ops %llu; expected 3, 3",
		    (unsigned long long)o1, (unsigned long long)c1);
	if (o2 != 1 || c2 != 1)
		bad("context 2: SHA-256 ops %llu, ctx_ops %llu; expected 1, 1",
		    (unsigned long long)o2, (unsigned long long)c2);
	close(fd2);
	struct ncrypto_info root = nct::device_info();
	if (!root.live_contexts || !root.live_keys || !root.live_sessions || !root.ops_total)
		bad("root sees live_contexts %llu keys %llu sessions %llu ops_total %llu",
		    (unsigned long long)root.live_contexts, (unsigned long long)root.live_keys,
		    (unsigned long long)root.live_sessions, (unsigned long long)root.ops_total);
	// nobody: zeros for the module-wide counters, its own per context.
	int p[2];
	ck_assert(pipe(p) == 0);
	pid_t pid = fork();
	ck_assert(pid >= 0);
	if (pid == 0) {
		close(p[0]);
		struct Out {
			int err;
			struct ncrypto_info info;
			uint64_t sha_ops, ctx_ops;
			int sysfs_errno;
		} o;
		memset(&o, 0, sizeof(o));
		if (setgroups(0, nullptr) || setgid(65534) || setuid(65534))
			o.err = 1000 + errno;
		int fd = open(NCRYPTO_DEVICE_PATH, O_RDWR | O_CLOEXEC);
		if (!o.err && fd < 0)
			o.err = 2000 + errno;
		if (!o.err)
			o.err = digests(fd, 2);
		if (!o.err && !nct::raw_info(fd, &o.info))
			o.err = 3000 + errno;
		if (!o.err) {
			o.sha_ops = alg_ops(fd, NCRYPTO_ALG_SHA256, &o.ctx_ops);
			std::string path = std::string(dir) + "/ops_total";
			int f = open(path.c_str(), O_RDONLY);
			o.sysfs_errno = f < 0 ? errno : 0;
		}
		_exit(write(p[1], &o, sizeof(o)) == sizeof(o) ? 0 : 1);
	}
	close(p[1]);
	struct Out {
		int err;
		struct ncrypto_info info;
		uint64_t sha_ops, ctx_ops;
		int sysfs_errno;
	} o;
	bool got = read(p[0], &o, sizeof(o)) == (ssize_t)sizeof(o);
	close(p[0]);
	waitpid(pid, nullptr, 0);
	ck_assert_msg(got, "no report from the unprivileged child");
	ck_assert_msg(o.err == 0, "unprivileged child: error %d", o.err);
	if (o.info.live_contexts || o.info.live_keys || o.info.live_sessions || o.info.ops_total)
		bad("nobody sees live_contexts %llu keys %llu sessions %llu ops_total %llu",
		    (unsigned long long)o.info.live_contexts, (unsigned long long)o.info.live_keys,
		    (unsigned long long)o.info.live_sessions, (unsigned long long)o.info.ops_total);
	if (o.sha_ops != 2 || o.ctx_ops != 2)
		bad("nobody's context: SHA-256 ops %llu, ctx_ops %llu; expected 2, 2",
		    (unsigned long long)o.sha_ops, (unsigned long long)o.ctx_ops);
	if (o.sysfs_errno != EACCES)
		bad("nobody opening a sysfs counter: %s, expected EACCES", errno_name(o.sysfs_errno));
	finish();
}
END_TEST

TCase *tcase(Suite *s, const char *name, double timeout = 60)
{
	TCase *tc = tcase_create(name);
	tcase_add_checked_fixture(tc, setup, teardown);
	// Runs in the runner's process: module parameters come back even when
	// a test that changed them failed half-way.
	tcase_add_unchecked_fixture(tc, nct::save_params, nct::restore_params);
	tcase_set_timeout(tc, timeout);
	suite_add_tcase(s, tc);
	return tc;
}

} // namespace

int main()
{
	Suite *s = suite_create("capability");
	tcase_add_test(tcase(s, "verify_prefix_oracle"), test_verify_prefix_oracle);
	tcase_add_test(tcase(s, "mac_tag_len"), test_mac_tag_len);
	tcase_add_test(tcase(s, "aead_tag_len"), test_aead_tag_len);
	tcase_add_test(tcase(s, "revoked_by_restrict"), test_revoked_by_restrict);
	tcase_add_test(tcase(s, "revoked_by_destroy"), test_revoked_by_destroy);
	tcase_add_test(tcase(s, "revoked_cipher"), test_revoked_cipher);
	tcase_add_test(tcase(s, "revoked_shared_fd"), test_revoked_shared_fd);
	tcase_add_test(tcase(s, "encrypt_only_keystream"), test_encrypt_only_keystream);
	tcase_add_test(tcase(s, "nonce_random"), test_nonce_random);
	tcase_add_test(tcase(s, "nonce_counters"), test_nonce_counters);
	tcase_add_test(tcase(s, "nonce_ctr"), test_nonce_ctr);
	tcase_add_test(tcase(s, "key_params_invalid"), test_key_params_invalid);
	tcase_add_test(tcase(s, "bound_alg"), test_bound_alg);
	tcase_add_test(tcase(s, "fips_gcm_iv"), test_fips_gcm_iv);
	tcase_add_test(tcase(s, "inflight_ctx_mem", 240), test_inflight_ctx_mem);
	tcase_add_test(tcase(s, "memcg_charge", 240), test_memcg_charge);
	tcase_add_test(tcase(s, "userns_quota"), test_userns_quota);
	tcase_add_test(tcase(s, "fips_xts_data_unit", 240), test_fips_xts_data_unit);
	tcase_add_test(tcase(s, "exact_ioctl_numbers"), test_exact_ioctl_numbers);
	tcase_add_test(tcase(s, "grown_struct"), test_grown_struct);
	tcase_add_test(tcase(s, "final_bad_flag"), test_final_bad_flag_keeps_session);
	tcase_add_test(tcase(s, "final_null_dst"), test_final_null_dst_keeps_session);
	tcase_add_test(tcase(s, "update_enospc"), test_update_enospc_keeps_session);
	tcase_add_test(tcase(s, "final_enospc"), test_final_enospc_keeps_session);
	tcase_add_test(tcase(s, "final_of_failed_session"), test_final_of_failed_session);
	tcase_add_test(tcase(s, "failed_clone"), test_failed_clone_keeps_original);
	tcase_add_test(tcase(s, "counters_private"), test_counters_private);
	return nct::run_suite(s);
}
