/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The environment of ncrypto's public-key arithmetic (kernel/pk/).
 *
 * The code in this directory is plain C: it includes no kernel header but
 * this one, so the same source builds into ncrypto.ko and into user-space
 * programs (unit, differential and constant-time tests, the benchmark).
 * This header picks the fixed-width types, errno values and string
 * functions of whichever side it is built for, and declares the few
 * services the arithmetic needs from its embedder:
 *
 *   kernel:      kernel/ncr_pk_env.c (crypto API hashes, the module's RNG)
 *   user space:  tests/pk/pk_env_user.c (nettle hashes, getrandom, valgrind
 *                client requests for the constant-time check)
 *
 * Rules for code in this directory:
 * - Functions return 0 or a negative errno value (-EINVAL, -EBADMSG, ...).
 * - No dynamic allocation: big temporaries live in structs or workspaces
 *   the caller provides (the kernel allocates them charged to the user).
 *   Stack frames stay under 1 KiB (the kernel's stack is 16 KiB).
 * - Key structs are flat (no pointers) so the embedder can allocate, copy
 *   and wipe each one as a single block.
 * - No branch and no memory index may depend on secret data; a value
 *   becomes public only through ncr_pk_declassify(), which marks the place
 *   for the valgrind check (tests/pk/README.md).
 * - Every secret intermediate is wiped with ncr_pk_wipe() before return.
 * - Big numbers cross the interface as big-endian byte strings.
 */
#ifndef NCR_PK_ENV_H
#define NCR_PK_ENV_H

#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/string.h>
#else
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Hashes the arithmetic uses (padding, MGF1, RFC 6979, Ed25519). */
enum ncr_pk_hash_id {
	NCR_PK_SHA1 = 1,
	NCR_PK_SHA224,
	NCR_PK_SHA256,
	NCR_PK_SHA384,
	NCR_PK_SHA512,
};

#define NCR_PK_HASH_MAX 64	/* largest digest, SHA-512 */

/* One piece of a message hashed as the concatenation of its pieces. */
struct ncr_pk_buf {
	const void *data;
	size_t len;
};

/* Digest length of @id, or 0 for an unknown id. */
static inline size_t ncr_pk_hash_len(enum ncr_pk_hash_id id)
{
	switch (id) {
	case NCR_PK_SHA1: return 20;
	case NCR_PK_SHA224: return 28;
	case NCR_PK_SHA256: return 32;
	case NCR_PK_SHA384: return 48;
	case NCR_PK_SHA512: return 64;
	}
	return 0;
}

/* Block length of @id (HMAC), or 0 for an unknown id. */
static inline size_t ncr_pk_hash_block_len(enum ncr_pk_hash_id id)
{
	switch (id) {
	case NCR_PK_SHA1: case NCR_PK_SHA224: case NCR_PK_SHA256: return 64;
	case NCR_PK_SHA384: case NCR_PK_SHA512: return 128;
	}
	return 0;
}

/* ---- Provided by the embedder ---- */

/*
 * out = H(parts[0] || ... || parts[n - 1]); out holds ncr_pk_hash_len(id)
 * bytes. Returns 0, -EINVAL for an unknown id, or the embedder's error
 * (for instance -ENOMEM).
 */
int ncr_pk_hash(enum ncr_pk_hash_id id, const struct ncr_pk_buf *parts,
		unsigned int n, uint8_t *out);

/* Fills @buf with @len bytes from a cryptographic RNG (FIPS: the DRBG). */
int ncr_pk_random(void *buf, size_t len);

/* Wipes @len bytes at @p in a way the compiler cannot elide. */
void ncr_pk_wipe(void *p, size_t len);

/*
 * Tells the constant-time check that @len bytes at @p are now public (a
 * signature leaving, the final verdict of a check). No-op in the kernel.
 */
void ncr_pk_declassify(const void *p, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* NCR_PK_ENV_H */
