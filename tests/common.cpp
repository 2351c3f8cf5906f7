// SPDX-License-Identifier: LGPL-2.1-or-later
#include "common.hpp"

#include "device.hpp"

#include <nettle/aes.h>
#include <nettle/gcm.h>
#include <nettle/nettle-meta.h>

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <map>
#include <unistd.h>

namespace nct {

namespace abi = ncrypto_impl::abi;

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

Bytes unhex(const std::string &s)
{
	ck_assert_msg(s.size() % 2 == 0, "odd-length hex string '%s'", s.c_str());
	Bytes out(s.size() / 2);
	for (size_t i = 0; i < out.size(); i++) {
		int hi = hexval(s[2 * i]), lo = hexval(s[2 * i + 1]);
		ck_assert_msg(hi >= 0 && lo >= 0, "bad hex '%s'", s.c_str());
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return out;
}

std::string hex(const uint8_t *p, size_t n)
{
	static const char d[] = "0123456789abcdef";
	std::string s;
	s.reserve(2 * n);
	for (size_t i = 0; i < n; i++) {
		s += d[p[i] >> 4];
		s += d[p[i] & 15];
	}
	return s;
}

json_object *load_wycheproof(const char *name)
{
	std::string path = std::string(TEST_SRCDIR) + "/wycheproof/" + name;
	json_object *o = json_object_from_file(path.c_str());
	ck_assert_msg(o != nullptr, "cannot load %s: %s", path.c_str(),
		      json_util_get_last_err());
	return o;
}

std::string json_str(json_object *o, const char *key)
{
	json_object *v;
	ck_assert_msg(json_object_object_get_ex(o, key, &v) &&
		      json_object_is_type(v, json_type_string),
		      "JSON field '%s' missing or not a string", key);
	return json_object_get_string(v);
}

int64_t json_int(json_object *o, const char *key)
{
	json_object *v;
	ck_assert_msg(json_object_object_get_ex(o, key, &v) &&
		      json_object_is_type(v, json_type_int),
		      "JSON field '%s' missing or not an integer", key);
	return json_object_get_int64(v);
}

json_object *json_arr(json_object *o, const char *key)
{
	json_object *v;
	ck_assert_msg(json_object_object_get_ex(o, key, &v) &&
		      json_object_is_type(v, json_type_array),
		      "JSON field '%s' missing or not an array", key);
	return v;
}

int raw_open()
{
	int fd = open(NCRYPTO_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	ck_assert_msg(fd >= 0, "open %s: %s (is the module loaded?)",
		      NCRYPTO_DEVICE_PATH, strerror(errno));
	return fd;
}

bool raw_info(int fd, struct ncrypto_info *info)
{
	abi::info(*info, nullptr, 0);
	int e = xioctl(fd, NCRYPTO_IOC_INFO, info);
	errno = e;
	return e == 0;
}

struct ncrypto_info device_info()
{
	struct ncrypto_info info;
	int fd = raw_open();
	bool ok = raw_info(fd, &info);
	int e = errno;
	close(fd);
	ck_assert_msg(ok, "NCRYPTO_IOC_INFO: %s", strerror(e));
	return info;
}

bool fips_mode()
{
	return device_info().fips_mode != 0;
}

long long sysfs_counter(const char *name)
{
	std::string path = std::string("/sys/class/misc/ncrypto/counters/") + name;
	FILE *f = fopen(path.c_str(), "r");
	if (!f)
		return -1;
	long long v = -1;
	if (fscanf(f, "%lld", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

const uint8_t kat_key[16] = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
			     0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f};
const uint8_t kat_pt[16] = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
			    0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff};
const uint8_t kat_ct[16] = {0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30,
			    0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a};

int xioctl(int fd, unsigned long req, void *arg)
{
	return ncrypto_impl::device_ioctl(fd, req, arg);
}

const char *errno_name(int e)
{
	switch (e) {
#define E(x) case x: return #x
	E(EPERM); E(ENOENT); E(EFAULT); E(EINVAL); E(E2BIG); E(ENOTTY); E(EACCES);
	E(ENOPKG); E(EDQUOT); E(ENOSPC); E(EBADMSG); E(EBADFD); E(ENOMEM); E(EBADF);
	E(EKEYREVOKED); E(EOVERFLOW);
#undef E
	case 0: return "success";
	}
	return strerror(e);
}

// Tests copy and send these as the structs they extend.
static_assert(sizeof(RawKey) == sizeof(ncrypto_key_create), "RawKey has members of its own");
static_assert(sizeof(RawOp) == sizeof(ncrypto_op), "RawOp has members of its own");

// A pointer the ABI carries as __u64, back as a pointer.
static const void *vptr(uint64_t p) { return reinterpret_cast<const void *>((uintptr_t)p); }

RawKey::RawKey(uint32_t t, uint32_t u, uint32_t len)
{
	abi::key_create(*this, t, u, nullptr, len, abi::KeyParams());
}

// The ABI 1.1 parameters as the struct holds them now.
abi::KeyParams RawKey::params() const
{
	abi::KeyParams p;
	p.alg = alg;
	p.tag_len = tag_len;
	p.nonce_policy = nonce_policy;
	p.nonce_fixed_len = nonce_fixed_len;
	memcpy(p.nonce_fixed, nonce_fixed, sizeof(p.nonce_fixed));
	p.nonce_counter = nonce_counter;
	return p;
}

// Fill the struct again, as libncrypto does, keeping a size set by sized().
void RawKey::refill(const void *value, const abi::KeyParams &p)
{
	uint32_t s = size;
	abi::key_create(*this, type, usage, value, key_len, p);
	size = s;
}

RawKey &RawKey::value(const void *p)
{
	refill(p, params());
	return *this;
}

RawKey &RawKey::bound(uint32_t a, uint32_t tag)
{
	abi::KeyParams p = params();
	p.alg = a;
	p.tag_len = tag;
	refill(vptr(data), p);
	return *this;
}

RawKey &RawKey::nonce(uint32_t policy, const void *fixed, uint32_t fixed_len, uint64_t counter)
{
	abi::KeyParams p = params();
	p.nonce_policy = policy;
	// The length as given (a test may send one the ABI refuses), the
	// bytes as far as they fit.
	p.nonce_fixed_len = fixed_len;
	memset(p.nonce_fixed, 0, sizeof(p.nonce_fixed));
	if (fixed)
		memcpy(p.nonce_fixed, fixed, std::min<size_t>(fixed_len, sizeof(p.nonce_fixed)));
	p.nonce_counter = counter;
	refill(vptr(data), p);
	return *this;
}

int RawKey::create(int fd, unsigned long req, uint32_t *h)
{
	handle = 0;
	int e = xioctl(fd, req, static_cast<ncrypto_key_create *>(this));
	*h = e ? 0 : handle;
	return e;
}

RawOp::RawOp(uint32_t o, uint32_t a, uint32_t k)
{
	abi::Op args;
	args.op = o;
	args.alg = a;
	args.key = k;
	abi::op(*this, args);
}

RawOp &RawOp::set(abi::Buf abi::Op::*field, const void *p, uint32_t n)
{
	abi::Op args;
	args.op = op;
	args.alg = alg;
	args.key = key;
	args.iv = {vptr(iv), iv_len};
	args.aad = {vptr(aad), aad_len};
	args.src = {vptr(src), src_len};
	args.dst = {vptr(dst), dst_len};
	args.tag = {vptr(tag), tag_len};
	args.*field = {p, n};
	abi::op(*this, args);
	return *this;
}

int raw_key_create(int fd, unsigned long req, uint32_t type, const void *data, uint32_t len,
		   uint32_t usage, uint32_t *handle)
{
	return RawKey(type, usage, len).value(data).create(fd, req, handle);
}

int raw_key_import(int fd, uint32_t type, const void *data, uint32_t len, uint32_t usage,
		   uint32_t *handle)
{
	return raw_key_create(fd, NCRYPTO_IOC_KEY_IMPORT, type, data, len, usage, handle);
}

int raw_key_info(int fd, uint32_t h, struct ncrypto_key_info *ki)
{
	abi::key_info(*ki, h, 0);
	return xioctl(fd, NCRYPTO_IOC_KEY_INFO, ki);
}

int raw_key_restrict(int fd, uint32_t h, uint32_t usage)
{
	struct ncrypto_key_info ki;
	abi::key_info(ki, h, usage);
	return xioctl(fd, NCRYPTO_IOC_KEY_RESTRICT, &ki);
}

int raw_handle_ioctl(int fd, unsigned long req, uint32_t h)
{
	struct ncrypto_handle a;
	abi::handle(a, h);
	return xioctl(fd, req, &a);
}

int raw_session_init(int fd, uint32_t op, uint32_t alg, uint32_t key, const void *iv,
		     uint32_t iv_len, uint32_t *handle)
{
	struct ncrypto_session_init s;
	abi::session_init(s, op, alg, key, {iv, iv_len});
	*handle = 0;
	int e = xioctl(fd, NCRYPTO_IOC_SESSION_INIT, &s);
	if (!e)
		*handle = s.handle;
	return e;
}

int raw_session_data(int fd, unsigned long req, uint32_t h, const void *src, uint32_t src_len,
		     void *dst, uint32_t *dst_len, uint32_t flags, const void *tag,
		     uint32_t tag_len)
{
	struct ncrypto_session_data d;
	abi::session_data(d, h, flags, {src, src_len}, {dst, dst_len ? *dst_len : 0},
			  {tag, tag_len});
	int e = xioctl(fd, req, &d);
	if (dst_len)
		*dst_len = d.dst_len;
	return e;
}

int raw_session_clone(int fd, uint32_t h, uint32_t *new_handle)
{
	struct ncrypto_session_clone c;
	abi::session_clone(c, h);
	int e = xioctl(fd, NCRYPTO_IOC_SESSION_CLONE, &c);
	*new_handle = e ? 0 : c.new_handle;
	return e;
}

Bytes ref_gcm(const Bytes &key, const Bytes &nonce, const Bytes &aad, const uint8_t *p, size_t n,
	      size_t tag_len)
{
	// nettle's generic GCM over the AES of the key's size.
	const nettle_cipher *ci = key.size() == 16 ? &nettle_aes128
				  : key.size() == 24 ? &nettle_aes192 : &nettle_aes256;
	std::vector<uint64_t> cc(ci->context_size / 8 + 1);	// word-aligned
	struct gcm_key gk;
	struct gcm_ctx g;
	Bytes out(n + tag_len + 1);
	ci->set_encrypt_key(cc.data(), key.data());
	gcm_set_key(&gk, cc.data(), ci->encrypt);
	gcm_set_iv(&g, &gk, nonce.size(), nonce.data());
	gcm_update(&g, &gk, aad.size(), aad.data());
	gcm_encrypt(&g, &gk, cc.data(), ci->encrypt, n, out.data(), p);
	gcm_digest(&g, &gk, cc.data(), ci->encrypt, tag_len, out.data() + n);
	out.resize(n + tag_len);
	return out;
}

static const char param_dir[] = "/sys/module/ncrypto/parameters/";

std::string param_get(const char *name)
{
	std::string path = std::string(param_dir) + name;
	FILE *f = fopen(path.c_str(), "r");
	ck_assert_msg(f != nullptr, "open %s: %s", path.c_str(), strerror(errno));
	char buf[64] = "";
	bool ok = fgets(buf, sizeof(buf), f) != nullptr;
	fclose(f);
	ck_assert_msg(ok, "read %s", path.c_str());
	std::string v = buf;
	while (!v.empty() && (v.back() == '\n' || v.back() == ' '))
		v.pop_back();
	return v;
}

static bool param_write(const std::string &name, const std::string &value)
{
	std::string path = std::string(param_dir) + name;
	int fd = open(path.c_str(), O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool ok = write(fd, value.data(), value.size()) == (ssize_t)value.size();
	close(fd);
	return ok;
}

void param_set(const char *name, const std::string &value)
{
	ck_assert_msg(param_write(name, value), "write %s to %s%s: %s", value.c_str(), param_dir,
		      name, strerror(errno));
}

ParamGuard::ParamGuard(const char *name, const std::string &value)
	: name_(name), old_(param_get(name))
{
	param_set(name, value);
}

ParamGuard::~ParamGuard()
{
	param_write(name_, old_);
}

static std::map<std::string, std::string> saved_params;

void save_params()
{
	saved_params.clear();
	DIR *d = opendir(param_dir);
	if (!d)
		return;
	while (struct dirent *e = readdir(d))
		if (e->d_name[0] != '.')
			saved_params[e->d_name] = param_get(e->d_name);
	closedir(d);
}

void restore_params()
{
	for (auto &p : saved_params)
		if (param_get(p.first.c_str()) != p.second && !param_write(p.first, p.second))
			fprintf(stderr, "cannot restore %s%s to %s\n", param_dir, p.first.c_str(),
				p.second.c_str());
}

static uint64_t splitmix(uint64_t &x)
{
	uint64_t z = (x += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

Rng::Rng(uint64_t seed)
{
	for (auto &s : s_)
		s = splitmix(seed);
}

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

uint64_t Rng::next()
{
	uint64_t r = rotl(s_[1] * 5, 7) * 9, t = s_[1] << 17;
	s_[2] ^= s_[0];
	s_[3] ^= s_[1];
	s_[1] ^= s_[2];
	s_[0] ^= s_[3];
	s_[2] ^= t;
	s_[3] = rotl(s_[3], 45);
	return r;
}

uint32_t Rng::below(uint32_t n)
{
	return n ? (uint32_t)(next() % n) : 0;
}

void Rng::fill(uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)(next() >> 56);
}

Bytes Rng::bytes(size_t n)
{
	Bytes b(n);
	fill(b.data(), n);
	return b;
}

uint64_t test_seed()
{
	static bool printed;
	uint64_t seed = 0x6e63727970746fULL;	/* "ncrypto" */
	const char *env = getenv("NCRYPTO_TEST_SEED");
	if (env && *env)
		seed = strtoull(env, nullptr, 0);
	if (!printed) {
		printf("seed: NCRYPTO_TEST_SEED=0x%" PRIx64 "\n", seed);
		fflush(stdout);
		printed = true;
	}
	return seed;
}

OffsetBuf::OffsetBuf(size_t len, size_t offset, uint8_t fill)
	: base_(len + offset + 128, fill), off_(0), len_(len)
{
	uintptr_t p = (uintptr_t)base_.data();
	off_ = ((64 - p % 64) % 64) + offset;
}

void Failures::add(const std::string &msg)
{
	if (n_ < max_print_) {
		printf("FAIL %s: %s\n", what_.c_str(), msg.c_str());
		fflush(stdout);
	}
	if (n_ == 0)
		first_ = msg;
	n_++;
}

void Failures::check(const char *file, int line) const
{
	ck_assert_msg(n_ == 0, "%s: %zu failure(s), first: %s (%s:%d)",
		      what_.c_str(), n_, first_.c_str(), file, line);
}

const char *err_name(int err)
{
	switch (err) {
#define E(x) case x: return #x
	E(NCRYPTO_OK);
	E(NCRYPTO_E_NOT_LOADED);
	E(NCRYPTO_E_INVALID_ARG);
	E(NCRYPTO_E_BAD_HANDLE);
	E(NCRYPTO_E_NO_SUCH_OBJECT);
	E(NCRYPTO_E_PERMISSION);
	E(NCRYPTO_E_FIPS);
	E(NCRYPTO_E_UNSUPPORTED);
	E(NCRYPTO_E_QUOTA);
	E(NCRYPTO_E_TOO_BIG);
	E(NCRYPTO_E_BUFFER_TOO_SMALL);
	E(NCRYPTO_E_AUTH_FAILED);
	E(NCRYPTO_E_BAD_PADDING);
	E(NCRYPTO_E_SESSION_FAILED);
	E(NCRYPTO_E_NO_MEMORY);
	E(NCRYPTO_E_ACCESS);
	E(NCRYPTO_E_SYSTEM);
	E(NCRYPTO_E_INTERNAL);
	E(NCRYPTO_E_KEY_REVOKED);
	E(NCRYPTO_E_NONCES_EXHAUSTED);
	E(NCRYPTO_E_KEY_REJECTED);
	E(NCRYPTO_E_OUT_OF_RANGE);
	E(NCRYPTO_E_SELF_CHECK);
#undef E
	}
	return "(unknown ncrypto error)";
}

int run_suite(Suite *s)
{
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

} // namespace nct
