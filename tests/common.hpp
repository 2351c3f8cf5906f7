// SPDX-License-Identifier: LGPL-2.1-or-later
// Shared helpers of the ncrypto tests: hex, Wycheproof JSON loading, the
// device's INFO (FIPS state, limits, counters), an AES known answer, raw
// ioctls, a seeded PRNG, misaligned buffers, failure collection, and the
// Check runner every program ends with.
#ifndef NCRYPTO_TESTS_COMMON_HPP
#define NCRYPTO_TESTS_COMMON_HPP

#include <check.h>
#include <json-c/json.h>
#include <ncrypto.h>

#include "abi.hpp"	// libncrypto's struct filling, which the raw helpers share

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#ifndef TEST_SRCDIR
#error "TEST_SRCDIR (absolute path of tests/ in the source tree) must be defined"
#endif

namespace nct {

using Bytes = std::vector<uint8_t>;

// Hex decoding of test vectors; a malformed string fails the current test.
Bytes unhex(const std::string &hex);
std::string hex(const uint8_t *p, size_t n);
inline std::string hex(const Bytes &b) { return hex(b.data(), b.size()); }

// TEST_SRCDIR "/wycheproof/" name, parsed; fails the current test if absent.
json_object *load_wycheproof(const char *name);
// Field accessors that fail the current test when the field is missing.
std::string json_str(json_object *o, const char *key);
int64_t json_int(json_object *o, const char *key);
json_object *json_arr(json_object *o, const char *key);

// Raw device access (no libncrypto).
int raw_open();			// O_RDWR|O_CLOEXEC; fails the test on error
bool raw_info(int fd, struct ncrypto_info *info);
// A fresh context's view of the module (limits, module-wide counters).
struct ncrypto_info device_info();
bool fips_mode();		// NCRYPTO_IOC_INFO's fips_mode
// /sys/class/misc/ncrypto/counters/<name>, or -1 if absent.
long long sysfs_counter(const char *name);

// AES-128 known answer (FIPS-197 appendix C.1): one block, so CBC with a zero
// IV gives the plain block cipher.
extern const uint8_t kat_key[16], kat_pt[16], kat_ct[16];

// Raw ioctls for the tests that bypass libncrypto (not its checks, though:
// each struct is filled by the library's own function in abi.cpp, and the
// ioctl made by its device.cpp). Each returns 0 or the errno; an out handle
// is 0 on failure.
inline uint64_t ptr(const void *p) { return ncrypto_impl::abi::uptr(p); }
int xioctl(int fd, unsigned long req, void *arg);
// Name of an errno the ABI uses ("EKEYREVOKED"), "success" for 0.
const char *errno_name(int e);
// A struct ncrypto_key_create built in place (ABI 1.1 parameters included):
// RawKey(type, usage, len).value(p).bound(alg, tag_len).nonce(...).import(fd, &h).
// size is sizeof the struct this header knows; sized() sends another one.
// Each builder call refills the whole struct with abi::key_create from its
// own fields and the change (so set fields by hand after the last one). No
// members of its own: sizeof(RawKey) is the struct's, tests copy it as one.
struct RawKey : ncrypto_key_create {
	RawKey(uint32_t type, uint32_t usage, uint32_t len);
	RawKey &value(const void *p);
	RawKey &bound(uint32_t a, uint32_t tag = 0);
	// A kernel-made nonce policy: fixed_len bytes of fixed, first counter.
	RawKey &nonce(uint32_t policy, const void *fixed = nullptr, uint32_t fixed_len = 0,
		      uint64_t counter = 0);
	RawKey &sized(uint32_t s) { size = s; return *this; }
	// NCRYPTO_IOC_KEY_IMPORT or _GENERATE (req).
	int create(int fd, unsigned long req, uint32_t *h);
	int import(int fd, uint32_t *h) { return create(fd, NCRYPTO_IOC_KEY_IMPORT, h); }
	int generate(int fd, uint32_t *h) { return create(fd, NCRYPTO_IOC_KEY_GENERATE, h); }

private:
	ncrypto_impl::abi::KeyParams params() const;
	void refill(const void *data, const ncrypto_impl::abi::KeyParams &p);
};
// NCRYPTO_IOC_KEY_IMPORT or _GENERATE (req) of `len` bytes at `data`.
int raw_key_create(int fd, unsigned long req, uint32_t type, const void *data, uint32_t len,
		   uint32_t usage, uint32_t *handle);
int raw_key_import(int fd, uint32_t type, const void *data, uint32_t len, uint32_t usage,
		   uint32_t *handle);
// NCRYPTO_IOC_KEY_INFO into *ki (zeroed first, size = sizeof).
int raw_key_info(int fd, uint32_t h, struct ncrypto_key_info *ki);
// NCRYPTO_IOC_KEY_RESTRICT to `usage`.
int raw_key_restrict(int fd, uint32_t h, uint32_t usage);
// An ioctl whose argument is a struct ncrypto_handle (the DESTROYs).
int raw_handle_ioctl(int fd, unsigned long req, uint32_t h);
int raw_session_clone(int fd, uint32_t h, uint32_t *new_handle);
int raw_session_init(int fd, uint32_t op, uint32_t alg, uint32_t key, const void *iv,
		     uint32_t iv_len, uint32_t *handle);
// SESSION_UPDATE or _FINAL (req); *dst_len (if given) in and out.
int raw_session_data(int fd, unsigned long req, uint32_t h, const void *src, uint32_t src_len,
		     void *dst, uint32_t *dst_len, uint32_t flags = 0,
		     const void *tag = nullptr, uint32_t tag_len = 0);
// A struct ncrypto_op built in place: RawOp(op, alg, key).in(...).out(...).run(fd).
// As RawKey, each builder call refills the struct (abi::op) from its fields.
struct RawOp : ncrypto_op {
	RawOp(uint32_t o, uint32_t a, uint32_t key);
	RawOp &in(const void *p, uint32_t n) { return set(&ncrypto_impl::abi::Op::src, p, n); }
	RawOp &out(void *p, uint32_t n) { return set(&ncrypto_impl::abi::Op::dst, p, n); }
	RawOp &with_iv(const void *p, uint32_t n) { return set(&ncrypto_impl::abi::Op::iv, p, n); }
	RawOp &with_aad(const void *p, uint32_t n) { return set(&ncrypto_impl::abi::Op::aad, p, n); }
	RawOp &with_tag(const void *p, uint32_t n) { return set(&ncrypto_impl::abi::Op::tag, p, n); }
	int run(int fd) { return xioctl(fd, NCRYPTO_IOC_OP, static_cast<ncrypto_op *>(this)); }

private:
	RawOp &set(ncrypto_impl::abi::Buf ncrypto_impl::abi::Op::*field, const void *p, uint32_t n);
};

// nettle's AES-GCM encryption (the reference): ct || tag.
Bytes ref_gcm(const Bytes &key, const Bytes &nonce, const Bytes &aad, const uint8_t *p, size_t n,
	      size_t tag_len);

// A module parameter (/sys/module/ncrypto/parameters/<name>, root only).
std::string param_get(const char *name);
void param_set(const char *name, const std::string &value);	// fails the test on error
// Remembers a parameter's value and puts it back when destroyed: tests that
// lower a limit keep one of these for the limit's lifetime.
class ParamGuard {
public:
	ParamGuard(const char *name, const std::string &value);
	~ParamGuard();
	ParamGuard(const ParamGuard &) = delete;
	ParamGuard &operator=(const ParamGuard &) = delete;
private:
	std::string name_, old_;
};
// Every parameter's value now; restore_params() writes them back. For
// unchecked fixtures: a test that fails (and exits) while it holds a
// ParamGuard leaves the limit changed for the tests after it otherwise.
void save_params();
void restore_params();

// Deterministic PRNG (xoshiro256**) for reproducible random tests.
class Rng {
public:
	explicit Rng(uint64_t seed);
	uint64_t next();
	uint32_t below(uint32_t n);	// uniform in [0, n)
	void fill(uint8_t *p, size_t n);
	Bytes bytes(size_t n);
private:
	uint64_t s_[4];
};

// The seed of this run: NCRYPTO_TEST_SEED if set, else a fixed default.
// Printed once so a failure can be replayed.
uint64_t test_seed();

// A buffer whose data() sits `offset` bytes past a 64-byte boundary, to
// exercise unaligned user pointers in the kernel.
class OffsetBuf {
public:
	OffsetBuf(size_t len, size_t offset, uint8_t fill = 0);
	uint8_t *data() { return base_.data() + off_; }
	const uint8_t *data() const { return base_.data() + off_; }
	size_t size() const { return len_; }
	Bytes bytes() const { return Bytes(data(), data() + len_); }
private:
	Bytes base_;
	size_t off_, len_;
};

// Collects failures of a table-driven test so one run reports all of them
// (at most `max_print` printed) instead of stopping at the first.
class Failures {
public:
	explicit Failures(const std::string &what, size_t max_print = 25)
		: what_(what), max_print_(max_print) {}
	void add(const std::string &msg);
	size_t count() const { return n_; }
	// ck_assert that nothing failed.
	void check(const char *file, int line) const;
private:
	std::string what_;
	size_t max_print_;
	size_t n_ = 0;
	std::string first_;
};
#define NCT_CHECK_FAILURES(f) (f).check(__FILE__, __LINE__)

// Name of an NCRYPTO_E_* code for messages ("NCRYPTO_E_FIPS").
const char *err_name(int err);

// Runs every test with CK_NORMAL output (the summary line the harness
// reads) and returns the process exit status.
int run_suite(Suite *s);

} // namespace nct

#endif
