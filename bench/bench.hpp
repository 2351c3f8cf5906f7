// SPDX-License-Identifier: GPL-2.0-or-later
//
// ncrypto-bench: what the rate table (rates.cpp) and the instruction-count
// windows (insn.cpp) share: buffers, libkcapi handles, error checks, and
// the ncrypto side of each measured operation.
#ifndef NCRYPTO_BENCH_HPP
#define NCRYPTO_BENCH_HPP

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <sys/types.h>

#include <kcapi.h>
#include <ncrypto.hpp>

namespace bench {

constexpr size_t AAD_LEN = 13; // TLS 1.2 record header
constexpr size_t TAG_LEN = 16;
constexpr size_t NONCE_LEN = 12;

// An ioctl number /dev/ncrypto does not know: the kernel answers ENOTTY
// after the syscall entry and the driver's dispatch, nothing more.
extern const unsigned long NULL_IOCTL;

struct Failure : std::runtime_error {
	using std::runtime_error::runtime_error;
};

// libkcapi returns -errno; libncrypto an NCRYPTO_E_* code.
void kcheck(ssize_t rc, const char *what);
void ncheck(int rc);

// Page-aligned, zeroed: libkcapi splices page-aligned memory, and every
// path gets the same buffers.
struct PageBuf {
	uint8_t *p = nullptr;
	explicit PageBuf(size_t n);
	~PageBuf();
	PageBuf(const PageBuf &) = delete;
	PageBuf &operator=(const PageBuf &) = delete;
};

struct KcapiHandle {
	struct kcapi_handle *h = nullptr;
	void (*destroy)(struct kcapi_handle *) = nullptr;
	~KcapiHandle()
	{
		if (h)
			destroy(h);
	}
};

// AEAD encryption of one TLS record through libncrypto. The nonce is the
// caller's, except under fips=1 with an ABI 1.1 module, which refuses
// caller nonces for AES-GCM encryption: there the key makes them
// (COUNTER_XOR, as TLS 1.3 does) and seal() returns the one it used.
class NcAead {
public:
	NcAead(ncrypto::Context &ctx, uint32_t alg, uint32_t key_type, const uint8_t *key,
	       size_t key_len, bool kernel_nonce);
	// nonce: NONCE_LEN bytes, read (caller's) or written (kernel-made).
	void seal(uint8_t *nonce, const uint8_t *aad, const uint8_t *pt, size_t len,
		  uint8_t *ct, uint8_t *tag) const;
	bool kernel_nonce() const noexcept { return kernel_nonce_; }

private:
	ncrypto::Key key_;
	uint32_t alg_;
	bool kernel_nonce_;
};

// Whether AES-GCM encryption needs a kernel-made nonce on this module.
bool gcm_needs_kernel_nonce(const ncrypto::Info &info);

// The modes of the program.
int run_rates(double seconds);
struct InsnOptions {
	long iters = 20;	// operations per window
	long windows = 5;	// windows per operation
	long warmup = 100;	// operations before the first window
};
int run_insn_windows(const InsnOptions &opt, int n_ops, char **ops);

} // namespace bench

#endif
