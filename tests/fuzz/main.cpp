// SPDX-License-Identifier: LGPL-2.1-or-later
// ncrypto-fuzz: hammers /dev/ncrypto with random, mostly plausible ioctl
// sequences (see fuzz.hpp for the pieces).
//
//   ncrypto-fuzz [--seed N] [--seconds S] [--calls N] [--threads T] [--contexts K]
//                [--print N]
//   ncrypto-fuzz --check-tables
//
// Stops after S seconds (default 10) or N calls, whichever comes first. The
// seed is printed at the start; each thread's choices follow from it, so a
// run with --threads 1 repeats exactly, and more threads repeat their
// choices but not their interleaving. At the end: calls per second, a table
// of errnos per ioctl, and the module-wide live contexts, keys and sessions
// must be back where they were (needs CAP_SYS_ADMIN to see them). The first
// N findings (default 20) are printed with their call.
// --check-tables only checks that the field tables describe every byte of
// the header's structs (no module needed: a host test runs it).
// Exit status: 0 without findings, 1 with, 2 when it could not run.
#include "fuzz.hpp"

#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <memory>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

using namespace fz;

namespace {

using clk = std::chrono::steady_clock;

struct Options {
	uint64_t seed = 0;
	bool seed_given = false;
	double seconds = 0;
	uint64_t calls = 0;
	int threads = 4, contexts = 4;
	bool check_tables = false;
};

[[noreturn]] void usage()
{
	fprintf(stderr, "usage: ncrypto-fuzz [--seed N] [--seconds S] [--calls N] [--threads T] "
			"[--contexts K] [--print N] | --check-tables\n");
	exit(2);
}

Options parse(int argc, char **argv)
{
	Options o;
	for (int i = 1; i < argc; i++) {
		std::string a = argv[i];
		if (a == "--check-tables") {
			o.check_tables = true;
			continue;
		}
		if (i + 1 >= argc)
			usage();
		const char *v = argv[++i];
		if (a == "--seed") {
			o.seed = strtoull(v, nullptr, 0);
			o.seed_given = true;
		} else if (a == "--seconds") {
			o.seconds = atof(v);
		} else if (a == "--calls") {
			o.calls = strtoull(v, nullptr, 0);
		} else if (a == "--threads") {
			o.threads = atoi(v);
		} else if (a == "--contexts") {
			o.contexts = atoi(v);
		} else if (a == "--print") {
			max_printed = atoi(v);
		} else {
			usage();
		}
	}
	if (o.threads < 1 || o.threads > kMaxThreads || o.contexts < 1 || o.contexts > kMaxSlots)
		usage();
	if (!o.seconds && !o.calls)
		o.seconds = 10;
	if (!o.seed_given)
		o.seed = (uint64_t)clk::now().time_since_epoch().count() ^ ((uint64_t)getpid() << 32);
	return o;
}

// INFO on a fresh context, with the algorithm table.
bool device_info(ncrypto_info &info, std::vector<ncrypto_alg_info> *algs)
{
	int fd = open(NCRYPTO_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		perror("ncrypto-fuzz: open " NCRYPTO_DEVICE_PATH);
		return false;
	}
	std::vector<ncrypto_alg_info> a(128);
	memset(&info, 0, sizeof(info));
	info.size = sizeof(info);
	info.algs = nct::ptr(a.data());
	info.n_algs = a.size();
	int e = nct::xioctl(fd, NCRYPTO_IOC_INFO, &info);
	close(fd);
	if (e) {
		fprintf(stderr, "ncrypto-fuzz: NCRYPTO_IOC_INFO: %s\n", strerror(e));
		return false;
	}
	if (algs)
		*algs = std::vector<ncrypto_alg_info>(
			a.begin(), a.begin() + std::min<size_t>(info.n_algs, a.size()));
	return true;
}

void learn_algorithms(const std::vector<ncrypto_alg_info> &algs)
{
	for (const ncrypto_alg_info &a : algs)
		W.algs.push_back({a.alg, a.alg_class, a.key_type, a.min_key_len, a.max_key_len,
				  a.iv_len, a.block_len, a.out_len,
				  (a.flags & NCRYPTO_ALG_F_SESSION) != 0,
				  (a.flags & NCRYPTO_ALG_F_AVAILABLE) != 0,
				  (a.flags & NCRYPTO_ALG_F_FIPS_ALLOWED) != 0});
}

// Slots live at high fd numbers, below the soft limit.
int pick_base_fd(int nslots)
{
	struct rlimit rl;
	int base = 600;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < (rlim_t)base + nslots + 64)
		base = (int)rl.rlim_cur - nslots - 64;
	return std::max(base, 64);
}

