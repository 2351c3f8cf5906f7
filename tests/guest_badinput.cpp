// SPDX-License-Identifier: LGPL-2.1-or-later
// Raw ioctls on /dev/ncrypto with bad input, for every ioctl of the ABI.
// Each expected errno is the one <linux/ncrypto.h> documents. After every
// bad call the context must still work: the reference key still encrypts
// its known answer and the context's key and session counts are unchanged
// (a failed ioctl never destroys or changes another object).
// Needs the module: runs in the guest.
#include "common.hpp"

#include <cerrno>
#include <cstdarg>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
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
using nct::raw_key_create;
using nct::raw_key_import;
using nct::raw_session_data;
using nct::raw_session_init;
using nct::xioctl;

namespace {

// ---- raw helpers --------------------------------------------------------------

const long page = sysconf(_SC_PAGESIZE);

// An address nothing is mapped at: mapped and unmapped again just before use.
void *fresh_unmapped()
{
	void *p = mmap(nullptr, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ck_assert(p != MAP_FAILED);
	munmap(p, page);
	return p;
}

// Two pages, the second inaccessible: straddle(n) returns a pointer whose
// first n/2 bytes are readable and writable and the rest faults.
struct Guarded {
	uint8_t *base;
	Guarded()
	{
		void *p = mmap(nullptr, 2 * page, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		ck_assert(p != MAP_FAILED);
		base = (uint8_t *)p;
		ck_assert(mprotect(base + page, page, PROT_NONE) == 0);
	}
	uint8_t *straddle(size_t n) { return base + page - n / 2; }
};

// A read-only page (the kernel can read it but not write to it).
uint8_t *readonly_page(const void *content, size_t n)
{
	void *p = mmap(nullptr, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ck_assert(p != MAP_FAILED);
	memcpy(p, content, n);
	ck_assert(mprotect(p, page, PROT_READ) == 0);
	return (uint8_t *)p;
}

int key_destroy(int fd, uint32_t h) { return raw_handle_ioctl(fd, NCRYPTO_IOC_KEY_DESTROY, h); }
int sess_destroy(int fd, uint32_t h) { return raw_handle_ioctl(fd, NCRYPTO_IOC_SESSION_DESTROY, h); }

int key_info(int fd, uint32_t h, struct ncrypto_key_info *ki)
{
	memset(ki, 0, sizeof(*ki));
	ki->size = sizeof(*ki);
	ki->handle = h;
	return xioctl(fd, NCRYPTO_IOC_KEY_INFO, ki);
}

// ---- the fixture: one context with a reference key ----------------------------

struct Fixture {
	int fd = -1;
	struct ncrypto_info info;
	bool fips = false;
	uint32_t ref_key = 0;	// AES-128 kat_key, ENCRYPT|DECRYPT, not exportable
	uint32_t keys = 0, sessions = 0;	// what the context must hold
	nct::Failures *fails = nullptr;
};
Fixture fx;

void setup()
{
	fx = Fixture();
	fx.fails = new nct::Failures("badinput");
	fx.fd = nct::raw_open();
	ck_assert(nct::raw_info(fx.fd, &fx.info));
	fx.fips = fx.info.fips_mode != 0;
	int e = raw_key_import(fx.fd, NCRYPTO_KEY_TYPE_AES, kat_key, 16,
			       NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_DECRYPT, &fx.ref_key);
	ck_assert_msg(e == 0, "import of the reference key: %s", errno_name(e));
	fx.keys = 1;
}

void teardown()
{
	if (fx.fd >= 0)
		close(fx.fd);
	delete fx.fails;
}

void bad(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void bad(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	fx.fails->add(buf);
}

// The context still works and holds what it should.
void check_ctx(const char *after)
{
	uint8_t iv[16] = {0}, out[16] = {0};
	RawOp op(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, fx.ref_key);
	int e = op.in(kat_pt, 16).out(out, 16).with_iv(iv, 16).run(fx.fd);
	if (e || op.dst_len != 16 || memcmp(out, kat_ct, 16) != 0)
		bad("after %s: the reference key no longer encrypts (%s)", after, errno_name(e));
	struct ncrypto_info info;
	if (!nct::raw_info(fx.fd, &info))
		bad("after %s: NCRYPTO_IOC_INFO fails: %s", after, errno_name(errno));
	else if (info.ctx_keys != fx.keys || info.ctx_sessions != fx.sessions)
		bad("after %s: context holds %u keys, %u sessions; expected %u, %u", after,
		     info.ctx_keys, info.ctx_sessions, fx.keys, fx.sessions);
}

// Asserts errno `want` for a call, then that the context is intact.
void expect(const char *what, int got, int want)
{
	if (got != want)
		bad("%s: got %s, expected %s", what, errno_name(got), errno_name(want));
	check_ctx(what);
}

void expect_any(const char *what, int got, const std::vector<int> &wants)
{
	bool ok = false;
	std::string list;
	for (int w : wants) {
		ok |= got == w;
		list += std::string(list.empty() ? "" : " or ") + errno_name(w);
	}
	if (!ok)
		bad("%s: got %s, expected %s", what, errno_name(got), list.c_str());
	check_ctx(what);
}

void finish() { NCT_CHECK_FAILURES(*fx.fails); }

// Objects the fixture's tests create and must destroy again.
uint32_t mk_key(uint32_t type, const void *data, uint32_t len, uint32_t usage)
{
	uint32_t h;
	int e = raw_key_import(fx.fd, type, data, len, usage, &h);
	ck_assert_msg(e == 0, "key import (type %u, %u bytes, usage %#x): %s", type, len, usage,
		      errno_name(e));
	fx.keys++;
	return h;
}
// A key with ABI 1.1 parameters.
uint32_t mk_rawkey(RawKey k)
{
	uint32_t h;
	int e = k.import(fx.fd, &h);
	ck_assert_msg(e == 0, "key import (type %u, alg %u, policy %u): %s", k.type, k.alg,
		      k.nonce_policy, errno_name(e));
	fx.keys++;
	return h;
}
// AES-GCM encryption is tested with this key: in FIPS mode a caller-chosen
// IV is refused (EACCES), so the kernel makes the nonce (written to iv).
uint32_t mk_gcm_random_key()
{
	return mk_rawkey(RawKey(NCRYPTO_KEY_TYPE_AES, NCRYPTO_KEY_ENCRYPT, 16).value(kat_key)
				 .bound(NCRYPTO_ALG_AES_GCM).nonce(NCRYPTO_NONCE_RANDOM));
}
void rm_key(uint32_t h)
{
	int e = key_destroy(fx.fd, h);
	ck_assert_msg(e == 0, "key destroy %u: %s", h, errno_name(e));
	fx.keys--;
}
uint32_t mk_sess(uint32_t op, uint32_t alg, uint32_t key, const void *iv = nullptr,
		 uint32_t iv_len = 0)
{
	uint32_t h;
	int e = raw_session_init(fx.fd, op, alg, key, iv, iv_len, &h);
	ck_assert_msg(e == 0, "session init (op %u alg %u): %s", op, alg, errno_name(e));
	fx.sessions++;
	return h;
}
void rm_sess(uint32_t h)
{
	int e = sess_destroy(fx.fd, h);
	ck_assert_msg(e == 0, "session destroy %u: %s", h, errno_name(e));
	fx.sessions--;
}

// Two different AES-128 halves (identical halves are refused under FIPS).
const uint8_t xts_key[32] = {0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15,
			     16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31};

// A FINAL without KEEP that found the session and failed (not with ENOSPC)
// ended it: the handle is gone (ABI 1.1; 1.0 allowed a finished session).
void rm_failed_final(uint32_t h, const char *what)
{
	uint32_t n = 0;
	uint8_t out[64];
	int e = raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_FINAL, h, nullptr, 0, out, &n);
	if (e != ENOENT)
		bad("final after %s: got %s, expected ENOENT", what, errno_name(e));
	e = sess_destroy(fx.fd, h);
	if (e != ENOENT)
		bad("destroy after %s: got %s, expected ENOENT", what, errno_name(e));
	fx.sessions--;
	check_ctx(what);
}

const uint8_t hmac_key[32] = {0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b,
			      0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b,
			      0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b,
			      0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b};

// ---- the generic table: one valid call per ioctl, then mutations ------------

// Buffers and prerequisite objects of one valid call. Prerequisites are
// created with raw calls outside fx.keys/fx.sessions and destroyed by
// cleanup(), which checks they survived a failed call.
struct Prep {
	Prep() { memset(static_cast<void *>(this), 0, sizeof(*this)); }
	uint32_t key, sess;
	alignas(16) uint8_t iv[32], aad[32], src[64], dst[64], tag[64], data[64];
	struct ncrypto_alg_info algs[64];
};

struct PtrField {
	const char *name;
	size_t ptr_off;
	size_t len_off;	// offset of its __u32 length
	bool out;	// the kernel writes there
};

struct Desc {
	const char *name;
	unsigned long req;
	uint32_t ver0;
	void (*prepare)(Prep &, uint8_t *arg);
	bool consumes_key, consumes_sess;	// a success destroys the prerequisite
	size_t created_off;	// __u32 handle a success creates (0: none)
	bool created_is_key;
	uint32_t bad_flags[2];
	std::vector<std::pair<size_t, size_t>> reserved;	// offset, width
	std::vector<PtrField> ptrs;
	bool writes_back;	// _IOWR: the kernel writes the struct back
};

template <class T> T *as(uint8_t *arg) { return reinterpret_cast<T *>(arg); }

void prep_info(Prep &p, uint8_t *arg)
{
	auto *a = as<struct ncrypto_info>(arg);
	a->algs = ptr(p.algs);
	a->n_algs = 16;
}

void prep_generate(Prep &, uint8_t *arg)
{
	auto *a = as<struct ncrypto_key_create>(arg);
	a->type = NCRYPTO_KEY_TYPE_AES;
	a->usage = NCRYPTO_KEY_ENCRYPT;
	a->key_len = 16;
}

void prep_import(Prep &p, uint8_t *arg)
{
	auto *a = as<struct ncrypto_key_create>(arg);
	memcpy(p.data, kat_key, 16);
	a->type = NCRYPTO_KEY_TYPE_AES;
	a->usage = NCRYPTO_KEY_ENCRYPT;
	a->key_len = 16;
	a->data = ptr(p.data);
}

uint32_t raw_key(uint32_t usage)
{
	uint32_t h;
	int e = raw_key_import(fx.fd, NCRYPTO_KEY_TYPE_AES, kat_key, 16, usage, &h);
	ck_assert_msg(e == 0, "prerequisite key: %s", errno_name(e));
	return h;
}

uint32_t raw_hash_session()
{
	uint32_t h;
	int e = raw_session_init(fx.fd, NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0, nullptr, 0, &h);
	ck_assert_msg(e == 0, "prerequisite session: %s", errno_name(e));
	return h;
}

void prep_key_info(Prep &, uint8_t *arg) { as<struct ncrypto_key_info>(arg)->handle = fx.ref_key; }

void prep_export(Prep &p, uint8_t *arg)
{
	p.key = raw_key(NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_EXPORTABLE);
	auto *a = as<struct ncrypto_key_export>(arg);
	a->handle = p.key;
	a->data = ptr(p.data);
	a->data_len = 16;	// exactly the key: a short writable area must fault
}

void prep_restrict(Prep &p, uint8_t *arg)
{
	p.key = raw_key(NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_DECRYPT);
	auto *a = as<struct ncrypto_key_info>(arg);
	a->handle = p.key;
	a->usage = NCRYPTO_KEY_ENCRYPT;
}

void prep_key_destroy(Prep &p, uint8_t *arg)
{
	p.key = raw_key(NCRYPTO_KEY_ENCRYPT);
	as<struct ncrypto_handle>(arg)->handle = p.key;
}

// AES-128-GCM encryption: every pointer in use. The key makes the nonce
// (RANDOM policy), so iv is an output, and FIPS mode allows the encryption.
void prep_op(Prep &p, uint8_t *arg)
{
	int e = RawKey(NCRYPTO_KEY_TYPE_AES, NCRYPTO_KEY_ENCRYPT, 16).value(kat_key)
			.bound(NCRYPTO_ALG_AES_GCM).nonce(NCRYPTO_NONCE_RANDOM).import(fx.fd, &p.key);
	ck_assert_msg(e == 0, "prerequisite GCM key: %s", errno_name(e));
	auto *a = as<struct ncrypto_op>(arg);
	a->op = NCRYPTO_OP_ENCRYPT;
	a->alg = NCRYPTO_ALG_AES_GCM;
	a->key = p.key;
	a->iv = ptr(p.iv);
	a->iv_len = 12;
	a->aad = ptr(p.aad);
	a->aad_len = 16;
	a->src = ptr(p.src);
	a->src_len = 32;
	a->dst = ptr(p.dst);
	a->dst_len = 32;
	a->tag = ptr(p.tag);
	a->tag_len = 16;
}

void prep_sess_init(Prep &p, uint8_t *arg)
{
	auto *a = as<struct ncrypto_session_init>(arg);
	a->op = NCRYPTO_OP_ENCRYPT;
	a->alg = NCRYPTO_ALG_AES_CBC;
	a->key = fx.ref_key;
	a->iv = ptr(p.iv);
	a->iv_len = 16;
}

void prep_sess_update(Prep &p, uint8_t *arg)
{
	uint8_t iv[16] = {0};
	int e = raw_session_init(fx.fd, NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, fx.ref_key, iv, 16,
				 &p.sess);
	ck_assert_msg(e == 0, "prerequisite session: %s", errno_name(e));
	auto *a = as<struct ncrypto_session_data>(arg);
	a->handle = p.sess;
	a->src = ptr(p.src);
	a->src_len = 32;
	a->dst = ptr(p.dst);
	a->dst_len = 48;
}

void prep_sess_final(Prep &p, uint8_t *arg)
{
	p.sess = raw_hash_session();
	auto *a = as<struct ncrypto_session_data>(arg);
	a->handle = p.sess;
	a->src = ptr(p.src);
	a->src_len = 5;
	a->dst = ptr(p.dst);
	a->dst_len = 32;
}

// HMAC-SHA256 verify session; the tag is computed by the kernel first.
void prep_sess_final_verify(Prep &p, uint8_t *arg)
{
	int e = raw_key_import(fx.fd, NCRYPTO_KEY_TYPE_GENERIC_SECRET, hmac_key, 32,
			       NCRYPTO_KEY_SIGN | NCRYPTO_KEY_VERIFY, &p.key);
	ck_assert_msg(e == 0, "prerequisite HMAC key: %s", errno_name(e));
	memcpy(p.src, "abcde", 5);
	RawOp op(NCRYPTO_OP_SIGN, NCRYPTO_ALG_HMAC_SHA256, p.key);
	e = op.in(p.src, 5).out(p.tag, 32).run(fx.fd);
	ck_assert_msg(e == 0, "HMAC sign: %s", errno_name(e));
	e = raw_session_init(fx.fd, NCRYPTO_OP_VERIFY, NCRYPTO_ALG_HMAC_SHA256, p.key, nullptr, 0,
			     &p.sess);
	ck_assert_msg(e == 0, "prerequisite verify session: %s", errno_name(e));
	auto *a = as<struct ncrypto_session_data>(arg);
	a->handle = p.sess;
	a->src = ptr(p.src);
	a->src_len = 5;
	a->tag = ptr(p.tag);
	a->tag_len = 32;
}

void prep_sess_clone(Prep &p, uint8_t *arg)
{
	p.sess = raw_hash_session();
	as<struct ncrypto_session_clone>(arg)->handle = p.sess;
}

void prep_sess_destroy(Prep &p, uint8_t *arg)
{
	p.sess = raw_hash_session();
	as<struct ncrypto_handle>(arg)->handle = p.sess;
}

#define OFF(T, f) offsetof(struct T, f)
#define RES(T, f) {OFF(T, f), sizeof(((struct T *)0)->f)}
#define PTR(T, p, l, o) {#p, OFF(T, p), OFF(T, l), o}

// sizeof the struct as this header knows it: tail bytes past it are unknown
// to the kernel too (E2BIG when set).
size_t known_size(const Desc &d)
{
	switch (_IOC_NR(d.req)) {
	case 0x00: return sizeof(struct ncrypto_info);
	case 0x10: case 0x11: return sizeof(struct ncrypto_key_create);
	case 0x12: case 0x14: return sizeof(struct ncrypto_key_info);
	case 0x13: return sizeof(struct ncrypto_key_export);
	case 0x20: return sizeof(struct ncrypto_op);
	case 0x30: return sizeof(struct ncrypto_session_init);
	case 0x31: case 0x32: return sizeof(struct ncrypto_session_data);
	case 0x33: return sizeof(struct ncrypto_session_clone);
	default: return sizeof(struct ncrypto_handle);
	}
}

const std::vector<Desc> &descs()
{
	// KEY_INFO's reserved fields are zero on input, for KEY_INFO and
	// KEY_RESTRICT alike (its output fields are ignored on input, so a
	// struct KEY_INFO filled can be passed to KEY_RESTRICT).
	static const std::vector<std::pair<size_t, size_t>> key_info_zero_in = {
		RES(ncrypto_key_info, reserved0), RES(ncrypto_key_info, reserved)};
	static const std::vector<Desc> d = {
		{"INFO", NCRYPTO_IOC_INFO, NCRYPTO_SIZE_INFO_VER0, prep_info, false, false, 0,
		 false, {1u, 1u << 31},
		 {RES(ncrypto_info, reserved0), RES(ncrypto_info, reserved1)},
		 {PTR(ncrypto_info, algs, n_algs, true)}, true},
		{"KEY_GENERATE", NCRYPTO_IOC_KEY_GENERATE, NCRYPTO_SIZE_KEY_CREATE_VER0,
		 prep_generate, false, false, OFF(ncrypto_key_create, handle), true,
		 {1u, 1u << 31}, {RES(ncrypto_key_create, reserved)}, {}, true},
		{"KEY_IMPORT", NCRYPTO_IOC_KEY_IMPORT, NCRYPTO_SIZE_KEY_CREATE_VER0, prep_import,
		 false, false, OFF(ncrypto_key_create, handle), true, {1u, 1u << 31},
		 {RES(ncrypto_key_create, reserved)},
		 {PTR(ncrypto_key_create, data, key_len, false)}, true},
		{"KEY_INFO", NCRYPTO_IOC_KEY_INFO, NCRYPTO_SIZE_KEY_INFO_VER0, prep_key_info,
		 false, false, 0, false, {1u, 1u << 31}, key_info_zero_in, {}, true},
		{"KEY_EXPORT", NCRYPTO_IOC_KEY_EXPORT, NCRYPTO_SIZE_KEY_EXPORT_VER0, prep_export,
		 false, false, 0, false, {1u, 1u << 31}, {RES(ncrypto_key_export, reserved)},
		 {PTR(ncrypto_key_export, data, data_len, true)}, true},
		{"KEY_RESTRICT", NCRYPTO_IOC_KEY_RESTRICT, NCRYPTO_SIZE_KEY_INFO_VER0,
		 prep_restrict, false, false, 0, false, {1u, 1u << 31}, key_info_zero_in, {},
		 false},
		{"KEY_DESTROY", NCRYPTO_IOC_KEY_DESTROY, NCRYPTO_SIZE_HANDLE_VER0,
		 prep_key_destroy, true, false, 0, false, {1u, 1u << 31},
		 {RES(ncrypto_handle, reserved0)}, {}, false},
		{"OP", NCRYPTO_IOC_OP, NCRYPTO_SIZE_OP_VER0, prep_op, false, false, 0, false,
		 {1u, 1u << 31},
		 {RES(ncrypto_op, params), RES(ncrypto_op, params_len), RES(ncrypto_op, reserved0),
		  RES(ncrypto_op, reserved)},
		 {PTR(ncrypto_op, iv, iv_len, true), PTR(ncrypto_op, aad, aad_len, false),
		  PTR(ncrypto_op, src, src_len, false), PTR(ncrypto_op, dst, dst_len, true),
		  PTR(ncrypto_op, tag, tag_len, true)},
		 true},
		{"SESSION_INIT", NCRYPTO_IOC_SESSION_INIT, NCRYPTO_SIZE_SESSION_INIT_VER0,
		 prep_sess_init, false, false, OFF(ncrypto_session_init, handle), false,
		 {1u, 1u << 31},
		 {RES(ncrypto_session_init, reserved0), RES(ncrypto_session_init, reserved)},
		 {PTR(ncrypto_session_init, iv, iv_len, false)}, true},
		{"SESSION_UPDATE", NCRYPTO_IOC_SESSION_UPDATE, NCRYPTO_SIZE_SESSION_DATA_VER0,
		 prep_sess_update, false, false, 0, false, {NCRYPTO_SESSION_F_KEEP, 1u << 31},
		 {RES(ncrypto_session_data, reserved)},
		 {PTR(ncrypto_session_data, src, src_len, false),
		  PTR(ncrypto_session_data, dst, dst_len, true)},
		 true},
		{"SESSION_FINAL", NCRYPTO_IOC_SESSION_FINAL, NCRYPTO_SIZE_SESSION_DATA_VER0,
		 prep_sess_final, false, true, 0, false, {1u << 1, 1u << 31},
		 {RES(ncrypto_session_data, reserved)},
		 {PTR(ncrypto_session_data, src, src_len, false),
		  PTR(ncrypto_session_data, dst, dst_len, true)},
		 true},
		{"SESSION_FINAL(verify)", NCRYPTO_IOC_SESSION_FINAL,
		 NCRYPTO_SIZE_SESSION_DATA_VER0, prep_sess_final_verify, false, true, 0, false,
		 {1u << 1, 1u << 31}, {RES(ncrypto_session_data, reserved)},
		 {PTR(ncrypto_session_data, src, src_len, false),
		  PTR(ncrypto_session_data, tag, tag_len, false)},
		 true},
		{"SESSION_CLONE", NCRYPTO_IOC_SESSION_CLONE, NCRYPTO_SIZE_SESSION_CLONE_VER0,
		 prep_sess_clone, false, false, OFF(ncrypto_session_clone, new_handle), false,
		 {1u, 1u << 31}, {RES(ncrypto_session_clone, reserved)}, {}, true},
		{"SESSION_DESTROY", NCRYPTO_IOC_SESSION_DESTROY, NCRYPTO_SIZE_HANDLE_VER0,
		 prep_sess_destroy, false, true, 0, false, {1u, 1u << 31},
		 {RES(ncrypto_handle, reserved0)}, {}, false},
	};
	return d;
}

// One call of a table entry: a valid struct in a buffer of `size` bytes
// (plus guard bytes), mutated by the caller, then run and cleaned up.
struct Call {
	const Desc &d;
	Prep p;
	std::vector<uint8_t> buf;
	size_t size;
	static constexpr size_t guard = 32;

	Call(const Desc &desc, size_t sz) : d(desc), buf(std::max<size_t>(sz, desc.ver0) + guard, 0),
					     size(sz)
	{
		for (size_t i = 0; i < guard; i++)
			buf[buf.size() - guard + i] = 0xab;
		d.prepare(p, buf.data());
		*as<uint32_t>(buf.data()) = (uint32_t)size;
	}
	uint8_t *arg() { return buf.data(); }
	template <class T> T &field(size_t off) { return *reinterpret_cast<T *>(buf.data() + off); }
	int run() { return xioctl(fx.fd, d.req, arg()); }
	int run_at(void *a) { return xioctl(fx.fd, d.req, a); }
	bool guard_intact() const
	{
		for (size_t i = buf.size() - guard; i < buf.size(); i++)
			if (buf[i] != 0xab)
				return false;
		return true;
	}
	// Destroys what the call created and the prerequisites; a prerequisite
	// must still exist unless the call succeeded and consumes it.
	void cleanup(bool succeeded, const char *what)
	{
		if (succeeded && d.created_off) {
			uint32_t h = field<uint32_t>(d.created_off);
			int e = d.created_is_key ? key_destroy(fx.fd, h) : sess_destroy(fx.fd, h);
			if (e)
				bad("%s %s: destroying the created object %u: %s", d.name, what, h,
				     errno_name(e));
		}
		if (p.sess) {
			int e = sess_destroy(fx.fd, p.sess);
			int want = succeeded && d.consumes_sess ? ENOENT : 0;
			// A failed FINAL (without KEEP) may have ended the session:
			// the ABI says both "destroyed by FINAL" and "a failed
			// final leaves the session unusable".
			bool final_failed = !succeeded && d.req == NCRYPTO_IOC_SESSION_FINAL;
			if (e != want && !(final_failed && e == ENOENT))
				bad("%s %s: destroying the prerequisite session: %s, expected %s",
				     d.name, what, errno_name(e), errno_name(want));
		}
		if (p.key) {
			int e = key_destroy(fx.fd, p.key);
			int want = succeeded && d.consumes_key ? ENOENT : 0;
			if (e != want)
				bad("%s %s: destroying the prerequisite key: %s, expected %s",
				     d.name, what, errno_name(e), errno_name(want));
		}
	}
};

// Runs one mutated call, checks the errno, cleans up, checks the context.
void run_call(Call &c, const std::string &what, const std::vector<int> &wants)
{
	int e = c.run();
	std::string w = std::string(c.d.name) + " " + what;
	c.cleanup(e == 0, what.c_str());
	expect_any(w.c_str(), e, wants);
}

// The same with the argument pointer replaced by `at` (may be NULL).
void run_call_at(Call &c, const std::string &what, const std::vector<int> &wants, void *at)
{
	int e = c.run_at(at);
	std::string w = std::string(c.d.name) + " " + what;
	c.cleanup(e == 0, what.c_str());
	expect_any(w.c_str(), e, wants);
}

const Desc &desc_of(int i) { return descs()[(size_t)i]; }
int n_descs() { return (int)descs().size(); }

START_TEST(test_valid_call)
{
	// The unmutated call works: the baseline the mutations depart from.
	const Desc &d = desc_of(_i);
	Call c(d, d.ver0);
	run_call(c, "valid call", {0});
	finish();
}
END_TEST

START_TEST(test_size_too_small)
{
	const Desc &d = desc_of(_i);
	for (uint32_t size : {0u, 8u, d.ver0 - 8, d.ver0 - 1}) {
		Call c(d, size);
		run_call(c, "size " + std::to_string(size), {EINVAL});
	}
	finish();
}
END_TEST

START_TEST(test_size_larger)
{
	const Desc &d = desc_of(_i);
	const size_t known = known_size(d);
	// Non-zero bytes past the struct the kernel knows (this header's): E2BIG.
	for (size_t at : {size_t(0), size_t(7), size_t(15)}) {
		Call c(d, known + 16);
		c.buf[known + at] = 0x01;
		run_call(c, "size sizeof+16, tail byte " + std::to_string(at) + " set", {E2BIG});
	}
	// A zero tail is accepted, and nothing past `size` is written: sizes
	// between VER0 and sizeof (a struct that grew), and past sizeof.
	std::vector<size_t> sizes = {d.ver0 + 3, d.ver0 + 16, known, known + 3, known + 16, (size_t)page};
	for (size_t sz : sizes) {
		Call c(d, sz);
		std::string what = "size " + std::to_string(sz) + ", zero tail";
		int e = c.run();
		if (!c.guard_intact())
			bad("%s %s: the kernel wrote past size", d.name, what.c_str());
		c.cleanup(e == 0, what.c_str());
		expect((std::string(d.name) + " " + what).c_str(), e, 0);
	}
	// Beyond one page: not accepted (EINVAL or E2BIG; the ABI only says the
	// kernel accepts sizes up to a page).
	Call c(d, page + 8);
	run_call(c, "size page+8, zero tail", {EINVAL, E2BIG});
	finish();
}
END_TEST

START_TEST(test_bad_flags)
{
	const Desc &d = desc_of(_i);
	for (uint32_t f : d.bad_flags) {
		Call c(d, d.ver0);
		c.field<uint32_t>(4) = f;
		char what[40];
		snprintf(what, sizeof(what), "flags %#x", f);
		run_call(c, what, {EINVAL});
	}
	finish();
}
END_TEST

START_TEST(test_reserved)
{
	const Desc &d = desc_of(_i);
	ck_assert(!d.reserved.empty());
	for (auto &r : d.reserved) {
		for (size_t byte : {size_t(0), r.second - 1}) {
			// A field past VER0 is only sent with a size that covers it.
			Call c(d, std::max<size_t>(d.ver0, r.first + r.second));
			c.buf[r.first + byte] = 0x80;
			run_call(c, "reserved field at " + std::to_string(r.first) + " byte " +
					    std::to_string(byte) + " set",
				 {EINVAL});
		}
	}
	finish();
}
END_TEST

START_TEST(test_bad_arg_pointer)
{
	const Desc &d = desc_of(_i);
	{
		Call c(d, d.ver0);
		run_call_at(c, "arg NULL", {EFAULT}, nullptr);
	}
	{
		Call c(d, d.ver0);
		run_call_at(c, "arg unmapped", {EFAULT}, fresh_unmapped());
	}
	{
		// size and flags readable, the rest not.
		Guarded g;
		Call c(d, d.ver0);
		uint8_t *a = g.base + page - 8;
		memcpy(a, c.arg(), 8);
		run_call_at(c, "arg crossing into an unmapped page", {EFAULT}, a);
	}
	if (d.writes_back) {
		// Readable but not writable: the result cannot be written back,
		// and a failed call must leave nothing behind (no key or session
		// created without its handle reaching user space).
		Call c(d, d.ver0);
		uint8_t *ro = readonly_page(c.arg(), d.ver0);
		int e = c.run_at(ro);
		c.cleanup(false, "arg read-only");
		expect((std::string(d.name) + " arg read-only").c_str(), e, EFAULT);
		munmap(ro, page);
	}
	finish();
}
END_TEST

START_TEST(test_bad_inner_pointers)
{
	const Desc &d = desc_of(_i);
	for (const PtrField &f : d.ptrs) {
		std::string n = f.name;
		{
			Call c(d, d.ver0);
			ck_assert_msg(c.field<uint32_t>(f.len_off) != 0, "%s: %s has no length",
				      d.name, f.name);
			c.field<uint64_t>(f.ptr_off) = 0;
			run_call(c, n + " NULL with a length", {EFAULT});
		}
		{
			Call c(d, d.ver0);
			c.field<uint64_t>(f.ptr_off) = ptr(fresh_unmapped());
			run_call(c, n + " unmapped", {EFAULT});
		}
		{
			Guarded g;
			Call c(d, d.ver0);
			uint32_t len = c.field<uint32_t>(f.len_off);
			if (d.req == NCRYPTO_IOC_INFO)
				len *= sizeof(struct ncrypto_alg_info);
			uint8_t *p = g.straddle(len);
			memcpy(p, (void *)(uintptr_t)c.field<uint64_t>(f.ptr_off), len / 2);
			c.field<uint64_t>(f.ptr_off) = ptr(p);
			run_call(c, n + " crossing into an unmapped page", {EFAULT});
		}
		if (f.out) {
			Call c(d, d.ver0);
			uint8_t zero[64] = {0};
			uint8_t *ro = readonly_page(zero, sizeof(zero));
			c.field<uint64_t>(f.ptr_off) = ptr(ro);
			run_call(c, n + " read-only", {EFAULT});
			munmap(ro, page);
		}
	}
	finish();
}
END_TEST

// ---- specific errors ------------------------------------------------------------

START_TEST(test_unknown_ioctl)
{
	struct ncrypto_info info;
	memset(&info, 0, sizeof(info));
	info.size = sizeof(info);
	expect("ioctl 0xCE/0x7f", xioctl(fx.fd, _IOWR(NCRYPTO_IOC_MAGIC, 0x7f, struct ncrypto_info), &info), ENOTTY);
	expect("ioctl 0xCE/0x01", xioctl(fx.fd, _IOWR(NCRYPTO_IOC_MAGIC, 0x01, struct ncrypto_info), &info), ENOTTY);
	expect("ioctl 0xCE/0x35", xioctl(fx.fd, _IOW(NCRYPTO_IOC_MAGIC, 0x35, struct ncrypto_handle), &info), ENOTTY);
	expect("ioctl 'X'/0", xioctl(fx.fd, _IOWR('X', 0, int), &info), ENOTTY);
	expect("ioctl FIONREAD", xioctl(fx.fd, FIONREAD, &info), ENOTTY);
	// ABI 1.1: the numbers are exact, the size bits included (1.0 ignored
	// them); guest_capability tries every number with other size bits.
	memset(&info, 0, sizeof(info));
	info.size = sizeof(info);
	unsigned long other = _IOC(_IOC_READ | _IOC_WRITE, NCRYPTO_IOC_MAGIC, 0x00, 200);
	expect("INFO numbered with another encoded size", xioctl(fx.fd, other, &info), ENOTTY);
	finish();
}
END_TEST

START_TEST(test_info)
{
	struct ncrypto_info info;
	ck_assert(nct::raw_info(fx.fd, &info));
	ck_assert_uint_eq(info.abi_major, NCRYPTO_ABI_MAJOR);
	ck_assert_uint_ge(info.abi_minor, NCRYPTO_ABI_MINOR);
	ck_assert_uint_eq(info.ctx_keys, 1);
	ck_assert_uint_eq(info.ctx_sessions, 0);
	ck_assert_uint_gt(info.max_op_len, 0);
	ck_assert_uint_gt(info.max_keys_per_ctx, 0);
	ck_assert_uint_gt(info.max_sessions_per_ctx, 0);
	ck_assert_uint_ge(info.live_contexts, 1);
	ck_assert_uint_ge(info.live_keys, 1);
	ck_assert_uint_le(info.fips_mode, 1);
	FILE *f = fopen("/proc/sys/crypto/fips_enabled", "r");
	int sys_fips = 0;
	if (f) {
		if (fscanf(f, "%d", &sys_fips) != 1)
			sys_fips = 0;
		fclose(f);
	}
	ck_assert_uint_eq(info.fips_mode, (unsigned)sys_fips);

	// n_algs: capacity in, count out; min(capacity, count) entries written.
	uint32_t count = info.n_algs;
	ck_assert_uint_ge(count, 22);
	std::vector<ncrypto_alg_info> algs(count + 4);
	memset(algs.data(), 0xee, algs.size() * sizeof(algs[0]));
	memset(&info, 0, sizeof(info));
	info.size = sizeof(info);
	info.algs = ptr(algs.data());
	info.n_algs = 2;
	expect("INFO with 2 entries of room", xioctl(fx.fd, NCRYPTO_IOC_INFO, &info), 0);
	ck_assert_uint_eq(info.n_algs, count);
	ck_assert_msg(algs[2].alg == 0xeeeeeeeeu, "INFO wrote past its capacity");
	info.n_algs = count + 4;
	expect("INFO with room for all", xioctl(fx.fd, NCRYPTO_IOC_INFO, &info), 0);
	ck_assert_uint_eq(info.n_algs, count);
	ck_assert_msg(algs[count].alg == 0xeeeeeeeeu, "INFO wrote past the count");
	bool seen[__NCRYPTO_ALG_MAX] = {false};
	for (uint32_t i = 0; i < count; i++) {
		const ncrypto_alg_info &a = algs[i];
		if (a.alg < __NCRYPTO_ALG_MAX)
			seen[a.alg] = true;
		bool non_fips = a.alg == NCRYPTO_ALG_CHACHA20_POLY1305 || a.alg == NCRYPTO_ALG_NULL_CIPHER ||
				a.alg == NCRYPTO_ALG_X25519;
		if (!(a.flags & NCRYPTO_ALG_F_AVAILABLE) && !(fx.fips && non_fips))
			bad("algorithm %u (%s) not available", a.alg, ncrypto_alg_name(a.alg));
		if (non_fips && (a.flags & NCRYPTO_ALG_F_FIPS_ALLOWED))
			bad("algorithm %u (%s) claims FIPS_ALLOWED", a.alg, ncrypto_alg_name(a.alg));
		if (!non_fips && !(a.flags & NCRYPTO_ALG_F_FIPS_ALLOWED))
			bad("algorithm %u (%s) lacks FIPS_ALLOWED", a.alg, ncrypto_alg_name(a.alg));
		if (a.reserved1[0] || a.reserved1[1])
			bad("algorithm %u: reserved fields not zero", a.alg);
		// ABI 1.1: ops count this context's operations: only check_ctx's
		// AES-CBC encryptions so far.
		uint64_t want_ops = a.alg == NCRYPTO_ALG_AES_CBC ? info.ctx_ops : 0;
		if (a.ops != want_ops)
			bad("algorithm %u: %llu ops, expected %llu (this context's)", a.alg,
			    (unsigned long long)a.ops, (unsigned long long)want_ops);
		// Sessions: UPDATE output comes in whole update_len units; XTS
		// keeps everything until FINAL (0), block modes whole blocks.
		if (a.alg == NCRYPTO_ALG_AES_XTS && a.update_len != 0)
			bad("AES-XTS: update_len %u, expected 0", a.update_len);
		if (a.alg == NCRYPTO_ALG_AES_CBC && (a.update_len == 0 || a.update_len % 16))
			bad("AES-CBC: update_len %u, expected whole blocks", a.update_len);
	}
	for (uint32_t a : {1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u, 16u, 17u, 18u, 19u, 20u, 21u, 22u,
			   23u, 32u, 33u, 34u, 48u, 49u, 63u})
		if (!seen[a])
			bad("INFO does not list algorithm %u", a);
	finish();
}
END_TEST

START_TEST(test_foreign_and_stale_handles)
{
	int fd2 = nct::raw_open();
	// A handle of fd2 that names nothing in fx.fd (whose only key is ref_key).
	uint32_t h2 = 0;
	std::vector<uint32_t> made;
	do {
		int e = raw_key_import(fd2, NCRYPTO_KEY_TYPE_AES, kat_key, 16,
				       NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_EXPORTABLE, &h2);
		ck_assert_msg(e == 0, "key in the second context: %s", errno_name(e));
		made.push_back(h2);
	} while (h2 == fx.ref_key);
	uint32_t s2;
	ck_assert_int_eq(raw_session_init(fd2, NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0, nullptr, 0, &s2), 0);

	uint8_t iv[16] = {0}, out[64], buf[64];
	struct ncrypto_key_info ki;
	struct ncrypto_key_export ex;
	auto try_key = [&](uint32_t h, const std::string &who) {
		expect((who + ": KEY_INFO").c_str(), key_info(fx.fd, h, &ki), ENOENT);
		RawOp op(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, h);
		expect((who + ": OP").c_str(), op.in(kat_pt, 16).out(out, 16).with_iv(iv, 16).run(fx.fd), ENOENT);
		memset(&ex, 0, sizeof(ex));
		ex.size = sizeof(ex);
		ex.handle = h;
		ex.data = ptr(buf);
		ex.data_len = sizeof(buf);
		expect((who + ": KEY_EXPORT").c_str(), xioctl(fx.fd, NCRYPTO_IOC_KEY_EXPORT, &ex), ENOENT);
		memset(&ki, 0, sizeof(ki));
		ki.size = sizeof(ki);
		ki.handle = h;
		expect((who + ": KEY_RESTRICT").c_str(), xioctl(fx.fd, NCRYPTO_IOC_KEY_RESTRICT, &ki), ENOENT);
		uint32_t s;
		expect((who + ": SESSION_INIT").c_str(),
		       raw_session_init(fx.fd, NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, h, iv, 16, &s), ENOENT);
		expect((who + ": KEY_DESTROY").c_str(), key_destroy(fx.fd, h), ENOENT);
	};
	auto try_sess = [&](uint32_t h, const std::string &who) {
		uint32_t n;
		expect((who + ": SESSION_UPDATE").c_str(),
		       raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_UPDATE, h, buf, 1, nullptr, nullptr), ENOENT);
		n = 64;
		expect((who + ": SESSION_FINAL").c_str(),
		       raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_FINAL, h, nullptr, 0, out, &n), ENOENT);
		struct ncrypto_session_clone cl;
		memset(&cl, 0, sizeof(cl));
		cl.size = sizeof(cl);
		cl.handle = h;
		expect((who + ": SESSION_CLONE").c_str(), xioctl(fx.fd, NCRYPTO_IOC_SESSION_CLONE, &cl), ENOENT);
		expect((who + ": SESSION_DESTROY").c_str(), sess_destroy(fx.fd, h), ENOENT);
	};
	try_key(h2, "key handle of another context");
	if (s2 != 0)
		try_sess(s2, "session handle of another context");
	try_key(0, "key handle 0");
	try_key(0xffffffffu, "key handle 0xffffffff");
	try_sess(0, "session handle 0");
	try_sess(0xffffffffu, "session handle 0xffffffff");

	// The other context's objects are untouched.
	ck_assert_int_eq(key_info(fd2, h2, &ki), 0);
	uint32_t n = 32;
	ck_assert_int_eq(raw_session_data(fd2, NCRYPTO_IOC_SESSION_FINAL, s2, "abc", 3, out, &n), 0);

	// Destroyed objects: ENOENT, and a second destroy too.
	uint32_t k = mk_key(NCRYPTO_KEY_TYPE_AES, kat_key, 16, NCRYPTO_KEY_ENCRYPT);
	rm_key(k);
	try_key(k, "destroyed key");
	uint32_t s = mk_sess(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0);
	rm_sess(s);
	try_sess(s, "destroyed session");
	close(fd2);
	finish();
}
END_TEST

START_TEST(test_permissions)
{
	uint8_t iv[16] = {0}, out[64], buf[64];
	// Export of a non-exportable key; of an exportable one it works.
	struct ncrypto_key_export ex;
	memset(&ex, 0, sizeof(ex));
	ex.size = sizeof(ex);
	ex.handle = fx.ref_key;
	ex.data = ptr(buf);
	ex.data_len = sizeof(buf);
	memset(buf, 0x55, sizeof(buf));
	expect("export of a non-exportable key", xioctl(fx.fd, NCRYPTO_IOC_KEY_EXPORT, &ex), EPERM);
	for (uint8_t b : buf)
		if (b != 0x55) {
			bad("refused export wrote to the buffer");
			break;
		}
	uint32_t xk = mk_key(NCRYPTO_KEY_TYPE_AES, kat_key, 16, NCRYPTO_KEY_EXPORTABLE);
	ex.handle = xk;
	ex.data_len = 15;
	expect("export into 15 bytes", xioctl(fx.fd, NCRYPTO_IOC_KEY_EXPORT, &ex), ENOSPC);
	if (ex.data_len != 16)
		bad("export ENOSPC: data_len %u, expected 16", ex.data_len);
	ex.data_len = sizeof(buf);
	expect("export of an exportable key", xioctl(fx.fd, NCRYPTO_IOC_KEY_EXPORT, &ex), 0);
	if (ex.data_len != 16 || memcmp(buf, kat_key, 16) != 0)
		bad("export returned %u bytes that differ from the key", ex.data_len);
	// An exportable-only key cannot encrypt.
	RawOp op0(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, xk);
	expect("encrypt with an EXPORTABLE-only key", op0.in(kat_pt, 16).out(out, 16).with_iv(iv, 16).run(fx.fd), EPERM);
	rm_key(xk);

	// Usage flags: each op needs its own.
	uint32_t enc = mk_key(NCRYPTO_KEY_TYPE_AES, kat_key, 16, NCRYPTO_KEY_ENCRYPT);
	uint32_t dec = mk_key(NCRYPTO_KEY_TYPE_AES, kat_key, 16, NCRYPTO_KEY_DECRYPT);
	uint32_t sign = mk_key(NCRYPTO_KEY_TYPE_GENERIC_SECRET, hmac_key, 32, NCRYPTO_KEY_SIGN);
	uint32_t ver = mk_key(NCRYPTO_KEY_TYPE_GENERIC_SECRET, hmac_key, 32, NCRYPTO_KEY_VERIFY);
	RawOp a(NCRYPTO_OP_DECRYPT, NCRYPTO_ALG_AES_CBC, enc);
	expect("decrypt with an ENCRYPT-only key", a.in(kat_ct, 16).out(out, 16).with_iv(iv, 16).run(fx.fd), EPERM);
	RawOp b(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, dec);
	expect("encrypt with a DECRYPT-only key", b.in(kat_pt, 16).out(out, 16).with_iv(iv, 16).run(fx.fd), EPERM);
	RawOp g(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_GCM, dec);
	// FIPS mode may refuse the caller's IV (EACCES) before the usage.
	expect_any("GCM encrypt with a DECRYPT-only key",
		   g.in(kat_pt, 16).out(out, 16).with_iv(iv, 12).with_tag(buf, 16).run(fx.fd),
		   fx.fips ? std::vector<int>{EPERM, EACCES} : std::vector<int>{EPERM});
	RawOp c(NCRYPTO_OP_VERIFY, NCRYPTO_ALG_HMAC_SHA256, sign);
	expect("verify with a SIGN-only key", c.in("abc", 3).with_tag(buf, 32).run(fx.fd), EPERM);
	RawOp d(NCRYPTO_OP_SIGN, NCRYPTO_ALG_HMAC_SHA256, ver);
	expect("sign with a VERIFY-only key", d.in("abc", 3).out(out, 32).run(fx.fd), EPERM);
	uint32_t s;
	expect("session decrypt with an ENCRYPT-only key",
	       raw_session_init(fx.fd, NCRYPTO_OP_DECRYPT, NCRYPTO_ALG_AES_CBC, enc, iv, 16, &s), EPERM);
	expect("session sign with a VERIFY-only key",
	       raw_session_init(fx.fd, NCRYPTO_OP_SIGN, NCRYPTO_ALG_HMAC_SHA256, ver, nullptr, 0, &s), EPERM);
	expect("session verify with a SIGN-only key",
	       raw_session_init(fx.fd, NCRYPTO_OP_VERIFY, NCRYPTO_ALG_HMAC_SHA256, sign, nullptr, 0, &s), EPERM);

	// Restrict: dropping works, adding never.
	uint32_t r = mk_key(NCRYPTO_KEY_TYPE_AES, kat_key, 16, NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_DECRYPT);
	struct ncrypto_key_info ki;
	memset(&ki, 0, sizeof(ki));
	ki.size = sizeof(ki);
	ki.handle = r;
	ki.usage = NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_DECRYPT | NCRYPTO_KEY_EXPORTABLE;
	expect("restrict adding EXPORTABLE", xioctl(fx.fd, NCRYPTO_IOC_KEY_RESTRICT, &ki), EPERM);
	ki.usage = NCRYPTO_KEY_SIGN;
	expect("restrict to a disjoint set", xioctl(fx.fd, NCRYPTO_IOC_KEY_RESTRICT, &ki), EPERM);
	ki.usage = NCRYPTO_KEY_ENCRYPT | (1u << 8);
	expect_any("restrict with an unknown bit", xioctl(fx.fd, NCRYPTO_IOC_KEY_RESTRICT, &ki), {EINVAL, EPERM});
	ki.usage = NCRYPTO_KEY_ENCRYPT;
	expect("restrict to ENCRYPT", xioctl(fx.fd, NCRYPTO_IOC_KEY_RESTRICT, &ki), 0);
	expect("key info after restrict", key_info(fx.fd, r, &ki), 0);
	if (ki.usage != NCRYPTO_KEY_ENCRYPT || ki.type != NCRYPTO_KEY_TYPE_AES || ki.key_len != 16)
		bad("key info after restrict: usage %#x type %u len %u", ki.usage, ki.type, ki.key_len);
	RawOp e(NCRYPTO_OP_DECRYPT, NCRYPTO_ALG_AES_CBC, r);
	expect("decrypt after DECRYPT was dropped", e.in(kat_ct, 16).out(out, 16).with_iv(iv, 16).run(fx.fd), EPERM);
	ki.usage = NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_DECRYPT;
	expect("restrict adding DECRYPT back", xioctl(fx.fd, NCRYPTO_IOC_KEY_RESTRICT, &ki), EPERM);
	RawOp f(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, r);
	expect("encrypt after restrict", f.in(kat_pt, 16).out(out, 16).with_iv(iv, 16).run(fx.fd), 0);
	if (memcmp(out, kat_ct, 16) != 0)
		bad("encrypt after restrict gives a wrong answer");
	for (uint32_t h : {enc, dec, sign, ver, r})
		rm_key(h);
	finish();
}
END_TEST

START_TEST(test_bad_arguments)
{
	uint8_t iv[32] = {0}, out[128], buf[128] = {0}, tag[64] = {0};
	uint32_t h;
	auto imp = [&](const char *what, uint32_t type, uint32_t len, uint32_t usage, int want) {
		int e = raw_key_import(fx.fd, type, buf, len, usage, &h);
		if (!e)
			key_destroy(fx.fd, h);
		expect(what, e, want);
	};
	imp("import type NONE", NCRYPTO_KEY_TYPE_NONE, 16, NCRYPTO_KEY_ENCRYPT, EINVAL);
	imp("import type 99", 99, 16, NCRYPTO_KEY_ENCRYPT, EINVAL);
	imp("import AES 17 bytes", NCRYPTO_KEY_TYPE_AES, 17, NCRYPTO_KEY_ENCRYPT, EINVAL);
	imp("import AES 0 bytes", NCRYPTO_KEY_TYPE_AES, 0, NCRYPTO_KEY_ENCRYPT, EINVAL);
	imp("import AES 128 bytes", NCRYPTO_KEY_TYPE_AES, 128, NCRYPTO_KEY_ENCRYPT, EINVAL);
	imp("import secret 0 bytes", NCRYPTO_KEY_TYPE_GENERIC_SECRET, 0, NCRYPTO_KEY_SIGN, EINVAL);
	imp("import CHACHA20 16 bytes", NCRYPTO_KEY_TYPE_CHACHA20, 16, NCRYPTO_KEY_ENCRYPT, EINVAL);
	imp("import usage bit 8", NCRYPTO_KEY_TYPE_AES, 16, 1u << 8, EINVAL);
	imp("import usage bit 31", NCRYPTO_KEY_TYPE_AES, 16, NCRYPTO_KEY_ENCRYPT | 1u << 31, EINVAL);
	{
		std::vector<uint8_t> big(NCRYPTO_MAX_SECRET_LEN + 1, 7);
		int e = raw_key_import(fx.fd, NCRYPTO_KEY_TYPE_GENERIC_SECRET, big.data(),
				       NCRYPTO_MAX_SECRET_LEN + 1, NCRYPTO_KEY_SIGN, &h);
		if (!e)
			key_destroy(fx.fd, h);
		expect("import secret of MAX_SECRET_LEN+1 bytes", e, EINVAL);
		e = raw_key_import(fx.fd, NCRYPTO_KEY_TYPE_GENERIC_SECRET, big.data(), 0xffffffffu,
				   NCRYPTO_KEY_SIGN, &h);
		if (!e)
			key_destroy(fx.fd, h);
		expect("import secret of 0xffffffff bytes", e, EINVAL);
	}
	{
		int e = raw_key_create(fx.fd, NCRYPTO_IOC_KEY_GENERATE, NCRYPTO_KEY_TYPE_AES, nullptr, 17,
				       NCRYPTO_KEY_ENCRYPT, &h);
		if (!e)
			key_destroy(fx.fd, h);
		expect("generate AES 17 bytes", e, EINVAL);
		e = raw_key_create(fx.fd, NCRYPTO_IOC_KEY_GENERATE, NCRYPTO_KEY_TYPE_AES, buf, 16,
				   NCRYPTO_KEY_ENCRYPT, &h);
		if (!e)
			key_destroy(fx.fd, h);
		expect_any("generate with data set", e, {EINVAL});
	}

	// Wrong key type, key length or class for the algorithm.
	uint32_t secret = mk_key(NCRYPTO_KEY_TYPE_GENERIC_SECRET, hmac_key, 32,
				 NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_SIGN);
	uint32_t aes24 = mk_key(NCRYPTO_KEY_TYPE_AES, buf, 24, NCRYPTO_KEY_ENCRYPT);
	uint32_t aes_sign = mk_key(NCRYPTO_KEY_TYPE_AES, kat_key, 16, NCRYPTO_KEY_SIGN);
	uint32_t chacha = 0;
	if (raw_key_import(fx.fd, NCRYPTO_KEY_TYPE_CHACHA20, buf, 32, NCRYPTO_KEY_ENCRYPT, &chacha) == 0)
		fx.keys++;
	else
		chacha = 0;
	auto op = [&](const char *what, RawOp o, const std::vector<int> &want) {
		expect_any(what, o.run(fx.fd), want);
	};
	op("AES-CBC with a secret key",
	   RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, secret).in(buf, 16).out(out, 16).with_iv(iv, 16), {EINVAL});
	op("HMAC with an AES key",
	   RawOp(NCRYPTO_OP_SIGN, NCRYPTO_ALG_HMAC_SHA256, aes_sign).in(buf, 16).out(out, 32), {EINVAL});
	op("AES-XTS with a 24-byte key",
	   RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_XTS, aes24).in(buf, 32).out(out, 32).with_iv(iv, 16), {EINVAL});
	op("ChaCha20-Poly1305 with an AES key",
	   RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_CHACHA20_POLY1305, fx.ref_key).in(buf, 16).out(out, 16).with_iv(iv, 12).with_tag(tag, 16),
	   fx.fips ? std::vector<int>{EINVAL, EACCES} : std::vector<int>{EINVAL});
	if (chacha)
		op("AES-GCM with a ChaCha20 key",
		   RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_GCM, chacha).in(buf, 16).out(out, 16).with_iv(iv, 12).with_tag(tag, 16), {EINVAL});
	op("hash with a key handle",
	   RawOp(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, fx.ref_key).in(buf, 16).out(out, 32), {EINVAL});
	op("DIGEST of AES-CBC", RawOp(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_AES_CBC, 0).in(buf, 16).out(out, 32), {EINVAL});
	op("ENCRYPT with SHA-256",
	   RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_SHA256, fx.ref_key).in(buf, 16).out(out, 32).with_iv(iv, 16), {EINVAL});
	op("SIGN with SHA-256", RawOp(NCRYPTO_OP_SIGN, NCRYPTO_ALG_SHA256, secret).in(buf, 16).out(out, 32), {EINVAL});
	op("alg NONE", RawOp(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_NONE, 0).in(buf, 16).out(out, 64), {EINVAL});
	op("alg 9 (unassigned)", RawOp(NCRYPTO_OP_DIGEST, 9, 0).in(buf, 16).out(out, 64), {EINVAL});
	op("alg 64 (reserved)", RawOp(NCRYPTO_OP_DIGEST, 64, 0).in(buf, 16).out(out, 64), {EINVAL});
	op("op NONE", RawOp(NCRYPTO_OP_NONE, NCRYPTO_ALG_SHA256, 0).in(buf, 16).out(out, 64), {EINVAL});
	op("op 6 (reserved)", RawOp(6, NCRYPTO_ALG_SHA256, 0).in(buf, 16).out(out, 64), {EINVAL});
	op("op 0xffffffff", RawOp(0xffffffffu, NCRYPTO_ALG_SHA256, 0).in(buf, 16).out(out, 64), {EINVAL});

	// IV, tag and length constraints.
	uint32_t k = fx.ref_key;
	op("CBC with a 15-byte IV",
	   RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, k).in(buf, 16).out(out, 16).with_iv(iv, 15), {EINVAL});
	op("CBC without IV", RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, k).in(buf, 16).out(out, 16), {EINVAL});
	op("CBC with an IV of MAX_IV_LEN+1",
	   RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, k).in(buf, 16).out(out, 16).with_iv(iv, 33), {EINVAL});
	op("CBC with iv_len 0xffffffff",
	   RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, k).in(buf, 16).out(out, 16).with_iv(iv, 0xffffffffu), {EINVAL});
	op("CBC of 15 bytes",
	   RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, k).in(buf, 15).out(out, 16).with_iv(iv, 16), {EINVAL});
	op("CBC of 17 bytes",
	   RawOp(NCRYPTO_OP_DECRYPT, NCRYPTO_ALG_AES_CBC, k).in(buf, 17).out(out, 32).with_iv(iv, 16), {EINVAL});
	uint32_t xts = mk_key(NCRYPTO_KEY_TYPE_AES, xts_key, 32, NCRYPTO_KEY_ENCRYPT);
	op("XTS of 15 bytes",
	   RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_XTS, xts).in(buf, 15).out(out, 16).with_iv(iv, 16), {EINVAL});
	op("XTS with a 12-byte tweak",
	   RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_XTS, xts).in(buf, 16).out(out, 16).with_iv(iv, 12), {EINVAL});
	op("GCM with a 16-byte nonce",
	   RawOp(NCRYPTO_OP_DECRYPT, NCRYPTO_ALG_AES_GCM, k).in(buf, 16).out(out, 16).with_iv(iv, 16).with_tag(tag, 16), {EINVAL});
	op("GCM with an 8-byte nonce",
	   RawOp(NCRYPTO_OP_DECRYPT, NCRYPTO_ALG_AES_GCM, k).in(buf, 16).out(out, 16).with_iv(iv, 8).with_tag(tag, 16), {EINVAL});
	// ABI 1.1: a key has one AEAD tag length, 16 for an unbound key (1.0
	// took 4, 8, 12..16 per operation); keys with other lengths are
	// guest_capability's. Decryption, so FIPS mode's IV rule stays out of it.
	for (uint32_t t : {0u, 1u, 3u, 4u, 5u, 7u, 8u, 9u, 11u, 12u, 15u, 17u, 32u}) {
		char what[40];
		snprintf(what, sizeof(what), "GCM with a %u-byte tag", t);
		op(what, RawOp(NCRYPTO_OP_DECRYPT, NCRYPTO_ALG_AES_GCM, k).in(buf, 16).out(out, 16).with_iv(iv, 12).with_tag(tag, t), {EINVAL});
	}
	op("GCM with a 16-byte tag (a wrong one)",
	   RawOp(NCRYPTO_OP_DECRYPT, NCRYPTO_ALG_AES_GCM, k).in(buf, 16).out(out, 16).with_iv(iv, 12).with_tag(tag, 16), {EBADMSG});
	// Encryption with the caller's IV: FIPS mode refuses it (IG C.H).
	op("GCM encryption with a caller IV",
	   RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_GCM, k).in(buf, 16).out(out, 16).with_iv(iv, 12).with_tag(tag, 16),
	   {fx.fips ? EACCES : 0});
	if (!fx.fips && chacha)
		op("ChaCha20-Poly1305 with a 12-byte tag",
		   RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_CHACHA20_POLY1305, chacha).in(buf, 16).out(out, 16).with_iv(iv, 12).with_tag(tag, 12), {EINVAL});
	uint32_t ver = mk_key(NCRYPTO_KEY_TYPE_GENERIC_SECRET, hmac_key, 32, NCRYPTO_KEY_VERIFY);
	op("VERIFY with a 0-byte tag", RawOp(NCRYPTO_OP_VERIFY, NCRYPTO_ALG_HMAC_SHA256, ver).in(buf, 3).with_tag(tag, 0), {EINVAL});
	op("VERIFY with a 33-byte tag (SHA-256)", RawOp(NCRYPTO_OP_VERIFY, NCRYPTO_ALG_HMAC_SHA256, ver).in(buf, 3).with_tag(tag, 33), {EINVAL});

	// Session init with bad arguments.
	uint32_t s;
	expect("session for AEAD", raw_session_init(fx.fd, NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_GCM, k, iv, 12, &s), EINVAL);
	expect("session CBC with a 12-byte IV", raw_session_init(fx.fd, NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, k, iv, 12, &s), EINVAL);
	expect("session hash with a key", raw_session_init(fx.fd, NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, k, nullptr, 0, &s), EINVAL);
	expect("session op NONE", raw_session_init(fx.fd, NCRYPTO_OP_NONE, NCRYPTO_ALG_SHA256, 0, nullptr, 0, &s), EINVAL);
	expect("session alg 9", raw_session_init(fx.fd, NCRYPTO_OP_DIGEST, 9, 0, nullptr, 0, &s), EINVAL);
	// Clone of a cipher session: hash and MAC only.
	s = mk_sess(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, k, iv, 16);
	struct ncrypto_session_clone cl;
	memset(&cl, 0, sizeof(cl));
	cl.size = sizeof(cl);
	cl.handle = s;
	int e = xioctl(fx.fd, NCRYPTO_IOC_SESSION_CLONE, &cl);
	if (!e)
		sess_destroy(fx.fd, cl.new_handle);
	expect("clone of a cipher session", e, EINVAL);
	// CBC final with a partial block pending.
	uint32_t n = 64;
	expect("CBC session update of 20 bytes", raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_UPDATE, s, buf, 20, out, &n), 0);
	n = 64;
	int fe = raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_FINAL, s, nullptr, 0, out, &n);
	if (fe != EINVAL)
		bad("CBC session final with 4 bytes pending: got %s, expected EINVAL", errno_name(fe));
	rm_failed_final(s, "a CBC final with a partial block");

	for (uint32_t hdl : {secret, aes24, aes_sign, xts, ver})
		rm_key(hdl);
	if (chacha)
		rm_key(chacha);
	finish();
}
END_TEST

