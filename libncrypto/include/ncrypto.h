/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * <ncrypto.h>: the stable C API of libncrypto.
 *
 * Keys live in the kernel (/dev/ncrypto); this library gives them to you as
 * opaque handles. Usable from C99 and C++.
 *
 * Conventions
 * -----------
 * - Every function returns an int, NCRYPTO_OK (0) or a negative NCRYPTO_E_*
 *   code, except the lookups that return what they look up (names,
 *   lengths, messages, the version string). No function throws or aborts on
 *   bad input.
 * - Handles (contexts, keys, sessions, info snapshots, key parameter sets)
 *   are pointers to library objects: made by one function, freed by its
 *   close, destroy or free, and freeing NULL succeeds. A NULL, already
 *   freed or wrong-type handle gives NCRYPTO_E_BAD_HANDLE instead of a
 *   crash. Nothing you pass in is kept, and nothing the library returns
 *   needs freeing except the handles.
 * - No kernel struct crosses this API: the library fills the structs of
 *   <linux/ncrypto.h> itself, so that header may grow without touching the
 *   memory of a program built against an older one. Programs use it for
 *   numbers only: algorithms, key types, usage flags, operations, nonce
 *   policies.
 * - Output buffers are caller-sized with an in/out length: set *out_len to
 *   the capacity; on success it holds the length written; on
 *   NCRYPTO_E_BUFFER_TOO_SMALL it holds the length needed.
 * - Errors: each function's comment lists the codes it returns and why.
 *   Besides those, a function that calls the kernel may return
 *   NCRYPTO_E_SYSTEM for an errno this API does not expect (the errno is
 *   ncrypto_last_errno()), and any function may return NCRYPTO_E_INTERNAL
 *   (a bug in libncrypto, caught before it crossed this API). "The
 *   operation's errors" below are the kernel's answers to a key or an
 *   operation: INVALID_ARG (an algorithm the key or operation does not
 *   take, bad lengths), PERMISSION (the key lacks the usage), FIPS (refused
 *   by the FIPS policy), UNSUPPORTED (not in this kernel), QUOTA (the
 *   context's or the user's limits), TOO_BIG (more than max_op_len bytes),
 *   NO_MEMORY (the kernel's or the library's).
 *
 * Thread safety: a context, its keys and one-shot operations may be used
 * from several threads at once; so may an info snapshot. A session
 * (multi-part operation) must not be used by two threads at the same time.
 *
 * Lifetime: keys and sessions keep their context's kernel state alive; the
 * file descriptor is closed when the context and everything made from it
 * are destroyed.
 *
 * Versions: ncrypto_version() is the library's version. The shared library
 * versions its symbols per release (NCRYPTO_0.1, NCRYPTO_0.2, ...); a
 * function marked "Since 0.2" appeared in 0.2. The module's ABI version is
 * NCRYPTO_INFO_ABI_MAJOR/MINOR of ncrypto_info_get().
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

/* The version of this header; ncrypto_version_numbers() tells the
 * library's. */
#define NCRYPTO_VERSION_MAJOR 0
#define NCRYPTO_VERSION_MINOR 3
#define NCRYPTO_VERSION_PATCH 0

/* Error codes (negative). Never renumbered; new ones are appended. */
enum ncrypto_error {
	NCRYPTO_OK = 0,
	NCRYPTO_E_NOT_LOADED = -1,	/* /dev/ncrypto missing: module not loaded */
	NCRYPTO_E_INVALID_ARG = -2,	/* bad argument (EINVAL, EFAULT) */
	NCRYPTO_E_BAD_HANDLE = -3,	/* NULL, destroyed or foreign library handle */
	NCRYPTO_E_NO_SUCH_OBJECT = -4,	/* the kernel does not know the handle (ENOENT) */
	NCRYPTO_E_PERMISSION = -5,	/* key lacks the usage, not exportable (EPERM) */
	NCRYPTO_E_FIPS = -6,		/* refused by FIPS policy (EACCES) */
	NCRYPTO_E_UNSUPPORTED = -7,	/* not available in this kernel (ENOPKG) */
	NCRYPTO_E_QUOTA = -8,		/* key/session/memory limit (EDQUOT) */
	NCRYPTO_E_TOO_BIG = -9,		/* input longer than max_op_len (E2BIG) */
	NCRYPTO_E_BUFFER_TOO_SMALL = -10, /* *out_len holds the size needed (ENOSPC) */
	NCRYPTO_E_AUTH_FAILED = -11,	/* AEAD tag or MAC mismatch (EBADMSG) */
	NCRYPTO_E_BAD_PADDING = -12,	/* PKCS#7 padding invalid */
	NCRYPTO_E_SESSION_FAILED = -13,	/* session unusable after an error (EBADFD) */
	NCRYPTO_E_NO_MEMORY = -14,	/* ENOMEM, or the library's allocation */
	NCRYPTO_E_ACCESS = -15,		/* cannot open /dev/ncrypto (permissions) */
	NCRYPTO_E_SYSTEM = -16,		/* other system error: see ncrypto_last_errno */
	NCRYPTO_E_INTERNAL = -17,	/* bug in libncrypto (caught exception) */
	/* since 0.2 */
	NCRYPTO_E_KEY_REVOKED = -18,	/* session's key destroyed or restricted (EKEYREVOKED) */
	NCRYPTO_E_NONCES_EXHAUSTED = -19, /* key's kernel-made nonces used up (EOVERFLOW) */
	/* since 0.3 */
	NCRYPTO_E_KEY_REJECTED = -20,	/* key parts do not make a valid key (EKEYREJECTED) */
	NCRYPTO_E_OUT_OF_RANGE = -21,	/* a key value out of its range (ERANGE) */
	NCRYPTO_E_SELF_CHECK = -22,	/* the kernel's check of its own result failed (EIO) */
};

