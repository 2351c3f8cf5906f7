// SPDX-License-Identifier: LGPL-2.1-or-later
// One ioctl: a plausible struct from the pools (so most calls get past the
// first checks), then, for some calls, mutations chosen by each field's kind
// in the table of abi.cpp, then the call and its checks:
//  - the errno is one the header documents for that ioctl (EBADF only when
//    another thread closed or replaced the fd meanwhile);
//  - a call the header says must fail (a non-zero reserved field, an unknown
//    flag or usage bit, an invalid enum value, a bad size or tail, a NULL
//    pointer with a length, an unreadable argument) does not succeed;
//  - what a success writes back makes sense (handles non-zero, output
//    lengths within their capacity and what the algorithm produces, no
//    export in a context that never had an EXPORTABLE key);
//  - round trips: what one call encrypts or signs, the next decrypts or
//    verifies, and a hash session agrees with the one-shot digest.
#include "fuzz.hpp"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace fz {

// ---- Call -----------------------------------------------------------------------------------

Call::Call(Thread &th, int ioctl_id) : t(th), io(&ioctl_desc(ioctl_id)), id(ioctl_id)
{
	// only what a struct of this ioctl covers: a page struct clears the rest
	memset(s, 0, io->size + 16);
	memset(out, 0, io->size + 16);
	muts[0] = 0;
	nr = io->nr;
	size = io->size;
	memcpy(s, &size, 4);
}

uint64_t Call::get(const Field &f) const
{
	uint64_t v = 0;
	if (f.width == 4 || f.width == 8)
		memcpy(&v, s + f.off, f.width);
	return v;
}

void Call::set(const Field &f, uint64_t v)
{
	if (f.width == 4 || f.width == 8)
		memcpy(s + f.off, &v, f.width);
}

void Call::note(const char *fmt, ...)
{
	if (nmuts + 2 >= sizeof(muts))
		return;
	if (nmuts)
		nmuts += snprintf(muts + nmuts, sizeof(muts) - nmuts, ", ");
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(muts + nmuts, sizeof(muts) - nmuts, fmt, ap);
	va_end(ap);
	nmuts = std::min(sizeof(muts) - 1, nmuts + (n > 0 ? n : 0));
}

bool Call::stable() const
{
	return was_open && !(seq & 1) && W.slots[slot].seq.load() == seq &&
	       W.slots[slot].open.load();
}

static const Field *field_at(const Ioctl &io, size_t off)
{
	for (const Field &f : io.fields)
		if (f.off == off)
			return &f;
	return nullptr;
}

// The kernel sees a field only if it lies within the caller's size.
static bool seen(const Call &c, const Field &f) { return f.off + f.width <= c.size; }

// ---- choosing objects ---------------------------------------------------------------------

static void aim(Call &c, int slot)
{
	Slot &s = W.slots[slot];
	if (!s.open && c.t.rng.below(3) == 0)
		slot_reopen(c.t, slot);
	c.slot = slot;
	c.fd = W.fd(slot);
	c.seq = s.seq.load();
	c.was_open = s.open.load();
}

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

static const AlgInfo *random_alg(Rng &rng, uint32_t key_type, const KeyRec *key, bool session)
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
static const AlgInfo *alg_for_key(Rng &rng, const KeyRec &k, bool session = false)
{
	if (k.handle && k.alg && alg_info(k.alg))
		return alg_info(k.alg);
	return random_alg(rng, k.handle ? k.type : 0, k.handle ? &k : nullptr, session);
}

static const AlgInfo *alg_for(Call &c, const KeyRec &k, bool session)
{
	return alg_for_key(c.t.rng, k, session);
}

static uint32_t mac_len(const KeyRec &k, const AlgInfo &a) { return k.tag_len ? k.tag_len : a.out_len; }
static uint32_t aead_tag_len(const KeyRec &k) { return k.tag_len ? k.tag_len : 16; }

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

// ---- generic mutations ------------------------------------------------------------------------