START_TEST(test_huge_lengths)
{
	uint32_t max = fx.info.max_op_len;
	// A readable region larger than any length used, so only the length
	// can be the problem.
	size_t span = (size_t)1 << 32;
	void *big = mmap(nullptr, span + page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	ck_assert(big != MAP_FAILED);
	std::vector<uint8_t> out((size_t)max + 64);
	uint8_t iv[16] = {0}, tag[16] = {0};
	auto hash = [&](uint32_t len) {
		return RawOp(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0).in(big, len).out(out.data(), 32).run(fx.fd);
	};
	expect("hash of max_op_len bytes", hash(max), 0);
	expect("hash of max_op_len+1 bytes", hash(max + 1), E2BIG);
	expect("hash of 0xffffffff bytes", hash(0xffffffffu), E2BIG);
	uint32_t ctr_len = max + 16;
	expect("CTR of max_op_len+16 bytes",
	       RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CTR, fx.ref_key).in(big, ctr_len).out(out.data(), ctr_len).with_iv(iv, 16).run(fx.fd), E2BIG);
	uint32_t gk = mk_gcm_random_key();
	expect("GCM of 0xffffffff bytes",
	       RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_GCM, gk).in(big, 0xffffffffu).out(out.data(), 0xffffffffu).with_iv(iv, 12).with_tag(tag, 16).run(fx.fd), E2BIG);
	// AAD is input too; the ABI does not say which code a huge AAD gets.
	expect_any("GCM with 0xffffffff bytes of AAD",
		   RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_GCM, gk).in(big, 16).out(out.data(), 16).with_iv(iv, 12).with_aad(big, 0xffffffffu).with_tag(tag, 16).run(fx.fd),
		   {E2BIG, EINVAL});
	rm_key(gk);
	// Session update beyond max_op_len in one call; XTS keeps all input.
	uint32_t s = mk_sess(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0);
	expect("session update of max_op_len+1 bytes",
	       raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_UPDATE, s, big, max + 1, nullptr, nullptr), E2BIG);
	rm_sess(s);
	uint32_t xk = mk_key(NCRYPTO_KEY_TYPE_AES, xts_key, 32, NCRYPTO_KEY_ENCRYPT);
	s = mk_sess(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_XTS, xk, iv, 16);
	uint32_t n = max + 16;
	int e = raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_UPDATE, s, big, max, out.data(), &n);
	expect("XTS session update of max_op_len bytes", e, 0);
	n = 64;
	e = raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_UPDATE, s, big, 16, out.data(), &n);
	expect("XTS session update past max_op_len in total", e, E2BIG);
	rm_sess(s);
	rm_key(xk);
	// INFO with a huge capacity but no array.
	struct ncrypto_info info;
	memset(&info, 0, sizeof(info));
	info.size = sizeof(info);
	info.n_algs = 0xffffffffu;
	expect("INFO with n_algs 0xffffffff and algs NULL", xioctl(fx.fd, NCRYPTO_IOC_INFO, &info), EFAULT);
	munmap(big, span + page);
	finish();
}
END_TEST

