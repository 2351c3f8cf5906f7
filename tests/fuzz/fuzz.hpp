// SPDX-License-Identifier: LGPL-2.1-or-later
// ncrypto-fuzz: random, mostly plausible ioctl sequences against /dev/ncrypto
// from several threads, several contexts and short-lived child processes.
//
// The pieces:
//  - abi.cpp     one table row per ioctl of <linux/ncrypto.h>, one line per
//                struct field saying what kind of value it holds, and the
//                errnos the header documents for that ioctl
//  - memory.cpp  guarded arenas the kernel may read and write, and the
//                pointer/length choices (NULL, unmapped, read-only,
//                straddling a guard page, misaligned, aliased)
//  - world.cpp   the contexts (fd slots), their pools of live handles, the
//                fd games (close, dup, reopen, fork, SCM_RIGHTS)
//  - build.cpp   a plausible struct per ioctl from the pools, and what a
//                call leaves behind (pools, checks of its outputs)
//  - calls.cpp   generic mutations from the field table, the call, its
//                errno and must-fail checks, the weighted action table
//  - roundtrip.cpp  encrypt/decrypt, sign/verify, session/one-shot hash
//  - report.cpp  counts shared across processes, findings, the final table
//  - main.cpp    options, threads, the end-of-run counter check
#ifndef NCRYPTO_TESTS_FUZZ_HPP
#define NCRYPTO_TESTS_FUZZ_HPP

