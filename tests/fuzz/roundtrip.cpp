// SPDX-License-Identifier: LGPL-2.1-or-later
// Round trips: what one call encrypts or signs, the next decrypts or
// verifies, and a hash session fed in pieces agrees with the one-shot
// digest. Unmutated calls, on buffers of the thread's own arena, checked
// only when the slot named the same context throughout.
#include "fuzz.hpp"

#include <algorithm>

namespace fz {

// A call built by hand (not mutated) on a fixed slot.
struct Plain : Call {
	Plain(Thread &th, int id, int slot, const KeyRec &k) : Call(th, id)
	{
		aim(*this, slot);
		key = k;
	}
	int run() { return issue(*this, true); }
};

static int plain_op(Thread &t, int slot, const KeyRec &k, ncrypto_op o,
		    uint32_t *dst_len = nullptr)
{
	Plain c(t, I_OP, slot, k);
	o.size = sizeof(o);
	c.as<struct ncrypto_op>() = o;
	int e = c.run();
	if (dst_len)
		*dst_len = c.res<struct ncrypto_op>().dst_len;
	return e;
}

// Disjoint buffers in this thread's own arena, one after the other (other
// threads never point into it, so what is read back is what the kernel
// wrote), each at a random alignment.
struct Carver {
	Thread &t;
	size_t pos;
	explicit Carver(Thread &th) : t(th), pos(th.rng.below((uint32_t)th.arena.len / 4)) {}
	uint8_t *next(size_t n)
	{
		pos += t.rng.below(16);
		if (pos + n > t.arena.len)
			pos = 0;
		uint8_t *p = t.arena.data + pos;
		pos += n;
		return p;
	}
};

static bool same_context(int slot, uint32_t seq)
{
	return !(seq & 1) && W.slots[slot].seq.load() == seq;
}

// Encrypt, then decrypt what came out: the plaintext comes back.
static void roundtrip_cipher(Thread &t, int slot, const KeyRec &k, const AlgInfo &a)
{
	Carver cv(t);
	bool cbc = a.alg == NCRYPTO_ALG_AES_CBC, aead = a.cls == NCRYPTO_CLASS_AEAD;
	uint32_t n = std::min<uint32_t>(pick_data_len(t.rng, cbc ? 16 : 1,
						      a.alg == NCRYPTO_ALG_AES_XTS ? 16 : 0), 16384);
	n -= cbc ? n % 16 : 0;
	uint8_t *pt = cv.next(n), *ct = cv.next(n + NCRYPTO_MAX_TAG_LEN), *back = cv.next(n);
	ncrypto_op o;
	memset(&o, 0, sizeof(o));
	o.alg = a.alg;
	o.key = k.handle;
	o.iv_len = a.iv_len;
	o.iv = nct::ptr(cv.next(a.iv_len));	// kernel-made nonces are written here
	if (aead) {
		o.aad_len = 13;
		o.aad = nct::ptr(cv.next(13));
		o.tag_len = aead_tag_len(k);
		o.tag = nct::ptr(ct + n);	// the TLS record layout
	}
	o.op = NCRYPTO_OP_ENCRYPT;
	o.src = nct::ptr(pt);
	o.src_len = o.dst_len = n;
	o.dst = nct::ptr(ct);
	uint32_t seq = W.slots[slot].seq.load();
	if (plain_op(t, slot, k, o))
		return;
	o.op = NCRYPTO_OP_DECRYPT;
	o.src = nct::ptr(ct);
	o.dst = nct::ptr(back);
	int e = plain_op(t, slot, k, o);
	if (!same_context(slot, seq))
		return;
	if (e == EBADMSG)
		finding(nullptr, "slot %d key %u %s: decryption of a fresh %u-byte encryption fails "
			"authentication", slot, k.handle, ncrypto_alg_name(a.alg), n);
	else if (!e && memcmp(pt, back, n))
		finding(nullptr, "slot %d key %u %s (nonce policy %u): decrypt(encrypt(x)) != x "
			"(%u bytes)", slot, k.handle, ncrypto_alg_name(a.alg), k.nonce, n);
}

// Sign, then verify the tag just made: no EBADMSG.
static void roundtrip_mac(Thread &t, int slot, const KeyRec &k, const AlgInfo &a)
{
	Carver cv(t);
	uint32_t n = std::min<uint32_t>(pick_data_len(t.rng, 1), 16384), mac_got = 0;
	ncrypto_op o;
	memset(&o, 0, sizeof(o));
	o.alg = a.alg;
	o.key = k.handle;
	o.op = NCRYPTO_OP_SIGN;
	o.src = nct::ptr(cv.next(n));
	o.src_len = n;
	o.dst = nct::ptr(cv.next(NCRYPTO_MAX_DIGEST_LEN));
	o.dst_len = NCRYPTO_MAX_DIGEST_LEN;
	uint32_t seq = W.slots[slot].seq.load();
	if (plain_op(t, slot, k, o, &mac_got))
		return;
	o.op = NCRYPTO_OP_VERIFY;
	o.tag = o.dst;
	o.tag_len = mac_got;
	o.dst = 0;
	o.dst_len = 0;
	if (plain_op(t, slot, k, o) == EBADMSG && same_context(slot, seq))
		finding(nullptr, "slot %d key %u %s: the tag just made does not verify (%u bytes)",
			slot, k.handle, ncrypto_alg_name(a.alg), n);
}

static ncrypto_session_data session_args(uint32_t h, const uint8_t *src, uint32_t n,
					 uint8_t *dst, uint32_t cap)
{
	ncrypto_session_data d;
	memset(&d, 0, sizeof(d));
	d.size = sizeof(d);
	d.handle = h;
	d.src = nct::ptr(src);
	d.src_len = n;
	d.dst = nct::ptr(dst);
	d.dst_len = cap;
	return d;
}

// A session hash, fed in pieces, against the one-shot digest. In the thread's
// own context (its private slot): no other thread can touch the session.
static void roundtrip_hash(Thread &t)
{
	int slot = W.nslots + t.id;
	const AlgInfo *a = random_alg(t.rng, 0, nullptr, true);
	if (!a)
		return;
	Carver cv(t);
	uint32_t n = std::min<uint32_t>(pick_data_len(t.rng, 1), 16384);
	uint8_t *msg = cv.next(n), *d1 = cv.next(NCRYPTO_MAX_DIGEST_LEN),
		*d2 = cv.next(NCRYPTO_MAX_DIGEST_LEN);
	ncrypto_op o;
	memset(&o, 0, sizeof(o));
	o.op = NCRYPTO_OP_DIGEST;
	o.alg = a->alg;
	o.src = nct::ptr(msg);
	o.src_len = n;
	o.dst = nct::ptr(d1);
	o.dst_len = NCRYPTO_MAX_DIGEST_LEN;
	if (plain_op(t, slot, KeyRec(), o))
		return;
	Plain init(t, I_SESSION_INIT, slot, KeyRec());
	init.as<struct ncrypto_session_init>().op = NCRYPTO_OP_DIGEST;
	init.as<struct ncrypto_session_init>().alg = a->alg;
	if (init.run())
		return;
	uint32_t h = init.res<struct ncrypto_session_init>().handle, done = 0;
	while (done < n && t.rng.below(3)) {
		uint32_t part = t.rng.below(n - done + 1);
		Plain u(t, I_SESSION_UPDATE, slot, KeyRec());
		u.sess.handle = h;
		u.as<struct ncrypto_session_data>() = session_args(h, msg + done, part, nullptr, 0);
		if (u.run())
			return;
		done += part;
	}
	Plain f(t, I_SESSION_FINAL, slot, KeyRec());
	f.sess.handle = h;
	f.as<struct ncrypto_session_data>() = session_args(h, msg + done, n - done, d2,
						    NCRYPTO_MAX_DIGEST_LEN);
	if (f.run() == 0 && memcmp(d1, d2, a->out_len))
		finding(nullptr, "%s of %u bytes: the session's digest differs from the one-shot's",
			ncrypto_alg_name(a->alg), n);
}

void act_roundtrip(Thread &t)
{
	int slot = pick_slot(t.rng);
	KeyRec k = KeyRec::unpack(pool_peek(W.slots[slot].keys, t.rng));
	const AlgInfo *a = k.handle && t.rng.below(4) ? alg_for_key(t.rng, k) : nullptr;
	if (!a)
		roundtrip_hash(t);
	else if (a->cls == NCRYPTO_CLASS_MAC)
		roundtrip_mac(t, slot, k, *a);
	else
		roundtrip_cipher(t, slot, k, *a);
}


} // namespace fz
