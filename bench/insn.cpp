// SPDX-License-Identifier: GPL-2.0-or-later
//
// `ncrypto-bench --insn-windows`: every operation in short windows between
// the instruction-count markers of marker.h, for the insn_count QEMU TCG
// plugin (tools/insn-count runs it and prints the table).
//
// For each operation: set it up, run it once (it must succeed), WARMUP more
// times, then WINDOWS times: start marker, ITERS operations, stop marker.
// Each window adds one line to stdout,
//
//   window OP ITERS errors=E
//
// in the order of the plugin's counts, which tools/insn-count joins them
// with (instructions per op = count / ITERS; E > 0 makes a window
// worthless). stdout is fully buffered: nothing is written between windows,
// because a write that sleeps brings a timer interrupt into the next one.
// Windows stay short (ITERS 20) so that most catch no timer tick at all.
//
// The ncrypto operations go through libncrypto's C API, as a program would
// (raw-null-16 is the null-cipher op without it); the AF_ALG ones through
// libkcapi (several syscalls each).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sys/ioctl.h>
#include <unistd.h>

#include "abi.hpp"
#include "bench.hpp"
#include "marker.h"

namespace bench {

namespace {

constexpr size_t BUF_LEN = AAD_LEN + 4096 + TAG_LEN;
const uint8_t aes_key[16] = {1, 8, 15, 22, 29, 36, 43, 50, 57, 64, 71, 78, 85, 92, 99, 106};

// Everything an operation needs, set up once, outside the windows.
struct State {
	ncrypto::Context ctx;
	int fd = ctx.fd();
	bool fips = false;
	bool kernel_nonce = false;
	PageBuf src{BUF_LEN}, dst{BUF_LEN};
	uint8_t nonce[NONCE_LEN] = {};
	uint64_t counter = 0;
	size_t len = 0; // data length of the current operation
	std::unique_ptr<ncrypto::Key> null_key;
	uint32_t null_handle = 0;
	std::unique_ptr<NcAead> gcm;
	KcapiHandle af_null, af_gcm, af_sha;

