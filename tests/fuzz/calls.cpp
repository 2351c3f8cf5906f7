// SPDX-License-Identifier: LGPL-2.1-or-later
// One ioctl: a plausible struct (build.cpp), then, for some calls, mutations
// chosen by each field's kind in the table of abi.cpp, then the call and its
// checks:
//  - the errno is one the header documents for that ioctl (EBADF only when
//    another thread closed or replaced the fd meanwhile);
//  - a call the header says must fail (a non-zero reserved field, an unknown
//    flag or usage bit, an invalid enum value, a bad size or tail, a NULL
//    pointer with a length, an unreadable argument) does not succeed;
//  - what a success writes back makes sense (the after-hooks of build.cpp).
// Also: numbers the kernel must refuse, and the weighted table of actions.
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

void aim(Call &c, int slot)
{
	Slot &s = W.slots[slot];
	if (!s.open && c.t.rng.below(3) == 0)
		slot_reopen(c.t, slot);
	c.slot = slot;
	c.fd = W.fd(slot);
	c.seq = s.seq.load();
	c.was_open = s.open.load();
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
	uint32_t between = ver0 + 4 * rng.below((full - ver0) / 4 + 1);	// grown fields cut
	uint32_t sizes[] = {ver0, full, full + 8, (uint32_t)page_size, between,
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

int issue(Call &c, bool plain)
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
	if (id != I_KEY_DESTROY && id != I_SESSION_DESTROY)	// they would take a pooled handle
		c.io->build(c);
	unsigned long nr = c.io->nr, dir = _IOC_DIR(nr), type = _IOC_TYPE(nr), n = _IOC_NR(nr);
	unsigned long size = _IOC_SIZE(nr);
	switch (t.rng.below(5)) {
	case 0:	// sizeof instead of VER0: what a caller built against a grown header sends
		size = c.io->size != size ? c.io->size : size + 8;
		break;
	case 1:	// another direction
		dir ^= 1 + t.rng.below(3);
		break;
	case 2:	// a number next to the header's
		n += 1 + t.rng.below(8);
		break;
	case 3:	// another driver's magic
		type ^= 1 + t.rng.below(255);
		break;
	default:
		size = t.rng.below(1u << 14);
	}
	nr = _IOC(dir, type, n, size);
	for (int i = 0; i < N_IOCTLS; i++)
		if (nr == ioctl_desc(i).nr)
			return;	// landed on a real one
	c.nr = nr;
	c.nr_mutated = true;
	c.note("ioctl number %#lx", nr);
	issue(c, false);
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
