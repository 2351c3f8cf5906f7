// SPDX-License-Identifier: LGPL-2.1-or-later
// Memory handed to the kernel. Every pointer the fuzzer passes either lies in
// an arena fenced by inaccessible pages, or is meant to fault: whatever length
// goes with it, the kernel can only stay inside the arena or hit a fence
// (EFAULT). So a kernel that writes past an output's capacity corrupts only
// fuzz data, and a huge length never overwrites the fuzzer's own state.
#include "fuzz.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sys/mman.h>
#include <unistd.h>

namespace fz {

long page_size = sysconf(_SC_PAGESIZE);

[[noreturn]] static void die(const char *what)
{
	perror(what);
	exit(2);
}

// Layout: fence | data (bytes, page-rounded) | fence | read-only page | fence.
// The read-only page is also mapped writable elsewhere (ro_alias), so that a
// struct can be put there without mprotect(): in a threaded process every
// mprotect() is a TLB shootdown on every CPU, which under emulation cost
// the run a third of its calls.
void Arena::init(size_t bytes, Rng &rng)
{
	len = (bytes + page_size - 1) / page_size * page_size;
	size_t total = len + 4 * page_size;
	void *m = mmap(nullptr, total, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		die("ncrypto-fuzz: mmap");
	data = (uint8_t *)m + page_size;
	if (mprotect(data, len, PROT_READ | PROT_WRITE))
		die("ncrypto-fuzz: mprotect");
	int fd = memfd_create("ncrypto-fuzz", MFD_CLOEXEC);
	if (fd < 0 || ftruncate(fd, page_size))
		die("ncrypto-fuzz: memfd");
	ro = (uint8_t *)mmap(data + len + page_size, page_size, PROT_READ, MAP_SHARED | MAP_FIXED,
			     fd, 0);
	ro_alias = (uint8_t *)mmap(nullptr, page_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (ro == MAP_FAILED || ro_alias == MAP_FAILED)
		die("ncrypto-fuzz: mmap");
	rng.fill(data, len);
	rng.fill(ro_alias, page_size);
}

bool Arena::contains(const void *p, size_t n) const
{
	const uint8_t *b = (const uint8_t *)p;
	return b >= data && n <= len && b - data <= (ptrdiff_t)(len - n);
}

// Somewhere in `a` that holds `bytes` bytes, `off` bytes past a 16-byte
// boundary; too long for `a`: the shared big arena, or (longer than that)
// a start from which the kernel runs into the fence.
static uint8_t *place(Rng &rng, Arena &a, size_t bytes, size_t off)
{
	Arena &in = bytes + off <= a.len ? a : W.big;
	if (bytes + off > in.len)
		return in.data + rng.below((uint32_t)in.len);
	size_t room = (in.len - bytes - off) / 16;
	return in.data + 16 * rng.below((uint32_t)room + 1) + off;
}

uint8_t *valid_buffer(Rng &rng, Arena &own, size_t bytes, size_t align_off)
{
	return place(rng, own, bytes, align_off);
}

uint64_t pick_pointer(Rng &rng, Arena &own, uint64_t bytes)
{
	uint32_t r = rng.below(100);
	if (r < 55)
		return nct::ptr(place(rng, own, bytes, 0));
	if (r < 70)	// misaligned
		return nct::ptr(place(rng, own, bytes, 1 + rng.below(15)));
	if (r < 76)
		return 0;
	if (r < 80)	// below mmap_min_addr: never mapped
		return 0x1000 + rng.below(0x8000);
	if (r < 83)	// the kernel's direct map: access_ok() must refuse it
		return 0xffff888000000000ull + 16 * rng.below(1u << 20);
	if (r < 85)	// non-canonical
		return 0x0000800000000000ull + rng.below(4096);
	if (r < 93) {	// the last bytes before a fence: part mapped, part not
		uint64_t in = 1 + rng.below(bytes > 1 ? (uint32_t)std::min<uint64_t>(bytes - 1, 1u << 20) : 1);
		return nct::ptr(own.guard_end() - std::min<uint64_t>(in, own.len));
	}
	// readable but not writable
	return nct::ptr(own.ro + rng.below((uint32_t)page_size));
}

uint32_t pick_length(Rng &rng, uint32_t block)
{
	block = block ? block : 16;
	const uint32_t edges[] = {0, 1, block - 1, block, block + 1, 2 * block - 1,
				  (uint32_t)page_size - 1, (uint32_t)page_size,
				  (uint32_t)page_size + 1, W.max_op_len - 1, W.max_op_len,
				  W.max_op_len + 1, 0x7fffffff, 0x80000000u, 0xffffffffu};
	uint32_t r = rng.below(100);
	if (r < 60)
		return edges[rng.below(sizeof(edges) / sizeof(edges[0]))];
	if (r < 90)
		return rng.below(257);
	return rng.below(1u << 17);
}

// Plausible data lengths: mostly short (the per-record hot path), sometimes
// past the zero-copy threshold (4 KiB), rarely up to max_op_len. Crypto under
// emulation runs at tens of MB/s, so the long ones are what the run's speed
// depends on: about 400 bytes per call on average.
uint32_t pick_data_len(Rng &rng, uint32_t block, uint32_t min)
{
	uint32_t r = rng.below(10000), n;
	if (r < 7500)
		n = rng.below(65);
	else if (r < 9700)
		n = rng.below(513);
	else if (r < 9998)
		n = 4096 + rng.below(4097);
	else
		n = rng.below(W.max_op_len + 1);
	if (block > 1)
		n -= n % block;
	return std::max(n, min);
}

} // namespace fz