/* Opaque handles. */
typedef struct ncrypto_ctx_st *ncrypto_ctx_t;
typedef struct ncrypto_key_st *ncrypto_key_t;
typedef struct ncrypto_session_st *ncrypto_session_t;
typedef struct ncrypto_info_st *ncrypto_info_t;		/* since 0.2 */
typedef struct ncrypto_key_params_st *ncrypto_key_params_t;	/* since 0.2 */
typedef struct ncrypto_pk_params_st *ncrypto_pk_params_t;	/* since 0.3 */

/* ------------------------------------------------------------------------
 * Errors, versions, names
 */

/* A message for an NCRYPTO_E_* code; never NULL (unknown codes get a
 * message too). */
NCRYPTO_API const char *ncrypto_strerror(int err);

/* errno of the last failed system call in this thread (0 if none). */
NCRYPTO_API int ncrypto_last_errno(void);

/* The library's version, "MAJOR.MINOR.PATCH". Since 0.2. */
NCRYPTO_API const char *ncrypto_version(void);

/* The library's version as numbers; NULL pointers are skipped. Compare with
 * NCRYPTO_VERSION_* to see whether the library is older than the header a
 * program was built with. Since 0.2.
 * Errors: none (always NCRYPTO_OK). */
NCRYPTO_API int ncrypto_version_numbers(uint32_t *major, uint32_t *minor,
					uint32_t *patch);

/* Names: "sha256", "hmac-sha256", "aes-cbc", "aes-gcm", "chacha20-poly1305",
 * "null"...; key types "secret", "aes", "chacha20". The *_name functions
 * return NULL for a number without a name.
 * ncrypto_alg_from_name, ncrypto_key_type_from_name errors:
 *   NCRYPTO_E_INVALID_ARG  name or the output pointer NULL, unknown name */
NCRYPTO_API const char *ncrypto_alg_name(uint32_t alg);
NCRYPTO_API int ncrypto_alg_from_name(const char *name, uint32_t *alg);
NCRYPTO_API const char *ncrypto_key_type_name(uint32_t type);
NCRYPTO_API int ncrypto_key_type_from_name(const char *name, uint32_t *type);

/* Output length of a hash or MAC algorithm (the full MAC), 0 for others. */
NCRYPTO_API size_t ncrypto_alg_output_len(uint32_t alg);

/* ------------------------------------------------------------------------
 * Contexts: one open file description of /dev/ncrypto each
 */

/* Open path (NULL: NCRYPTO_DEVICE_PATH) as a new context.
 * Errors:
 *   NCRYPTO_E_INVALID_ARG  ctx NULL
 *   NCRYPTO_E_NOT_LOADED   no device node (ENOENT, ENODEV, ENXIO): the
 *                          module is not loaded
 *   NCRYPTO_E_ACCESS       open refused by file permissions (EACCES, EPERM)
 *   NCRYPTO_E_UNSUPPORTED  the module speaks another ABI major
 *   NCRYPTO_E_NO_MEMORY
 *   NCRYPTO_E_SYSTEM       not an ncrypto device (ENOTTY), other errors */
NCRYPTO_API int ncrypto_open(ncrypto_ctx_t *ctx, const char *path);

/* Wrap an fd received from elsewhere (SCM_RIGHTS); the context dup()s it,
 * the caller keeps fd.
 * Errors:
 *   NCRYPTO_E_INVALID_ARG  ctx NULL, fd not open (EBADF)
 *   NCRYPTO_E_UNSUPPORTED  the module speaks another ABI major
 *   NCRYPTO_E_NO_MEMORY
 *   NCRYPTO_E_SYSTEM       not an ncrypto fd (ENOTTY), no fd left (EMFILE) */
NCRYPTO_API int ncrypto_open_fd(ncrypto_ctx_t *ctx, int fd);

/* Release the context handle (the fd closes with the last key or session
 * made from it). Errors: NCRYPTO_E_BAD_HANDLE */
NCRYPTO_API int ncrypto_close(ncrypto_ctx_t ctx);

/* The context's fd, to pass to another process; do not close it.
 * Errors: NCRYPTO_E_BAD_HANDLE, NCRYPTO_E_INVALID_ARG (fd NULL) */
NCRYPTO_API int ncrypto_ctx_fd(ncrypto_ctx_t ctx, int *fd);

/* ------------------------------------------------------------------------
 * Info: a snapshot of the module (ABI version, FIPS state, limits,
 * counters, algorithms), read with one ioctl and queried field by field.
 * New fields are new enum values, never new functions: a library older
 * than the header answers NCRYPTO_E_INVALID_ARG for a field it does not
 * know. All since 0.2.
 */

