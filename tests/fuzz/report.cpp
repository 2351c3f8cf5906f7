// SPDX-License-Identifier: LGPL-2.1-or-later
// Counts and findings. The counters live in a shared mapping so that fork()ed
// children add theirs; output goes through one write() per message so that
// a child of a threaded process can print safely and lines do not interleave.
#include "fuzz.hpp"

#include <cinttypes>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <sys/mman.h>
#include <unistd.h>

namespace fz {

Stats *S;
uint32_t max_printed = 20;

void stats_init()
{
	void *m = mmap(nullptr, sizeof(Stats), PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED) {
		perror("ncrypto-fuzz: mmap");
		exit(2);
	}
	S = new (m) Stats();
}

void count(int row, int err)
{
	S->n[row][err_index(err)].fetch_add(1, std::memory_order_relaxed);
}

static void vsay(const char *fmt, va_list ap)
{
	char buf[4096];
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	if (n > 0 && write(STDOUT_FILENO, buf, std::min<size_t>(n, sizeof(buf) - 1)) < 0)
		return;
}

void say(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
}

// "name=value" for each field the kernel saw, by the table.
static size_t dump_fields(char *p, size_t room, const Call &c)
{
	size_t n = 0;
	for (const Field &f : c.io->fields) {
		if (n + 64 >= room)
			break;
		if (f.off + f.width > c.size && f.kind != SIZE)
			continue;
		if (f.width == 4 || f.width == 8) {
			unsigned long long v = c.get(f);
			n += snprintf(p + n, room - n, f.kind == PTR || v > 0xffff ? " %s=%#llx" : " %s=%llu",
				      f.name, v);
			continue;
		}
		n += snprintf(p + n, room - n, " %s=", f.name);
		for (int i = 0; i < f.width && i < 16 && n + 3 < room; i++)
			n += snprintf(p + n, room - n, "%02x", c.s[f.off + i]);
	}
	return n;
}

static void count_kind(const char *fmt)
{
	for (auto &k : S->kinds) {
		const char *none = nullptr;
		if (k.fmt.compare_exchange_strong(none, fmt) || none == fmt) {
			k.n++;
			return;
		}
	}
}

void finding(const Call *c, const char *fmt, ...)
{
	count_kind(fmt);
	if (S->findings.fetch_add(1) >= max_printed)
		return;
	char msg[3072];
	size_t n = snprintf(msg, sizeof(msg), "FINDING (pid %d): ", (int)getpid());
	va_list ap;
	va_start(ap, fmt);
	n += vsnprintf(msg + n, sizeof(msg) - n, fmt, ap);
	va_end(ap);
	if (c && n < sizeof(msg)) {
		n += snprintf(msg + n, sizeof(msg) - n,
			      "\n  call: %s, ioctl %#lx on slot %d (fd %d, %s), thread %d, struct at %p"
			      "\n  mutations: %s\n  struct:",
			      c->io->name, c->nr, c->slot, c->fd,
			      c->stable() ? "same context throughout" : "fd changed meanwhile",
			      c->t.id, (void *)c->arg, c->nmuts ? c->muts : "none (plausible call)");
		if (n < sizeof(msg))
			n += dump_fields(msg + n, sizeof(msg) - n, *c);
	}
	if (n < sizeof(msg))
		snprintf(msg + n, sizeof(msg) - n, "\n");
	say("%s", msg);
}

// The table: one row per ioctl, one column per errno that occurred.
void print_report(double seconds)
{
	uint64_t calls = S->calls.load();
	say("calls: %" PRIu64 " in %.1f s: %.0f calls/s (%" PRIu64 " child processes, %" PRIu64
	    " fd changes)\n", calls, seconds, seconds > 0 ? calls / seconds : 0.0, S->forks.load(),
	    S->fd_games.load());
	bool used[32] = {};
	for (int r = 0; r < N_ROWS; r++)
		for (int e = 0; e < kNumErrnos; e++)
			used[e] |= S->n[r][e].load() != 0;
	char line[512];
	int n = snprintf(line, sizeof(line), "%-16s %9s", "ioctl", "calls");
	for (int e = 0; e < kNumErrnos; e++)
		if (used[e])
			n += snprintf(line + n, sizeof(line) - n, " %8s", err_label(e));
	say("%s\n", line);
	for (int r = 0; r < N_ROWS; r++) {
		uint64_t total = 0;
		for (int e = 0; e < kNumErrnos; e++)
			total += S->n[r][e].load();
		n = snprintf(line, sizeof(line), "%-16s %9" PRIu64,
			     r == I_BAD_NUMBER ? "(bad number)" : ioctl_desc(r).name, total);
		for (int e = 0; e < kNumErrnos; e++)
			if (used[e])
				n += snprintf(line + n, sizeof(line) - n, " %8" PRIu64,
					      S->n[r][e].load());
		say("%s\n", line);
	}
	uint32_t f = S->findings.load();
	if (f > max_printed)
		say("findings: %u (the first %u printed)\n", f, max_printed);
	else
		say("findings: %u\n", f);
	for (auto &k : S->kinds)
		if (k.n.load())
			say("%9u x %s\n", k.n.load(), k.fmt.load());
}

} // namespace fz
