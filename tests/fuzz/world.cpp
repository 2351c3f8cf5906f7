// SPDX-License-Identifier: LGPL-2.1-or-later
// Contexts (fd slots), the pools of handles that are probably alive in them,
// and what happens to the fds themselves: reopen, close, dup3 over a slot in
// use, fork() (the child goes on with the inherited fds), and SCM_RIGHTS both
// ways between processes.
//
// Nothing here takes a lock a thread could hold across fork(): a child starts
// from whatever state the other threads left, and only atomics are shared.
#include "fuzz.hpp"

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fz {

World W;

// ---- records ----------------------------------------------------------------------------
// 24-bit handles: a context hands them out from 1 upwards, and a run creates
// far fewer. A record that does not fit is not pooled (pack() gives 0).

static bool fits(uint32_t v, int bits) { return v < (1u << bits); }

uint64_t KeyRec::pack() const
{
	if (!handle || !fits(handle, 24) || !fits(type, 3) || !fits(len, 9) || !fits(usage, 8) ||
	    !fits(alg, 7) || !fits(tag_len, 7) || !fits(nonce, 2))
		return 0;
	return (uint64_t)handle | (uint64_t)type << 24 | (uint64_t)len << 27 |
	       (uint64_t)usage << 36 | (uint64_t)alg << 44 | (uint64_t)tag_len << 51 |
	       (uint64_t)nonce << 58;
}

KeyRec KeyRec::unpack(uint64_t v)
{
	KeyRec k;
	k.handle = v & 0xffffff;
	k.type = v >> 24 & 7;
	k.len = v >> 27 & 0x1ff;
	k.usage = v >> 36 & 0xff;
	k.alg = v >> 44 & 0x7f;
	k.tag_len = v >> 51 & 0x7f;
	k.nonce = v >> 58 & 3;
	return k;
}

uint64_t SessRec::pack() const
{
	if (!handle || !fits(handle, 24) || !fits(alg, 7) || !fits(op, 3) || !fits(tag_len, 7))
		return 0;
	return (uint64_t)handle | (uint64_t)alg << 24 | (uint64_t)op << 31 |
	       (uint64_t)tag_len << 34;
}

SessRec SessRec::unpack(uint64_t v)
{
	SessRec s;
	s.handle = v & 0xffffff;
	s.alg = v >> 24 & 0x7f;
	s.op = v >> 31 & 7;
	s.tag_len = v >> 34 & 0x7f;
	return s;
}

const AlgInfo *alg_info(uint32_t alg)
{
	for (const AlgInfo &a : W.algs)
		if (a.alg == alg)
			return &a;
	return nullptr;
}

// ---- pools ---------------------------------------------------------------------------------

uint64_t pool_peek(std::atomic<uint64_t> *pool, Rng &rng)
{
	uint32_t start = rng.below(kPool);
	for (int i = 0; i < kPool; i++) {
		uint64_t v = pool[(start + i) % kPool].load(std::memory_order_relaxed);
		if (v)
			return v;
	}
	return 0;
}

uint64_t pool_take(std::atomic<uint64_t> *pool, Rng &rng)
{
	uint32_t start = rng.below(kPool);
	for (int i = 0; i < kPool; i++) {
		uint64_t v = pool[(start + i) % kPool].exchange(0);
		if (v)
			return v;
	}
	return 0;
}

// A handle the kernel said is gone (ENOENT): stop offering it.
void pool_forget(std::atomic<uint64_t> *pool, uint32_t handle)
{
	for (int i = 0; i < kPool; i++) {
		uint64_t v = pool[i].load();
		if (v && (v & 0xffffff) == handle)
			pool[i].compare_exchange_strong(v, 0);
	}
}

static void clear_pools(Slot &s)
{
	for (int i = 0; i < kPool; i++) {
		s.keys[i] = 0;
		s.sessions[i] = 0;
	}
}

// Into a free place; if there is none, the record displaced is destroyed, so
// contexts do not fill up to their quota with forgotten objects.
static void pool_add(Thread &t, int slot, uint32_t seq, std::atomic<uint64_t> *pool,
		     uint64_t v, bool key)
{
	if (!v || W.slots[slot].seq.load() != seq)
		return;		// another context by now
	for (int i = 0; i < 3; i++) {
		uint64_t empty = 0;
		if (pool[t.rng.below(kPool)].compare_exchange_strong(empty, v))
			return;
	}
	uint64_t old = pool[t.rng.below(kPool)].exchange(v);
	if (old)
		destroy_handle(t, slot, old & 0xffffff, key);
}

void pool_add_key(Thread &t, int slot, uint32_t seq, const KeyRec &k)
{
	pool_add(t, slot, seq, W.slots[slot].keys, k.pack(), true);
}

void pool_add_session(Thread &t, int slot, uint32_t seq, const SessRec &s)
{
	pool_add(t, slot, seq, W.slots[slot].sessions, s.pack(), false);
}

// Destroyed handles, for "stale handle" mutations.
void note_dead(int slot, uint32_t handle)
{
	Slot &s = W.slots[slot];
	s.dead[s.dead_pos.fetch_add(1) % kDead] = handle;
}

uint32_t dead_handle(int slot, Rng &rng)
{
	return W.slots[slot].dead[rng.below(kDead)].load();
}

uint32_t busy_handle(Thread &t, int slot, bool key)
{
	uint32_t start = t.rng.below(W.nthreads);
	for (int i = 0; i < W.nthreads; i++) {
		int o = (start + i) % W.nthreads;
		Busy &b = W.busy[o];
		if (o == t.id || b.slot.load() != slot)
			continue;
		uint32_t h = key ? b.key.load() : b.session.load();
		if (h)
			return h;
	}
	return 0;
}

// ---- slots -----------------------------------------------------------------------------------

int pick_slot(Rng &rng)
{
	return rng.below(W.nslots);
}

// One thread at a time changes a slot's fd; readers compare seq before and
// after a call (odd: a change is under way) to know whether their call went
// to the context they meant.
struct SlotWriter {
	Slot &s;
	bool held;
	explicit SlotWriter(int slot) : s(W.slots[slot])
	{
		bool f = false;
		held = s.writer.compare_exchange_strong(f, true);
		if (held)
			s.seq.fetch_add(1);
	}
	~SlotWriter()
	{
		if (held) {
			s.seq.fetch_add(1);
			s.writer = false;
		}
	}
};

// Put `fd` (an ncrypto fd) at the slot's number; the slot's old context goes
// when its last reference does (maybe an ioctl of another thread in flight).
static bool slot_install(int slot, int fd, const uint64_t *keys, int nkeys)
{
	SlotWriter w(slot);
	if (!w.held)
		return false;
	Slot &s = W.slots[slot];
	clear_pools(s);
	if (dup3(fd, W.fd(slot), 0) < 0) {
		perror("ncrypto-fuzz: dup3");
		exit(2);
	}
	for (int i = 0; i < nkeys && i < kPool; i++)
		s.keys[i] = keys[i];
	s.open = true;
	return true;
}

static int open_device()
{
	int fd = open(NCRYPTO_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		perror("ncrypto-fuzz: open " NCRYPTO_DEVICE_PATH);
		exit(2);
	}
	return fd;
}

bool slot_reopen(Thread &, int slot)
{
	int fd = open_device();
	bool ok = slot_install(slot, fd, nullptr, 0);
	close(fd);
	return ok;
}

void world_open(int nshared, int nprivate, int base_fd)
{
	W.nslots = nshared;
	W.base_fd = base_fd;
	for (int i = 0; i < nshared + nprivate; i++) {
		int fd = open_device();
		slot_install(i, fd, nullptr, 0);
		close(fd);
	}
}

void world_close_all()
{
	for (int i = 0; i < W.nslots + W.nthreads; i++) {
		close(W.fd(i));
		W.slots[i].open = false;
	}
}

void act_reopen(Thread &t)
{
	if (slot_reopen(t, pick_slot(t.rng)))
		S->fd_games++;
}

// Prefer a slot another thread is using right now: the close then races its
// ioctl (the file must live until the ioctl returns).
static int busy_slot_or_any(Thread &t)
{
	int o = t.rng.below(W.nthreads), s = W.busy[o].slot.load();
	return o != t.id && s >= 0 && s < W.nslots ? s : pick_slot(t.rng);
}

void act_close(Thread &t)
{
	int slot = busy_slot_or_any(t);
	SlotWriter w(slot);
	if (!w.held)
		return;
	clear_pools(W.slots[slot]);
	W.slots[slot].open = false;
	close(W.fd(slot));
	S->fd_games++;
}

// Two slots naming one context (same parity: the export rule holds for both).
void act_dup(Thread &t)
{
	int from = pick_slot(t.rng), to = busy_slot_or_any(t);
	if (W.nslots < 3 || from == to || (from ^ to) & 1)
		return;
	uint64_t keys[kPool];
	for (int i = 0; i < kPool; i++)
		keys[i] = W.slots[from].keys[i].load();
	int fd = dup(W.fd(from));
	if (fd < 0)
		return;	// closed meanwhile
	if (slot_install(to, fd, keys, kPool))
		S->fd_games++;
	close(fd);
}

// ---- processes ---------------------------------------------------------------------------------

// A fork()ed child is single-threaded: locks the parent's threads held are
// free again, and no change of a slot is under way. fork() copies the fd
// table before the memory, and other threads run meanwhile: a slot the
// child's memory says is open may have been closed in its fd table (a reopen
// finished between the two copies), so ask the fd table.
static void become_child(Thread &t, uint64_t seed)
{
	t.child = true;
	t.rng = Rng(seed);
	for (int i = 0; i < W.nslots + W.nthreads; i++) {
		Slot &s = W.slots[i];
		s.writer = false;
		if (s.seq.load() & 1)
			s.seq.fetch_add(1);
		bool open = fcntl(W.fd(i), F_GETFD) >= 0;
		if (open != s.open.load()) {
			clear_pools(s);
			s.open = open;
		}
	}
	for (int i = 0; i < kMaxThreads; i++)
		if (i != t.id)
			W.busy[i].slot = -1;
}

static void child_steps(Thread &t, int n)
{
	for (int i = 0; i < n; i++)
		step(t);
}

// The child's end, as the parent sees it.
static void reap(pid_t pid, const char *what)
{
	int st;
	if (waitpid(pid, &st, 0) != pid)
		finding(nullptr, "%s: waitpid: %s", what, strerror(errno));
	else if (WIFSIGNALED(st))
		finding(nullptr, "%s: child killed by signal %d", what, WTERMSIG(st));
	else if (WEXITSTATUS(st) != 0)
		finding(nullptr, "%s: child exited %d", what, WEXITSTATUS(st));
}

void act_fork(Thread &t)
{
	if (t.child)
		return;
	uint64_t seed = t.rng.next();
	int n = 20 + t.rng.below(100);
	pid_t pid = fork();
	if (pid < 0)
		return;
	if (pid == 0) {
		become_child(t, seed);
		child_steps(t, n);
		_exit(0);
	}
	S->forks++;
	reap(pid, "fork");
}

// What travels with the fds: their slots, and key records to pool.
struct ScmMsg {
	int32_t nfds;
	int32_t slot[4];
	int32_t nkeys;
	uint64_t keys[kPool];
};

static bool scm_send(int sock, const int *fds, const ScmMsg &m)
{
	char cbuf[CMSG_SPACE(4 * sizeof(int))];
	memset(cbuf, 0, sizeof(cbuf));
	struct iovec io = {(void *)&m, sizeof(m)};
	struct msghdr h;
	memset(&h, 0, sizeof(h));
	h.msg_iov = &io;
	h.msg_iovlen = 1;
	if (m.nfds) {
		h.msg_control = cbuf;
		h.msg_controllen = CMSG_SPACE(m.nfds * sizeof(int));
		struct cmsghdr *c = CMSG_FIRSTHDR(&h);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(m.nfds * sizeof(int));
		memcpy(CMSG_DATA(c), fds, m.nfds * sizeof(int));
	}
	return sendmsg(sock, &h, MSG_NOSIGNAL) == (ssize_t)sizeof(m);
}

// Receives a message and its fds; false at EOF (the other side died).
static bool scm_recv(int sock, int *fds, ScmMsg &m)
{
	char cbuf[CMSG_SPACE(4 * sizeof(int))];
	struct iovec io = {&m, sizeof(m)};
	struct msghdr h;
	memset(&h, 0, sizeof(h));
	h.msg_iov = &io;
	h.msg_iovlen = 1;
	h.msg_control = cbuf;
	h.msg_controllen = sizeof(cbuf);
	if (recvmsg(sock, &h, MSG_WAITALL | MSG_CMSG_CLOEXEC) != (ssize_t)sizeof(m))
		return false;
	int got = 0;
	for (struct cmsghdr *c = CMSG_FIRSTHDR(&h); c; c = CMSG_NXTHDR(&h, c))
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
			got = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
			memcpy(fds, CMSG_DATA(c), got * sizeof(int));
		}
	if (got != m.nfds || m.nfds > 4) {
		for (int i = 0; i < got; i++)
			close(fds[i]);
		return false;
	}
	return true;
}