enum ncrypto_info_field {
	NCRYPTO_INFO_ABI_MAJOR = 1,
	NCRYPTO_INFO_ABI_MINOR = 2,
	NCRYPTO_INFO_FIPS_MODE = 3,		/* 1: the kernel runs with fips=1 */
	NCRYPTO_INFO_ALG_COUNT = 4,		/* entries for ncrypto_info_alg_value */
	/* limits (module parameters) */
	NCRYPTO_INFO_MAX_OP_LEN = 16,		/* bytes of input per operation */
	NCRYPTO_INFO_MAX_KEYS_PER_CTX = 17,
	NCRYPTO_INFO_MAX_SESSIONS_PER_CTX = 18,
	NCRYPTO_INFO_MAX_KEYS_PER_USER = 19,
	NCRYPTO_INFO_MAX_SESSIONS_PER_USER = 20,
	NCRYPTO_INFO_MAX_MEM_PER_CTX = 21,	/* bytes */
	NCRYPTO_INFO_MAX_MEM_PER_USER = 22,	/* bytes */
	/* module-wide counters: shown to CAP_SYS_ADMIN only (ABI 1.1) */
	NCRYPTO_INFO_LIVE_CONTEXTS = 32,
	NCRYPTO_INFO_LIVE_KEYS = 33,
	NCRYPTO_INFO_LIVE_SESSIONS = 34,
	NCRYPTO_INFO_OPS_TOTAL = 35,
	/* this context */
	NCRYPTO_INFO_CTX_KEYS = 48,
	NCRYPTO_INFO_CTX_SESSIONS = 49,
	NCRYPTO_INFO_CTX_MEM = 50,		/* bytes charged: objects, ops in flight */
	NCRYPTO_INFO_CTX_OPS = 51,		/* operations completed (ABI 1.1) */
};

/* What one algorithm is (ncrypto_info_alg_value). */
enum ncrypto_alg_info_field {
	NCRYPTO_ALG_INFO_ALG = 1,		/* enum ncrypto_alg */
	NCRYPTO_ALG_INFO_CLASS = 2,		/* enum ncrypto_alg_class */
	NCRYPTO_ALG_INFO_FLAGS = 3,		/* NCRYPTO_ALG_F_* */
	NCRYPTO_ALG_INFO_KEY_TYPE = 4,		/* enum ncrypto_key_type, 0 = no key */
	NCRYPTO_ALG_INFO_MIN_KEY_LEN = 5,	/* bytes */
	NCRYPTO_ALG_INFO_MAX_KEY_LEN = 6,
	NCRYPTO_ALG_INFO_IV_LEN = 7,		/* bytes, 0 = no IV */
	NCRYPTO_ALG_INFO_BLOCK_LEN = 8,		/* input granularity, 1 for streams */
	NCRYPTO_ALG_INFO_OUT_LEN = 9,		/* digest/MAC length, or max AEAD tag */
	NCRYPTO_ALG_INFO_UPDATE_LEN = 10,	/* sessions: UPDATE writes multiples
						 * of this; 0 = all at final (ABI 1.1) */
	NCRYPTO_ALG_INFO_OPS = 11,		/* operations done in this context
						 * (ABI 1.0: module-wide) */
};

/* Take a snapshot; free it with ncrypto_info_free.
 * Errors:
 *   NCRYPTO_E_BAD_HANDLE   ctx
 *   NCRYPTO_E_INVALID_ARG  info NULL
 *   NCRYPTO_E_NO_MEMORY */
NCRYPTO_API int ncrypto_info_get(ncrypto_ctx_t ctx, ncrypto_info_t *info);

/* Errors: NCRYPTO_E_BAD_HANDLE */
NCRYPTO_API int ncrypto_info_free(ncrypto_info_t info);

/* One field (enum ncrypto_info_field) of the snapshot.
 * Errors:
 *   NCRYPTO_E_BAD_HANDLE   info
 *   NCRYPTO_E_INVALID_ARG  value NULL, a field this library does not know
 *   NCRYPTO_E_PERMISSION   a module-wide counter the module does not show
 *                          this caller (it needs CAP_SYS_ADMIN)
 *   NCRYPTO_E_UNSUPPORTED  a field the module's ABI lacks (CTX_OPS from an
 *                          ABI 1.0 module) */
NCRYPTO_API int ncrypto_info_value(ncrypto_info_t info, uint32_t field,
				   uint64_t *value);

/* One field (enum ncrypto_alg_info_field) of the index-th algorithm,
 * 0 <= index < NCRYPTO_INFO_ALG_COUNT.
 * Errors:
 *   NCRYPTO_E_BAD_HANDLE   info
 *   NCRYPTO_E_INVALID_ARG  value NULL, index out of range, a field this
 *                          library does not know
 *   NCRYPTO_E_UNSUPPORTED  a field the module's ABI lacks (UPDATE_LEN
 *                          from an ABI 1.0 module) */
NCRYPTO_API int ncrypto_info_alg_value(ncrypto_info_t info, size_t index,
				       uint32_t field, uint64_t *value);

/* The index of algorithm alg in the snapshot.
 * Errors:
 *   NCRYPTO_E_BAD_HANDLE   info
 *   NCRYPTO_E_INVALID_ARG  index NULL
 *   NCRYPTO_E_UNSUPPORTED  the module does not know alg */
NCRYPTO_API int ncrypto_info_alg_index(ncrypto_info_t info, uint32_t alg,
				       size_t *index);

/* ------------------------------------------------------------------------
 * Keys: kernel key objects. usage: NCRYPTO_KEY_* bits.
 */

/* A random key made in the kernel.
 * Errors:
 *   NCRYPTO_E_BAD_HANDLE   ctx
 *   NCRYPTO_E_INVALID_ARG  key NULL; a bad type, length or usage bits
 *   NCRYPTO_E_FIPS         a key size FIPS refuses
 *   NCRYPTO_E_QUOTA, NCRYPTO_E_NO_MEMORY */