static uint32_t mutate_handle(Call &c, bool key)
{
	static const uint32_t kHuge[] = {0x7fffffff, 0x80000000u, 0xffffffffu, 1u << 24};
	Rng &rng = c.t.rng;
	Slot &other = W.slots[pick_slot(rng)];
	switch (rng.below(8)) {
	case 0: c.note("handle 0"); return 0;
	case 1: c.note("destroyed handle"); return dead_handle(c.slot, rng);
	case 2: c.note("handle of the other kind");
		return pool_peek(key ? W.slots[c.slot].sessions : W.slots[c.slot].keys, rng) & 0xffffff;
	case 3: c.note("handle of another context");
		return pool_peek(key ? other.keys : other.sessions, rng) & 0xffffff;
	case 4: c.note("small handle"); return 1 + rng.below(64);
	case 5: c.note("huge handle");
		return kHuge[rng.below(4)];
	case 6: c.note("another thread's handle"); return busy_handle(c.t, c.slot, key);
	default: c.note("random handle"); return (uint32_t)rng.next();
	}
}

static uint32_t mutate_enum(Call &c, const Field &f)
{
	Rng &rng = c.t.rng;
	const std::vector<uint32_t> &v = enum_values((EnumId)f.arg);
	uint32_t r = rng.below(10);
	uint32_t x = r < 5 ? v[rng.below(v.size())] : r < 6 ? 0 : r < 7 ? v.back() + 1 :
		     r < 8 ? 64 + rng.below(64) : r < 9 ? rng.below(256) : 0xffffffffu;
	c.note("%s=%u", f.name, x);
	return x;
}

static uint64_t interesting_number(Rng &rng)
{
	static const uint64_t v[] = {0, 1, 2, 3, 4, 8, 11, 12, 13, 15, 16, 17, 24, 31, 32, 33,
				     48, 63, 64, 65, 255, 256, 257, 0x7fffffff, 0x80000000u,
				     0xffffffffu, ~0ull, ~0ull - 1, 1ull << 32, 1ull << 63};
	return rng.below(4) ? v[rng.below(sizeof(v) / sizeof(v[0]))] : rng.next() >> rng.below(64);
}

// A pointer field and its length, together: new length, new pointer, or the
// pointer of another field (the same buffer or an overlapping one).
static void mutate_pointer(Call &c, const Field &p, bool new_len)
{
	Rng &rng = c.t.rng;
	const Field *len = field_at(*c.io, p.arg);
	uint64_t n = len ? c.get(*len) : 0;
	if (new_len && len) {
		n = pick_length(rng, 16);
		c.set(*len, n);
		c.note("%s=%llu", len->name, (unsigned long long)n);
	}
	uint64_t v;
	const Field &o = c.io->fields[rng.below(c.io->fields.size())];
	if (rng.below(5) == 0 && o.kind == PTR && o.off != p.off) {
		v = c.get(o) + (rng.below(2) ? 0 : 1 + rng.below(16));
		c.note("%s near %s", p.name, o.name);
	} else {
		v = pick_pointer(rng, c.t.arena, n * p.unit);
		c.note("%s=%#llx", p.name, (unsigned long long)v);
	}
	c.set(p, v);
}

static void mutate_size(Call &c)
{
	Rng &rng = c.t.rng;
	uint32_t ver0 = c.io->ver0, full = c.io->size, r = rng.below(12);
	uint32_t sizes[] = {ver0, full, full + 8, (uint32_t)page_size, ver0 + 4 * rng.below((full - ver0) / 4 + 1),
			    ver0 - 1, ver0 - 4, 0, 4, (uint32_t)page_size + 1, 0xffffffffu, full + 8};
	c.size = sizes[r];
	if (c.size > full)
		memset(c.s + full, 0, std::min<size_t>(c.size, kStructMax) - full);
	if (r == 11)	// a tail the kernel does not know, not all zero
		c.s[full + rng.below(8)] = 1 + rng.below(255);
	memcpy(c.s, &c.size, 4);
	c.note("size=%u%s", c.size, r == 11 ? " (non-zero tail)" : "");
}