#include "../common.hpp"

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace fz {

using nct::Rng;

// ---- the ABI description (abi.cpp) --------------------------------------------

// What a struct field holds; decides how it is filled and mutated.
enum Kind : uint8_t {
	SIZE,		// the struct's own size
	FLAGS,		// bits; arg = the mask of valid bits
	KEY,		// key handle (in)
	SESSION,	// session handle (in)
	ENUM,		// arg = EnumId
	USAGE,		// NCRYPTO_KEY_* bits
	NUM,		// a number with a meaning of its own (key_len of GENERATE...)
	LEN,		// the length of a PTR field (which names it)
	PTR,		// user pointer; arg = offset of its LEN field, unit = bytes per length unit
	BYTES,		// byte array, any content
	OUT,		// output; what the caller puts there is ignored
	ZERO,		// must be 0: reserved*, and fields an ioctl does not take
};

enum EnumId : uint8_t { E_ALG, E_ALG_OR_0, E_OP, E_KEY_TYPE, E_NONCE };

struct Field {
	const char *name;
	uint16_t off, width;	// bytes
	Kind kind;
	uint32_t arg = 0;
	uint16_t unit = 1;
};

enum IoctlId {
	I_INFO, I_KEY_GENERATE, I_KEY_IMPORT, I_KEY_INFO, I_KEY_EXPORT, I_KEY_RESTRICT,
	I_KEY_DESTROY, I_OP, I_SESSION_INIT, I_SESSION_UPDATE, I_SESSION_FINAL,
	I_SESSION_CLONE, I_SESSION_DESTROY, N_IOCTLS,
	I_BAD_NUMBER = N_IOCTLS,	// a stats row: numbers the kernel must refuse
	N_ROWS
};

struct Call;

struct Ioctl {
	const char *name;
	unsigned long nr;
	uint32_t ver0, size;	// first published size; sizeof with this header
	uint32_t errs;		// documented errnos: bits of err_bit()
	unsigned weight;	// relative frequency
	void (*build)(Call &);	// a plausible struct from the pools (calls.cpp)
	void (*after)(Call &);	// pools and invariants after the call (calls.cpp)
	std::vector<Field> fields;
};

const Ioctl &ioctl_desc(int id);
bool tables_complete();	// every struct byte described once (else says which)
// The valid values of an enum (for plausible values and for "is it valid").
const std::vector<uint32_t> &enum_values(EnumId id);
bool enum_valid(EnumId id, uint32_t v);

// Errnos with a column in the report: "ok" first, then the errnos the header
// documents, EBADF (a racing close), and "other" (-1) for anything else.
inline constexpr int kErrnos[] = {0, EINVAL, EFAULT, E2BIG, ENOENT, EPERM, EACCES, ENOPKG,
				  EDQUOT, ENOSPC, EBADMSG, EBADFD, EKEYREVOKED, EOVERFLOW,
				  ENOMEM, ENOTTY, EBADF, -1};
inline constexpr int kNumErrnos = sizeof(kErrnos) / sizeof(kErrnos[0]);
constexpr int err_index(int err)
{
	for (int i = 0; i < kNumErrnos - 1; i++)
		if (kErrnos[i] == err)
			return i;
	return kNumErrnos - 1;
}
constexpr uint32_t err_bit(int err) { return 1u << err_index(err); }
const char *err_label(int index);
const char *errno_name(int err);

// ---- memory the kernel may touch (memory.cpp) -----------------------------------

// A read-write area between two inaccessible guard pages, plus a read-only
// page: any pointer into it with any length makes the kernel either stay
// inside or fault (EFAULT), never scribble over the fuzzer's own memory.
struct Arena {
	uint8_t *data = nullptr;
	size_t len = 0;
	uint8_t *ro = nullptr;	// one read-only page
	uint8_t *ro_alias = nullptr;	// the same page, writable
	void init(size_t bytes, Rng &rng);
	uint8_t *guard_end() const { return data + len; }	// first faulting byte
	bool contains(const void *p, size_t n) const;
};

extern long page_size;

// A pointer for `bytes` bytes: usually valid in `own` (or the shared big
// arena when too long), sometimes NULL, unmapped, kernel, read-only,
// straddling a guard page or misaligned.
uint64_t pick_pointer(Rng &rng, Arena &own, uint64_t bytes);
uint8_t *valid_buffer(Rng &rng, Arena &own, size_t bytes, size_t align_off);
// A length for data: mostly short, sometimes a block edge, a page edge,
// max_op_len +-1 or huge.
uint32_t pick_length(Rng &rng, uint32_t block);
uint32_t pick_data_len(Rng &rng, uint32_t block, uint32_t min = 0);

// ---- contexts and handles (world.cpp) ----------------------------------------------

constexpr int kMaxSlots = 16, kMaxThreads = 32, kPool = 16, kDead = 8;

// What the fuzzer knows of a key or session, packed in 64 bits so that pools
// are arrays of atomics (no locks: a fork() child may inherit any state).
struct KeyRec {
	uint32_t handle = 0, type = 0, len = 0, usage = 0, alg = 0, tag_len = 0, nonce = 0;
	uint64_t pack() const;
	static KeyRec unpack(uint64_t v);
};
struct SessRec {
	uint32_t handle = 0, alg = 0, op = 0, tag_len = 0;
	uint64_t pack() const;
	static SessRec unpack(uint64_t v);
};

// One context: a fixed fd number (base + index) that only ever names an
// ncrypto file, so a racing close or dup3 can give EBADF but never send an
// ioctl to an unrelated file. Even slots never hold an EXPORTABLE key, in any
// process: a KEY_EXPORT that succeeds there is a finding, whatever handle.
struct Slot {
	std::atomic<uint32_t> seq{0};	// odd while the fd is being replaced or closed
	std::atomic<bool> writer{false};	// a thread is changing the fd
	std::atomic<bool> open{false};
	std::atomic<uint64_t> keys[kPool], sessions[kPool];
	std::atomic<uint32_t> dead[kDead];	// recently destroyed handles
	std::atomic<uint32_t> dead_pos{0};
};

// What each thread is using right now, so other threads can destroy it
// under its feet.
struct Busy {
	std::atomic<int> slot{-1};
	std::atomic<uint32_t> key{0}, session{0};
};

struct AlgInfo {
	uint32_t alg, cls, key_type, min_key, max_key, iv_len, block, out_len;
	bool session, available, fips_ok;
};

// Slots 0..nslots-1 are shared by every thread; slot nslots + i is thread
// i's own, for round trips no other thread may disturb.
struct World {
	int base_fd = 600, nslots = 4, nthreads = 4;
	uint32_t max_op_len = 1u << 20;
	bool fips = false;
	std::vector<AlgInfo> algs;
	Arena big;			// shared by every thread: long buffers
	Slot slots[kMaxSlots + kMaxThreads];
	Busy busy[kMaxThreads];
	int fd(int slot) const { return base_fd + slot; }
	static bool no_export(int slot) { return slot % 2 == 0; }
};
extern World W;

struct Thread {
	int id;
	Rng rng;
	Arena arena;		// this thread's buffers (round trips check their content)
	Arena args;		// where argument structs are put (fenced like data)
	bool child = false;	// in a fork()ed child: no more forks
	Thread(int i, uint64_t seed) : id(i), rng(seed) {}
	Busy &busy() { return W.busy[id]; }
};

void world_open(int nshared, int nprivate, int base_fd);
void world_close_all();
int pick_slot(Rng &rng);	// a shared one
bool slot_reopen(Thread &t, int slot);	// a new context on that fd number
uint64_t pool_peek(std::atomic<uint64_t> *pool, Rng &rng);
uint64_t pool_take(std::atomic<uint64_t> *pool, Rng &rng);
void pool_forget(std::atomic<uint64_t> *pool, uint32_t handle);
void pool_add_key(Thread &t, int slot, uint32_t seq, const KeyRec &k);
void pool_add_session(Thread &t, int slot, uint32_t seq, const SessRec &s);
void note_dead(int slot, uint32_t handle);
uint32_t dead_handle(int slot, Rng &rng);
uint32_t busy_handle(Thread &t, int slot, bool key);	// another thread's, or 0
const AlgInfo *alg_info(uint32_t alg);

// The actions that are not a single ioctl.
void act_reopen(Thread &t);
void act_close(Thread &t);
void act_dup(Thread &t);
void act_fork(Thread &t);
void act_scm_rights(Thread &t);

// ---- calls (calls.cpp) ----------------------------------------------------------------

constexpr size_t kStructMax = 4096 + 64;	// a one-page struct plus a tail

struct Call {
	Thread &t;
	const Ioctl *io;
	int id;
	int slot = 0, fd = -1;
	uint32_t seq = 0;
	bool was_open = false;
	unsigned long nr = 0;
	alignas(16) uint8_t s[kStructMax];	// the struct as built
	alignas(16) uint8_t out[kStructMax];	// and as read back afterwards
	uint32_t size = 0;	// the bytes the kernel may read (the size field, unless mutated)
	uint8_t *arg = nullptr;	// where the struct is passed
	bool arg_readable = true;
	uint32_t must_fail = 0;	// why this call may not succeed (Fail bits)
	char muts[160];		// the mutations applied, for the report
	size_t nmuts = 0;
	int err = 0;
	// what the plausible builder chose, for after()
	KeyRec key;
	SessRec sess;
	uint32_t cap = 0;	// output capacity passed
	bool nr_mutated = false, mutated = false;

	Call(Thread &th, int ioctl_id);
	template <class T> T &as() { return *reinterpret_cast<T *>(s); }
	template <class T> const T &res() const { return *reinterpret_cast<const T *>(out); }
	uint64_t get(const Field &f) const;
	void set(const Field &f, uint64_t v);
	void note(const char *fmt, ...) __attribute__((format(printf, 2, 3)));
	bool stable() const;	// the fd named the same context throughout
	bool ok() const { return err == 0; }
};

// Why a call must fail whatever else is in it.
enum Fail : uint32_t {
	F_SIZE_SMALL = 1, F_SIZE_BIG = 2, F_TAIL = 4, F_FLAGS = 8, F_NONZERO = 16,
	F_USAGE_BITS = 32, F_NULL_LEN = 64, F_ENUM = 128, F_ARG = 256,
};

// Build (plausibly, then maybe mutated), run, count and check one ioctl, on
// `slot` or a random shared one.
int run_ioctl(Thread &t, int id, int slot = -1);
// The pieces of it: point a call at a slot; place the struct, call, count,
// check (plain: the struct where it belongs, no mutation noted).
void aim(Call &c, int slot);
int issue(Call &c, bool plain);
// The same without mutation, for bookkeeping calls (a displaced key's destroy).
int destroy_handle(Thread &t, int slot, uint32_t handle, bool key);
void act_roundtrip(Thread &t);	// roundtrip.cpp

// Algorithms for a key (build.cpp): any of its type and length (key_type 0
// and no key: the hashes), its bound one first; and an AEAD key's tag length.
const AlgInfo *random_alg(Rng &rng, uint32_t key_type, const KeyRec *key, bool session);
const AlgInfo *alg_for_key(Rng &rng, const KeyRec &k, bool session = false);
uint32_t aead_tag_len(const KeyRec &k);
void act_bad_number(Thread &t);
// One random action of the weighted table.
void step(Thread &t);

// ---- counts and findings (report.cpp) ------------------------------------------------

struct Stats {
	std::atomic<uint64_t> calls;
	std::atomic<uint64_t> n[N_ROWS][32];
	std::atomic<uint32_t> findings;
	struct {	// findings by their message's format (the same in every child)
		std::atomic<const char *> fmt;
		std::atomic<uint32_t> n;
	} kinds[32];
	std::atomic<uint64_t> forks, fd_games;
};
extern Stats *S;	// MAP_SHARED: children count too
extern uint32_t max_printed;	// findings printed in full
void stats_init();
void count(int row, int err);
// A finding: printed (the first few) with the call, the run fails.
void finding(const Call *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void print_report(double seconds);
// Output that is safe in a fork()ed child of a threaded process.
void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

} // namespace fz

#endif