NCRYPTO_API int ncrypto_key_generate(ncrypto_ctx_t ctx, uint32_t type,
				     size_t key_len, uint32_t usage,
				     ncrypto_key_t *key);

/* A key from len bytes at data (the kernel keeps a copy: wipe yours).
 * Errors: as ncrypto_key_generate; NCRYPTO_E_INVALID_ARG also for data
 * NULL. Keys FIPS refuses may be imported (ops with them give
 * NCRYPTO_E_FIPS). */
NCRYPTO_API int ncrypto_key_import(ncrypto_ctx_t ctx, uint32_t type,
				   const uint8_t *data, size_t len,
				   uint32_t usage, ncrypto_key_t *key);

/* The value of a key created NCRYPTO_KEY_EXPORTABLE.
 * Errors:
 *   NCRYPTO_E_BAD_HANDLE        key
 *   NCRYPTO_E_INVALID_ARG       out_len NULL, out NULL with a capacity
 *   NCRYPTO_E_PERMISSION        the key is not exportable
 *   NCRYPTO_E_BUFFER_TOO_SMALL  *out_len holds the key's length
 *   NCRYPTO_E_NO_SUCH_OBJECT    the kernel no longer knows the key */
NCRYPTO_API int ncrypto_key_export(ncrypto_key_t key, uint8_t *out,
				   size_t *out_len);

/* What a key is, never its value; NULL outputs are skipped.
 * Errors: NCRYPTO_E_BAD_HANDLE, NCRYPTO_E_NO_SUCH_OBJECT */
NCRYPTO_API int ncrypto_key_get_info(ncrypto_key_t key, uint32_t *type,
				     size_t *key_len, uint32_t *usage);

/* Drop usage flags: usage must be a subset of the current set. Sessions
 * running with the key stop if they need a dropped flag
 * (NCRYPTO_E_KEY_REVOKED, ABI 1.1).
 * Errors:
 *   NCRYPTO_E_BAD_HANDLE, NCRYPTO_E_NO_SUCH_OBJECT
 *   NCRYPTO_E_INVALID_ARG  bits outside NCRYPTO_KEY_USAGE_ALL
 *   NCRYPTO_E_PERMISSION   usage adds a flag */
NCRYPTO_API int ncrypto_key_restrict(ncrypto_key_t key, uint32_t usage);

/* The kernel handle number (for diagnostics and raw ioctls).
 * Errors: NCRYPTO_E_BAD_HANDLE, NCRYPTO_E_INVALID_ARG (handle NULL) */
NCRYPTO_API int ncrypto_key_handle(ncrypto_key_t key, uint32_t *handle);

/* Destroy the key. The library object is freed whatever the kernel
 * answers. Sessions started with the key stop at their next call
 * (NCRYPTO_E_KEY_REVOKED) with an ABI 1.1 module; an ABI 1.0 module let
 * them run on.
 * Errors:
 *   NCRYPTO_E_BAD_HANDLE
 *   NCRYPTO_E_NO_SUCH_OBJECT  the kernel no longer knew the key (destroyed
 *                             behind the library's back) */
NCRYPTO_API int ncrypto_key_destroy(ncrypto_key_t key);

/* ------------------------------------------------------------------------
 * Key parameters (ABI 1.1): what a key is bound to, fixed when it is made.
 * A parameter set starts as the ABI 1.0 key (unbound, full-length MACs,
 * 16-byte AEAD tags, nonces chosen by the caller); set what you need, pass
 * it to ncrypto_key_generate_ex or ncrypto_key_import_ex, free it. The
 * kernel judges the combination when the key is made. All since 0.2.
 */

/* A parameter set with every parameter at its default.
 * Errors: NCRYPTO_E_INVALID_ARG (params NULL), NCRYPTO_E_NO_MEMORY */
NCRYPTO_API int ncrypto_key_params_new(ncrypto_key_params_t *params);

/* Errors: NCRYPTO_E_BAD_HANDLE */
NCRYPTO_API int ncrypto_key_params_free(ncrypto_key_params_t params);

/* The one algorithm the key may be used with (its class must take keys of
 * the key's type); 0: any algorithm of its type. Bind keys: a key used with
 * two modes gives each mode's powers to the other.
 * Errors: NCRYPTO_E_BAD_HANDLE */
NCRYPTO_API int ncrypto_key_params_set_alg(ncrypto_key_params_t params,
					   uint32_t alg);

/* MAC keys: a truncated MAC length, NCRYPTO_MIN_MAC_LEN up to the full
 * length, or 0 for the full length; sign and verify then use that length
 * only. AEAD keys: the tag length (GCM: 4, 8, 12..16; ChaCha20-Poly1305:
 * 16), 0 = 16. Needs an algorithm.
 * Errors: NCRYPTO_E_BAD_HANDLE, NCRYPTO_E_INVALID_ARG (over UINT32_MAX) */
NCRYPTO_API int ncrypto_key_params_set_tag_len(ncrypto_key_params_t params,
					       size_t tag_len);