static void mutate_field(Call &c, const Field &f)
{
	Rng &rng = c.t.rng;
	switch (f.kind) {
	case SIZE: mutate_size(c); return;
	case FLAGS: {
		uint32_t v = rng.below(2) ? f.arg & (uint32_t)rng.next() : 1u << rng.below(32);
		c.set(f, v);
		c.note("flags=%#x", v);
		return;
	}
	case KEY: case SESSION: c.set(f, mutate_handle(c, f.kind == KEY)); return;
	case ENUM: c.set(f, mutate_enum(c, f)); return;
	case USAGE: {
		uint32_t v = rng.below(3) ? rng.below(NCRYPTO_KEY_USAGE_ALL + 1)
					  : (uint32_t)rng.next() | 0x100;
		c.set(f, v);
		c.note("usage=%#x", v);
		return;
	}
	case LEN:
		for (const Field &p : c.io->fields)
			if (p.kind == PTR && p.arg == f.off) {
				mutate_pointer(c, p, true);
				return;
			}
		[[fallthrough]];
	case NUM: case OUT: {
		uint64_t v = interesting_number(rng);
		c.set(f, v);
		c.note("%s=%llu", f.name, (unsigned long long)v);
		return;
	}
	case PTR: mutate_pointer(c, f, rng.below(3) == 0); return;
	case BYTES: rng.fill(c.s + f.off, f.width); c.note("%s random", f.name); return;
	case ZERO:
		c.s[f.off + rng.below(f.width)] = 1 + rng.below(255);
		c.note("%s non-zero", f.name);
		return;
	}
}

// Whatever the rest holds, the header says these calls fail.
static uint32_t must_fail(const Call &c)
{
	uint32_t why = 0;
	if (c.size < c.io->ver0)
		why |= F_SIZE_SMALL;
	if (c.size > page_size)
		why |= F_SIZE_BIG;
	for (uint32_t i = c.io->size; i < std::min<uint32_t>(c.size, kStructMax); i++)
		if (c.s[i])
			why |= F_TAIL;
	for (const Field &f : c.io->fields) {
		if (!seen(c, f))
			continue;
		uint64_t v = c.get(f);
		bool nonzero = false;
		for (int i = 0; i < f.width; i++)
			nonzero |= c.s[f.off + i] != 0;
		if (f.kind == FLAGS && (v & ~(uint64_t)f.arg))
			why |= F_FLAGS;
		if (f.kind == ZERO && nonzero)
			why |= F_NONZERO;
		if (f.kind == ENUM && !enum_valid((EnumId)f.arg, (uint32_t)v))
			why |= F_ENUM;
		if (f.kind == USAGE && (v & ~(uint64_t)NCRYPTO_KEY_USAGE_ALL))
			why |= F_USAGE_BITS;
		const Field *len = f.kind == PTR ? field_at(*c.io, f.arg) : nullptr;
		if (len && seen(c, *len) && v == 0 && c.get(*len) != 0)
			why |= F_NULL_LEN;
	}
	return why;
}

static void mutate(Call &c)
{
	c.mutated = true;
	int n = 1 + (c.t.rng.below(4) == 0) + (c.t.rng.below(8) == 0);
	for (int i = 0; i < n; i++)
		mutate_field(c, c.io->fields[c.t.rng.below(c.io->fields.size())]);
}

// ---- the argument pointer -------------------------------------------------------------------

// The bytes the kernel may read: the size it is told, at least the first
// published size (it reads that much before looking at the size).
static size_t arg_bytes(const Call &c)
{
	return std::min<size_t>(std::max(c.size, c.io->ver0), kStructMax);
}