// ---- large buffers: the zero-copy path (pinned user pages, >= 4 KiB) ----------------

// `pages` pages readable and writable, followed by one page with `tail_prot`.
struct LargeRegion {
	uint8_t *base;
	size_t pages;
	LargeRegion(size_t n, int tail_prot) : pages(n)
	{
		void *p = mmap(nullptr, (n + 1) * page, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		ck_assert(p != MAP_FAILED);
		base = (uint8_t *)p;
		memset(base, 0x5a, n * page);
		ck_assert(mprotect(base + n * page, page, tail_prot) == 0);
	}
	~LargeRegion() { munmap(base, (pages + 1) * page); }
	// A buffer of `len` bytes ending `into` bytes inside the last page.
	uint8_t *ending_in_tail(size_t len, size_t into) { return base + pages * page + into - len; }
};

START_TEST(test_large_partly_mapped)
{
	const uint32_t len = 4 * page;	// large enough for the pinned path
	uint8_t iv[16] = {0}, tag[16], digest[32];
	LargeRegion none(6, PROT_NONE), ro(6, PROT_READ);
	// GCM encryptions with a kernel-made nonce (FIPS mode takes no other).
	uint32_t gk = mk_gcm_random_key();
	std::vector<uint8_t> good(len + 64, 0x11), before;
	// Input whose last bytes are unmapped: a pinned read fails part way.
	uint8_t *src_bad = none.ending_in_tail(len, 16);
	expect("SHA-256 of a large input running into an unmapped page",
	       RawOp(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0).in(src_bad, len).out(digest, 32).run(fx.fd), EFAULT);
	expect("CTR encrypt of a large input running into an unmapped page",
	       RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CTR, fx.ref_key).in(src_bad, len).out(good.data(), len).with_iv(iv, 16).run(fx.fd), EFAULT);
	expect("GCM encrypt of a large input running into an unmapped page",
	       RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_GCM, gk).in(src_bad, len).out(good.data(), len).with_iv(iv, 12).with_tag(tag, 16).run(fx.fd), EFAULT);
	// Output whose last bytes are unmapped, or read-only (a pinned write fails).
	for (LargeRegion *r : {&none, &ro}) {
		const char *what = r == &none ? "unmapped" : "read-only";
		uint8_t *dst_bad = r->ending_in_tail(len, 16);
		std::string n = std::string("CTR encrypt into a large output running into a ") + what + " page";
		expect(n.c_str(), RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CTR, fx.ref_key).in(good.data(), len).out(dst_bad, len).with_iv(iv, 16).run(fx.fd), EFAULT);
		n = std::string("GCM encrypt into a large output running into a ") + what + " page";
		expect(n.c_str(), RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_GCM, gk).in(good.data(), len).out(dst_bad, len).with_iv(iv, 12).with_tag(tag, 16).run(fx.fd), EFAULT);
	}
	// The same operations on good buffers still work and agree with the
	// small-buffer (copy) path: CTR of the first 16 bytes.
	std::vector<uint8_t> big_ct(len), small_ct(16);
	expect("CTR encrypt of a large good buffer",
	       RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CTR, fx.ref_key).in(good.data(), len).out(big_ct.data(), len).with_iv(iv, 16).run(fx.fd), 0);
	expect("CTR encrypt of 16 bytes",
	       RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CTR, fx.ref_key).in(good.data(), 16).out(small_ct.data(), 16).with_iv(iv, 16).run(fx.fd), 0);
	if (memcmp(big_ct.data(), small_ct.data(), 16) != 0)
		bad("large (pinned) and small (copied) CTR encryptions disagree");
	// A large AEAD decryption with a bad tag leaves the large dst untouched.
	std::vector<uint8_t> ct(len), dst(len, 0x3c);
	// The key writes its nonce to iv; the reference key decrypts with it.
	expect("GCM encrypt of a large buffer",
	       RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_GCM, gk).in(good.data(), len).out(ct.data(), len).with_iv(iv, 12).with_tag(tag, 16).run(fx.fd), 0);
	tag[0] ^= 1;
	expect("GCM decrypt of a large buffer with a bad tag",
	       RawOp(NCRYPTO_OP_DECRYPT, NCRYPTO_ALG_AES_GCM, fx.ref_key).in(ct.data(), len).out(dst.data(), len).with_iv(iv, 12).with_tag(tag, 16).run(fx.fd), EBADMSG);
	for (uint8_t b : dst)
		if (b != 0x3c) {
			bad("a failed large GCM decryption wrote to dst");
			break;
		}
	tag[0] ^= 1;
	expect("GCM decrypt of a large buffer",
	       RawOp(NCRYPTO_OP_DECRYPT, NCRYPTO_ALG_AES_GCM, fx.ref_key).in(ct.data(), len).out(dst.data(), len).with_iv(iv, 12).with_tag(tag, 16).run(fx.fd), 0);
	if (memcmp(dst.data(), good.data(), len) != 0)
		bad("a large GCM round trip does not give the plaintext back");
	rm_key(gk);
	finish();
}
END_TEST

