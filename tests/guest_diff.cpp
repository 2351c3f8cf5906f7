// SPDX-License-Identifier: LGPL-2.1-or-later
// Differential test against nettle: every algorithm of the ABI, random keys,
// lengths 0..64 KiB, misaligned user buffers, one-shot and multi-part
// (random chunking; cipher output chunks concatenated must equal nettle's),
// hash and MAC session clones mid-stream. Needs the module: runs in the guest.
//
// Bounded for a TCG guest (crypto there is 25-90x slower than native):
// about 20 lengths per algorithm, each checked a few ways. The seed is
// printed; NCRYPTO_TEST_SEED replays a run.
#include "common.hpp"

#include <nettle/cbc.h>
#include <nettle/chacha-poly1305.h>
#include <nettle/ctr.h>
#include <nettle/gcm.h>
#include <nettle/hmac.h>
#include <nettle/nettle-meta.h>
#include <nettle/xts.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <cstring>

using nct::Bytes;

namespace {

enum class Kind { HASH, HMAC, CBC, CTR, XTS, GCM, CHACHA };

struct Variant {
	const char *name;
	Kind kind;
	uint32_t alg;
	size_t key_len;	// bytes (XTS: both halves)
	size_t tag_len;	// AEAD
	const nettle_hash *hash;
};

const Variant variants[] = {
	{"sha1", Kind::HASH, NCRYPTO_ALG_SHA1, 0, 0, &nettle_sha1},
	{"sha224", Kind::HASH, NCRYPTO_ALG_SHA224, 0, 0, &nettle_sha224},
	{"sha256", Kind::HASH, NCRYPTO_ALG_SHA256, 0, 0, &nettle_sha256},
	{"sha384", Kind::HASH, NCRYPTO_ALG_SHA384, 0, 0, &nettle_sha384},
	{"sha512", Kind::HASH, NCRYPTO_ALG_SHA512, 0, 0, &nettle_sha512},
	{"sha3-256", Kind::HASH, NCRYPTO_ALG_SHA3_256, 0, 0, &nettle_sha3_256},
	{"sha3-384", Kind::HASH, NCRYPTO_ALG_SHA3_384, 0, 0, &nettle_sha3_384},
	{"sha3-512", Kind::HASH, NCRYPTO_ALG_SHA3_512, 0, 0, &nettle_sha3_512},
	{"hmac-sha1", Kind::HMAC, NCRYPTO_ALG_HMAC_SHA1, 0, 0, &nettle_sha1},
	{"hmac-sha224", Kind::HMAC, NCRYPTO_ALG_HMAC_SHA224, 0, 0, &nettle_sha224},
	{"hmac-sha256", Kind::HMAC, NCRYPTO_ALG_HMAC_SHA256, 0, 0, &nettle_sha256},
	{"hmac-sha384", Kind::HMAC, NCRYPTO_ALG_HMAC_SHA384, 0, 0, &nettle_sha384},
	{"hmac-sha512", Kind::HMAC, NCRYPTO_ALG_HMAC_SHA512, 0, 0, &nettle_sha512},
	{"hmac-sha3-256", Kind::HMAC, NCRYPTO_ALG_HMAC_SHA3_256, 0, 0, &nettle_sha3_256},
	{"hmac-sha3-384", Kind::HMAC, NCRYPTO_ALG_HMAC_SHA3_384, 0, 0, &nettle_sha3_384},
	{"hmac-sha3-512", Kind::HMAC, NCRYPTO_ALG_HMAC_SHA3_512, 0, 0, &nettle_sha3_512},
	{"aes-128-cbc", Kind::CBC, NCRYPTO_ALG_AES_CBC, 16, 0, nullptr},
	{"aes-192-cbc", Kind::CBC, NCRYPTO_ALG_AES_CBC, 24, 0, nullptr},
	{"aes-256-cbc", Kind::CBC, NCRYPTO_ALG_AES_CBC, 32, 0, nullptr},
	{"aes-128-ctr", Kind::CTR, NCRYPTO_ALG_AES_CTR, 16, 0, nullptr},
	{"aes-192-ctr", Kind::CTR, NCRYPTO_ALG_AES_CTR, 24, 0, nullptr},
	{"aes-256-ctr", Kind::CTR, NCRYPTO_ALG_AES_CTR, 32, 0, nullptr},
	{"aes-128-xts", Kind::XTS, NCRYPTO_ALG_AES_XTS, 32, 0, nullptr},
	{"aes-256-xts", Kind::XTS, NCRYPTO_ALG_AES_XTS, 64, 0, nullptr},
	{"aes-128-gcm/16", Kind::GCM, NCRYPTO_ALG_AES_GCM, 16, 16, nullptr},
	{"aes-128-gcm/12", Kind::GCM, NCRYPTO_ALG_AES_GCM, 16, 12, nullptr},
	{"aes-128-gcm/8", Kind::GCM, NCRYPTO_ALG_AES_GCM, 16, 8, nullptr},
	{"aes-192-gcm/16", Kind::GCM, NCRYPTO_ALG_AES_GCM, 24, 16, nullptr},
	{"aes-256-gcm/16", Kind::GCM, NCRYPTO_ALG_AES_GCM, 32, 16, nullptr},
	{"aes-256-gcm/12", Kind::GCM, NCRYPTO_ALG_AES_GCM, 32, 12, nullptr},
	{"aes-256-gcm/8", Kind::GCM, NCRYPTO_ALG_AES_GCM, 32, 8, nullptr},
	{"chacha20-poly1305", Kind::CHACHA, NCRYPTO_ALG_CHACHA20_POLY1305, 32, 16, nullptr},
};
const int n_variants = (int)(sizeof(variants) / sizeof(variants[0]));

// ---- nettle references ----------------------------------------------------

// nettle contexts need word alignment: keep them in uint64_t storage.
struct NettleCtx {
	explicit NettleCtx(size_t n) : mem((n + 7) / 8 + 1) {}
	void *get() { return mem.data(); }
	std::vector<uint64_t> mem;
};

const nettle_cipher *aes_for(size_t key_len)
{
	return key_len == 16 ? &nettle_aes128 : key_len == 24 ? &nettle_aes192 : &nettle_aes256;
}

Bytes ref_hash(const nettle_hash *h, const uint8_t *p, size_t n)
{
	NettleCtx c(h->context_size);
	Bytes out(h->digest_size);
	h->init(c.get());
	h->update(c.get(), n, p);
	h->digest(c.get(), out.size(), out.data());
	return out;
}

Bytes ref_hmac(const nettle_hash *h, const Bytes &key, const uint8_t *p, size_t n)
{
	NettleCtx outer(h->context_size), inner(h->context_size), state(h->context_size);
	Bytes out(h->digest_size);
	hmac_set_key(outer.get(), inner.get(), state.get(), h, key.size(), key.data());
	hmac_update(state.get(), h, n, p);
	hmac_digest(outer.get(), inner.get(), state.get(), h, out.size(), out.data());
	return out;
}

Bytes ref_cipher(Kind kind, bool enc, const Bytes &key, const Bytes &iv, const uint8_t *p,
		 size_t n)
{
	Bytes out(n + 1);
	Bytes ivc = iv;
	if (kind == Kind::XTS) {
		size_t half = key.size() / 2;
		const nettle_cipher *c = aes_for(half);
		NettleCtx data(c->context_size), twk(c->context_size);
		c->set_encrypt_key(twk.get(), key.data() + half);
		if (enc) {
			c->set_encrypt_key(data.get(), key.data());
			xts_encrypt_message(data.get(), twk.get(), c->encrypt, iv.data(), n,
					    out.data(), p);
		} else {
			c->set_decrypt_key(data.get(), key.data());
			xts_decrypt_message(data.get(), twk.get(), c->decrypt, c->encrypt,
					    iv.data(), n, out.data(), p);
		}
		out.resize(n);
		return out;
	}
	const nettle_cipher *c = aes_for(key.size());
	NettleCtx ctx(c->context_size);
	if (kind == Kind::CBC && !enc) {
		c->set_decrypt_key(ctx.get(), key.data());
		cbc_decrypt(ctx.get(), c->decrypt, 16, ivc.data(), n, out.data(), p);
	} else {
		c->set_encrypt_key(ctx.get(), key.data());
		if (kind == Kind::CBC)
			cbc_encrypt(ctx.get(), c->encrypt, 16, ivc.data(), n, out.data(), p);
		else
			ctr_crypt(ctx.get(), c->encrypt, 16, ivc.data(), n, out.data(), p);
	}
	out.resize(n);
	return out;
}

// AEAD encryption: returns ct || tag.
Bytes ref_aead(Kind kind, const Bytes &key, const Bytes &nonce, const Bytes &aad,
	       const uint8_t *p, size_t n, size_t tag_len)
{
	Bytes out(n + tag_len + 1);
	if (kind == Kind::CHACHA) {
		struct chacha_poly1305_ctx c;
		chacha_poly1305_set_key(&c, key.data());
		chacha_poly1305_set_nonce(&c, nonce.data());
		chacha_poly1305_update(&c, aad.size(), aad.data());
		chacha_poly1305_encrypt(&c, n, out.data(), p);
		chacha_poly1305_digest(&c, tag_len, out.data() + n);
	} else {
		return nct::ref_gcm(key, nonce, aad, p, n, tag_len);
	}
	out.resize(n + tag_len);
	return out;
}

// ---- the test ---------------------------------------------------------------

struct Diff {
	const Variant &v;
	nct::Rng rng;
	nct::Failures fails;
	ncrypto_ctx_t ctx = nullptr;
	bool fips = false;
	size_t checks = 0;
	size_t len = 0;	// current message length, for messages