/* Who makes the nonce of each encryption (enum ncrypto_nonce_policy), for
 * AES-GCM, ChaCha20-Poly1305 and AES-CTR keys bound to that algorithm:
 *   NCRYPTO_NONCE_CALLER       the caller passes it (fixed NULL, 0; counter 0)
 *   NCRYPTO_NONCE_RANDOM       a random 96-bit nonce per encryption, at most
 *                              2^32 per key (fixed NULL, 0; counter 0)
 *   NCRYPTO_NONCE_COUNTER      fixed || 64-bit big-endian counter: fixed is
 *                              the nonce length - 8 bytes (4 for 12-byte
 *                              nonces: the TLS 1.2 GCM salt)
 *   NCRYPTO_NONCE_COUNTER_XOR  fixed XOR the counter in its last 8 bytes:
 *                              fixed is the whole nonce (12: the TLS 1.3 IV)
 * The counters start at first_counter and count up by one per encryption;
 * a nonce is never made twice. With any policy but CALLER, encrypt with the
 * *_gen_nonce functions, which return the nonce the kernel made.
 * Errors: NCRYPTO_E_BAD_HANDLE, NCRYPTO_E_INVALID_ARG (a policy this
 * library does not know, fixed NULL with a length, fixed_len over
 * NCRYPTO_MAX_NONCE_FIXED_LEN) */
NCRYPTO_API int ncrypto_key_params_set_nonce(ncrypto_key_params_t params,
					     uint32_t policy,
					     const uint8_t *fixed,
					     size_t fixed_len,
					     uint64_t first_counter);

/* Read a parameter set (one you built, or one ncrypto_key_get_params
 * filled). get_nonce's counter is the first counter of a set you built, and
 * the next counter the key will use for one ncrypto_key_get_params filled;
 * its NULL outputs are skipped.
 * Errors: NCRYPTO_E_BAD_HANDLE; get_alg, get_tag_len: NCRYPTO_E_INVALID_ARG
 * for a NULL output */
NCRYPTO_API int ncrypto_key_params_get_alg(ncrypto_key_params_t params,
					   uint32_t *alg);
NCRYPTO_API int ncrypto_key_params_get_tag_len(ncrypto_key_params_t params,
					       size_t *tag_len);
NCRYPTO_API int ncrypto_key_params_get_nonce(ncrypto_key_params_t params,
					     uint32_t *policy,
					     uint64_t *counter);

/* ncrypto_key_generate and ncrypto_key_import with parameters (params NULL:
 * the defaults). The set is read, not kept.
 * Errors: as ncrypto_key_generate and ncrypto_key_import, and
 *   NCRYPTO_E_BAD_HANDLE   params
 *   NCRYPTO_E_INVALID_ARG  parameters the kernel refuses: an algorithm of
 *                          another key type, a tag length out of range or
 *                          without an algorithm, a kernel-made nonce policy
 *                          without an algorithm that takes a nonce, a
 *                          fixed field of the wrong length
 *   NCRYPTO_E_FIPS         a bound key of an algorithm, size or tag length
 *                          FIPS refuses
 *   NCRYPTO_E_UNSUPPORTED  parameters for an ABI 1.0 module */
NCRYPTO_API int ncrypto_key_generate_ex(ncrypto_ctx_t ctx, uint32_t type,
					size_t key_len, uint32_t usage,
					ncrypto_key_params_t params,
					ncrypto_key_t *key);
NCRYPTO_API int ncrypto_key_import_ex(ncrypto_ctx_t ctx, uint32_t type,
				      const uint8_t *data, size_t len,
				      uint32_t usage,
				      ncrypto_key_params_t params,
				      ncrypto_key_t *key);

/* The key's parameters as the kernel reports them, into params: algorithm,
 * tag length (the effective one; 0 for an unbound key), nonce policy and,
 * for the counter policies, the next counter. The fixed nonce field is
 * never reported (params' is cleared).
 * Errors: NCRYPTO_E_BAD_HANDLE (key or params), NCRYPTO_E_NO_SUCH_OBJECT */
NCRYPTO_API int ncrypto_key_get_params(ncrypto_key_t key,
				       ncrypto_key_params_t params);

/* ------------------------------------------------------------------------
 * Public-key cryptography (ABI 1.2, all since 0.3): private keys made in
 * the kernel or imported from their components, never read back; their
 * public part always. See <linux/ncrypto.h>, "Public-key cryptography", for
 * key types, sizes and algorithms. Every function may also return
 * NCRYPTO_E_UNSUPPORTED when the module is older than ABI 1.2.
 */

/* One component of a key: id is NCRYPTO_PART_* (<linux/ncrypto.h>, "Key
 * parts"), data a big-endian integer or the encoding the part names. This
 * struct's layout is fixed for ever. */
struct ncrypto_key_component {
	uint32_t id;
	const uint8_t *data;
	size_t len;
};

/* A private or public key from its parts (the kernel checks that they
 * make a key: RSA n = p * q and the CRT values, EC points on the curve,
 * and a pairwise test). key_len is the key's size: RSA modulus bytes, 32
 * or 48 for P-256/P-384, 32 for Ed25519 and X25519. Wipe your copies.
 * Errors: as ncrypto_key_import_ex, and
 *   NCRYPTO_E_INVALID_ARG   a missing, repeated or unknown part, a wrong
 *                           length, usage flags the type does not take,
 *                           EXPORTABLE for a private key
 *   NCRYPTO_E_OUT_OF_RANGE  a value out of range (scalar 0 or >= n...)
 *   NCRYPTO_E_KEY_REJECTED  parts that do not make a key
 *   NCRYPTO_E_TOO_BIG       more than NCRYPTO_MAX_KEY_PARTS_LEN bytes */
NCRYPTO_API int ncrypto_key_import_parts(ncrypto_ctx_t ctx, uint32_t type,
					 size_t key_len,
					 const struct ncrypto_key_component *parts,
					 size_t n_parts, uint32_t usage,
					 ncrypto_key_params_t params,
					 ncrypto_key_t *key);

