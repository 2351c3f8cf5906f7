/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * <ncrypto.h>: the stable C API of libncrypto.
 *
 * Keys live in the kernel (/dev/ncrypto); this library gives them to you as
 * opaque handles. Every function returns an int: NCRYPTO_OK (0) or a negative
 * NCRYPTO_E_* code; ncrypto_strerror() describes it. No function throws or
 * aborts on bad input: a NULL or already-destroyed handle is an error code.
 *
 * Output buffers are caller-sized with an in/out length: set *out_len to the
 * capacity; on success it holds the length written; on
 * NCRYPTO_E_BUFFER_TOO_SMALL it holds the length needed.
 *
 * Thread safety: a context, its keys and one-shot operations may be used from
 * several threads at once. A session (multi-part operation) must not be used
 * by two threads at the same time.
 *
 * Lifetime: keys and sessions keep their context's kernel state alive; the
 * file descriptor is closed when the context and everything made from it are
 * destroyed. destroy(NULL) succeeds. Destroying a key does not end sessions
 * already started with it.
 *
 * Usable from C99 and C++.
 */
#ifndef NCRYPTO_H
#define NCRYPTO_H

#include <stddef.h>
#include <stdint.h>
#include <linux/ncrypto.h>	/* algorithm, key type, usage and op numbers */

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define NCRYPTO_API __attribute__((visibility("default")))
#else
#define NCRYPTO_API
#endif

/* Error codes (negative). */
enum ncrypto_error {
	NCRYPTO_OK = 0,
	NCRYPTO_E_NOT_LOADED = -1,	/* /dev/ncrypto missing: module not loaded */
	NCRYPTO_E_INVALID_ARG = -2,	/* bad argument (EINVAL) */
	NCRYPTO_E_BAD_HANDLE = -3,	/* NULL, destroyed or foreign library handle */
	NCRYPTO_E_NO_SUCH_OBJECT = -4,	/* the kernel does not know the handle (ENOENT) */
	NCRYPTO_E_PERMISSION = -5,	/* key lacks the usage, not exportable (EPERM) */
	NCRYPTO_E_FIPS = -6,		/* refused by FIPS policy (EACCES) */
	NCRYPTO_E_UNSUPPORTED = -7,	/* algorithm not available (ENOPKG) */
	NCRYPTO_E_QUOTA = -8,		/* key/session/memory limit (EDQUOT) */
	NCRYPTO_E_TOO_BIG = -9,		/* input longer than max_op_len (E2BIG) */
	NCRYPTO_E_BUFFER_TOO_SMALL = -10, /* *out_len holds the size needed */
	NCRYPTO_E_AUTH_FAILED = -11,	/* AEAD tag or MAC mismatch (EBADMSG) */
	NCRYPTO_E_BAD_PADDING = -12,	/* PKCS#7 padding invalid */
	NCRYPTO_E_SESSION_FAILED = -13,	/* session unusable after an error */
	NCRYPTO_E_NO_MEMORY = -14,
	NCRYPTO_E_ACCESS = -15,		/* cannot open /dev/ncrypto (permissions) */
	NCRYPTO_E_SYSTEM = -16,		/* other system error: see ncrypto_last_errno */
	NCRYPTO_E_INTERNAL = -17,	/* bug in libncrypto (caught exception) */
	/* since 0.2 */
	NCRYPTO_E_KEY_REVOKED = -18,	/* session's key destroyed or restricted (EKEYREVOKED) */
	NCRYPTO_E_NONCES_EXHAUSTED = -19, /* key's kernel-made nonces used up (EOVERFLOW) */
};

/* Opaque handles. */
typedef struct ncrypto_ctx_st *ncrypto_ctx_t;
typedef struct ncrypto_key_st *ncrypto_key_t;
typedef struct ncrypto_session_st *ncrypto_session_t;

