// SPDX-License-Identifier: GPL-2.0-or-later
//
// ncrypto-bench: the pieces both modes use.
#include <cstdlib>
#include <cstring>
#include <new>
#include <sys/ioctl.h>

#include "bench.hpp"

namespace bench {

const unsigned long NULL_IOCTL = _IO(NCRYPTO_IOC_MAGIC, 0xff);

void kcheck(ssize_t rc, const char *what)
{
	if (rc < 0)
		throw Failure(std::string(what) + ": " + std::strerror(static_cast<int>(-rc)));
}

void ncheck(int rc)
{
	if (rc != NCRYPTO_OK)
		throw ncrypto::Error(rc);
}

PageBuf::PageBuf(size_t n)
{
	if (posix_memalign(reinterpret_cast<void **>(&p), 4096, n) != 0)
		throw std::bad_alloc();
	std::memset(p, 0, n);
}

PageBuf::~PageBuf() { free(p); }

namespace {

ncrypto::Key aead_key(ncrypto::Context &ctx, uint32_t alg, uint32_t key_type,
		      const uint8_t *key, size_t key_len, bool kernel_nonce)
{
	if (!kernel_nonce)
		return ctx.import_key(key_type, key, key_len, NCRYPTO_KEY_ENCRYPT);
	static const uint8_t iv[NONCE_LEN] = {0x5a};
	ncrypto::KeyParams p;
	p.alg(alg).nonce(NCRYPTO_NONCE_COUNTER_XOR, iv, sizeof(iv));
	return ctx.import_key(key_type, key, key_len, NCRYPTO_KEY_ENCRYPT, p);
}

} // namespace

NcAead::NcAead(ncrypto::Context &ctx, uint32_t alg, uint32_t key_type, const uint8_t *key,
	       size_t key_len, bool kernel_nonce)
	: key_(aead_key(ctx, alg, key_type, key, key_len, kernel_nonce)), alg_(alg),
	  kernel_nonce_(kernel_nonce)
{
}

void NcAead::seal(uint8_t *nonce, const uint8_t *aad, const uint8_t *pt, size_t len,
		  uint8_t *ct, uint8_t *tag) const
{
	size_t ol = len;
	if (kernel_nonce_)
		ncheck(ncrypto_aead_encrypt_gen_nonce(key_.get(), alg_, nonce, NONCE_LEN, aad, AAD_LEN,
						      pt, len, ct, &ol, tag, TAG_LEN));
	else
		ncheck(ncrypto_aead_encrypt(key_.get(), alg_, nonce, NONCE_LEN, aad, AAD_LEN, pt, len,
					    ct, &ol, tag, TAG_LEN));
}

bool gcm_needs_kernel_nonce(const ncrypto::Info &info)
{
	return info.fips_mode() && info.abi_minor() >= 1;
}

} // namespace bench