START_TEST(test_enospc)
{
	uint8_t iv[16] = {0}, buf[64] = {0}, out[64], tag[16];
	RawOp a(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, fx.ref_key);
	expect("CBC encrypt of 32 bytes into 16", a.in(buf, 32).out(out, 16).with_iv(iv, 16).run(fx.fd), ENOSPC);
	if (a.dst_len != 32)
		bad("CBC ENOSPC: dst_len %u, expected 32", a.dst_len);
	RawOp b(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA512, 0);
	expect("SHA-512 into 0 bytes", b.in(buf, 3).out(out, 0).run(fx.fd), ENOSPC);
	if (b.dst_len != 64)
		bad("SHA-512 ENOSPC: dst_len %u, expected 64", b.dst_len);
	RawOp b2(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0);
	expect("SHA-256 into 31 bytes", b2.in(buf, 3).out(out, 31).run(fx.fd), ENOSPC);
	if (b2.dst_len != 32)
		bad("SHA-256 ENOSPC: dst_len %u, expected 32", b2.dst_len);
	uint32_t sign = mk_key(NCRYPTO_KEY_TYPE_GENERIC_SECRET, hmac_key, 32, NCRYPTO_KEY_SIGN);
	RawOp c(NCRYPTO_OP_SIGN, NCRYPTO_ALG_HMAC_SHA384, sign);
	expect("HMAC-SHA384 into 20 bytes", c.in(buf, 3).out(out, 20).run(fx.fd), ENOSPC);
	if (c.dst_len != 48)
		bad("HMAC ENOSPC: dst_len %u, expected 48", c.dst_len);
	rm_key(sign);
	uint32_t gk = mk_gcm_random_key();
	RawOp d(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_GCM, gk);
	expect("GCM encrypt of 40 bytes into 39", d.in(buf, 40).out(out, 39).with_iv(iv, 12).with_tag(tag, 16).run(fx.fd), ENOSPC);
	if (d.dst_len != 40)
		bad("GCM ENOSPC: dst_len %u, expected 40", d.dst_len);
	rm_key(gk);
	// Sessions: final of a digest into too little room. ABI 1.1: ENOSPC
	// leaves the session usable (1.0 ended it), so a retry with room works.
	uint32_t s = mk_sess(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0);
	uint32_t n = 16;
	int e = raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_FINAL, s, buf, 3, out, &n);
	if (e != ENOSPC)
		bad("session final of SHA-256 into 16 bytes: got %s, expected ENOSPC", errno_name(e));
	if (n != 32)
		bad("session final ENOSPC: dst_len %u, expected 32", n);
	n = 32;
	e = raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_FINAL, s, buf, 3, out, &n);
	if (e == 0)
		fx.sessions--;
	expect("session final retried with room", e, 0);
	expect("destroy after the final", sess_destroy(fx.fd, s), ENOENT);
	finish();
}
END_TEST