NCRYPTO_API const char *ncrypto_strerror(int err);
/* errno of the last failed system call in this thread (0 if none). */
NCRYPTO_API int ncrypto_last_errno(void);

/* Names: "sha256", "hmac-sha256", "aes-cbc", "aes-gcm", "chacha20-poly1305",
 * "null"...; key types "secret", "aes", "chacha20". NULL / error if unknown. */
NCRYPTO_API const char *ncrypto_alg_name(uint32_t alg);
NCRYPTO_API int ncrypto_alg_from_name(const char *name, uint32_t *alg);
NCRYPTO_API const char *ncrypto_key_type_name(uint32_t type);
NCRYPTO_API int ncrypto_key_type_from_name(const char *name, uint32_t *type);
/* Output length of a hash or MAC algorithm, 0 for others. */
NCRYPTO_API size_t ncrypto_alg_output_len(uint32_t alg);

/* Contexts. path NULL means NCRYPTO_DEVICE_PATH. */
NCRYPTO_API int ncrypto_open(ncrypto_ctx_t *ctx, const char *path);
/* Wrap an fd received from elsewhere (SCM_RIGHTS); the context dup()s it. */
NCRYPTO_API int ncrypto_open_fd(ncrypto_ctx_t *ctx, int fd);
NCRYPTO_API int ncrypto_close(ncrypto_ctx_t ctx);
/* The context's fd, to pass to another process; do not close it. */
NCRYPTO_API int ncrypto_ctx_fd(ncrypto_ctx_t ctx, int *fd);

/* ABI version, limits, counters; algs may be NULL (then *n_algs is set). */
NCRYPTO_API int ncrypto_get_info(ncrypto_ctx_t ctx, struct ncrypto_info *info,
				 struct ncrypto_alg_info *algs, size_t *n_algs);

/* Keys. usage: NCRYPTO_KEY_* bits. */
NCRYPTO_API int ncrypto_key_generate(ncrypto_ctx_t ctx, uint32_t type,
				     size_t key_len, uint32_t usage,
				     ncrypto_key_t *key);
NCRYPTO_API int ncrypto_key_import(ncrypto_ctx_t ctx, uint32_t type,
				   const uint8_t *data, size_t len,
				   uint32_t usage, ncrypto_key_t *key);
NCRYPTO_API int ncrypto_key_export(ncrypto_key_t key, uint8_t *out,
				   size_t *out_len);
NCRYPTO_API int ncrypto_key_get_info(ncrypto_key_t key, uint32_t *type,
				     size_t *key_len, uint32_t *usage);
NCRYPTO_API int ncrypto_key_restrict(ncrypto_key_t key, uint32_t usage);
/* The kernel handle number (for diagnostics and raw ioctls). */
NCRYPTO_API int ncrypto_key_handle(ncrypto_key_t key, uint32_t *handle);
NCRYPTO_API int ncrypto_key_destroy(ncrypto_key_t key);

/* One-shot operations: one ioctl each. */
NCRYPTO_API int ncrypto_hash(ncrypto_ctx_t ctx, uint32_t alg,
			     const uint8_t *in, size_t in_len,
			     uint8_t *out, size_t *out_len);
NCRYPTO_API int ncrypto_mac(ncrypto_key_t key, uint32_t alg,
			    const uint8_t *in, size_t in_len,
			    uint8_t *out, size_t *out_len);
NCRYPTO_API int ncrypto_mac_verify(ncrypto_key_t key, uint32_t alg,
				   const uint8_t *in, size_t in_len,
				   const uint8_t *tag, size_t tag_len);
/* AES-CBC (no padding), AES-CTR, AES-XTS, null cipher. */
NCRYPTO_API int ncrypto_encrypt(ncrypto_key_t key, uint32_t alg,
				const uint8_t *iv, size_t iv_len,
				const uint8_t *in, size_t in_len,
				uint8_t *out, size_t *out_len);