	Diff(const Variant &var, uint64_t seed) : v(var), rng(seed), fails(var.name) {}

	void bad(const char *fmt, ...) __attribute__((format(printf, 2, 3)))
	{
		char buf[400];
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(buf, sizeof(buf), fmt, ap);
		va_end(ap);
		fails.add("len " + std::to_string(len) + ": " + buf);
	}
	bool ok(const char *what, int r, int want = NCRYPTO_OK)
	{
		checks++;
		if (r == want)
			return true;
		bad("%s returned %s, expected %s", what, nct::err_name(r), nct::err_name(want));
		return false;
	}
	// The same for a raw ioctl's errno.
	bool okr(const char *what, int e, int want = 0)
	{
		checks++;
		if (e == want)
			return true;
		bad("%s returned %s, expected %s", what, nct::errno_name(e), nct::errno_name(want));
		return false;
	}
	bool same(const char *what, const uint8_t *got, size_t got_len, const Bytes &want)
	{
		checks++;
		if (got_len == want.size() && memcmp(got, want.data(), got_len) == 0)
			return true;
		size_t i = 0;
		while (i < got_len && i < want.size() && got[i] == want[i])
			i++;
		bad("%s differs from nettle: %zu bytes vs %zu, first difference at %zu", what,
		    got_len, want.size(), i);
		return false;
	}
	size_t off() { return 1 + rng.below(7); }	// misalignment 1..7
	size_t chunk(size_t left)
	{
		if (rng.below(3) == 0)
			return std::min(left, (size_t)rng.below(33));
		return std::min(left, (size_t)rng.below((uint32_t)left + 1));
	}
	ncrypto_key_t import(uint32_t type, const Bytes &key, uint32_t usage)
	{
		ncrypto_key_t k = nullptr;
		ok("key import", ncrypto_key_import(ctx, type, key.data(), key.size(), usage, &k));
		return k;
	}