START_TEST(test_failed_session)
{
	uint8_t buf[64] = {0}, out[64];
	uint32_t other = mk_sess(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0);
	uint32_t n;
	int e;
	expect("update of the other session", raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_UPDATE, other, "ab", 2, nullptr, nullptr), 0);

	// A failed update (bad source) leaves the session unusable, nothing else.
	uint32_t s = mk_sess(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0);
	expect("session update from an unmapped address",
	       raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_UPDATE, s, fresh_unmapped(), 16, nullptr, nullptr), EFAULT);
	expect("update after a failed update",
	       raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_UPDATE, s, buf, 1, nullptr, nullptr), EBADFD);
	struct ncrypto_session_clone cl;
	memset(&cl, 0, sizeof(cl));
	cl.size = sizeof(cl);
	cl.handle = s;
	e = xioctl(fx.fd, NCRYPTO_IOC_SESSION_CLONE, &cl);
	if (!e)
		sess_destroy(fx.fd, cl.new_handle);
	expect("clone after a failed update", e, EBADFD);
	n = 64;
	// FINAL without KEEP ends even a failed session (ABI 1.1).
	e = raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_FINAL, s, nullptr, 0, out, &n);
	fx.sessions--;
	expect("final after a failed update", e, EBADFD);
	expect("destroy after that final", sess_destroy(fx.fd, s), ENOENT);

	// ENOSPC is no failure (ABI 1.1): FINAL without room leaves the session
	// as it was, with KEEP or without; a failed FINAL (here: a copy fault)
	// ends it, and with KEEP leaves it finished: EBADFD until destroyed.
	for (uint32_t keep : {0u, (uint32_t)NCRYPTO_SESSION_F_KEEP}) {
		s = mk_sess(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0);
		n = 4;
		e = raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_FINAL, s, nullptr, 0, out, &n, keep);
		if (e != ENOSPC || n != 32)
			bad("final (flags %u) into 4 bytes: got %s, dst_len %u; expected ENOSPC, 32",
			    keep, errno_name(e), n);
		expect("update after a final's ENOSPC",
		       raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_UPDATE, s, buf, 1, nullptr, nullptr), 0);
		rm_sess(s);
	}
	s = mk_sess(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0);
	n = 32;
	expect("final with KEEP into an unmapped address",
	       raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_FINAL, s, nullptr, 0, fresh_unmapped(), &n, NCRYPTO_SESSION_F_KEEP), EFAULT);
	n = 64;
	expect("final after a failed final with KEEP",
	       raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_FINAL, s, nullptr, 0, out, &n, NCRYPTO_SESSION_F_KEEP), EBADFD);
	expect("update after a failed final with KEEP",
	       raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_UPDATE, s, buf, 1, nullptr, nullptr), EBADFD);
	rm_sess(s);
	s = mk_sess(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0);
	n = 32;
	e = raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_FINAL, s, nullptr, 0, fresh_unmapped(), &n);
	if (e != EFAULT)
		bad("final into an unmapped address: got %s, expected EFAULT", errno_name(e));
	rm_failed_final(s, "a final into an unmapped address");

	// A cipher session whose output cannot be written.
	uint8_t iv[16] = {0};
	s = mk_sess(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, fx.ref_key, iv, 16);
	n = 48;
	expect("cipher update to an unmapped address",
	       raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_UPDATE, s, buf, 32, fresh_unmapped(), &n), EFAULT);
	n = 48;
	expect("cipher update after a failed update",
	       raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_UPDATE, s, buf, 32, out, &n), EBADFD);
	rm_sess(s);

	// NCRYPTO_SESSION_F_KEEP: finished but allocated until destroyed.
	s = mk_sess(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0);
	n = 32;
	expect("final with KEEP", raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_FINAL, s, "abc", 3, out, &n, NCRYPTO_SESSION_F_KEEP), 0);
	static const uint8_t sha256_abc[32] = {
		0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
		0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};
	if (n != 32 || memcmp(out, sha256_abc, 32) != 0)
		bad("SHA-256(abc) via session final with KEEP is wrong");
	expect("update after final with KEEP",
	       raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_UPDATE, s, buf, 1, nullptr, nullptr), EBADFD);
	n = 32;
	expect("final (KEEP) after final with KEEP", raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_FINAL, s, nullptr, 0, out, &n, NCRYPTO_SESSION_F_KEEP), EBADFD);
	// Without KEEP, FINAL ends the finished session (ABI 1.1).
	n = 32;
	e = raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_FINAL, s, nullptr, 0, out, &n);
	fx.sessions--;
	expect("final after final with KEEP", e, EBADFD);
	expect("destroy after that", sess_destroy(fx.fd, s), ENOENT);
	// Without KEEP the session is gone.
	s = mk_sess(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0);
	n = 32;
	e = raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_FINAL, s, "abc", 3, out, &n);
	if (e == 0)
		fx.sessions--;
	expect("final without KEEP", e, 0);
	expect("destroy after final without KEEP", sess_destroy(fx.fd, s), ENOENT);

	// The other session was not disturbed.
	n = 32;
	e = raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_FINAL, other, "c", 1, out, &n);
	if (e == 0)
		fx.sessions--;
	expect("final of the other session", e, 0);
	if (memcmp(out, sha256_abc, 32) != 0)
		bad("the other session's digest is wrong");
	finish();
}
END_TEST

