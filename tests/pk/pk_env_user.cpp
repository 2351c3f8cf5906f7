// The user-space embedder of kernel/pk/: the services pk_env.h declares,
// for the host tests, the constant-time check and the benchmark. Hashes
// come from nettle, randomness from getrandom() (or a seeded deterministic
// generator for reproducible tests), and declassification is a valgrind
// client request, free when the program does not run under valgrind.
#include "pk_env_user.hpp"

#include <nettle/sha1.h>
#include <nettle/sha2.h>
#include <sys/random.h>
#include <valgrind/memcheck.h>

#include <cerrno>
#include <cstring>

namespace {

bool test_rng_on;
sha256_ctx test_rng_state;  // seed || counter, hashed per block
uint64_t test_rng_counter;

template <typename Ctx, void (*Init)(Ctx *), void (*Update)(Ctx *, size_t, const uint8_t *),
	  void (*Digest)(Ctx *, size_t, uint8_t *)>
void hash_parts(const ncr_pk_buf *parts, unsigned int n, uint8_t *out, size_t len)
{
	Ctx ctx;
	Init(&ctx);
	for (unsigned int i = 0; i < n; i++)
		Update(&ctx, parts[i].len, static_cast<const uint8_t *>(parts[i].data));
	Digest(&ctx, len, out);
}

void test_rng_fill(uint8_t *out, size_t len)
{
	while (len) {
		sha256_ctx ctx = test_rng_state;
		uint8_t ctr[8], block[SHA256_DIGEST_SIZE];
		for (int i = 0; i < 8; i++)
			ctr[i] = uint8_t(test_rng_counter >> (8 * i));
		test_rng_counter++;
		sha256_update(&ctx, sizeof(ctr), ctr);
		sha256_digest(&ctx, sizeof(block), block);
		size_t take = len < sizeof(block) ? len : sizeof(block);
		std::memcpy(out, block, take);
		out += take;
		len -= take;
	}
}

}  // namespace

extern "C" int ncr_pk_hash(enum ncr_pk_hash_id id, const struct ncr_pk_buf *parts,
			   unsigned int n, uint8_t *out)
{
	switch (id) {
	case NCR_PK_SHA1:
		hash_parts<sha1_ctx, sha1_init, sha1_update, sha1_digest>(parts, n, out, 20);
		return 0;
	case NCR_PK_SHA224:
		hash_parts<sha224_ctx, sha224_init, sha224_update, sha224_digest>(parts, n, out, 28);
		return 0;
	case NCR_PK_SHA256:
		hash_parts<sha256_ctx, sha256_init, sha256_update, sha256_digest>(parts, n, out, 32);
		return 0;
	case NCR_PK_SHA384:
		hash_parts<sha384_ctx, sha384_init, sha384_update, sha384_digest>(parts, n, out, 48);
		return 0;
	case NCR_PK_SHA512:
		hash_parts<sha512_ctx, sha512_init, sha512_update, sha512_digest>(parts, n, out, 64);
		return 0;
	}
	return -EINVAL;
}

extern "C" int ncr_pk_random(void *buf, size_t len)
{
	auto *out = static_cast<uint8_t *>(buf);
	if (test_rng_on) {
		test_rng_fill(out, len);
		return 0;
	}
	while (len) {
		ssize_t got = getrandom(out, len, 0);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		out += got;
		len -= size_t(got);
	}
	return 0;
}

extern "C" void ncr_pk_wipe(void *p, size_t len)
{
	explicit_bzero(p, len);
}

extern "C" void ncr_pk_declassify(const void *p, size_t len)
{
	(void)VALGRIND_MAKE_MEM_DEFINED(p, len);
}

void pk_test_rng_seed(uint64_t seed)
{
	uint8_t s[8];
	for (int i = 0; i < 8; i++)
		s[i] = uint8_t(seed >> (8 * i));
	sha256_init(&test_rng_state);
	sha256_update(&test_rng_state, sizeof(s), s);
	test_rng_counter = 0;
	test_rng_on = true;
}

void pk_test_rng_system()
{
	test_rng_on = false;
}

void pk_test_secret(const void *p, size_t len)
{
	(void)VALGRIND_MAKE_MEM_UNDEFINED(p, len);
}

void pk_test_public(const void *p, size_t len)
{
	(void)VALGRIND_MAKE_MEM_DEFINED(p, len);
}

bool pk_test_under_valgrind()
{
	return RUNNING_ON_VALGRIND != 0;
}