static void install_received(const int *fds, const ScmMsg &m)
{
	for (int i = 0; i < m.nfds; i++) {
		int slot = m.slot[i];
		if (slot >= 0 && slot < W.nslots)
			slot_install(slot, fds[i], i == 0 ? m.keys : nullptr, i == 0 ? m.nkeys : 0);
		close(fds[i]);
	}
}

// The child of act_scm_rights: takes the parent's contexts, works with them,
// and sends back one context of its own.
static void scm_child(Thread &t, int sock, int steps)
{
	int fds[4];
	ScmMsg m;
	if (!scm_recv(sock, fds, m))
		_exit(3);
	install_received(fds, m);
	child_steps(t, steps);
	// A context of the child's own making, with a few keys in it.
	int slot = pick_slot(t.rng);
	slot_reopen(t, slot);
	for (int n = 1 + t.rng.below(3); n > 0; n--)
		run_ioctl(t, I_KEY_GENERATE, slot);
	ScmMsg back;
	memset(&back, 0, sizeof(back));
	back.nfds = 1;
	back.slot[0] = slot;
	for (int i = 0; i < kPool; i++)
		if ((back.keys[back.nkeys] = W.slots[slot].keys[i].load()))
			back.nkeys++;
	int fd = W.fd(slot);
	_exit(scm_send(sock, &fd, back) ? 0 : 4);
}

