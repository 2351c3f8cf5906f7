// SPDX-License-Identifier: LGPL-2.1-or-later
// Threads sharing one /dev/ncrypto context: one-shot ops while other threads
// create and destroy keys and sessions; a key destroyed while others use it
// (their ops succeed or get ENOENT); the context's fd closed while ioctls are
// in flight (the file lives until they return). Afterwards the module's
// counters are back where they started. Needs the module: runs in the guest.
#include "common.hpp"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <string>
#include <sys/ioctl.h>
#include <thread>
#include <unistd.h>
#include <vector>

using nct::kat_ct;
using nct::kat_key;
using nct::kat_pt;
using nct::RawOp;
using nct::raw_handle_ioctl;
using nct::raw_key_import;
using nct::raw_session_data;
using nct::raw_session_init;

namespace {

using clk = std::chrono::steady_clock;

const uint8_t sha256_abc[32] = {0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea,
				0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
				0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c,
				0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};

// The known answer through `key`: 0 and a right answer, or the errno.
// A success with a wrong answer is reported as -1.
int kat_encrypt(int fd, uint32_t key)
{
	uint8_t iv[16] = {0}, out[16] = {0};
	RawOp op(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, key);
	int e = op.with_iv(iv, 16).in(kat_pt, 16).out(out, 16).run(fd);
	if (e)
		return e;
	return op.dst_len == 16 && memcmp(out, kat_ct, 16) == 0 ? 0 : -1;
}

int hash_abc(int fd)
{
	uint8_t out[32] = {0};
	int e = RawOp(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0).in("abc", 3).out(out, 32).run(fd);
	if (e)
		return e;
	return memcmp(out, sha256_abc, 32) == 0 ? 0 : -1;
}

// Counters of the whole module, seen from a fresh context (which counts
// itself as one live context).
struct Counters {
	uint64_t contexts, keys, sessions;
	long long sys_keys, sys_sessions, sys_contexts;
	bool operator==(const Counters &o) const
	{
		return contexts == o.contexts && keys == o.keys && sessions == o.sessions &&
		       sys_keys == o.sys_keys && sys_sessions == o.sys_sessions;
	}
	std::string str() const
	{
		return "contexts " + std::to_string(contexts) + ", keys " + std::to_string(keys) +
		       ", sessions " + std::to_string(sessions) + " (sysfs keys " +
		       std::to_string(sys_keys) + ", sessions " + std::to_string(sys_sessions) + ")";
	}
};

Counters counters()
{
	struct ncrypto_info i = nct::device_info();
	return {i.live_contexts, i.live_keys, i.live_sessions, nct::sysfs_counter("keys"),
		nct::sysfs_counter("sessions"), nct::sysfs_counter("contexts")};
}

// The counters may lag a release by a moment (deferred frees): poll.
void expect_counters(const Counters &before, const char *after)
{
	Counters now = counters();
	for (int i = 0; i < 40 && !(now == before); i++) {
		usleep(50000);
		now = counters();
	}
	ck_assert_msg(now == before, "after %s: counters %s, before %s", after, now.str().c_str(),
		      before.str().c_str());
}

// Thread-safe failure list.
struct Problems {
	std::mutex m;
	std::vector<std::string> list;
	void add(const std::string &s)
	{
		std::lock_guard<std::mutex> g(m);
		if (list.size() < 20)
			list.push_back(s);
		else if (list.size() == 20)
			list.push_back("...");
	}
	void check()
	{
		for (auto &s : list)
			printf("FAIL %s\n", s.c_str());
		fflush(stdout);
		ck_assert_msg(list.empty(), "%zu problem(s), first: %s", list.size(),
			      list.empty() ? "" : list[0].c_str());
	}
};

const auto run_time = std::chrono::milliseconds(1500);

START_TEST(test_ops_with_churn)
{
	Counters before = counters();
	int fd = nct::raw_open();
	uint32_t key;
	ck_assert_int_eq(raw_key_import(fd, NCRYPTO_KEY_TYPE_AES, kat_key, 16, NCRYPTO_KEY_ENCRYPT, &key), 0);
	std::atomic<bool> stop{false};
	std::atomic<long> ops{0}, churns{0};
	Problems probs;
	std::vector<std::thread> th;
	for (int t = 0; t < 4; t++)
		th.emplace_back([&, t] {
			while (!stop) {
				int e = (t % 2) ? kat_encrypt(fd, key) : hash_abc(fd);
				if (e)
					probs.add("op thread " + std::to_string(t) + ": " +
						  (e < 0 ? std::string("wrong answer") : strerror(e)));
				ops++;
			}
		});
	for (int t = 0; t < 2; t++)
		th.emplace_back([&, t] {
			uint8_t k[32];
			memset(k, t + 1, sizeof(k));
			while (!stop) {
				uint32_t h, s;
				int e = raw_key_import(fd, NCRYPTO_KEY_TYPE_AES, k, 16, NCRYPTO_KEY_ENCRYPT, &h);
				if (e) {
					probs.add(std::string("churn import: ") + strerror(e));
					continue;
				}
				e = kat_encrypt(fd, h);
				if (e != -1)	// another key: a wrong answer is right
					probs.add(std::string("churn key op: ") + (e ? strerror(e) : "gave the reference answer"));
				if ((e = raw_handle_ioctl(fd, NCRYPTO_IOC_KEY_DESTROY, h)))
					probs.add(std::string("churn destroy: ") + strerror(e));
				if ((e = raw_session_init(fd, NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, 0,
							  nullptr, 0, &s))) {
					probs.add(std::string("churn session: ") + strerror(e));
					continue;
				}
				uint8_t out[32];
				uint32_t n = 32;
				if (churns % 2) {
					e = raw_session_data(fd, NCRYPTO_IOC_SESSION_FINAL, s, "abc", 3, out, &n);
					if (e || memcmp(out, sha256_abc, 32))
						probs.add(std::string("churn session final: ") + (e ? strerror(e) : "wrong digest"));
				} else if ((e = raw_handle_ioctl(fd, NCRYPTO_IOC_SESSION_DESTROY, s))) {
					probs.add(std::string("churn session destroy: ") + strerror(e));
				}
				churns++;
			}
		});
	std::this_thread::sleep_for(run_time);
	stop = true;
	for (auto &t : th)
		t.join();
	printf("ops %ld, churn rounds %ld\n", ops.load(), churns.load());
	probs.check();
	struct ncrypto_info info;
	ck_assert(nct::raw_info(fd, &info));
	ck_assert_uint_eq(info.ctx_keys, 1);
	ck_assert_uint_eq(info.ctx_sessions, 0);
	ck_assert_msg(ops > 0 && churns > 0, "no progress");
	close(fd);
	expect_counters(before, "closing the context");
}
END_TEST

START_TEST(test_destroy_while_in_use)
{
	Counters before = counters();
	int fd = nct::raw_open();
	uint32_t victim;
	ck_assert_int_eq(raw_key_import(fd, NCRYPTO_KEY_TYPE_AES, kat_key, 16,
					NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_SIGN, &victim), 0);
	// A cipher session started with the key stops with the key's handle.
	uint8_t iv[16] = {0};
	uint32_t sess;
	ck_assert_int_eq(raw_session_init(fd, NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_CBC, victim,
					  iv, 16, &sess), 0);

	std::atomic<bool> stop{false}, destroyed{false};
	std::atomic<long> ok_ops{0}, enoent{0};
	Problems probs;
	std::vector<std::thread> th;
	for (int t = 0; t < 4; t++)
		th.emplace_back([&, t] {
			bool seen_enoent = false;
			while (!stop) {
				int e = kat_encrypt(fd, victim);
				if (e == 0) {
					if (seen_enoent)
						probs.add("thread " + std::to_string(t) + ": op succeeded after ENOENT");
					ok_ops++;
				} else if (e == ENOENT) {
					seen_enoent = true;
					enoent++;
				} else {
					probs.add("thread " + std::to_string(t) + ": " +
						  (e < 0 ? std::string("wrong answer") : strerror(e)));
				}
			}
		});
	std::this_thread::sleep_for(run_time / 3);
	ck_assert_int_eq(raw_handle_ioctl(fd, NCRYPTO_IOC_KEY_DESTROY, victim), 0);
	destroyed = true;
	std::this_thread::sleep_for(run_time / 3);
	stop = true;
	for (auto &t : th)
		t.join();
	printf("ops before destroy %ld, ENOENT after %ld\n", ok_ops.load(), enoent.load());
	probs.check();
	ck_assert_msg(enoent > 0, "no op saw the key destroyed");
	ck_assert_int_eq(raw_handle_ioctl(fd, NCRYPTO_IOC_KEY_DESTROY, victim), ENOENT);

	// ABI 1.1: the session no longer encrypts with the destroyed key
	// (EKEYREVOKED, the session failed); FINAL ends it.
	uint8_t out[32];
	uint32_t n = 32;
	ck_assert_int_eq(raw_session_data(fd, NCRYPTO_IOC_SESSION_UPDATE, sess, kat_pt, 16,
					  out, &n), EKEYREVOKED);
	n = 16;
	ck_assert_int_eq(raw_session_data(fd, NCRYPTO_IOC_SESSION_FINAL, sess, nullptr, 0,
					  out + 16, &n), EBADFD);
	ck_assert_int_eq(raw_handle_ioctl(fd, NCRYPTO_IOC_SESSION_DESTROY, sess), ENOENT);
	close(fd);
	expect_counters(before, "closing the context");
}
END_TEST

// Long operations in flight in several threads when the only fd is closed.
START_TEST(test_close_in_flight)
{
	Counters before = counters();
	int fd = nct::raw_open();
	uint32_t key;
	ck_assert_int_eq(raw_key_import(fd, NCRYPTO_KEY_TYPE_AES, kat_key, 16,
					NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_DECRYPT, &key), 0);
	// GCM encryption with a kernel-made nonce: FIPS mode refuses caller IVs
	// (ABI 1.1); each thread's iv buffer receives the nonce.
	uint32_t gcm_key;
	ck_assert_int_eq(nct::RawKey(NCRYPTO_KEY_TYPE_AES, NCRYPTO_KEY_ENCRYPT, 16).value(kat_key)
				 .bound(NCRYPTO_ALG_AES_GCM).nonce(NCRYPTO_NONCE_RANDOM)
				 .import(fd, &gcm_key), 0);
	// Sessions left open: destroyed with the context.
	for (int i = 0; i < 3; i++) {
		uint32_t sess;
		ck_assert_int_eq(raw_session_init(fd, NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA3_512, 0,
						  nullptr, 0, &sess), 0);
	}
	struct ncrypto_info info = nct::device_info();
	size_t big = std::min<size_t>(256 * 1024, info.max_op_len);
	std::vector<uint8_t> src(big, 0x5a);
	std::atomic<bool> closed{false};
	std::atomic<long> ok_ops{0}, ebadf{0}, straddled{0};
	Problems probs;
	std::vector<std::thread> th;
	for (int t = 0; t < 4; t++)
		th.emplace_back([&, t] {
			std::vector<uint8_t> dst(big + 16), tag(16);
			uint8_t iv[16] = {0};
			for (;;) {
				bool was_closed = closed;
				RawOp op(NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA3_512, 0);
				if (t % 2) {
					op = RawOp(NCRYPTO_OP_ENCRYPT, NCRYPTO_ALG_AES_GCM, gcm_key);
					op.with_iv(iv, 12).with_tag(tag.data(), 16);
				}
				op.in(src.data(), (uint32_t)big).out(dst.data(), (uint32_t)dst.size());
				int e = op.run(fd);
				if (e == 0) {
					ok_ops++;
					if (!was_closed && closed)
						straddled++;
				} else if (e == EBADF) {
					if (!closed)
						probs.add("EBADF before the close");
					ebadf++;
					return;
				} else {
					probs.add("thread " + std::to_string(t) + ": " + strerror(e));
					return;
				}
			}
		});
	std::this_thread::sleep_for(std::chrono::milliseconds(300));
	// Nothing in this process opens a file from here until the join, so
	// the fd number cannot be reused under the threads.
	closed = true;
	ck_assert_int_eq(close(fd), 0);
	for (auto &t : th)
		t.join();
	printf("ops %ld, of which %ld were in flight across the close; %ld EBADF after\n",
	       ok_ops.load(), straddled.load(), ebadf.load());
	probs.check();
	ck_assert_int_eq(ebadf.load(), 4);
	expect_counters(before, "the last in-flight op returned");
}
END_TEST

// A dup()ed fd keeps the context: keys work after the original is closed.
START_TEST(test_dup_outlives_close)
{
	Counters before = counters();
	int fd = nct::raw_open();
	uint32_t key;
	ck_assert_int_eq(raw_key_import(fd, NCRYPTO_KEY_TYPE_AES, kat_key, 16, NCRYPTO_KEY_ENCRYPT, &key), 0);
	std::vector<int> dups;
	for (int i = 0; i < 4; i++)
		dups.push_back(dup(fd));
	close(fd);
	std::atomic<int> bad{0};
	std::vector<std::thread> th;
	for (int d : dups)
		th.emplace_back([&, d] {
			for (int i = 0; i < 200; i++)
				if (kat_encrypt(d, key) != 0)
					bad++;
			close(d);
		});
	for (auto &t : th)
		t.join();
	ck_assert_int_eq(bad.load(), 0);
	expect_counters(before, "closing every dup");
}
END_TEST

// The library's context and keys shared by threads (<ncrypto.h> allows it).
START_TEST(test_library_threads)
{
	Counters before = counters();
	ncrypto_ctx_t ctx;
	ck_assert_int_eq(ncrypto_open(&ctx, nullptr), NCRYPTO_OK);
	ncrypto_key_t key;
	ck_assert_int_eq(ncrypto_key_import(ctx, NCRYPTO_KEY_TYPE_AES, kat_key, 16,
					    NCRYPTO_KEY_ENCRYPT, &key), NCRYPTO_OK);
	std::atomic<bool> stop{false};
	Problems probs;
	std::vector<std::thread> th;
	for (int t = 0; t < 3; t++)
		th.emplace_back([&] {
			uint8_t iv[16] = {0}, out[16];
			while (!stop) {
				size_t n = 16;
				int r = ncrypto_encrypt(key, NCRYPTO_ALG_AES_CBC, iv, 16, kat_pt, 16, out, &n);
				if (r || n != 16 || memcmp(out, kat_ct, 16))
					probs.add(std::string("library encrypt: ") + nct::err_name(r));
			}
		});
	th.emplace_back([&] {
		while (!stop) {
			ncrypto_key_t k;
			int r = ncrypto_key_generate(ctx, NCRYPTO_KEY_TYPE_AES, 32, NCRYPTO_KEY_ENCRYPT, &k);
			if (r)
				probs.add(std::string("library generate: ") + nct::err_name(r));
			else
				ncrypto_key_destroy(k);
			ncrypto_session_t s;
			r = ncrypto_session_init(ctx, NCRYPTO_OP_DIGEST, NCRYPTO_ALG_SHA256, nullptr, nullptr, 0, &s);
			if (r)
				probs.add(std::string("library session: ") + nct::err_name(r));
			else
				ncrypto_session_destroy(s);
		}
	});
	std::this_thread::sleep_for(run_time / 2);
	stop = true;
	for (auto &t : th)
		t.join();
	probs.check();
	ncrypto_key_destroy(key);
	ncrypto_close(ctx);
	expect_counters(before, "closing the library context");
}
END_TEST

} // namespace

int main()
{
	Suite *s = suite_create("concurrency");
	TCase *tc = tcase_create("threads");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_ops_with_churn);
	tcase_add_test(tc, test_destroy_while_in_use);
	tcase_add_test(tc, test_close_in_flight);
	tcase_add_test(tc, test_dup_outlives_close);
	tcase_add_test(tc, test_library_threads);
	suite_add_tcase(s, tc);
	return nct::run_suite(s);
}