	void hash(const nct::OffsetBuf &msg);
	void hmac(const nct::OffsetBuf &msg);
	void cipher(const nct::OffsetBuf &msg);
	void aead(const nct::OffsetBuf &msg);
	// Feeds msg to a session in random chunks; returns the concatenated
	// output of updates and final (ciphers) or the digest (hash, MAC).
	bool feed(ncrypto_session_t s, const uint8_t *p, size_t n, Bytes *out, bool cipher);
};

bool Diff::feed(ncrypto_session_t s, const uint8_t *p, size_t n, Bytes *out, bool cipher)
{
	size_t done = 0;
	while (done < n) {
		size_t c = chunk(n - done);
		if (c == 0 && rng.below(2))
			c = 1;
		if (cipher) {
			nct::OffsetBuf o(c + 16, off(), 0xee);
			size_t olen = c + 16;
			if (!ok("session_update", ncrypto_session_update(s, p + done, c, o.data(),
									 &olen)))
				return false;
			if (olen > c + 16) {
				bad("session_update wrote %zu bytes for %zu in", olen, c);
				return false;
			}
			out->insert(out->end(), o.data(), o.data() + olen);
		} else if (!ok("session_update",
			       ncrypto_session_update(s, p + done, c, nullptr, nullptr))) {
			return false;
		}
		done += c;
	}
	return true;
}

void Diff::hash(const nct::OffsetBuf &msg)
{
	Bytes want = ref_hash(v.hash, msg.data(), len);
	nct::OffsetBuf out(64, off());
	size_t olen = 64;
	if (ok("hash", ncrypto_hash(ctx, v.alg, msg.data(), len, out.data(), &olen)))
		same("one-shot hash", out.data(), olen, want);

	// Multi-part, with a clone taken mid-stream that hashes other data.
	ncrypto_session_t s = nullptr, c = nullptr;
	if (!ok("session_init", ncrypto_session_init(ctx, NCRYPTO_OP_DIGEST, v.alg, nullptr,
						     nullptr, 0, &s)))
		return;
	size_t split = rng.below((uint32_t)len + 1);
	Bytes tail = rng.bytes(rng.below(200));
	Bytes dummy;
	if (feed(s, msg.data(), split, &dummy, false) &&
	    ok("session_clone", ncrypto_session_clone(s, &c)) &&
	    feed(s, msg.data() + split, len - split, &dummy, false) &&
	    feed(c, tail.data(), tail.size(), &dummy, false)) {
		olen = 64;
		if (ok("session_final", ncrypto_session_final(s, out.data(), &olen)))
			same("multi-part hash", out.data(), olen, want);
		Bytes cm(msg.data(), msg.data() + split);
		cm.insert(cm.end(), tail.begin(), tail.end());
		olen = 64;
		if (ok("session_final (clone)", ncrypto_session_final(c, out.data(), &olen)))
			same("cloned hash", out.data(), olen, ref_hash(v.hash, cm.data(), cm.size()));
	}
	ncrypto_session_destroy(s);
	ncrypto_session_destroy(c);
}

void Diff::hmac(const nct::OffsetBuf &msg)
{
	// Key lengths around the block size and, outside FIPS, below 14 bytes.
	static const size_t key_lens[] = {1, 13, 14, 16, 20, 32, 64, 65, 128, 136, 137, 200};
	Bytes key = rng.bytes(key_lens[rng.below(sizeof(key_lens) / sizeof(key_lens[0]))]);
	Bytes want = ref_hmac(v.hash, key, msg.data(), len);
	if (fips && key.size() < 14) {
		// FIPS: refused at import or at use, never computed.
		ncrypto_key_t k = nullptr;
		int r = ncrypto_key_import(ctx, NCRYPTO_KEY_TYPE_GENERIC_SECRET, key.data(),
					   key.size(), NCRYPTO_KEY_SIGN, &k);
		if (r == NCRYPTO_OK) {
			nct::OffsetBuf out(64, off());
			size_t olen = 64;
			r = ncrypto_mac(k, v.alg, msg.data(), len, out.data(), &olen);
		}
		ok("hmac with a key < 14 bytes (FIPS)", r, NCRYPTO_E_FIPS);
		ncrypto_key_destroy(k);
		return;
	}
	ncrypto_key_t ks = import(NCRYPTO_KEY_TYPE_GENERIC_SECRET, key, NCRYPTO_KEY_SIGN);
	ncrypto_key_t kv = import(NCRYPTO_KEY_TYPE_GENERIC_SECRET, key, NCRYPTO_KEY_VERIFY);
	if (!ks || !kv)
		goto out;
	{
		nct::OffsetBuf out(64, off());
		size_t olen = 64;
		int r = ncrypto_mac(ks, v.alg, msg.data(), len, out.data(), &olen);
		if (ok("mac", r))
			same("one-shot mac", out.data(), olen, want);
		ok("mac_verify", ncrypto_mac_verify(kv, v.alg, msg.data(), len, want.data(),
						    want.size()));
		Bytes badtag = want;
		badtag[rng.below((uint32_t)badtag.size())] ^= 1 << rng.below(8);
		ok("mac_verify of a wrong tag",
		   ncrypto_mac_verify(kv, v.alg, msg.data(), len, badtag.data(), badtag.size()),
		   NCRYPTO_E_AUTH_FAILED);

		// Sign session with a mid-stream clone; verify session.
		ncrypto_session_t s = nullptr, c = nullptr, vs = nullptr;
		size_t split = rng.below((uint32_t)len + 1);
		Bytes tail = rng.bytes(rng.below(200)), dummy;
		if (ok("session_init (sign)", ncrypto_session_init(ctx, NCRYPTO_OP_SIGN, v.alg, ks,
								   nullptr, 0, &s)) &&
		    feed(s, msg.data(), split, &dummy, false) &&
		    ok("session_clone", ncrypto_session_clone(s, &c)) &&
		    feed(s, msg.data() + split, len - split, &dummy, false) &&
		    feed(c, tail.data(), tail.size(), &dummy, false)) {
			olen = 64;
			if (ok("session_final", ncrypto_session_final(s, out.data(), &olen)))
				same("multi-part mac", out.data(), olen, want);
			Bytes cm(msg.data(), msg.data() + split);
			cm.insert(cm.end(), tail.begin(), tail.end());
			olen = 64;
			if (ok("session_final (clone)", ncrypto_session_final(c, out.data(), &olen)))
				same("cloned mac", out.data(), olen,
				     ref_hmac(v.hash, key, cm.data(), cm.size()));
		}
		if (ok("session_init (verify)", ncrypto_session_init(ctx, NCRYPTO_OP_VERIFY,
								     v.alg, kv, nullptr, 0, &vs)) &&
		    feed(vs, msg.data(), len, &dummy, false))
			ok("session_verify", ncrypto_session_verify(vs, want.data(), want.size()));
		ncrypto_session_destroy(s);
		ncrypto_session_destroy(c);
		ncrypto_session_destroy(vs);
	}
out:
	ncrypto_key_destroy(ks);
	ncrypto_key_destroy(kv);
}

void Diff::cipher(const nct::OffsetBuf &msg)
{
	Bytes key = rng.bytes(v.key_len), iv = rng.bytes(16);
	if (v.kind == Kind::XTS)	// identical halves are refused under FIPS
		key[v.key_len / 2] ^= key[0] == key[v.key_len / 2] ? 1 : 0;
	if (v.kind == Kind::CTR && rng.below(2))	// counter wrap inside the message
		memset(iv.data() + 8, 0xff, 8);
	Bytes ct = ref_cipher(v.kind, true, key, iv, msg.data(), len);
	ncrypto_key_t ke = import(NCRYPTO_KEY_TYPE_AES, key, NCRYPTO_KEY_ENCRYPT);
	ncrypto_key_t kd = import(NCRYPTO_KEY_TYPE_AES, key, NCRYPTO_KEY_DECRYPT);
	if (!ke || !kd)
		goto out;
	{
		Bytes pt(msg.data(), msg.data() + len);
		nct::OffsetBuf out(len, off(), 0xee);
		size_t olen = len;
		if (ok("encrypt", ncrypto_encrypt(ke, v.alg, iv.data(), 16, msg.data(), len,
						  out.data(), &olen)))
			same("one-shot encrypt", out.data(), olen, ct);
		// Decrypt, in place half of the time.
		nct::OffsetBuf io(len, off());
		memcpy(io.data(), ct.data(), len);
		nct::OffsetBuf sep(len, off(), 0xee);
		uint8_t *dst = rng.below(2) ? io.data() : sep.data();
		olen = len;
		if (ok("decrypt", ncrypto_decrypt(kd, v.alg, iv.data(), 16, io.data(), len, dst,
						  &olen)))
			same("one-shot decrypt", dst, olen, pt);

		for (int dir = 0; dir < 2; dir++) {
			ncrypto_session_t s = nullptr;
			Bytes got;
			const uint8_t *in = dir ? ct.data() : msg.data();
			const Bytes &want = dir ? pt : ct;
			uint32_t op = dir ? NCRYPTO_OP_DECRYPT : NCRYPTO_OP_ENCRYPT;
			if (!ok("session_init", ncrypto_session_init(ctx, op, v.alg, dir ? kd : ke,
								     iv.data(), 16, &s)))
				continue;
			if (feed(s, in, len, &got, true)) {
				nct::OffsetBuf fin(len + 16, off());
				size_t flen = len + 16;
				if (ok("session_final", ncrypto_session_final(s, fin.data(), &flen))) {
					got.insert(got.end(), fin.data(), fin.data() + flen);
					same(dir ? "multi-part decrypt" : "multi-part encrypt",
					     got.data(), got.size(), want);
				}
			}
			ncrypto_session_destroy(s);
		}
	}
out:
	ncrypto_key_destroy(ke);
	ncrypto_key_destroy(kd);
}

// AEAD keys have one tag length and, in FIPS mode, make their GCM nonces
// (ABI 1.1): keys bound to the algorithm with the variant's tag_len, made
// and used with raw ioctls on the context's fd (libncrypto has no key
// parameters yet). Outside FIPS mode the encryption key takes the caller's
// nonce; in FIPS mode it is a COUNTER key and nettle gets the nonce the
// kernel wrote.
void Diff::aead(const nct::OffsetBuf &msg)
{
	bool chacha = v.kind == Kind::CHACHA;
	Bytes key = rng.bytes(v.key_len), nonce = rng.bytes(12);
	Bytes aad = rng.bytes(rng.below(4) ? rng.below(64) : rng.below(2048));
	uint32_t type = chacha ? NCRYPTO_KEY_TYPE_CHACHA20 : NCRYPTO_KEY_TYPE_AES;
	uint32_t tl = (uint32_t)v.tag_len, n = (uint32_t)len;
	int fd;
	ck_assert_int_eq(ncrypto_ctx_fd(ctx, &fd), NCRYPTO_OK);
	nct::RawKey rke(type, NCRYPTO_KEY_ENCRYPT, (uint32_t)key.size());
	rke.value(key.data()).bound(v.alg, tl);
	if (fips)
		rke.nonce(NCRYPTO_NONCE_COUNTER, nonce.data(), 4, rng.next() >> 1);
	nct::RawKey rkd(type, NCRYPTO_KEY_DECRYPT, (uint32_t)key.size());
	rkd.value(key.data()).bound(v.alg, tl);
	uint32_t ke = 0, kd = 0;
	int re = rke.import(fd, &ke), rd = rkd.import(fd, &kd);
	if (fips && tl < 12) {
		// A bound key FIPS refuses is refused at import.
		okr("import of a GCM key with a short tag (FIPS)", re, EACCES);
		okr("import of a GCM key with a short tag (FIPS)", rd, EACCES);
		goto out;
	}
	if (!okr("key import (encrypt)", re) || !okr("key import (decrypt)", rd))
		goto out;
	{
		// Tag right after the ciphertext (TLS layout) half of the time.
		bool tls = rng.below(2);
		nct::OffsetBuf out(len + v.tag_len, off(), 0xee), tagbuf(v.tag_len, off());
		uint8_t *tagp = tls ? out.data() + len : tagbuf.data();
		Bytes iv = fips ? Bytes(12, 0xa5) : nonce;
		nct::RawOp enc(NCRYPTO_OP_ENCRYPT, v.alg, ke);
		int e = enc.in(msg.data(), n).out(out.data(), n).with_iv(iv.data(), 12)
				.with_aad(aad.data(), (uint32_t)aad.size()).with_tag(tagp, tl).run(fd);
		nonce = iv;	// FIPS: what the kernel chose
		Bytes want = ref_aead(v.kind, key, nonce, aad, msg.data(), len, v.tag_len);
		Bytes ct(want.begin(), want.begin() + len), tag(want.begin() + len, want.end());
		if (okr("aead encrypt", e)) {
			same("aead ciphertext", out.data(), enc.dst_len, ct);
			same("aead tag", tagp, v.tag_len, tag);
		}
		// Decrypt from a misaligned copy, tag after it or apart.
		nct::OffsetBuf in(len + v.tag_len, off());
		memcpy(in.data(), want.data(), want.size());
		nct::OffsetBuf pt(len, off(), 0xee);
		const uint8_t *dtag = tls ? in.data() + len : tag.data();
		nct::RawOp dec(NCRYPTO_OP_DECRYPT, v.alg, kd);
		if (okr("aead decrypt", dec.in(in.data(), n).out(pt.data(), n).with_iv(nonce.data(), 12)
					       .with_aad(aad.data(), (uint32_t)aad.size()).with_tag(dtag, tl).run(fd)))
			same("aead plaintext", pt.data(), dec.dst_len, Bytes(msg.data(), msg.data() + len));
		// A flipped bit anywhere fails and leaves the output untouched.
		Bytes mod = want;
		if (!aad.empty() && rng.below(3) == 0) {
			aad[rng.below((uint32_t)aad.size())] ^= 0x80;
		} else {
			mod[rng.below((uint32_t)mod.size())] ^= 1 << rng.below(8);
		}
		nct::OffsetBuf pt2(len, off(), 0x5c);
		Bytes before = pt2.bytes();
		nct::RawOp bad_dec(NCRYPTO_OP_DECRYPT, v.alg, kd);
		if (okr("aead decrypt of modified input",
			bad_dec.in(mod.data(), n).out(pt2.data(), n).with_iv(nonce.data(), 12)
				.with_aad(aad.data(), (uint32_t)aad.size()).with_tag(mod.data() + len, tl)
				.run(fd),
			EBADMSG))
			same("output after a failed decrypt", pt2.data(), len, before);
	}
out:
	if (ke)
		nct::raw_handle_ioctl(fd, NCRYPTO_IOC_KEY_DESTROY, ke);
	if (kd)
		nct::raw_handle_ioctl(fd, NCRYPTO_IOC_KEY_DESTROY, kd);
}

std::vector<size_t> lengths_for(const Variant &v, nct::Rng &rng, size_t max_len)
{
	static const size_t fixed[] = {0,    1,    15,   16,   17,    63,   64,
				       65,   1420, 4095, 4096, 4097, 16384, 65536};
	std::vector<size_t> ls(std::begin(fixed), std::end(fixed));
	for (int i = 0; i < 8; i++)
		ls.push_back(rng.below(65537));
	for (int i = 0; i < 6; i++)
		ls.push_back(rng.below(600));
	std::vector<size_t> out;
	for (size_t l : ls) {
		if (v.kind == Kind::CBC)
			l -= l % 16;
		if (v.kind == Kind::XTS && l < 16)
			continue;
		if (l > max_len)
			l = max_len - (v.kind == Kind::CBC ? max_len % 16 : 0);
		if (std::find(out.begin(), out.end(), l) == out.end())
			out.push_back(l);
	}
	return out;
}

START_TEST(test_variant)
{
	const Variant &v = variants[_i];
	Diff d(v, nct::test_seed() ^ (0x9e3779b97f4a7c15ull * (uint64_t)(_i + 1)));
	struct ncrypto_info info = nct::device_info();
	d.fips = info.fips_mode != 0;
	if (d.fips && v.kind == Kind::CHACHA) {
		// ChaCha20-Poly1305 is refused under FIPS: assert that, once.
		ck_assert_int_eq(ncrypto_open(&d.ctx, nullptr), NCRYPTO_OK);
		Bytes key = d.rng.bytes(32), nonce(12), tag(16);
		ncrypto_key_t k = nullptr;
		int r = ncrypto_key_import(d.ctx, NCRYPTO_KEY_TYPE_CHACHA20, key.data(), 32,
					   NCRYPTO_KEY_ENCRYPT, &k);
		if (r == NCRYPTO_OK) {
			uint8_t out[16];
			size_t olen = sizeof(out);
			r = ncrypto_aead_encrypt(k, v.alg, nonce.data(), 12, nullptr, 0, out, 16,
						 out, &olen, tag.data(), 16);
		}
		ck_assert_msg(r == NCRYPTO_E_FIPS, "chacha20-poly1305 under FIPS: %s",
			      nct::err_name(r));
		ncrypto_key_destroy(k);
		ncrypto_close(d.ctx);
		printf("%s: refused by FIPS policy as required\n", v.name);
		return;
	}
	ck_assert_int_eq(ncrypto_open(&d.ctx, nullptr), NCRYPTO_OK);
	size_t max_len = std::min<size_t>(65536, info.max_op_len);
	auto t0 = std::chrono::steady_clock::now();
	std::vector<size_t> lens = lengths_for(v, d.rng, max_len);
	for (size_t l : lens) {
		d.len = l;
		nct::OffsetBuf msg(l, d.off());
		d.rng.fill(msg.data(), l);
		switch (v.kind) {
		case Kind::HASH: d.hash(msg); break;
		case Kind::HMAC: d.hmac(msg); break;
		case Kind::CBC:
		case Kind::CTR:
		case Kind::XTS: d.cipher(msg); break;
		case Kind::GCM:
		case Kind::CHACHA: d.aead(msg); break;
		}
	}
	ncrypto_info_t ci;
	uint64_t keys = 0, sessions = 0;
	ck_assert_int_eq(ncrypto_info_get(d.ctx, &ci), NCRYPTO_OK);
	ck_assert_int_eq(ncrypto_info_value(ci, NCRYPTO_INFO_CTX_KEYS, &keys), NCRYPTO_OK);
	ck_assert_int_eq(ncrypto_info_value(ci, NCRYPTO_INFO_CTX_SESSIONS, &sessions), NCRYPTO_OK);
	ncrypto_info_free(ci);
	if (keys || sessions)
		d.fails.add("context still holds " + std::to_string(keys) + " keys, " +
			    std::to_string(sessions) + " sessions");
	ncrypto_close(d.ctx);
	double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
	printf("%s: %zu lengths (max %zu), %zu checks, %zu failures, %.2f s%s\n", v.name,
	       lens.size(), max_len, d.checks, d.fails.count(), secs, d.fips ? " [fips=1]" : "");
	fflush(stdout);
	ck_assert_msg(d.checks > 0, "%s: nothing checked", v.name);
	NCT_CHECK_FAILURES(d.fails);
}
END_TEST

} // namespace

int main()
{
	nct::test_seed();	// print it once, before the forks
	Suite *s = suite_create("diff");
	TCase *tc = tcase_create("nettle");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_variant, 0, n_variants);
	suite_add_tcase(s, tc);
	return nct::run_suite(s);
}