/* Formats of ncrypto_key_public. */
#define NCRYPTO_PUBLIC_RAW	1u	/* RSA: parts N, E; EC: 04||X||Y;
					 * Ed25519/X25519: 32 bytes */
#define NCRYPTO_PUBLIC_SPKI	2u	/* DER SubjectPublicKeyInfo */

/* The public part of a public-key type's key, private or public, whatever
 * its usage flags.
 * Errors: NCRYPTO_E_BAD_HANDLE, NCRYPTO_E_NO_SUCH_OBJECT,
 *   NCRYPTO_E_INVALID_ARG       a secret key, an unknown format, out_len
 *                               NULL, out NULL with a capacity
 *   NCRYPTO_E_BUFFER_TOO_SMALL  *out_len holds the length needed */
NCRYPTO_API int ncrypto_key_public(ncrypto_key_t key, uint32_t format,
				   uint8_t *out, size_t *out_len);

/* Parameters of signatures and public-key encryption: the hash of a
 * signature's input (RSA PKCS#1: the DigestInfo's; 0 = the input is the
 * DigestInfo), MGF1's hash, the PSS salt length, the OAEP label (copied).
 * A new set has every field 0 (the algorithm's defaults).
 * Errors: NCRYPTO_E_INVALID_ARG (params NULL; label NULL with a length,
 * over 4096 bytes), NCRYPTO_E_NO_MEMORY, NCRYPTO_E_BAD_HANDLE */
NCRYPTO_API int ncrypto_pk_params_new(ncrypto_pk_params_t *params);
NCRYPTO_API int ncrypto_pk_params_free(ncrypto_pk_params_t params);
NCRYPTO_API int ncrypto_pk_params_set_hash(ncrypto_pk_params_t params,
					   uint32_t hash_alg);
NCRYPTO_API int ncrypto_pk_params_set_mgf1_hash(ncrypto_pk_params_t params,
						uint32_t hash_alg);
NCRYPTO_API int ncrypto_pk_params_set_salt_len(ncrypto_pk_params_t params,
					       size_t salt_len);
NCRYPTO_API int ncrypto_pk_params_set_label(ncrypto_pk_params_t params,
					    const uint8_t *label,
					    size_t label_len);

/* Sign in (a hash; Ed25519: the message) with a private key: SIGN usage.
 * params may be NULL (defaults).
 * Errors: NCRYPTO_E_BAD_HANDLE, NCRYPTO_E_INVALID_ARG (a hash of the wrong
 * length, parameters the algorithm does not take), NCRYPTO_E_PERMISSION,
 * NCRYPTO_E_FIPS, NCRYPTO_E_BUFFER_TOO_SMALL, NCRYPTO_E_SELF_CHECK */
NCRYPTO_API int ncrypto_sign(ncrypto_key_t key, uint32_t alg,
			     ncrypto_pk_params_t params,
			     const uint8_t *in, size_t in_len,
			     uint8_t *sig, size_t *sig_len);

/* Verify sig over in: VERIFY usage. NCRYPTO_E_AUTH_FAILED if it does not
 * verify; otherwise as ncrypto_sign. */
NCRYPTO_API int ncrypto_verify(ncrypto_key_t key, uint32_t alg,
			       ncrypto_pk_params_t params,
			       const uint8_t *in, size_t in_len,
			       const uint8_t *sig, size_t sig_len);

/* RSA-OAEP and RSA PKCS#1 v1.5 encryption (ENCRYPT usage) and decryption
 * (DECRYPT usage). OAEP decryption gives NCRYPTO_E_AUTH_FAILED for any bad
 * ciphertext; PKCS#1 v1.5 decryption never fails on padding (implicit
 * rejection: a pseudo-random message instead).
 * Errors: as ncrypto_sign. */
NCRYPTO_API int ncrypto_pk_encrypt(ncrypto_key_t key, uint32_t alg,
				   ncrypto_pk_params_t params,
				   const uint8_t *in, size_t in_len,
				   uint8_t *out, size_t *out_len);
NCRYPTO_API int ncrypto_pk_decrypt(ncrypto_key_t key, uint32_t alg,
				   ncrypto_pk_params_t params,
				   const uint8_t *in, size_t in_len,
				   uint8_t *out, size_t *out_len);

/* Key agreement (ECDH, X25519) of key (DERIVE usage) with the peer's public
 * key (EC: 04||X||Y; X25519: 32 bytes): the shared secret becomes a new key
 * of type (NCRYPTO_KEY_TYPE_GENERIC_SECRET) with usage and params (binding,
 * tag length; NULL: defaults). It reaches user memory only through
 * ncrypto_key_export, if usage has NCRYPTO_KEY_EXPORTABLE.
 * Errors: NCRYPTO_E_BAD_HANDLE, NCRYPTO_E_INVALID_ARG (a peer of the wrong
 * length or not on the curve, a low-order X25519 peer, a bad new type or
 * usage), NCRYPTO_E_PERMISSION, NCRYPTO_E_FIPS, NCRYPTO_E_QUOTA */
NCRYPTO_API int ncrypto_derive(ncrypto_key_t key, uint32_t alg,
			       const uint8_t *peer, size_t peer_len,
			       uint32_t type, uint32_t usage,
			       ncrypto_key_params_t params,
			       ncrypto_key_t *secret);

/* ------------------------------------------------------------------------
 * One-shot operations: one ioctl each. Besides the errors listed, each may
 * return the operation's errors (see Conventions) and
 * NCRYPTO_E_NO_SUCH_OBJECT (the kernel no longer knows the key).
 */

