// SPDX-License-Identifier: LGPL-2.1-or-later
// Plausible structs, one builder per ioctl, from the pools of live handles
// (so most calls get past the first checks), and after each call what it
// leaves behind: new handles into the pools, gone ones out, and the checks
// of what a success wrote back (handles non-zero, output lengths within
// their capacity and what the algorithm produces, no export in a context
// that never had an EXPORTABLE key).
#include "fuzz.hpp"

#include <algorithm>

namespace fz {

// ---- choosing objects ---------------------------------------------------------------------

static KeyRec pool_key(Call &c)
{
	return KeyRec::unpack(pool_peek(W.slots[c.slot].keys, c.t.rng));
}

static SessRec pool_session(Call &c)
{
	return SessRec::unpack(pool_peek(W.slots[c.slot].sessions, c.t.rng));
}

// The object of a destroy or restrict: often one another thread is using
// right now, so the destroy races its operation.
static uint32_t victim(Call &c, bool key)
{
	uint32_t h = c.t.rng.below(5) < 2 ? busy_handle(c.t, c.slot, key) : 0;
	if (h)
		return h;
	std::atomic<uint64_t> *pool = key ? W.slots[c.slot].keys : W.slots[c.slot].sessions;
	return pool_take(pool, c.t.rng) & 0xffffff;
}

const AlgInfo *random_alg(Rng &rng, uint32_t key_type, const KeyRec *key, bool session)
{
	const AlgInfo *pick[64];
	int n = 0;
	for (const AlgInfo &a : W.algs) {
		if (a.key_type != key_type || (session && !a.session) || n == 64)
			continue;
		if (key && (key->len < a.min_key || key->len > a.max_key))
			continue;
		pick[n++] = &a;
	}
	return n ? pick[rng.below(n)] : nullptr;
}

// The algorithm for an operation with `k` (none: a hash): its bound one, or
// any that takes its type and length.
const AlgInfo *alg_for_key(Rng &rng, const KeyRec &k, bool session)
{
	if (k.handle && k.alg && alg_info(k.alg))
		return alg_info(k.alg);
	return random_alg(rng, k.handle ? k.type : 0, k.handle ? &k : nullptr, session);
}

static const AlgInfo *alg_for(Call &c, const KeyRec &k, bool session)
{
	return alg_for_key(c.t.rng, k, session);
}

static uint32_t mac_len(const KeyRec &k, const AlgInfo &a)
{
	return k.tag_len ? k.tag_len : a.out_len;
}
uint32_t aead_tag_len(const KeyRec &k) { return k.tag_len ? k.tag_len : 16; }

// Either op of a pair, mostly one the key's usage allows.
static uint32_t pick_op(Call &c, const KeyRec &k, uint32_t op1, uint32_t use1, uint32_t op2,
			uint32_t use2)
{
	bool can1 = k.usage & use1, can2 = k.usage & use2;
	if (c.t.rng.below(10) == 0 || can1 == can2)
		return c.t.rng.below(2) ? op1 : op2;
	return can1 ? op1 : op2;
}

// ---- buffers -----------------------------------------------------------------------------------

static uint8_t *buf(Call &c, size_t n)
{
	return valid_buffer(c.t.rng, c.t.arena, n, c.t.rng.below(4) ? 0 : c.t.rng.below(16));
}

// ---- plausible keys ----------------------------------------------------------------------------

static uint32_t plausible_key_len(Rng &rng, uint32_t type)
{
	static const uint32_t aes[] = {16, 24, 32, 32, 48, 64};
	switch (type) {
	case NCRYPTO_KEY_TYPE_AES:
		return aes[rng.below(6)];
	case NCRYPTO_KEY_TYPE_GENERIC_SECRET: {
		uint32_t r = rng.below(10);
		return r < 7 ? 14 + rng.below(51) : r < 9 ? 1 + rng.below(13) : 65 + rng.below(192);
	}
	default:
		return 32;
	}
}

static uint32_t plausible_usage(Rng &rng, uint32_t type, int slot)
{
	uint32_t u = type == NCRYPTO_KEY_TYPE_GENERIC_SECRET && rng.below(5)
		     ? NCRYPTO_KEY_SIGN | NCRYPTO_KEY_VERIFY
		     : NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_DECRYPT;
	if (rng.below(4) == 0)
		u &= ~((u & -u) << rng.below(2));	// drop one of the two
	if (rng.below(6) == 0)
		u |= rng.below(NCRYPTO_KEY_USAGE_ALL + 1) & ~NCRYPTO_KEY_EXPORTABLE;
	if (!World::no_export(slot) && rng.below(3) == 0)
		u |= NCRYPTO_KEY_EXPORTABLE;
	return u;
}

// A key bound to one algorithm (ABI 1.1), with its tag length and nonce policy.
static void plausible_binding(Rng &rng, KeyRec &k)
{
	const AlgInfo *a = random_alg(rng, k.type, &k, false);
	if (!a)
		return;
	k.alg = a->alg;
	if (a->cls == NCRYPTO_CLASS_MAC && rng.below(3) == 0)
		k.tag_len = NCRYPTO_MIN_MAC_LEN + rng.below(a->out_len - NCRYPTO_MIN_MAC_LEN + 1);
	if (a->alg == NCRYPTO_ALG_AES_GCM && rng.below(3) == 0) {
		static const uint32_t tags[] = {4, 8, 12, 13, 14, 15, 16};
		k.tag_len = tags[rng.below(7)];
	}
	bool nonce = a->alg == NCRYPTO_ALG_AES_GCM || a->alg == NCRYPTO_ALG_CHACHA20_POLY1305 ||
		     a->alg == NCRYPTO_ALG_AES_CTR;
	if (nonce && rng.below(3) == 0)
		k.nonce = 1 + rng.below(__NCRYPTO_NONCE_MAX - 1);
}

static KeyRec plausible_key(Rng &rng, int slot)
{
	static const uint32_t types[] = {NCRYPTO_KEY_TYPE_AES, NCRYPTO_KEY_TYPE_AES,
					 NCRYPTO_KEY_TYPE_GENERIC_SECRET,
					 NCRYPTO_KEY_TYPE_GENERIC_SECRET, NCRYPTO_KEY_TYPE_CHACHA20};
	KeyRec k;
	k.type = types[rng.below(5)];
	k.len = plausible_key_len(rng, k.type);
	k.usage = plausible_usage(rng, k.type, slot);
	if (rng.below(4) == 0)
		plausible_binding(rng, k);
	return k;
}

static void fill_key_create(Call &c, const KeyRec &k)
{
	auto &kc = c.as<struct ncrypto_key_create>();
	Rng &rng = c.t.rng;
	kc.type = k.type;
	kc.usage = k.usage;
	kc.key_len = k.len;
	kc.alg = k.alg;
	kc.tag_len = k.tag_len;
	kc.nonce_policy = k.nonce;
	if (k.nonce == NCRYPTO_NONCE_COUNTER || k.nonce == NCRYPTO_NONCE_COUNTER_XOR) {
		kc.nonce_fixed_len = k.nonce == NCRYPTO_NONCE_COUNTER ? 4 : 12;
		rng.fill(kc.nonce_fixed, kc.nonce_fixed_len);
		// sometimes right before the end: EOVERFLOW soon
		kc.nonce_counter = rng.below(8) ? rng.next() >> 32 : ~0ull - rng.below(4);
	}
	c.key = k;
}

void build_key_generate(Call &c)
{
	fill_key_create(c, plausible_key(c.t.rng, c.slot));
}

void build_key_import(Call &c)
{
	KeyRec k = plausible_key(c.t.rng, c.slot);
	fill_key_create(c, k);
	uint8_t *data = buf(c, k.len);
	c.t.rng.fill(data, k.len);
	c.as<struct ncrypto_key_create>().data = nct::ptr(data);
}

// What the kernel saw of the key it made: the fields within the size.
static KeyRec sent_key(const Call &c)
{
	const auto &kc = *reinterpret_cast<const ncrypto_key_create *>(c.s);
	KeyRec k;
	k.type = kc.type;
	k.len = kc.key_len;
	k.usage = kc.usage;
	if (c.size >= offsetof(ncrypto_key_create, nonce_policy) + 4) {
		k.alg = kc.alg;
		k.tag_len = kc.tag_len;
		k.nonce = kc.nonce_policy;
	}
	return k;
}

void after_key_create(Call &c)
{
	if (!c.ok())
		return;
	KeyRec k = sent_key(c);
	k.handle = c.res<struct ncrypto_key_create>().handle;
	if (!k.handle)
		finding(&c, "success without a handle");
	pool_add_key(c.t, c.slot, c.seq, k);
}

// ---- key info, export, restrict, destroy -------------------------------------------------------

void build_key_info(Call &c)
{
	c.key = pool_key(c);
	c.as<struct ncrypto_key_info>().handle = c.key.handle;
}

static bool valid_key_len(uint32_t type, uint32_t len)
{
	switch (type) {
	case NCRYPTO_KEY_TYPE_AES:
		return len == 16 || len == 24 || len == 32 || len == 48 || len == 64;
	case NCRYPTO_KEY_TYPE_CHACHA20:
		return len == 32;
	default:
		return len >= 1 && len <= NCRYPTO_MAX_SECRET_LEN;
	}
}

// The kernel says the handle names nothing (any more): stop offering it.
static void forget_key(Call &c, uint32_t h)
{
	if (c.err == ENOENT && h)
		pool_forget(W.slots[c.slot].keys, h);
}

void after_key_info(Call &c)
{
	const auto &sent = c.as<struct ncrypto_key_info>();
	forget_key(c, sent.handle);
	if (!c.ok())
		return;
	const auto &r = c.res<struct ncrypto_key_info>();
	if (r.usage & ~NCRYPTO_KEY_USAGE_ALL)
		finding(&c, "usage %#x has bits outside NCRYPTO_KEY_USAGE_ALL", r.usage);
	if (World::no_export(c.slot) && (r.usage & NCRYPTO_KEY_EXPORTABLE))
		finding(&c, "an EXPORTABLE key in a context where none was ever created");
	if (!enum_valid(E_KEY_TYPE, r.type) || !valid_key_len(r.type, r.key_len))
		finding(&c, "key type %u with %u bytes", r.type, r.key_len);
}

void build_key_export(Call &c)
{
	c.key = pool_key(c);
	auto &ke = c.as<struct ncrypto_key_export>();
	ke.handle = c.key.handle;
	uint32_t r = c.t.rng.below(10);
	ke.data_len = r < 6 ? c.key.len : r < 8 ? NCRYPTO_MAX_SECRET_LEN : c.t.rng.below(c.key.len + 1);
	ke.data = nct::ptr(buf(c, ke.data_len));
}

void after_key_export(Call &c)
{
	const auto &sent = c.as<struct ncrypto_key_export>();
	const auto &r = c.res<struct ncrypto_key_export>();
	forget_key(c, sent.handle);
	if (c.err == ENOSPC && r.data_len <= sent.data_len)
		finding(&c, "ENOSPC, but the length needed (%u) fits the capacity %u", r.data_len,
			sent.data_len);
	if (!c.ok())
		return;
	if (World::no_export(c.slot))
		finding(&c, "KEY_EXPORT succeeded in a context where no key was ever EXPORTABLE");
	if (r.data_len > sent.data_len || r.data_len == 0 || r.data_len > NCRYPTO_MAX_SECRET_LEN)
		finding(&c, "exported %u bytes into a capacity of %u", r.data_len, sent.data_len);
}

void build_key_restrict(Call &c)
{
	c.key = pool_key(c);
	auto &ki = c.as<struct ncrypto_key_info>();
	uint32_t busy = c.t.rng.below(3) ? 0 : busy_handle(c.t, c.slot, true);
	ki.handle = busy ? busy : c.key.handle;	// racing another thread's use
	// mostly a subset (allowed), sometimes a flag it never had (EPERM)
	uint32_t u = c.key.usage & (uint32_t)c.t.rng.next();
	if (c.t.rng.below(5) == 0)
		u |= 1u << c.t.rng.below(8);
	ki.usage = u;
}

void after_key_restrict(Call &c) { forget_key(c, c.as<struct ncrypto_key_info>().handle); }

void build_key_destroy(Call &c)
{
	c.as<struct ncrypto_handle>().handle = c.key.handle = victim(c, true);
}

void after_key_destroy(Call &c)
{
	uint32_t h = c.as<struct ncrypto_handle>().handle;
	forget_key(c, h);
	if (c.ok()) {
		pool_forget(W.slots[c.slot].keys, h);	// another thread's, still pooled
		note_dead(c.slot, h);
	}
}

// ---- one-shot operations -----------------------------------------------------------------

// The data buffers of an operation: src, and dst the same (in place), right
// after it, or elsewhere.
static void data_buffers(Call &c, uint32_t n, uint32_t cap, __u64 *src, __u64 *dst)
{
	uint32_t r = c.t.rng.below(10);
	uint8_t *s = buf(c, std::max(n, cap) + 64);
	*src = nct::ptr(s);
	*dst = r < 2 ? *src : r < 3 ? nct::ptr(s + n) : nct::ptr(buf(c, cap));
}

static void build_hash_op(Call &c, ncrypto_op &o, const AlgInfo &a)
{
	o.op = NCRYPTO_OP_DIGEST;
	o.src_len = pick_data_len(c.t.rng, 1);
	o.dst_len = c.cap = a.out_len + (c.t.rng.below(8) == 0 ? c.t.rng.below(64) : 0) -
			    (c.t.rng.below(10) == 0 ? 1 : 0);
	data_buffers(c, o.src_len, o.dst_len, &o.src, &o.dst);
}

static void build_mac_op(Call &c, ncrypto_op &o, const AlgInfo &a)
{
	o.op = pick_op(c, c.key, NCRYPTO_OP_SIGN, NCRYPTO_KEY_SIGN, NCRYPTO_OP_VERIFY,
		       NCRYPTO_KEY_VERIFY);
	o.src_len = pick_data_len(c.t.rng, 1);
	uint32_t mac = mac_len(c.key, a);
	if (o.op == NCRYPTO_OP_VERIFY) {
		o.tag_len = mac;
		o.tag = nct::ptr(buf(c, mac));	// random: EBADMSG (round trips verify real ones)
		o.src = nct::ptr(buf(c, o.src_len));
	} else {
		o.dst_len = c.cap = mac - (c.t.rng.below(10) == 0 ? 1 : 0);
		data_buffers(c, o.src_len, o.dst_len, &o.src, &o.dst);
	}
}

// ENCRYPT or DECRYPT with an IV (an output with a kernel-made nonce).
static void crypt_op(Call &c, ncrypto_op &o, const AlgInfo &a)
{
	o.op = pick_op(c, c.key, NCRYPTO_OP_ENCRYPT, NCRYPTO_KEY_ENCRYPT, NCRYPTO_OP_DECRYPT,
		       NCRYPTO_KEY_DECRYPT);
	o.iv_len = a.iv_len;
	o.iv = nct::ptr(buf(c, a.iv_len));
}

static void build_cipher_op(Call &c, ncrypto_op &o, const AlgInfo &a)
{
	crypt_op(c, o, a);
	o.src_len = pick_data_len(c.t.rng, a.alg == NCRYPTO_ALG_AES_CBC ? 16 : 1,
				  a.alg == NCRYPTO_ALG_AES_XTS ? 16 : 0);
	o.dst_len = c.cap = o.src_len + (c.t.rng.below(4) == 0 ? c.t.rng.below(32) : 0);
	data_buffers(c, o.src_len, o.dst_len, &o.src, &o.dst);
}

static void build_aead_op(Call &c, ncrypto_op &o, const AlgInfo &a)
{
	crypt_op(c, o, a);
	o.src_len = pick_data_len(c.t.rng, 1);
	o.dst_len = c.cap = o.src_len;
	data_buffers(c, o.src_len, o.dst_len + 16, &o.src, &o.dst);
	o.aad_len = c.t.rng.below(3) ? 13 : c.t.rng.below(65);
	o.aad = nct::ptr(buf(c, o.aad_len));
	o.tag_len = aead_tag_len(c.key);
	// the TLS record layout: the tag right after the text
	o.tag = c.t.rng.below(3) ? o.dst + o.src_len : nct::ptr(buf(c, o.tag_len));
}

void build_op(Call &c)
{
	auto &o = c.as<struct ncrypto_op>();
	if (c.t.rng.below(5))
		c.key = pool_key(c);
	const AlgInfo *a = alg_for(c, c.key, false);
	if (!a) {
		c.key = KeyRec();
		a = alg_for(c, c.key, false);
	}
	if (!a)
		return;
	o.alg = a->alg;
	o.key = c.key.handle;
	switch (a->cls) {
	case NCRYPTO_CLASS_HASH: build_hash_op(c, o, *a); break;
	case NCRYPTO_CLASS_MAC: build_mac_op(c, o, *a); break;
	case NCRYPTO_CLASS_CIPHER: build_cipher_op(c, o, *a); break;
	default: build_aead_op(c, o, *a); break;
	}
}

// What a successful operation wrote to dst_len, against what it was given.
static void check_op_output(Call &c, const ncrypto_op &sent, uint32_t got)
{
	const AlgInfo *a = alg_info(sent.alg);
	if (got > sent.dst_len)
		finding(&c, "dst_len %u > its capacity %u", got, sent.dst_len);
	if (!a || sent.op == NCRYPTO_OP_VERIFY)
		return;
	bool cipher = a->cls == NCRYPTO_CLASS_CIPHER || a->cls == NCRYPTO_CLASS_AEAD;
	if (cipher && got != sent.src_len)
		finding(&c, "%u bytes in, dst_len %u out", sent.src_len, got);
	if (a->cls == NCRYPTO_CLASS_HASH && got != a->out_len)
		finding(&c, "a %u-byte digest is %u bytes", a->out_len, got);
	if (a->cls == NCRYPTO_CLASS_MAC && (got < NCRYPTO_MIN_MAC_LEN || got > a->out_len))
		finding(&c, "a MAC of %u bytes (algorithm: %u)", got, a->out_len);
}

void after_op(Call &c)
{
	const auto &sent = c.as<struct ncrypto_op>();
	uint32_t got = c.res<struct ncrypto_op>().dst_len;
	forget_key(c, sent.key);
	if (c.err == ENOSPC && got <= sent.dst_len)
		finding(&c, "ENOSPC, but the length needed (%u) fits the capacity %u", got,
			sent.dst_len);
	if (c.ok())
		check_op_output(c, sent, got);
}

// ---- sessions ---------------------------------------------------------------------------------

void build_session_init(Call &c)
{
	auto &si = c.as<struct ncrypto_session_init>();
	if (c.t.rng.below(10) >= 3)
		c.key = pool_key(c);
	const AlgInfo *a = alg_for(c, c.key, true);
	if (!a) {
		c.key = KeyRec();
		a = alg_for(c, c.key, true);
	}
	if (!a)
		return;
	si.alg = a->alg;
	si.key = c.key.handle;
	switch (a->cls) {
	case NCRYPTO_CLASS_HASH:
		si.op = NCRYPTO_OP_DIGEST;
		break;
	case NCRYPTO_CLASS_MAC:
		si.op = pick_op(c, c.key, NCRYPTO_OP_SIGN, NCRYPTO_KEY_SIGN, NCRYPTO_OP_VERIFY,
				NCRYPTO_KEY_VERIFY);
		c.sess.tag_len = mac_len(c.key, *a);
		break;
	default:
		si.op = pick_op(c, c.key, NCRYPTO_OP_ENCRYPT, NCRYPTO_KEY_ENCRYPT,
				NCRYPTO_OP_DECRYPT, NCRYPTO_KEY_DECRYPT);
		si.iv_len = a->iv_len;
		si.iv = nct::ptr(buf(c, a->iv_len));
	}
}

void after_session_init(Call &c)
{
	const auto &sent = c.as<struct ncrypto_session_init>();
	forget_key(c, sent.key);
	if (!c.ok())
		return;
	SessRec s = c.sess;
	s.handle = c.res<struct ncrypto_session_init>().handle;
	s.alg = sent.alg;
	s.op = sent.op;
	if (!s.handle)
		finding(&c, "success without a handle");
	pool_add_session(c.t, c.slot, c.seq, s);
}

// A session to work on: often one another thread is using (FINAL racing
// UPDATE, two UPDATEs at once).
static void pick_session(Call &c, unsigned racy_in_10)
{
	c.sess = pool_session(c);
	if (!c.sess.handle) {	// sessions end fast: an empty pool is common
		run_ioctl(c.t, I_SESSION_INIT, c.slot);
		c.sess = pool_session(c);
	}
	uint32_t h = c.t.rng.below(10) < racy_in_10 ? busy_handle(c.t, c.slot, false) : 0;
	if (h)
		c.sess.handle = h;
}

static bool is_cipher(uint32_t alg)
{
	const AlgInfo *a = alg_info(alg);
	return a && a->cls == NCRYPTO_CLASS_CIPHER;
}

static void session_data(Call &c, uint32_t src_len, uint32_t cap)
{
	auto &sd = c.as<struct ncrypto_session_data>();
	sd.handle = c.sess.handle;
	sd.src_len = src_len;
	sd.dst_len = c.cap = cap;
	data_buffers(c, src_len, cap, &sd.src, &sd.dst);
}

void build_session_update(Call &c)
{
	pick_session(c, 2);
	uint32_t n = pick_data_len(c.t.rng, 1);
	session_data(c, n, is_cipher(c.sess.alg) ? n + (c.t.rng.below(8) ? 16 : 0) : 0);
}

void build_session_final(Call &c)
{
	pick_session(c, 3);
	auto &sd = c.as<struct ncrypto_session_data>();
	const AlgInfo *a = alg_info(c.sess.alg);
	uint32_t n = c.t.rng.below(3) ? 0 : pick_data_len(c.t.rng, 1);
	uint32_t cap = is_cipher(c.sess.alg) ? n + 16 : a ? a->out_len : NCRYPTO_MAX_DIGEST_LEN;
	session_data(c, n, cap - (c.t.rng.below(10) == 0 && cap ? 1 : 0));
	if (c.sess.op == NCRYPTO_OP_VERIFY) {
		sd.dst_len = 0;
		sd.tag_len = c.sess.tag_len;
		sd.tag = nct::ptr(buf(c, sd.tag_len));
	}
	if (c.t.rng.below(4) == 0)
		sd.flags = NCRYPTO_SESSION_F_KEEP;
}

static void check_session_output(Call &c)
{
	const auto &sent = c.as<struct ncrypto_session_data>();
	uint32_t got = c.res<struct ncrypto_session_data>().dst_len;
	if (c.err == ENOSPC && got <= sent.dst_len)
		finding(&c, "ENOSPC, but the length needed (%u) fits the capacity %u", got,
			sent.dst_len);
	if (c.ok() && got > sent.dst_len)
		finding(&c, "dst_len %u > its capacity %u", got, sent.dst_len);
}

static void forget_session(Call &c, uint32_t h)
{
	if (h)
		pool_forget(W.slots[c.slot].sessions, h);
}

// A failed session can only be destroyed: do it, some of the time.
static void after_session_error(Call &c, uint32_t h)
{
	if (c.err == ENOENT)
		forget_session(c, h);
	if (c.err == EBADFD && c.t.rng.below(2)) {
		forget_session(c, h);
		destroy_handle(c.t, c.slot, h, false);
	}
}

void after_session_update(Call &c)
{
	check_session_output(c);
	after_session_error(c, c.as<struct ncrypto_session_data>().handle);
}

void after_session_final(Call &c)
{
	const auto &sent = c.as<struct ncrypto_session_data>();
	check_session_output(c);
	after_session_error(c, sent.handle);
	// without KEEP, FINAL ends the session unless it stopped at ENOSPC
	if (!(sent.flags & NCRYPTO_SESSION_F_KEEP) && c.err != ENOSPC)
		forget_session(c, sent.handle);
}

void build_session_clone(Call &c)
{
	pick_session(c, 2);
	c.as<struct ncrypto_session_clone>().handle = c.sess.handle;
}

void after_session_clone(Call &c)
{
	const auto &sent = c.as<struct ncrypto_session_clone>();
	after_session_error(c, sent.handle);
	if (!c.ok())
		return;
	SessRec s = c.sess;
	s.handle = c.res<struct ncrypto_session_clone>().new_handle;
	if (!s.handle || s.handle == sent.handle)
		finding(&c, "clone of session %u is session %u", sent.handle, s.handle);
	pool_add_session(c.t, c.slot, c.seq, s);
}

void build_session_destroy(Call &c)
{
	c.as<struct ncrypto_handle>().handle = c.sess.handle = victim(c, false);
}

void after_session_destroy(Call &c)
{
	uint32_t h = c.as<struct ncrypto_handle>().handle;
	if (c.ok() || c.err == ENOENT)
		forget_session(c, h);
}

// ---- INFO ---------------------------------------------------------------------------------------

void build_info(Call &c)
{
	auto &i = c.as<struct ncrypto_info>();
	i.n_algs = c.t.rng.below(40);
	i.algs = nct::ptr(buf(c, i.n_algs * sizeof(struct ncrypto_alg_info)));
}

// (The context's counts are not held against their limits: the kernel raises
// a counter before it compares it, so a snapshot may pass a limit briefly.)
void after_info(Call &c)
{
	if (!c.ok())
		return;
	const auto &r = c.res<struct ncrypto_info>();
	if (r.abi_major != NCRYPTO_ABI_MAJOR || r.n_algs == 0 || (r.fips_mode != 0) != W.fips)
		finding(&c, "ABI %u.%u, %u algorithms, fips_mode %u", r.abi_major, r.abi_minor,
			r.n_algs, r.fips_mode);
}


} // namespace fz