static void place(Call &c, bool plain)
{
	Arena &a = c.t.args;
	Rng &rng = c.t.rng;
	size_t n = std::max(arg_bytes(c), (size_t)c.io->size);
	uint32_t r = plain ? 0 : rng.below(100);
	c.arg_readable = true;
	if (r < 95) {	// mapped: aligned, or not (the kernel must not care)
		size_t off = r < 90 ? 8 * rng.below((uint32_t)(a.len - n) / 8) : 1 + rng.below(7);
		c.arg = a.data + off;
		memcpy(c.arg, c.s, n);
	} else if (r < 97) {	// partly mapped: the struct runs into the fence
		size_t need = arg_bytes(c), k = need > 1 ? 1 + rng.below((uint32_t)need - 1) : 0;
		c.arg = a.guard_end() - k;
		memcpy(c.arg, c.s, k);
		c.arg_readable = false;
		if (k)
			c.must_fail |= F_ARG;
		c.note("struct straddles a fence (%zu bytes mapped)", k);
	} else if (r < 99) {	// read-only: the kernel can read it, not write back
		size_t fit = std::min<size_t>(n, page_size);
		c.arg = a.ro + 8 * rng.below((uint32_t)(page_size - fit) / 8 + 1);
		memcpy(a.ro_alias + (c.arg - a.ro), c.s, std::min<size_t>(n, a.ro + page_size - c.arg));
		c.note("struct read-only");
	} else {
		static const uint64_t bad[] = {0, 0x1000, 0xffff888000000000ull, 0x800000000000ull};
		c.arg = (uint8_t *)(uintptr_t)bad[rng.below(4)];
		c.arg_readable = false;
		c.must_fail |= F_ARG;
		c.note("struct at %p", (void *)c.arg);
	}
}

static void read_back(Call &c)
{
	if (!c.arg_readable)
		return;
	size_t n = arg_bytes(c);
	if (c.arg >= c.t.args.ro && c.arg < c.t.args.ro + page_size)
		n = std::min<size_t>(n, c.t.args.ro + page_size - c.arg);
	memcpy(c.out, c.arg, n);
}

// ---- the call --------------------------------------------------------------------------------

static void check_errno(Call &c)
{
	const char *why = nullptr;
	if (c.nr_mutated)
		why = c.err == ENOTTY ? nullptr : "an ioctl number not in the header must give ENOTTY";
	else if (c.err == EBADF)
		why = "EBADF on an fd nobody closed";
	else if (!(c.io->errs & err_bit(c.err)))
		why = "an errno the header does not document for this ioctl";
	if (c.err == EBADF && !c.stable())
		why = nullptr;	// another thread closed or replaced the fd: expected
	if (why && c.err == EBADF)
		finding(&c, "%s (seq %u -> %u, open %d, fd %d now %s, pid %d)", why, c.seq,
			W.slots[c.slot].seq.load(), (int)W.slots[c.slot].open.load(), c.fd,
			fcntl(c.fd, F_GETFD) < 0 ? "closed" : "open", (int)getpid());
	else if (why)
		finding(&c, "%s (%s)", why, errno_name(c.err));
	if (c.ok() && c.must_fail) {
		static const char *names[] = {"size < VER0", "size > page", "non-zero tail",
					      "unknown flag", "non-zero reserved field",
					      "unknown usage bit", "NULL pointer with a length",
					      "invalid enum value", "unreadable struct"};
		char list[200] = "";
		for (int i = 0; i < 9; i++)
			if (c.must_fail & (1u << i))
				snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s",
					 list[0] ? ", " : "", names[i]);
		finding(&c, "succeeded although the header says it fails: %s", list);
	}
}

static int issue(Call &c, bool plain)
{
	place(c, plain);
	Busy &b = c.t.busy();
	b.key = c.key.handle;
	b.session = c.sess.handle;
	b.slot = c.slot;
	c.err = ioctl(c.fd, c.nr, c.arg) == 0 ? 0 : errno;
	b.slot = -1;
	read_back(c);
	S->calls++;
	count(c.nr_mutated ? I_BAD_NUMBER : c.id, c.err);
	check_errno(c);
	if (!c.nr_mutated)
		c.io->after(c);
	return c.err;
}

// Keys of even slots are never EXPORTABLE, mutated or not (see Slot).
static void keep_export_rule(Call &c)
{
	if ((c.id == I_KEY_GENERATE || c.id == I_KEY_IMPORT) && World::no_export(c.slot))
		c.as<struct ncrypto_key_create>().usage &= ~NCRYPTO_KEY_EXPORTABLE;
}