	void next_nonce()
	{
		counter++;
		std::memcpy(nonce + 4, &counter, 8);
	}
};

// --- operations: 0 on success ------------------------------------------

int op_getppid(State &) { return getppid() > 0 ? 0 : -1; }

int op_null_ioctl(State &s)
{
	return ::ioctl(s.fd, NULL_IOCTL, nullptr) == -1 && errno == ENOTTY ? 0 : -1;
}

int op_nc_null(State &s)
{
	size_t ol = s.len;
	return ncrypto_encrypt(s.null_key->get(), NCRYPTO_ALG_NULL_CIPHER, nullptr, 0, s.src.p,
			       s.len, s.dst.p, &ol);
}

// The same operation without libncrypto: the struct filled by the
// library's own abi::op and one ioctl, as a program using the raw ABI
// would; the difference to nc-null-16 is the library's checks and calls.
int op_raw_null(State &s)
{
	ncrypto_impl::abi::Op a;
	a.op = NCRYPTO_OP_ENCRYPT;
	a.alg = NCRYPTO_ALG_NULL_CIPHER;
	a.key = s.null_handle;
	a.src = {s.src.p, static_cast<uint32_t>(s.len)};
	a.dst = {s.dst.p, static_cast<uint32_t>(s.len)};
	struct ncrypto_op op;
	ncrypto_impl::abi::op(op, a);
	return ::ioctl(s.fd, NCRYPTO_IOC_OP, &op);
}

int op_af_null(State &s)
{
	ssize_t n = kcapi_cipher_encrypt(s.af_null.h, s.src.p, s.len, nullptr, s.dst.p, s.len,
					 KCAPI_ACCESS_HEURISTIC);
	return n == static_cast<ssize_t>(s.len) ? 0 : -1;
}

int op_nc_gcm(State &s)
{
	s.next_nonce();
	try {
		s.gcm->seal(s.nonce, s.src.p, s.src.p + AAD_LEN, s.len, s.dst.p + AAD_LEN,
			    s.dst.p + AAD_LEN + s.len);
	} catch (const ncrypto::Error &e) {
		return e.code();
	}
	return 0;
}

int op_af_gcm(State &s)
{
	s.next_nonce();
	ssize_t want = static_cast<ssize_t>(AAD_LEN + s.len + TAG_LEN);
	return kcapi_aead_encrypt(s.af_gcm.h, s.src.p, AAD_LEN + s.len, s.nonce, s.dst.p, want,
				  KCAPI_ACCESS_HEURISTIC) == want ? 0 : -1;
}

int op_nc_sha256(State &s)
{
	size_t ol = 32;
	return ncrypto_hash(s.ctx.get(), NCRYPTO_ALG_SHA256, s.src.p, s.len, s.dst.p, &ol);
}

int op_af_sha256(State &s)
{
	return kcapi_md_digest(s.af_sha.h, s.src.p, s.len, s.dst.p, 32) == 32 ? 0 : -1;
}

// --- setup: throws on failure --------------------------------------------

void setup_none(State &) {}

void setup_nc_null(State &s)
{
	static const uint8_t key[16] = {1};
	if (!s.null_key)
		s.null_key = std::make_unique<ncrypto::Key>(s.ctx.import_key(
			NCRYPTO_KEY_TYPE_GENERIC_SECRET, key, sizeof(key), NCRYPTO_KEY_ENCRYPT));
	s.null_handle = s.null_key->handle();
}

void setup_af_null(State &s)
{
	s.af_null.destroy = kcapi_cipher_destroy;
	if (!s.af_null.h && kcapi_cipher_init(&s.af_null.h, "ecb(cipher_null)", 0) != 0)
		throw Failure("kcapi_cipher_init ecb(cipher_null) failed");
}

void setup_nc_gcm(State &s)
{
	if (!s.gcm)
		s.gcm = std::make_unique<NcAead>(s.ctx, NCRYPTO_ALG_AES_GCM, NCRYPTO_KEY_TYPE_AES,
						 aes_key, sizeof(aes_key), s.kernel_nonce);
}

void setup_af_gcm(State &s)
{
	s.af_gcm.destroy = kcapi_aead_destroy;
	if (s.af_gcm.h)
		return;
	if (kcapi_aead_init(&s.af_gcm.h, "gcm(aes)", 0) != 0)
		throw Failure("kcapi_aead_init gcm(aes) failed");
	kcheck(kcapi_aead_setkey(s.af_gcm.h, aes_key, sizeof(aes_key)), "kcapi_aead_setkey");
	kcheck(kcapi_aead_settaglen(s.af_gcm.h, TAG_LEN), "kcapi_aead_settaglen");
	kcapi_aead_setassoclen(s.af_gcm.h, AAD_LEN);
}

void setup_af_sha(State &s)
{
	s.af_sha.destroy = kcapi_md_destroy;
	if (!s.af_sha.h && kcapi_md_init(&s.af_sha.h, "sha256", 0) != 0)
		throw Failure("kcapi_md_init sha256 failed");
}

struct Op {
	const char *name;
	size_t len;
	bool null_cipher; // refused under fips=1
	void (*setup)(State &);
	int (*run)(State &);
};

const Op all_ops[] = {
	{"getppid", 0, false, setup_none, op_getppid},
	{"null-ioctl", 0, false, setup_none, op_null_ioctl},
	{"nc-null-16", 16, true, setup_nc_null, op_nc_null},
	{"raw-null-16", 16, true, setup_nc_null, op_raw_null},
	{"af-null-16", 16, true, setup_af_null, op_af_null},
	{"nc-gcm-16", 16, false, setup_nc_gcm, op_nc_gcm},
	{"nc-gcm-1420", 1420, false, setup_nc_gcm, op_nc_gcm},
	{"af-gcm-16", 16, false, setup_af_gcm, op_af_gcm},
	{"af-gcm-1420", 1420, false, setup_af_gcm, op_af_gcm},
	{"nc-sha256-64", 64, false, setup_none, op_nc_sha256},
	{"af-sha256-64", 64, false, setup_af_sha, op_af_sha256},
};

const Op *find_op(const char *name)
{
	for (const Op &o : all_ops)
		if (!std::strcmp(o.name, name))
			return &o;
	return nullptr;
}

// The measured paths compute the same thing: once, before any window.
void check_outputs(State &s)
{
	s.len = 16;
	setup_nc_gcm(s);
	setup_af_gcm(s);
	uint8_t a[AAD_LEN + 16 + TAG_LEN];
	if (op_nc_gcm(s) != 0)
		throw Failure("ncrypto AES-GCM 16 B fails");
	std::memcpy(a, s.dst.p, sizeof(a));
	s.counter--; // AF_ALG with the nonce ncrypto used
	if (op_af_gcm(s) != 0)
		throw Failure("AF_ALG gcm(aes) 16 B fails");
	if (std::memcmp(a + AAD_LEN, s.dst.p + AAD_LEN, 16 + TAG_LEN) != 0)
		throw Failure("ncrypto and AF_ALG AES-GCM differ");

	s.len = 64;
	setup_af_sha(s);
	if (op_nc_sha256(s) != 0)
		throw Failure("ncrypto SHA-256 fails");
	std::memcpy(a, s.dst.p, 32);
	if (op_af_sha256(s) != 0 || std::memcmp(a, s.dst.p, 32) != 0)
		throw Failure("ncrypto and AF_ALG SHA-256 differ");

	if (s.fips)
		return;
	s.len = 16;
	setup_nc_null(s);
	std::memset(s.dst.p, 0xee, 16);
	if (op_nc_null(s) != 0 || std::memcmp(s.dst.p, s.src.p, 16) != 0)
		throw Failure("the ncrypto null cipher fails or changes the data");
}

void windows(State &s, const Op &o, const InsnOptions &opt)
{
	// The same indirect call for every operation.
	int (*volatile run)(State &) = o.run;
	s.len = o.len;
	o.setup(s);
	if (run(s) != 0)
		throw Failure(std::string(o.name) + " fails");
	for (long i = 0; i < opt.warmup; i++)
		run(s);
	for (long w = 0; w < opt.windows; w++) {
		int (*f)(State &) = run;
		long errors = 0;
		BENCH_INSN_START();
		for (long i = 0; i < opt.iters; i++)
			errors += f(s) != 0;
		BENCH_INSN_STOP();
		std::printf("window %s %ld errors=%ld\n", o.name, opt.iters, errors);
	}
}

} // namespace

int run_insn_windows(const InsnOptions &opt, int n_ops, char **ops)
{
	if (!BENCH_HAVE_INSN_MARKERS) {
		std::fprintf(stderr, "ncrypto-bench: --insn-windows needs x86-64\n");
		return 2;
	}
	std::vector<const Op *> sel;
	for (int i = 0; i < n_ops; i++) {
		const Op *o = find_op(ops[i]);
		if (!o) {
			std::fprintf(stderr, "ncrypto-bench: unknown operation %s; known:", ops[i]);
			for (const Op &k : all_ops)
				std::fprintf(stderr, " %s", k.name);
			std::fprintf(stderr, "\n");
			return 2;
		}
		sel.push_back(o);
	}
	if (sel.empty())
		for (const Op &o : all_ops)
			sel.push_back(&o);

	static char out[1 << 16];
	std::setvbuf(stdout, out, _IOFBF, sizeof(out));
	State s;
	{
		ncrypto::Info info = s.ctx.info();
		s.fips = info.fips_mode();
		s.kernel_nonce = gcm_needs_kernel_nonce(info);
	}
	for (size_t i = 0; i < BUF_LEN; i++)
		s.src.p[i] = static_cast<uint8_t>(i);
	check_outputs(s);
	for (const Op *o : sel) {
		if (s.fips && o->null_cipher) {
			std::fprintf(stderr, "ncrypto-bench: %s skipped: fips=1 refuses the null cipher\n",
				     o->name);
			continue;
		}
		windows(s, *o, opt);
	}
	return 0;
}

} // namespace bench