NCRYPTO_API int ncrypto_decrypt(ncrypto_key_t key, uint32_t alg,
				const uint8_t *iv, size_t iv_len,
				const uint8_t *in, size_t in_len,
				uint8_t *out, size_t *out_len);
/* AES-CBC with PKCS#7 padding (done in the library, cipher in the kernel).
 * Decryption checks the padding without secret-dependent branches and
 * returns NCRYPTO_E_BAD_PADDING. */
NCRYPTO_API int ncrypto_cbc_pkcs7_encrypt(ncrypto_key_t key,
					  const uint8_t *iv, size_t iv_len,
					  const uint8_t *in, size_t in_len,
					  uint8_t *out, size_t *out_len);
NCRYPTO_API int ncrypto_cbc_pkcs7_decrypt(ncrypto_key_t key,
					  const uint8_t *iv, size_t iv_len,
					  const uint8_t *in, size_t in_len,
					  uint8_t *out, size_t *out_len);
/* AEAD (AES-GCM, ChaCha20-Poly1305). tag may point right after the
 * ciphertext (TLS layout). Decryption failure: NCRYPTO_E_AUTH_FAILED and
 * out untouched. */
NCRYPTO_API int ncrypto_aead_encrypt(ncrypto_key_t key, uint32_t alg,
				     const uint8_t *nonce, size_t nonce_len,
				     const uint8_t *aad, size_t aad_len,
				     const uint8_t *in, size_t in_len,
				     uint8_t *out, size_t *out_len,
				     uint8_t *tag, size_t tag_len);
NCRYPTO_API int ncrypto_aead_decrypt(ncrypto_key_t key, uint32_t alg,
				     const uint8_t *nonce, size_t nonce_len,
				     const uint8_t *aad, size_t aad_len,
				     const uint8_t *in, size_t in_len,
				     const uint8_t *tag, size_t tag_len,
				     uint8_t *out, size_t *out_len);

/* Multi-part sessions (hash, MAC, cipher). op: NCRYPTO_OP_*; key NULL for
 * hashes; iv for ciphers. */
NCRYPTO_API int ncrypto_session_init(ncrypto_ctx_t ctx, uint32_t op,
				     uint32_t alg, ncrypto_key_t key,
				     const uint8_t *iv, size_t iv_len,
				     ncrypto_session_t *session);
/* Hashes and MACs: out may be NULL (out_len NULL). Ciphers write whole
 * multiples of the algorithm's update_len (AES-CBC/CTR: 16, the null
 * cipher: 1, AES-XTS: nothing before final) and keep the rest; too small an
 * out gives NCRYPTO_E_BUFFER_TOO_SMALL with the length needed in *out_len,
 * and the session stays usable (ABI 1.1 modules; an ABI 1.0 module fails
 * the session). */
NCRYPTO_API int ncrypto_session_update(ncrypto_session_t session,
				       const uint8_t *in, size_t in_len,
				       uint8_t *out, size_t *out_len);
/* Digest, MAC, or cipher tail. The session is finished afterwards (only
 * destroy is valid), except after NCRYPTO_E_BUFFER_TOO_SMALL from an ABI 1.1
 * module: *out_len holds the length needed and the session waits for a
 * retry. */
NCRYPTO_API int ncrypto_session_final(ncrypto_session_t session,
				      uint8_t *out, size_t *out_len);
/* MAC verify sessions: compare with tag, NCRYPTO_E_AUTH_FAILED if unequal. */
NCRYPTO_API int ncrypto_session_verify(ncrypto_session_t session,
				       const uint8_t *tag, size_t tag_len);
/* An independent copy of a running hash or MAC session. */
NCRYPTO_API int ncrypto_session_clone(ncrypto_session_t session,
				      ncrypto_session_t *copy);
NCRYPTO_API int ncrypto_session_destroy(ncrypto_session_t session);

#ifdef __cplusplus
}
#endif
#endif /* NCRYPTO_H */