int run_ioctl(Thread &t, int id, int slot)
{
	Call c(t, id);
	aim(c, slot >= 0 ? slot : pick_slot(t.rng));
	c.io->build(c);
	if (t.rng.below(100) < 30)
		mutate(c);
	keep_export_rule(c);
	c.must_fail |= must_fail(c);
	return issue(c, !c.mutated);
}

int destroy_handle(Thread &t, int slot, uint32_t handle, bool key)
{
	Call c(t, key ? I_KEY_DESTROY : I_SESSION_DESTROY);
	aim(c, slot);
	c.as<struct ncrypto_handle>().handle = handle;
	return issue(c, true);
}

// A valid number with its size or direction bits changed, a number next to
// the header's, another driver's magic: ENOTTY, whatever the struct holds.
void act_bad_number(Thread &t)
{
	int id = t.rng.below(N_IOCTLS);
	Call c(t, id);
	aim(c, pick_slot(t.rng));
	c.io->build(c);
	unsigned long nr = c.io->nr, size = _IOC_SIZE(nr);
	switch (t.rng.below(5)) {
	case 0: nr = _IOC(_IOC_DIR(nr), _IOC_TYPE(nr), _IOC_NR(nr), c.io->size != size ? c.io->size : size + 8); break;
	case 1: nr = _IOC(_IOC_DIR(nr) ^ (1 + t.rng.below(3)), _IOC_TYPE(nr), _IOC_NR(nr), size); break;
	case 2: nr = _IOC(_IOC_DIR(nr), _IOC_TYPE(nr), _IOC_NR(nr) + 1 + t.rng.below(8), size); break;
	case 3: nr = _IOC(_IOC_DIR(nr), _IOC_TYPE(nr) ^ (1 + t.rng.below(255)), _IOC_NR(nr), size); break;
	default: nr = _IOC(_IOC_DIR(nr), _IOC_TYPE(nr), _IOC_NR(nr), t.rng.below(1u << 14)); break;
	}
	for (int i = 0; i < N_IOCTLS; i++)
		if (nr == ioctl_desc(i).nr)
			return;	// landed on a real one
	c.nr = nr;
	c.nr_mutated = true;
	c.note("ioctl number %#lx", nr);
	issue(c, false);
}

// ---- round trips ---------------------------------------------------------------------------

// A call built by hand (not mutated) on a fixed slot.
struct Plain : Call {
	Plain(Thread &th, int id, int slot, const KeyRec &k) : Call(th, id)
	{
		aim(*this, slot);
		key = k;
	}
	int run() { return issue(*this, true); }
};

static int plain_op(Thread &t, int slot, const KeyRec &k, ncrypto_op o, uint32_t *dst_len = nullptr)
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
	uint8_t *msg = cv.next(n), *d1 = cv.next(NCRYPTO_MAX_DIGEST_LEN), *d2 = cv.next(NCRYPTO_MAX_DIGEST_LEN);
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

// ---- the action table -------------------------------------------------------------------------

// Weights relative to the ioctls' (table weight x 100): a fork per 20,000
// calls or so, a change of fd every thousand or two.
static const struct {
	unsigned weight;
	void (*fn)(Thread &);
} extras[] = {
	{6000, act_roundtrip}, {800, act_bad_number}, {60, act_reopen}, {40, act_close},
	{30, act_dup}, {5, act_fork}, {5, act_scm_rights},
};

void step(Thread &t)
{
	unsigned total = 0;
	for (int i = 0; i < N_IOCTLS; i++)
		total += 100 * ioctl_desc(i).weight;
	for (const auto &e : extras)
		total += e.weight;
	unsigned r = t.rng.below(total);
	for (int i = 0; i < N_IOCTLS; i++) {
		unsigned w = 100 * ioctl_desc(i).weight;
		if (r < w) {
			run_ioctl(t, i);
			return;
		}
		r -= w;
	}
	for (const auto &e : extras) {
		if (r < e.weight) {
			e.fn(t);
			return;
		}
		r -= e.weight;
	}
}

} // namespace fz