// AEAD and MAC authentication failure: EBADMSG and no plaintext written.
START_TEST(test_ebadmsg)
{
	uint8_t iv[12] = {1, 2, 3}, aad[13] = {4, 5}, pt[48], ct[64], tag[16];
	for (size_t i = 0; i < sizeof(pt); i++)
		pt[i] = (uint8_t)i;
	struct AeadCase {
		uint32_t alg;
		uint32_t key;
	};
	std::vector<AeadCase> cases = {{NCRYPTO_ALG_AES_GCM, fx.ref_key}};
	uint8_t ck[32];
	memset(ck, 0x42, sizeof(ck));
	if (!fx.fips)
		cases.push_back({NCRYPTO_ALG_CHACHA20_POLY1305,
				 mk_key(NCRYPTO_KEY_TYPE_CHACHA20, ck, 32, NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_DECRYPT)});
	for (auto &ac : cases) {
		std::string an = ncrypto_alg_name(ac.alg) ? ncrypto_alg_name(ac.alg) : "aead";
		if (ac.alg == NCRYPTO_ALG_AES_GCM && fx.fips) {
			// No GCM encryption with a chosen IV in FIPS mode: nettle's.
			nct::Bytes ref = nct::ref_gcm(nct::Bytes(kat_key, kat_key + 16), nct::Bytes(iv, iv + 12),
						      nct::Bytes(aad, aad + 13), pt, 48, 16);
			memcpy(ct, ref.data(), 64);
		} else {
			RawOp enc(NCRYPTO_OP_ENCRYPT, ac.alg, ac.key);
			expect((an + " encrypt").c_str(), enc.in(pt, 48).out(ct, 48).with_iv(iv, 12).with_aad(aad, 13).with_tag(ct + 48, 16).run(fx.fd), 0);
		}
		memcpy(tag, ct + 48, 16);
		// Separate output buffer, bad tag.
		uint8_t dst[64];
		memset(dst, 0x3c, sizeof(dst));
		uint8_t badtag[16];
		memcpy(badtag, tag, 16);
		badtag[15] ^= 1;
		RawOp d1(NCRYPTO_OP_DECRYPT, ac.alg, ac.key);
		expect((an + " decrypt with a bad tag").c_str(), d1.in(ct, 48).out(dst, 48).with_iv(iv, 12).with_aad(aad, 13).with_tag(badtag, 16).run(fx.fd), EBADMSG);
		for (uint8_t b : dst)
			if (b != 0x3c) {
				bad("%s: failed decrypt wrote to dst", an.c_str());
				break;
			}
		// Bad AAD.
		uint8_t aad2[13];
		memcpy(aad2, aad, 13);
		aad2[12] ^= 0x80;
		RawOp d2(NCRYPTO_OP_DECRYPT, ac.alg, ac.key);
		expect((an + " decrypt with modified AAD").c_str(), d2.in(ct, 48).out(dst, 48).with_iv(iv, 12).with_aad(aad2, 13).with_tag(tag, 16).run(fx.fd), EBADMSG);
		for (uint8_t b : dst)
			if (b != 0x3c) {
				bad("%s: failed decrypt (AAD) wrote to dst", an.c_str());
				break;
			}
		// In place, TLS layout (tag right after the ciphertext), bad ciphertext.
		uint8_t rec[64];
		memcpy(rec, ct, 64);
		rec[5] ^= 0x10;
		uint8_t before[64];
		memcpy(before, rec, 64);
		RawOp d3(NCRYPTO_OP_DECRYPT, ac.alg, ac.key);
		expect((an + " in-place decrypt of a modified record").c_str(), d3.in(rec, 48).out(rec, 48).with_iv(iv, 12).with_aad(aad, 13).with_tag(rec + 48, 16).run(fx.fd), EBADMSG);
		if (memcmp(rec, before, 64) != 0)
			bad("%s: failed in-place decrypt changed the record", an.c_str());
		// The good record decrypts in place.
		memcpy(rec, ct, 64);
		RawOp d4(NCRYPTO_OP_DECRYPT, ac.alg, ac.key);
		expect((an + " in-place decrypt").c_str(), d4.in(rec, 48).out(rec, 48).with_iv(iv, 12).with_aad(aad, 13).with_tag(rec + 48, 16).run(fx.fd), 0);
		if (memcmp(rec, pt, 48) != 0)
			bad("%s: in-place decrypt gives a wrong plaintext", an.c_str());
	}
	if (cases.size() > 1)
		rm_key(cases[1].key);

	// MAC verify, one-shot and session.
	uint32_t k = mk_key(NCRYPTO_KEY_TYPE_GENERIC_SECRET, hmac_key, 32, NCRYPTO_KEY_SIGN | NCRYPTO_KEY_VERIFY);
	uint8_t mac[32];
	RawOp s(NCRYPTO_OP_SIGN, NCRYPTO_ALG_HMAC_SHA256, k);
	expect("HMAC sign", s.in(pt, 48).out(mac, 32).run(fx.fd), 0);
	RawOp v(NCRYPTO_OP_VERIFY, NCRYPTO_ALG_HMAC_SHA256, k);
	expect("HMAC verify", v.in(pt, 48).with_tag(mac, 32).run(fx.fd), 0);
	// ABI 1.1: VERIFY takes the key's MAC length only (1.0 compared any
	// prefix, an oracle that recovers the MAC byte by byte); a key made with
	// tag_len 16 takes 16 (more in guest_capability).
	RawOp v16(NCRYPTO_OP_VERIFY, NCRYPTO_ALG_HMAC_SHA256, k);
	expect("HMAC verify of a 16-byte truncated tag", v16.in(pt, 48).with_tag(mac, 16).run(fx.fd), EINVAL);
	RawOp v1(NCRYPTO_OP_VERIFY, NCRYPTO_ALG_HMAC_SHA256, k);
	expect("HMAC verify of a 1-byte truncated tag", v1.in(pt, 48).with_tag(mac, 1).run(fx.fd), EINVAL);
	uint32_t k16 = mk_rawkey(RawKey(NCRYPTO_KEY_TYPE_GENERIC_SECRET, NCRYPTO_KEY_VERIFY, 32)
					 .value(hmac_key).bound(NCRYPTO_ALG_HMAC_SHA256, 16));
	RawOp t16(NCRYPTO_OP_VERIFY, NCRYPTO_ALG_HMAC_SHA256, k16);
	expect("HMAC verify of 16 bytes with a 16-byte key", t16.in(pt, 48).with_tag(mac, 16).run(fx.fd), 0);
	rm_key(k16);
	mac[31] ^= 1;
	RawOp vb(NCRYPTO_OP_VERIFY, NCRYPTO_ALG_HMAC_SHA256, k);
	expect("HMAC verify of a bad tag", vb.in(pt, 48).with_tag(mac, 32).run(fx.fd), EBADMSG);
	uint32_t sess = mk_sess(NCRYPTO_OP_VERIFY, NCRYPTO_ALG_HMAC_SHA256, k);
	expect("verify session update", raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_UPDATE, sess, pt, 48, nullptr, nullptr), 0);
	int e = raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_FINAL, sess, nullptr, 0, nullptr, nullptr, 0, mac, 32);
	if (e != EBADMSG)
		bad("verify session final with a bad tag: got %s, expected EBADMSG", errno_name(e));
	rm_failed_final(sess, "a failed verify final");
	// With KEEP the failed session stays, finished.
	sess = mk_sess(NCRYPTO_OP_VERIFY, NCRYPTO_ALG_HMAC_SHA256, k);
	expect("verify session update", raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_UPDATE, sess, pt, 48, nullptr, nullptr), 0);
	e = raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_FINAL, sess, nullptr, 0, nullptr, nullptr, NCRYPTO_SESSION_F_KEEP, mac, 32);
	expect("verify session final (KEEP) with a bad tag", e, EBADMSG);
	e = raw_session_data(fx.fd, NCRYPTO_IOC_SESSION_FINAL, sess, nullptr, 0, nullptr, nullptr, NCRYPTO_SESSION_F_KEEP, mac, 32);
	expect("verify session final after a failed final with KEEP", e, EBADFD);
	rm_sess(sess);
	rm_key(k);
	finish();
}
END_TEST