void act_scm_rights(Thread &t)
{
	if (t.child)
		return;
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv))
		return;
	uint64_t seed = t.rng.next();
	int steps = 20 + t.rng.below(80);
	pid_t pid = fork();
	if (pid < 0) {
		close(sv[0]);
		close(sv[1]);
		return;
	}
	if (pid == 0) {
		close(sv[0]);
		become_child(t, seed);
		scm_child(t, sv[1], steps);
	}
	close(sv[1]);
	S->forks++;
	// Sent after the fork: the child can have these contexts only by message.
	ScmMsg m;
	memset(&m, 0, sizeof(m));
	int fds[4];
	for (int n = 1 + t.rng.below(3); n > 0; n--) {
		int slot = pick_slot(t.rng), fd = dup(W.fd(slot));
		if (fd < 0)
			continue;	// closed meanwhile
		if (m.nfds == 0)
			for (int i = 0; i < kPool; i++)
				if ((m.keys[m.nkeys] = W.slots[slot].keys[i].load()))
					m.nkeys++;
		m.slot[m.nfds] = slot;
		fds[m.nfds++] = fd;
	}
	bool sent = scm_send(sv[0], fds, m);
	for (int i = 0; i < m.nfds; i++)
		close(fds[i]);
	// Sometimes close the originals at once: the message keeps them alive.
	if (sent && t.rng.below(4) == 0)
		act_close(t);
	int got[4];
	ScmMsg back;
	if (sent && scm_recv(sv[0], got, back))
		install_received(got, back);
	close(sv[0]);
	reap(pid, "SCM_RIGHTS");
}

} // namespace fz