/* Digest of in.
 * Errors: NCRYPTO_E_BAD_HANDLE (ctx), NCRYPTO_E_INVALID_ARG (out_len NULL,
 * a NULL buffer with a length, alg not a hash), NCRYPTO_E_BUFFER_TOO_SMALL */
NCRYPTO_API int ncrypto_hash(ncrypto_ctx_t ctx, uint32_t alg,
			     const uint8_t *in, size_t in_len,
			     uint8_t *out, size_t *out_len);

/* MAC of in: the key's MAC length (the full output, or the truncation the
 * key was created with).
 * Errors: NCRYPTO_E_BAD_HANDLE (key), NCRYPTO_E_INVALID_ARG,
 * NCRYPTO_E_PERMISSION (no SIGN usage), NCRYPTO_E_BUFFER_TOO_SMALL */
NCRYPTO_API int ncrypto_mac(ncrypto_key_t key, uint32_t alg,
			    const uint8_t *in, size_t in_len,
			    uint8_t *out, size_t *out_len);

/* Compare tag with the MAC of in, in constant time. tag_len must be the
 * key's MAC length (ABI 1.1: a shorter prefix is refused).
 * Errors: NCRYPTO_E_BAD_HANDLE, NCRYPTO_E_INVALID_ARG (tag_len),
 * NCRYPTO_E_PERMISSION (no VERIFY usage), NCRYPTO_E_AUTH_FAILED (mismatch) */
NCRYPTO_API int ncrypto_mac_verify(ncrypto_key_t key, uint32_t alg,
				   const uint8_t *in, size_t in_len,
				   const uint8_t *tag, size_t tag_len);

/* AES-CBC (no padding), AES-CTR, AES-XTS, null cipher, with the caller's
 * IV.
 * Errors: NCRYPTO_E_BAD_HANDLE, NCRYPTO_E_INVALID_ARG (IV or data length
 * wrong for the mode, out_len NULL; encryption with a key that makes its
 * own nonces: use ncrypto_encrypt_gen_nonce), NCRYPTO_E_PERMISSION,
 * NCRYPTO_E_BUFFER_TOO_SMALL */
NCRYPTO_API int ncrypto_encrypt(ncrypto_key_t key, uint32_t alg,
				const uint8_t *iv, size_t iv_len,
				const uint8_t *in, size_t in_len,
				uint8_t *out, size_t *out_len);
NCRYPTO_API int ncrypto_decrypt(ncrypto_key_t key, uint32_t alg,
				const uint8_t *iv, size_t iv_len,
				const uint8_t *in, size_t in_len,
				uint8_t *out, size_t *out_len);

/* AES-CBC with PKCS#7 padding (done in the library, cipher in the kernel).
 * Decryption checks the padding without secret-dependent branches.
 * Errors: as ncrypto_encrypt; decryption also NCRYPTO_E_INVALID_ARG for an
 * input that is not whole blocks, and NCRYPTO_E_BAD_PADDING (out wiped). */
NCRYPTO_API int ncrypto_cbc_pkcs7_encrypt(ncrypto_key_t key,
					  const uint8_t *iv, size_t iv_len,
					  const uint8_t *in, size_t in_len,
					  uint8_t *out, size_t *out_len);
NCRYPTO_API int ncrypto_cbc_pkcs7_decrypt(ncrypto_key_t key,
					  const uint8_t *iv, size_t iv_len,
					  const uint8_t *in, size_t in_len,
					  uint8_t *out, size_t *out_len);

/* AEAD (AES-GCM, ChaCha20-Poly1305) with the caller's nonce. tag_len must
 * be the key's tag length (16 unless the key says otherwise); tag may point
 * right after the ciphertext (TLS layout). Decryption takes the nonce from
 * the caller whatever the key's nonce policy.
 * Errors: NCRYPTO_E_BAD_HANDLE, NCRYPTO_E_INVALID_ARG (nonce or tag
 * length; encryption with a key that makes its own nonces: use
 * ncrypto_aead_encrypt_gen_nonce), NCRYPTO_E_PERMISSION, NCRYPTO_E_FIPS
 * (also: AES-GCM encryption with a caller's nonce under fips=1, ABI 1.1),
 * NCRYPTO_E_BUFFER_TOO_SMALL; decryption NCRYPTO_E_AUTH_FAILED, and then
 * out is untouched. */
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

/* Encryption with a key whose nonce policy is not CALLER: the kernel makes
 * the nonce and writes it to nonce (nonce_len: the algorithm's nonce
 * length, 12) or iv (AES-CTR: iv_len 16, the 12-byte nonce and a 32-bit
 * block counter 0); send it along with the ciphertext. A nonce is used up
 * when the encryption starts, even if it then fails. Since 0.2.
 * Errors: as ncrypto_aead_encrypt and ncrypto_encrypt, and
 *   NCRYPTO_E_INVALID_ARG       a key whose policy is CALLER (the kernel
 *                               would read the nonce), a wrong nonce length
 *   NCRYPTO_E_NONCES_EXHAUSTED  the key's nonces are used up (the counter
 *                               would wrap, or 2^32 random ones were made):
 *                               make a new key */
NCRYPTO_API int ncrypto_aead_encrypt_gen_nonce(ncrypto_key_t key, uint32_t alg,
					       uint8_t *nonce, size_t nonce_len,
					       const uint8_t *aad, size_t aad_len,
					       const uint8_t *in, size_t in_len,
					       uint8_t *out, size_t *out_len,
					       uint8_t *tag, size_t tag_len);