std::atomic<bool> stop{false};

void worker(Thread *t, const Options &o, clk::time_point deadline)
{
	for (unsigned n = 0; !stop.load(std::memory_order_relaxed); n++) {
		step(*t);
		if ((o.calls && S->calls.load(std::memory_order_relaxed) >= o.calls) ||
		    ((n & 31) == 0 && o.seconds && clk::now() >= deadline))
			stop = true;
	}
}

// After every fd is closed, the module holds what it held before the run.
// (A last reference dropped by a dying child may land a moment later: poll.)
void check_counters(const ncrypto_info &before)
{
	ncrypto_info now;
	for (int i = 0; i < 40; i++) {
		if (!device_info(now, nullptr))
			return;
		if (now.live_contexts == before.live_contexts && now.live_keys == before.live_keys &&
		    now.live_sessions == before.live_sessions)
			break;
		usleep(50000);
	}
	say("live counts before/after: contexts %" PRIu64 "/%" PRIu64 ", keys %" PRIu64 "/%" PRIu64
	    ", sessions %" PRIu64 "/%" PRIu64 "%s\n",
	    (uint64_t)before.live_contexts, (uint64_t)now.live_contexts, (uint64_t)before.live_keys,
	    (uint64_t)now.live_keys, (uint64_t)before.live_sessions, (uint64_t)now.live_sessions,
	    geteuid() ? " (module-wide counts need CAP_SYS_ADMIN)" : "");
	if (now.live_contexts != before.live_contexts || now.live_keys != before.live_keys ||
	    now.live_sessions != before.live_sessions)
		finding(nullptr, "after closing every fd the module's live counts did not come back");
}

} // namespace

int main(int argc, char **argv)
{
	Options o = parse(argc, argv);
	// The tables are built on first use: before any thread or fork() can race
	// it. A field of the header missing from them stops the run.
	if (!tables_complete())
		return 2;
	enum_valid(E_ALG, 0);
	if (o.check_tables) {
		printf("ncrypto-fuzz: the field tables describe every byte of the %d ioctl structs\n",
		       (int)N_IOCTLS);
		return 0;
	}
	printf("ncrypto-fuzz: --seed %" PRIu64 " --threads %d --contexts %d%s (pid %d)\n", o.seed,
	       o.threads, o.contexts, o.calls ? "" : " (stops on time)", (int)getpid());
	fflush(stdout);
	stats_init();
	ncrypto_info before;
	std::vector<ncrypto_alg_info> algs;
	if (!device_info(before, &algs))
		return 2;
	learn_algorithms(algs);
	W.max_op_len = before.max_op_len;
	W.fips = before.fips_mode != 0;
	W.nthreads = o.threads;

	Rng master(o.seed);
	W.big.init(std::min<uint32_t>(W.max_op_len, 4u << 20) + (64 << 10), master);
	std::vector<std::unique_ptr<Thread>> threads;
	for (int i = 0; i < o.threads; i++) {
		threads.emplace_back(new Thread(i, master.next()));
		threads.back()->arena.init(128 << 10, threads.back()->rng);
		threads.back()->args.init(2 * page_size, threads.back()->rng);
	}
	// the shared contexts, then one private context per thread
	world_open(o.contexts, o.threads, pick_base_fd(o.contexts + o.threads));

	auto start = clk::now();
	auto deadline = start + std::chrono::duration_cast<clk::duration>(
					std::chrono::duration<double>(o.seconds));
	std::vector<std::thread> running;
	for (auto &t : threads)
		running.emplace_back(worker, t.get(), std::cref(o), deadline);
	for (auto &th : running)
		th.join();
	double secs = std::chrono::duration<double>(clk::now() - start).count();

	world_close_all();
	check_counters(before);
	print_report(secs);
	return S->findings.load() ? 1 : 0;
}