// ---- quotas -----------------------------------------------------------------------

START_TEST(test_quota_keys)
{
	uint32_t limit = fx.info.max_keys_per_ctx;
	std::vector<uint32_t> made;
	int e = 0;
	// Generate (not import) so the per-user memory accounting is exercised.
	while (made.size() <= (size_t)limit + 1) {
		uint32_t h;
		e = raw_key_create(fx.fd, NCRYPTO_IOC_KEY_GENERATE, NCRYPTO_KEY_TYPE_AES, nullptr, 16,
				   NCRYPTO_KEY_ENCRYPT, &h);
		if (e)
			break;
		made.push_back(h);
		fx.keys++;
	}
	printf("keys: EDQUOT after %zu new keys (max_keys_per_ctx %u, max_keys_per_user %u)\n",
	       made.size(), limit, fx.info.max_keys_per_user);
	expect("key creation past the limit", e, EDQUOT);
	struct ncrypto_info info;
	ck_assert(nct::raw_info(fx.fd, &info));
	if (info.ctx_keys > limit)
		bad("%u keys in the context, max_keys_per_ctx is %u", info.ctx_keys, limit);
	// Exactly at the limit unless the per-user or memory limits came first.
	bool user_room = fx.info.max_keys_per_user >= limit + fx.info.live_keys;
	bool mem_room = info.max_mem_per_ctx == 0 || info.ctx_mem + 4096 < info.max_mem_per_ctx;
	if (user_room && mem_room && info.ctx_keys != limit)
		bad("EDQUOT at %u keys in the context, max_keys_per_ctx is %u", info.ctx_keys, limit);
	uint32_t h;
	expect("import at the limit", raw_key_import(fx.fd, NCRYPTO_KEY_TYPE_AES, kat_key, 16, NCRYPTO_KEY_ENCRYPT, &h), EDQUOT);
	// One freed slot can be used again.
	rm_key(made.back());
	made.pop_back();
	e = raw_key_import(fx.fd, NCRYPTO_KEY_TYPE_AES, kat_key, 16, NCRYPTO_KEY_ENCRYPT, &h);
	if (!e) {
		fx.keys++;
		made.push_back(h);
	}
	expect("import after freeing one", e, 0);
	// Another context has its own per-context quota.
	int fd2 = nct::raw_open();
	uint32_t h2;
	e = raw_key_import(fd2, NCRYPTO_KEY_TYPE_AES, kat_key, 16, NCRYPTO_KEY_ENCRYPT, &h2);
	if (fx.info.max_keys_per_user > limit + fx.info.live_keys)
		expect("import in a second context", e, 0);
	close(fd2);
	for (uint32_t k : made)
		rm_key(k);
	check_ctx("destroying every key");
	finish();
}
END_TEST