NCRYPTO_API int ncrypto_encrypt_gen_nonce(ncrypto_key_t key, uint32_t alg,
					  uint8_t *iv, size_t iv_len,
					  const uint8_t *in, size_t in_len,
					  uint8_t *out, size_t *out_len);

/* ------------------------------------------------------------------------
 * Multi-part sessions (hash, MAC, cipher).
 */

/* Start a session. op: NCRYPTO_OP_*; key NULL for hashes; iv for ciphers.
 * The session holds its own reference to the key; with an ABI 1.1 module it
 * stops (NCRYPTO_E_KEY_REVOKED) once the key is destroyed or loses the
 * usage the session needs.
 * Errors:
 *   NCRYPTO_E_BAD_HANDLE      ctx or key
 *   NCRYPTO_E_NO_SUCH_OBJECT  key of another context, or unknown to the kernel
 *   NCRYPTO_E_INVALID_ARG     session NULL, an algorithm without sessions
 *                             (AEAD), an op it does not take, IV length;
 *                             an ENCRYPT session with a key that makes its
 *                             own nonces (use ncrypto_session_init_gen_nonce)
 *   and the operation's errors */
NCRYPTO_API int ncrypto_session_init(ncrypto_ctx_t ctx, uint32_t op,
				     uint32_t alg, ncrypto_key_t key,
				     const uint8_t *iv, size_t iv_len,
				     ncrypto_session_t *session);

/* An ENCRYPT cipher session (AES-CTR) with a key whose nonce policy is not
 * CALLER: the kernel makes the IV and writes it to iv (iv_len 16). Since
 * 0.2.
 * Errors: as ncrypto_session_init, and NCRYPTO_E_INVALID_ARG for a key
 * whose policy is CALLER, NCRYPTO_E_NONCES_EXHAUSTED (see
 * ncrypto_aead_encrypt_gen_nonce) */
NCRYPTO_API int ncrypto_session_init_gen_nonce(ncrypto_ctx_t ctx, uint32_t alg,
					       ncrypto_key_t key, uint8_t *iv,
					       size_t iv_len,
					       ncrypto_session_t *session);

/* More input. Hashes and MACs: out may be NULL (out_len NULL). Ciphers
 * write whole multiples of the algorithm's update_len (AES-CBC/CTR: 16,
 * the null cipher: 1, AES-XTS: nothing before final) and keep the rest.
 * Errors:
 *   NCRYPTO_E_BAD_HANDLE
 *   NCRYPTO_E_INVALID_ARG       a NULL buffer with a length; cipher: out_len NULL
 *   NCRYPTO_E_TOO_BIG           (also: XTS input past max_op_len)
 *   NCRYPTO_E_BUFFER_TOO_SMALL  *out_len holds the length needed; the
 *                               session stays usable (ABI 1.1; an ABI 1.0
 *                               module fails it)
 *   NCRYPTO_E_SESSION_FAILED    an earlier error failed the session, or
 *                               it was finished
 *   NCRYPTO_E_KEY_REVOKED       the key was destroyed or restricted
 *   NCRYPTO_E_QUOTA, NCRYPTO_E_NO_MEMORY
 * Any error but BAD_HANDLE, INVALID_ARG, TOO_BIG and BUFFER_TOO_SMALL
 * fails the session: only destroy is valid afterwards. */
NCRYPTO_API int ncrypto_session_update(ncrypto_session_t session,
				       const uint8_t *in, size_t in_len,
				       uint8_t *out, size_t *out_len);

/* Digest, MAC, or cipher tail. The session is finished afterwards (only
 * destroy is valid), except after NCRYPTO_E_BUFFER_TOO_SMALL from an ABI
 * 1.1 module: *out_len holds the length needed and the session waits for a
 * retry.
 * Errors: as ncrypto_session_update; NCRYPTO_E_INVALID_ARG also for a
 * verify session (use ncrypto_session_verify) and for an AES-CBC session
 * with a partial block pending. */
NCRYPTO_API int ncrypto_session_final(ncrypto_session_t session,
				      uint8_t *out, size_t *out_len);

/* MAC verify sessions: compare with tag (the key's MAC length). The
 * session is finished afterwards.
 * Errors: as ncrypto_session_final; NCRYPTO_E_INVALID_ARG for a session
 * that does not verify or a wrong tag_len, NCRYPTO_E_AUTH_FAILED if the
 * tag does not match. */
NCRYPTO_API int ncrypto_session_verify(ncrypto_session_t session,
				       const uint8_t *tag, size_t tag_len);

/* An independent copy of a running hash or MAC session.
 * Errors:
 *   NCRYPTO_E_BAD_HANDLE
 *   NCRYPTO_E_INVALID_ARG     copy NULL, a cipher session
 *   NCRYPTO_E_SESSION_FAILED  the session failed or was finished
 *   NCRYPTO_E_KEY_REVOKED     the key was destroyed or restricted
 *   NCRYPTO_E_PERMISSION, NCRYPTO_E_QUOTA, NCRYPTO_E_NO_MEMORY */
NCRYPTO_API int ncrypto_session_clone(ncrypto_session_t session,
				      ncrypto_session_t *copy);

/* End the session (at any point) and free the library object, whatever
 * the kernel answers.
 * Errors: NCRYPTO_E_BAD_HANDLE */
NCRYPTO_API int ncrypto_session_destroy(ncrypto_session_t session);

#ifdef __cplusplus
}
#endif
#endif /* NCRYPTO_H */