START_TEST(test_quota_sessions)
{
	uint32_t limit = fx.info.max_sessions_per_ctx;
	std::vector<uint32_t> made;
	int e = 0;
	while (made.size() <= (size_t)limit + 1) {
		uint32_t h;
		e = raw_session_init(fx.fd, NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0, nullptr, 0, &h);
		if (e)
			break;
		made.push_back(h);
		fx.sessions++;
	}
	printf("sessions: EDQUOT after %zu (max_sessions_per_ctx %u, per user %u)\n", made.size(),
	       limit, fx.info.max_sessions_per_user);
	expect("session creation past the limit", e, EDQUOT);
	if (fx.info.max_sessions_per_user >= limit + fx.info.live_sessions && made.size() != limit)
		bad("EDQUOT after %zu sessions, max_sessions_per_ctx is %u", made.size(), limit);
	// Clone counts too.
	if (!made.empty()) {
		struct ncrypto_session_clone cl;
		memset(&cl, 0, sizeof(cl));
		cl.size = sizeof(cl);
		cl.handle = made[0];
		e = xioctl(fx.fd, NCRYPTO_IOC_SESSION_CLONE, &cl);
		if (!e)
			sess_destroy(fx.fd, cl.new_handle);
		expect("clone at the limit", e, EDQUOT);
	}
	ck_assert_msg(!made.empty(), "not a single session could be created");
	rm_sess(made.back());
	made.pop_back();
	uint32_t h;
	e = raw_session_init(fx.fd, NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0, nullptr, 0, &h);
	if (!e) {
		fx.sessions++;
		made.push_back(h);
	}
	expect("session after freeing one", e, 0);
	for (uint32_t s : made)
		rm_sess(s);
	check_ctx("destroying every session");
	finish();
}
END_TEST

// The per-user key limit across contexts (root counts as one user too).
START_TEST(test_quota_keys_per_user)
{
	uint32_t per_ctx = fx.info.max_keys_per_ctx, per_user = fx.info.max_keys_per_user;
	if ((uint64_t)per_user > 64ull * per_ctx) {
		printf("max_keys_per_user %u is more than 64 contexts' worth: not exhausted\n", per_user);
		return;
	}
	std::vector<int> fds;
	uint64_t made = 0;
	int e = 0;
	while (!e && fds.size() < 128) {
		int fd = nct::raw_open();
		fds.push_back(fd);
		for (uint32_t i = 0; i < per_ctx; i++) {
			uint32_t h;
			e = raw_key_create(fd, NCRYPTO_IOC_KEY_GENERATE, NCRYPTO_KEY_TYPE_AES, nullptr, 16,
					   NCRYPTO_KEY_ENCRYPT, &h);
			if (e)
				break;
			made++;
		}
	}
	struct ncrypto_info info;
	ck_assert(nct::raw_info(fds.back(), &info));
	printf("per user: EDQUOT after %llu new keys in %zu contexts (max_keys_per_user %u, "
	       "live keys %llu)\n", (unsigned long long)made, fds.size(), per_user,
	       (unsigned long long)info.live_keys);
	if (e != EDQUOT)
		bad("key creation past the per-user limit: %s, expected EDQUOT", errno_name(e));
	if (info.live_keys > per_user)
		bad("%llu live keys, max_keys_per_user is %u", (unsigned long long)info.live_keys, per_user);
	// Only this test runs in the guest: the limit itself must be what stops us
	// unless the memory limit came first.
	if (info.max_mem_per_user == 0 && info.live_keys != per_user)
		bad("EDQUOT at %llu live keys, max_keys_per_user is %u",
		    (unsigned long long)info.live_keys, per_user);
	size_t n = fds.size();
	for (int fd : fds)
		close(fd);
	// Closing the contexts gives the quota back.
	uint32_t h;
	int ie = raw_key_import(fx.fd, NCRYPTO_KEY_TYPE_AES, kat_key, 16, NCRYPTO_KEY_ENCRYPT, &h);
	if (!ie)
		fx.keys++;
	expect("import after closing the other contexts", ie, 0);
	if (!ie)
		rm_key(h);
	ck_assert_msg(n > 1 || per_user <= per_ctx, "EDQUOT within the first context");
	finish();
}
END_TEST

// ---- sharing the context: fork and SCM_RIGHTS ----------------------------------------

// In a child: encrypt the known answer with `key` on `fd`; exit status 0 if
// right, else a code saying what went wrong.
int child_encrypt(int fd, uint32_t key)
{
	uint8_t iv[16] = {0}, out[16] = {0}, buf[32];
	RawOp op(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, key);
	if (op.in(kat_pt, 16).out(out, 16).with_iv(iv, 16).run(fd) != 0)
		return 10;
	if (memcmp(out, kat_ct, 16) != 0)
		return 11;
	struct ncrypto_key_export ex;
	memset(&ex, 0, sizeof(ex));
	ex.size = sizeof(ex);
	ex.handle = key;
	ex.data = ptr(buf);
	ex.data_len = sizeof(buf);
	if (xioctl(fd, NCRYPTO_IOC_KEY_EXPORT, &ex) != EPERM)
		return 12;
	return 0;
}

START_TEST(test_fork)
{
	pid_t pid = fork();
	ck_assert(pid >= 0);
	if (pid == 0)
		_exit(child_encrypt(fx.fd, fx.ref_key));
	int st;
	ck_assert(waitpid(pid, &st, 0) == pid);
	ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		      "child using the parent's key over the inherited fd: status %#x", st);
	// The child's exit does not close the shared context.
	check_ctx("the child's exit");
	finish();
}
END_TEST

START_TEST(test_scm_rights)
{
	int sv[2];
	ck_assert(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
	// The child exists before the context: it can only get it by message.
	pid_t pid = fork();
	ck_assert(pid >= 0);
	if (pid == 0) {
		close(sv[0]);
		uint32_t key;
		char cbuf[CMSG_SPACE(sizeof(int))];
		struct iovec io = {&key, sizeof(key)};
		struct msghdr m;
		memset(&m, 0, sizeof(m));
		m.msg_iov = &io;
		m.msg_iovlen = 1;
		m.msg_control = cbuf;
		m.msg_controllen = sizeof(cbuf);
		if (recvmsg(sv[1], &m, 0) != (ssize_t)sizeof(key))
			_exit(20);
		struct cmsghdr *c = CMSG_FIRSTHDR(&m);
		if (!c || c->cmsg_type != SCM_RIGHTS)
			_exit(21);
		int fd;
		memcpy(&fd, CMSG_DATA(c), sizeof(fd));
		_exit(child_encrypt(fd, key));
	}
	close(sv[1]);
	int fd = nct::raw_open();
	uint32_t key;
	ck_assert_int_eq(raw_key_import(fd, NCRYPTO_KEY_TYPE_AES, kat_key, 16, NCRYPTO_KEY_ENCRYPT, &key), 0);
	char cbuf[CMSG_SPACE(sizeof(int))];
	memset(cbuf, 0, sizeof(cbuf));
	struct iovec io = {&key, sizeof(key)};
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
	ck_assert(sendmsg(sv[0], &m, 0) == (ssize_t)sizeof(key));
	// Close ours before the child uses it: the message keeps it alive.
	close(fd);
	int st;
	ck_assert(waitpid(pid, &st, 0) == pid);
	close(sv[0]);
	ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		      "child using a key received over SCM_RIGHTS: status %#x", st);
	check_ctx("SCM_RIGHTS");
	finish();
}
END_TEST

TCase *tcase(Suite *s, const char *name, double timeout = 60)
{
	TCase *tc = tcase_create(name);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, timeout);
	suite_add_tcase(s, tc);
	return tc;
}

} // namespace

int main()
{
	Suite *s = suite_create("badinput");
	int n = n_descs();
	tcase_add_loop_test(tcase(s, "valid_call"), test_valid_call, 0, n);
	tcase_add_loop_test(tcase(s, "size_too_small"), test_size_too_small, 0, n);
	tcase_add_loop_test(tcase(s, "size_larger"), test_size_larger, 0, n);
	tcase_add_loop_test(tcase(s, "bad_flags"), test_bad_flags, 0, n);
	tcase_add_loop_test(tcase(s, "reserved"), test_reserved, 0, n);
	tcase_add_loop_test(tcase(s, "bad_arg_pointer"), test_bad_arg_pointer, 0, n);
	tcase_add_loop_test(tcase(s, "bad_inner_pointers"), test_bad_inner_pointers, 0, n);
	tcase_add_test(tcase(s, "unknown_ioctl"), test_unknown_ioctl);
	tcase_add_test(tcase(s, "info"), test_info);
	tcase_add_test(tcase(s, "handles"), test_foreign_and_stale_handles);
	tcase_add_test(tcase(s, "permissions"), test_permissions);
	tcase_add_test(tcase(s, "bad_arguments"), test_bad_arguments);
	tcase_add_test(tcase(s, "huge_lengths", 120), test_huge_lengths);
	tcase_add_test(tcase(s, "large_partly_mapped"), test_large_partly_mapped);
	tcase_add_test(tcase(s, "enospc"), test_enospc);
	tcase_add_test(tcase(s, "failed_session"), test_failed_session);
	tcase_add_test(tcase(s, "ebadmsg"), test_ebadmsg);
	tcase_add_test(tcase(s, "quota_keys", 240), test_quota_keys);
	tcase_add_test(tcase(s, "quota_sessions", 240), test_quota_sessions);
	tcase_add_test(tcase(s, "quota_keys_per_user", 240), test_quota_keys_per_user);
	tcase_add_test(tcase(s, "fork"), test_fork);
	tcase_add_test(tcase(s, "scm_rights"), test_scm_rights);
	return nct::run_suite(s);
}
