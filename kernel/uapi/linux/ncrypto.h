/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * ncrypto: cryptography in the kernel with keys user space never holds.
 *
 * This header is the ABI between the ncrypto kernel module (/dev/ncrypto) and
 * user space. It is installed as <linux/ncrypto.h>. Everything here is a
 * contract: numbers are never reused, structs only grow at their end.
 *
 * Capability model
 * ----------------
 * Each open file description of /dev/ncrypto is a *context*. A context owns
 * key objects and sessions, named by small integer handles (1, 2, ...; 0 is
 * never a valid handle). Handles are local to the context: the same number in
 * another context names another object or nothing. Whoever holds the file
 * description holds the keys: a child after fork(), or a process that
 * receives the fd over SCM_RIGHTS, can *use* every key of the context, within
 * the usage flags of each key, but can read a key's value only if the key was
 * created NCRYPTO_KEY_EXPORTABLE. When the last reference to the file
 * description is closed, every key and session of the context is destroyed
 * and its memory zeroized. To give another process a key without giving it
 * your other keys, give it a context that holds only that key.
 *
 * Conventions shared by every ioctl
 * ---------------------------------
 * - Every argument struct starts with `__u32 size; __u32 flags;`. `size` is
 *   sizeof the struct as the caller knows it. The kernel accepts any size from
 *   the first published size of that struct (NCRYPTO_SIZE_*_VER0) up to one
 *   page; a smaller size gives EINVAL, a larger one E2BIG; bytes the kernel
 *   does not know about must be zero, otherwise E2BIG (the convention of
 *   openat2 and clone3).
 *   Output fields are written back only up to the caller's `size`.
 * - The ioctl numbers below are exact: each encodes the VER0 size of its
 *   struct, for ever, whatever size the caller passes in `size`, and the
 *   kernel accepts no other number (ENOTTY), so a seccomp filter that denies
 *   one ioctl by its number cannot be bypassed with other size bits.
 * - `flags` fields accept only the bits of their *_ALL mask (EINVAL
 *   otherwise). Fields named `reserved*` must be zero (EINVAL otherwise).
 * - User pointers are `__u64` (cast through uintptr_t), so 32-bit processes
 *   on a 64-bit kernel use the same structs: there is no compat ioctl.
 *   A NULL pointer with a non-zero length, or any pointer the kernel cannot
 *   read or write, gives EFAULT.
 * - Lengths are `__u32`. Output buffers are in/out: the caller sets the
 *   capacity, the kernel writes the length produced. When the capacity is too
 *   small the kernel writes the length needed and returns ENOSPC.
 * - One operation processes at most `max_op_len` bytes of input (module
 *   parameter, see NCRYPTO_IOC_INFO): E2BIG beyond.
 * - Errors that leave everything as it was: a failed ioctl never destroys or
 *   changes another key or session of the context. What a failure does to the
 *   session it names is said under "Multi-part sessions".
 *
 * Errors common to every ioctl
 *   ENOTTY   unknown ioctl number
 *   EFAULT   a pointer (the argument itself or one inside it) is bad
 *   EINVAL   bad size, unknown flag, non-zero reserved field, bad argument
 *   E2BIG    non-zero bytes past the struct the kernel knows; op too long
 *   ENOENT   no key or session with that handle in this context (never
 *            existed, destroyed, or created in another context)
 *   EPERM    the key lacks the usage flag the operation needs; export of a
 *            non-exportable key; adding a usage flag
 *   EACCES   refused by the FIPS policy (the kernel runs with fips=1): an
 *            algorithm, key size or parameter FIPS 140-3 does not approve
 *   ENOPKG   algorithm known but not available in this kernel
 *   EDQUOT   a per-context or per-user limit on keys, sessions or kernel
 *            memory would be exceeded (memory includes the buffers of the
 *            operations in flight)
 *   ENOSPC   an output buffer is too small (the needed length is written)
 *   EBADMSG  authentication failed (AEAD tag, MAC verify); no plaintext
 *            byte has been written to user memory
 *   EBADFD   the session failed earlier and can only be destroyed (or
 *            ended by FINAL)
 *   EKEYREVOKED  the session's key was destroyed, or lost the usage the
 *            session needs, after the session started (see sessions)
 *   EOVERFLOW the key's kernel-made nonces are used up (a counter would
 *            wrap, or 2^32 random nonces were made): make a new key
 *   ENOMEM   the kernel is out of memory (or the caller's memory cgroup
 *            limit was reached: op buffers are charged to it)
 *
 * Algorithms
 * ----------
 * See enum ncrypto_alg. Key types (enum ncrypto_key_type) describe what a
 * key is; algorithms describe what is done with it. AES keys are 16, 24 or 32
 * bytes, and 32, 48 or 64 bytes for XTS (two AES keys). GENERIC_SECRET keys
 * (HMAC, future HKDF) are 1..NCRYPTO_MAX_SECRET_LEN bytes. CHACHA20 keys are
 * 32 bytes.
 *
 * A key may be bound to one algorithm at creation (`alg` of struct
 * ncrypto_key_create); an unbound key serves every algorithm of its type.
 * Bind keys: a key used with two modes gives each mode's powers to the other
 * (AES-CBC encryption with a chosen IV is a raw AES encryption oracle, from
 * which CTR and GCM keystreams, and GCM's hash key, follow).
 *
 * Tags. A MAC key computes and verifies tags of one length: the algorithm's
 * full output, or a truncated length (4..full bytes) fixed when the key is
 * created (`tag_len`). VERIFY accepts only that length (EINVAL otherwise), so
 * a VERIFY-only key never tells whether a prefix of a tag is right. An AEAD
 * key has one tag length too (SP 800-38D allows one per key): 16 unless
 * `tag_len` says otherwise (GCM: 4, 8, 12..16; ChaCha20-Poly1305: 16), and
 * every operation must pass that length.
 *
 * Nonces. Who picks the nonce of an encryption is the key's nonce policy,
 * fixed at creation (enum ncrypto_nonce_policy), for algorithms that take a
 * nonce (AES-GCM, ChaCha20-Poly1305 and AES-CTR; CTR's 16-byte IV is the
 * 12-byte nonce followed by a 32-bit block counter starting at 0):
 *   CALLER       the caller passes the IV (the ABI 1.0 behaviour). With
 *                CTR, GCM and ChaCha20-Poly1305 encryption is decryption's
 *                keystream: ENCRYPT with a chosen IV decrypts any ciphertext,
 *                so such a key's ENCRYPT usage implies DECRYPT's power.
 *   RANDOM       the kernel makes a random 96-bit nonce for each encryption
 *                (at most 2^32 encryptions per key, SP 800-38D 8.3).
 *   COUNTER      nonce = fixed field (nonce length - 8 bytes, given at
 *                creation) || 64-bit big-endian counter: the TLS 1.2 GCM
 *                nonce, PKCS#11 3.0 CKG_GENERATE_COUNTER.
 *   COUNTER_XOR  nonce = fixed IV (nonce length bytes) XOR the counter,
 *                big-endian, in its last 8 bytes: the TLS 1.3 nonce,
 *                PKCS#11 3.0 CKG_GENERATE_COUNTER_XOR.
 * The counters start at `nonce_counter` and count up by one per encryption
 * (one-shot op or cipher session); the value that would wrap past 2^64 - 1
 * is refused (EOVERFLOW). A value is used up as soon as an encryption starts,
 * even if the encryption then fails (a nonce is never used twice; KEY_INFO
 * tells the next value). With a kernel-made policy, ENCRYPT never accepts a
 * nonce: `iv` is an output the kernel writes the IV it used to (iv_len must be
 * the algorithm's IV length). DECRYPT takes the IV from the caller whatever
 * the policy. Only a key bound to one algorithm may have a kernel-made policy.
 * A CTR encryption session under a kernel-made nonce stops at 2^32 blocks
 * (EOVERFLOW: its block counter would run into the next nonce).
 *
 * FIPS policy (when the kernel runs with fips=1): EACCES for
 * ChaCha20-Poly1305, the null cipher, AES-XTS with 48-byte keys or identical
 * halves or a data unit over 2^20 blocks, HMAC keys shorter than 14 bytes
 * (112 bits), GCM tags shorter than 12 bytes, MAC tags shorter than 4 bytes,
 * and AES-GCM encryption with a key whose nonce policy is CALLER (FIPS 140-3
 * IG C.H: the module must make the IV). Keys made for a refused algorithm or
 * size can be imported when not bound to an algorithm (they may be valid for
 * another one), but every operation or session with them gives EACCES;
 * NCRYPTO_IOC_KEY_GENERATE, and KEY_IMPORT of a bound key, refuse them up
 * front. In FIPS mode generated keys and random nonces come from the
 * kernel's FIPS DRBG (stdrng); otherwise from get_random_bytes() once the
 * kernel's random pool is initialised.
 *
 * Counters. NCRYPTO_IOC_INFO tells module-wide counts (live contexts, keys,
 * sessions, operations) only to callers with CAP_SYS_ADMIN, since they show
 * other users' activity; the per-algorithm `ops` of struct ncrypto_alg_info
 * count this context's operations. The sysfs counters are readable by root
 * only.
 *
 * Public-key cryptography (ABI 1.2)
 * ----------------------------------
 * Private keys (RSA, EC P-256/P-384, Ed25519, X25519) are made in the
 * kernel (KEY_GENERATE) or imported from their components (KEY_IMPORT,
 * "Key parts" below), and are never read back: KEY_EXPORT gives only their
 * public part (NCRYPTO_EXPORT_F_PUBLIC_*), whatever the usage flags, and a
 * private key cannot be created EXPORTABLE (EINVAL). Public keys are
 * imported the same way and can be exported. A private key also does its
 * public half's operations (VERIFY, ENCRYPT) given the usage flag.
 * The private-key arithmetic is the module's own constant-time code
 * (RSA: Montgomery arithmetic, fixed-window exponentiation, CRT with base
 * blinding; every RSA private result and every signature is checked with the
 * public key before it is returned, EIO if the check fails); X25519 is the
 * kernel's lib/crypto curve25519. Every generated or imported private key
 * passes a pairwise consistency test (sign and verify, or a key agreement
 * with itself) before it gets a handle (EKEYREJECTED otherwise).
 *
 *   key type          key_len (KEY_GENERATE, KEY_INFO)   algorithms
 *   RSA_PRIVATE       modulus bytes: 256, 384, 512       RSA_*
 *   RSA_PUBLIC        modulus bytes: 128..512            RSA_* (public half)
 *   EC_P256_PRIVATE   32                                 ECDSA, ECDH
 *   EC_P384_PRIVATE   48                                 ECDSA, ECDH
 *   EC_P256_PUBLIC    32 (48 for P384)                   ECDSA (verify)
 *   ED25519_PRIVATE   32                                 ED25519
 *   ED25519_PUBLIC    32                                 ED25519 (verify)
 *   X25519_PRIVATE    32                                 X25519
 * KEY_GENERATE makes RSA keys with public exponent 65537 and FIPS 186-5
 * probable primes, EC and Ed25519/X25519 keys from the FIPS 186-5 methods.
 *
 * Operations through NCRYPTO_IOC_OP (src/dst/tag as for MACs and ciphers):
 *   SIGN     src = the hash (RSA_PKCS1 with hash 0: a DigestInfo; ED25519:
 *            the message), dst = the signature (RSA: modulus bytes; ECDSA:
 *            r || s, 2 x field bytes; ED25519: 64 bytes)
 *   VERIFY   src as for SIGN, tag/tag_len = the signature; EBADMSG if it
 *            does not verify
 *   ENCRYPT  RSA_OAEP, RSA_PKCS1_ENC: src = message, dst = ciphertext
 *   DECRYPT  RSA_OAEP: EBADMSG for any bad ciphertext (one error, no
 *            detail). RSA_PKCS1_ENC uses implicit rejection: a ciphertext
 *            with bad padding gives no error but a pseudo-random message
 *            derived from the key and the ciphertext (the defence against
 *            Bleichenbacher-style oracles), in the same time.
 * Parameters go in struct ncrypto_pk_params through `params`/`params_len`
 * (params_len >= NCRYPTO_SIZE_PK_PARAMS_VER0; params 0 = all defaults).
 * Key agreement (ECDH, X25519) is NCRYPTO_IOC_KEY_DERIVE: the shared secret
 * becomes a new GENERIC_SECRET key of the context, never user memory unless
 * the new key is asked for EXPORTABLE. There is no raw (unpadded) RSA
 * private operation: it would decrypt any padding.
 * FIPS policy adds: EACCES for RSA private keys under 2048 bits and public
 * keys under 2048 bits for anything but VERIFY (1024 at least), RSA_PKCS1_ENC
 * (SP 800-131A Rev. 2), X25519, SHA-1 for signing, and public exponents
 * outside 2^16 < e < 2^256.
 *
 * Changes in ABI 1.2 (from 1.1): public-key key types, algorithms and
 * key parts; struct ncrypto_key_create data_len; KEY_EXPORT flags for the
 * public part; struct ncrypto_pk_params; NCRYPTO_IOC_KEY_DERIVE.
 *
 * Changes in ABI 1.1 (from 1.0): exact ioctl numbers; keys bound to an
 * algorithm, fixed tag lengths (a truncated VERIFY is refused unless the key
 * says so), nonce policies; sessions stop when their key is destroyed or
 * restricted (EKEYREVOKED), ENOSPC leaves a session usable, argument errors
 * leave it untouched; struct ncrypto_info's fips_enabled renamed fips_mode;
 * module-wide counters for CAP_SYS_ADMIN only; alg_info update_len.
 */
#ifndef _UAPI_LINUX_NCRYPTO_H
#define _UAPI_LINUX_NCRYPTO_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define NCRYPTO_DEVICE_PATH "/dev/ncrypto"

/* ABI version: the major changes only if a published behaviour changes
 * (never planned); the minor grows with every addition. */
#define NCRYPTO_ABI_MAJOR 1
#define NCRYPTO_ABI_MINOR 2

#define NCRYPTO_MAX_SECRET_LEN 256u	/* longest secret key, bytes */
#define NCRYPTO_MAX_IV_LEN 32u		/* longest IV or nonce, bytes */
#define NCRYPTO_MAX_TAG_LEN 16u		/* longest AEAD tag, bytes */
#define NCRYPTO_MAX_DIGEST_LEN 64u	/* longest hash or MAC output, bytes */
#define NCRYPTO_MAX_NONCE_FIXED_LEN 16u	/* longest fixed nonce field, bytes */
#define NCRYPTO_MIN_MAC_LEN 4u		/* shortest truncated MAC, bytes */
#define NCRYPTO_MAX_PK_LEN 512u		/* largest RSA modulus, bytes */
#define NCRYPTO_MAX_KEY_PARTS_LEN 4096u	/* longest key-part encoding */

/*
 * Algorithms. Numbers are grouped by class so future classes (public-key
 * signature, key agreement, derivation, wrapping) have room of their own.
 */
enum ncrypto_alg {
	NCRYPTO_ALG_NONE = 0,

	/* hashes: 1..15 (op DIGEST, key 0) */
	NCRYPTO_ALG_SHA1 = 1,
	NCRYPTO_ALG_SHA224 = 2,
	NCRYPTO_ALG_SHA256 = 3,
	NCRYPTO_ALG_SHA384 = 4,
	NCRYPTO_ALG_SHA512 = 5,
	NCRYPTO_ALG_SHA3_256 = 6,
	NCRYPTO_ALG_SHA3_384 = 7,
	NCRYPTO_ALG_SHA3_512 = 8,

	/* MACs: 16..31 (op SIGN or VERIFY, GENERIC_SECRET key) */
	NCRYPTO_ALG_HMAC_SHA1 = 16,
	NCRYPTO_ALG_HMAC_SHA224 = 17,
	NCRYPTO_ALG_HMAC_SHA256 = 18,
	NCRYPTO_ALG_HMAC_SHA384 = 19,
	NCRYPTO_ALG_HMAC_SHA512 = 20,
	NCRYPTO_ALG_HMAC_SHA3_256 = 21,
	NCRYPTO_ALG_HMAC_SHA3_384 = 22,
	NCRYPTO_ALG_HMAC_SHA3_512 = 23,

	/* block cipher modes: 32..47 (op ENCRYPT or DECRYPT, AES key) */
	NCRYPTO_ALG_AES_CBC = 32,	/* no padding: length multiple of 16 */
	NCRYPTO_ALG_AES_CTR = 33,	/* 16-byte big-endian counter block */
	NCRYPTO_ALG_AES_XTS = 34,	/* 16-byte tweak, length >= 16 */

	/* AEAD: 48..62 (op ENCRYPT or DECRYPT with tag) */
	NCRYPTO_ALG_AES_GCM = 48,	/* 12-byte nonce, tag 4, 8, 12..16 */
	NCRYPTO_ALG_CHACHA20_POLY1305 = 49, /* RFC 8439: 12-byte nonce, tag 16 */

	/* benchmark only: ecb(cipher_null), any GENERIC_SECRET key, no IV.
	 * Measures the framework's own cost. Refused in FIPS mode. ENCRYPT and
	 * DECRYPT both copy: it gives no confidentiality at all. */
	NCRYPTO_ALG_NULL_CIPHER = 63,

	/* signatures: 64..79 (op SIGN, VERIFY; ncrypto_pk_params) */
	NCRYPTO_ALG_RSA_PKCS1 = 64,	/* RSASSA-PKCS1-v1_5; params.hash:
					 * DigestInfo made in the kernel, or
					 * 0: src is the DigestInfo */
	NCRYPTO_ALG_RSA_PSS = 65,	/* RSASSA-PSS: params.hash (required),
					 * mgf1_hash (0 = hash), salt_len */
	NCRYPTO_ALG_ECDSA = 66,		/* src = the hash, dst = r || s;
					 * params.hash: the RFC 6979 HMAC hash
					 * (0 = SHA-256 on P-256, SHA-384 on
					 * P-384) */
	NCRYPTO_ALG_ED25519 = 67,	/* pure Ed25519 over the message */

	/* public-key encryption: 80..87 (op ENCRYPT, DECRYPT) */
	NCRYPTO_ALG_RSA_OAEP = 80,	/* params.hash (0 = SHA-256),
					 * mgf1_hash (0 = hash), label */
	NCRYPTO_ALG_RSA_PKCS1_ENC = 81,	/* RSAES-PKCS1-v1_5, implicit
					 * rejection; not in FIPS mode */

	/* key agreement: 88..95 (NCRYPTO_IOC_KEY_DERIVE) */
	NCRYPTO_ALG_ECDH = 88,		/* P-256, P-384; peer: 04 || X || Y */
	NCRYPTO_ALG_X25519 = 89,	/* RFC 7748; peer: 32 bytes */

	/* 96..127: reserved for HKDF, TLS PRF, AES-KW/KWP */

	__NCRYPTO_ALG_MAX
};

enum ncrypto_alg_class {
	NCRYPTO_CLASS_HASH = 1,
	NCRYPTO_CLASS_MAC = 2,
	NCRYPTO_CLASS_CIPHER = 3,
	NCRYPTO_CLASS_AEAD = 4,
	NCRYPTO_CLASS_SIGNATURE = 5,
	NCRYPTO_CLASS_KEY_AGREEMENT = 6,
	/* reserved: KDF = 7, WRAP = 8 */
	NCRYPTO_CLASS_PK_CIPHER = 9,	/* public-key encryption */
};

enum ncrypto_key_type {
	NCRYPTO_KEY_TYPE_NONE = 0,
	NCRYPTO_KEY_TYPE_GENERIC_SECRET = 1,	/* HMAC, null cipher, later HKDF */
	NCRYPTO_KEY_TYPE_AES = 2,
	NCRYPTO_KEY_TYPE_CHACHA20 = 3,
	/* public-key types: 16.. (see "Public-key cryptography") */
	NCRYPTO_KEY_TYPE_RSA_PRIVATE = 16,
	NCRYPTO_KEY_TYPE_RSA_PUBLIC = 17,
	NCRYPTO_KEY_TYPE_EC_P256_PRIVATE = 18,
	NCRYPTO_KEY_TYPE_EC_P256_PUBLIC = 19,
	NCRYPTO_KEY_TYPE_EC_P384_PRIVATE = 20,
	NCRYPTO_KEY_TYPE_EC_P384_PUBLIC = 21,
	NCRYPTO_KEY_TYPE_ED25519_PRIVATE = 22,
	NCRYPTO_KEY_TYPE_ED25519_PUBLIC = 23,
	NCRYPTO_KEY_TYPE_X25519_PRIVATE = 24,
	__NCRYPTO_KEY_TYPE_MAX
};

/* Who makes the nonce of an encryption (see "Nonces" above). */
enum ncrypto_nonce_policy {
	NCRYPTO_NONCE_CALLER = 0,
	NCRYPTO_NONCE_RANDOM = 1,
	NCRYPTO_NONCE_COUNTER = 2,
	NCRYPTO_NONCE_COUNTER_XOR = 3,
	__NCRYPTO_NONCE_MAX
};

/*
 * Key usage flags. Set at creation; NCRYPTO_IOC_KEY_RESTRICT can drop them,
 * nothing can add them. An operation on a key without the flag it needs gives
 * EPERM: ENCRYPT/DECRYPT for ciphers and AEAD, SIGN for MAC computation (and
 * later signatures), VERIFY for MAC verification, WRAP/UNWRAP for key
 * wrapping, DERIVE for key agreement and derivation, EXPORTABLE for
 * NCRYPTO_IOC_KEY_EXPORT.
 */
#define NCRYPTO_KEY_ENCRYPT	(1u << 0)
#define NCRYPTO_KEY_DECRYPT	(1u << 1)
#define NCRYPTO_KEY_SIGN	(1u << 2)
#define NCRYPTO_KEY_VERIFY	(1u << 3)
#define NCRYPTO_KEY_WRAP	(1u << 4)
#define NCRYPTO_KEY_UNWRAP	(1u << 5)
#define NCRYPTO_KEY_DERIVE	(1u << 6)
#define NCRYPTO_KEY_EXPORTABLE	(1u << 7)
#define NCRYPTO_KEY_USAGE_ALL	0xffu

/* Operations. */
enum ncrypto_op_type {
	NCRYPTO_OP_NONE = 0,
	NCRYPTO_OP_ENCRYPT = 1,
	NCRYPTO_OP_DECRYPT = 2,
	NCRYPTO_OP_DIGEST = 3,	/* hash */
	NCRYPTO_OP_SIGN = 4,	/* MAC: compute the tag into dst */
	NCRYPTO_OP_VERIFY = 5,	/* MAC: compare with tag, EBADMSG if not equal */
	/* reserved: DERIVE = 6 (key agreement is NCRYPTO_IOC_KEY_DERIVE),
	 * WRAP = 7, UNWRAP = 8 */
	__NCRYPTO_OP_MAX
};

/*
 * NCRYPTO_IOC_INFO: ABI version, FIPS state, limits, counters, algorithms.
 *
 * In: size, flags = 0, algs (pointer to an array of struct ncrypto_alg_info)
 * and n_algs (its capacity, may be 0). Out: everything else; n_algs becomes
 * the number of algorithms the module knows, and min(capacity, that number)
 * entries are written. Counters are module-wide snapshots.
 */
struct ncrypto_alg_info {
	__u32 alg;		/* enum ncrypto_alg */
	__u32 alg_class;	/* enum ncrypto_alg_class */
	__u32 flags;		/* NCRYPTO_ALG_F_* */
	__u32 key_type;		/* enum ncrypto_key_type, 0 = no key */
	__u32 min_key_len;	/* bytes */
	__u32 max_key_len;
	__u32 iv_len;		/* bytes, 0 = no IV */
	__u32 block_len;	/* input granularity, 1 for streams */
	__u32 out_len;		/* digest/MAC length, or max AEAD tag length */
	__u32 update_len;	/* sessions: UPDATE writes whole multiples of
				 * this (ciphers: it holds back the rest until
				 * more input or FINAL); 0 = nothing before
				 * FINAL (AES-XTS: one data unit) */
	__u64 ops;		/* operations completed in this context */
	__u64 reserved1[2];
};

#define NCRYPTO_ALG_F_AVAILABLE		(1u << 0) /* the kernel has it */
#define NCRYPTO_ALG_F_FIPS_ALLOWED	(1u << 1) /* usable under fips=1 */
#define NCRYPTO_ALG_F_SESSION		(1u << 2) /* multi-part sessions */

struct ncrypto_info {
	__u32 size;
	__u32 flags;		/* in: 0 */
	__u32 abi_major;
	__u32 abi_minor;
	__u32 fips_mode;	/* 1: the kernel runs in FIPS mode (fips=1) */
	__u32 n_algs;		/* in: capacity of algs; out: count */
	__u64 algs;		/* struct ncrypto_alg_info * */
	/* limits (module parameters) */
	__u32 max_op_len;
	__u32 max_keys_per_ctx;
	__u32 max_sessions_per_ctx;
	__u32 max_keys_per_user;
	__u32 max_sessions_per_user;
	__u32 reserved0;
	__u64 max_mem_per_ctx;	/* bytes of kernel memory for keys/sessions */
	__u64 max_mem_per_user;
	/* module-wide counters: CAP_SYS_ADMIN only, 0 for anyone else */
	__u64 live_contexts;
	__u64 live_keys;
	__u64 live_sessions;
	__u64 ops_total;
	/* this context */
	__u32 ctx_keys;
	__u32 ctx_sessions;
	__u64 ctx_mem;		/* bytes charged: objects and ops in flight */
	__u64 ctx_ops;		/* operations completed */
	__u64 reserved1[3];
};
#define NCRYPTO_SIZE_INFO_VER0 152

/*
 * NCRYPTO_IOC_KEY_GENERATE: a random secret key made in the kernel (see
 * "FIPS policy" for the generator).
 * In: flags = 0, type, usage, key_len (bytes), the key's parameters (below),
 * data = 0. Out: handle.
 *
 * NCRYPTO_IOC_KEY_IMPORT: a raw secret key from user memory.
 * In: the same, and data (key_len bytes). Out: handle. The kernel keeps a
 * copy; the caller should wipe its own.
 * Public-key types (ABI 1.2): data points to data_len bytes of key parts
 * (below) and key_len is the key's size as KEY_INFO tells it (the modulus
 * length must match it); data_len must be 0 for secret key types.
 *
 * Parameters (all 0 = an unbound key, full-length MACs, 16-byte AEAD tags,
 * caller-chosen nonces: the ABI 1.0 key):
 *   alg              the one algorithm the key may be used with (its class
 *                    must take keys of `type`), 0 = any of its type
 *   tag_len          MAC: a truncated length, NCRYPTO_MIN_MAC_LEN..out_len,
 *                    or 0 for the full length; AEAD: the tag length, 0 = 16.
 *                    Non-zero needs alg.
 *   nonce_policy     enum ncrypto_nonce_policy; not CALLER needs alg with a
 *                    nonce (GCM, ChaCha20-Poly1305, CTR)
 *   nonce_fixed_len  COUNTER: nonce length - 8 (4 for 12-byte nonces);
 *   nonce_fixed      COUNTER_XOR: the nonce length (12); otherwise 0 (and
 *                    the bytes of nonce_fixed past it must be 0)
 *   nonce_counter    COUNTER, COUNTER_XOR: the first counter value;
 *                    otherwise 0
 * Errors: EINVAL bad type/length/usage bits/parameters, EACCES FIPS, EDQUOT.
 * Public-key types also: EINVAL for a missing, repeated or unknown part or a
 * part of the wrong length, ERANGE for a value out of range (an EC scalar 0
 * or >= the group order, a coordinate >= p), EKEYREJECTED for parts that do
 * not make a key (n != p * q, e * d != 1, a point not on the curve, a failed
 * pairwise test), E2BIG for data_len over NCRYPTO_MAX_KEY_PARTS_LEN.
 *
 * Key parts: a sequence of records, each a struct ncrypto_key_part header
 * followed by `len` bytes of value, the next record right after (no
 * padding). Values are big-endian unsigned integers without a sign byte
 * (leading zero bytes allowed), except where noted:
 *   RSA_PRIVATE   N E D P Q DP DQ QINV (all eight)
 *   RSA_PUBLIC    N E
 *   EC_*_PRIVATE  EC_D (scalar), optionally EC_POINT (checked against D)
 *   EC_*_PUBLIC   EC_POINT: 04 || X || Y (SEC 1 uncompressed)
 *   ED25519_*, X25519_PRIVATE  OKP_PRIVATE (the 32-byte RFC 8032 / RFC 7748
 *                 private key), or for public keys OKP_PUBLIC (32 bytes)
 */
struct ncrypto_key_part {
	__u32 id;		/* NCRYPTO_PART_* */
	__u32 len;		/* bytes of value that follow */
};

enum ncrypto_key_part_id {
	NCRYPTO_PART_RSA_N = 1,
	NCRYPTO_PART_RSA_E = 2,
	NCRYPTO_PART_RSA_D = 3,
	NCRYPTO_PART_RSA_P = 4,
	NCRYPTO_PART_RSA_Q = 5,
	NCRYPTO_PART_RSA_DP = 6,
	NCRYPTO_PART_RSA_DQ = 7,
	NCRYPTO_PART_RSA_QINV = 8,
	NCRYPTO_PART_EC_D = 16,
	NCRYPTO_PART_EC_POINT = 17,
	NCRYPTO_PART_OKP_PRIVATE = 24,
	NCRYPTO_PART_OKP_PUBLIC = 25,
	__NCRYPTO_PART_MAX
};

struct ncrypto_key_create {
	__u32 size;
	__u32 flags;		/* in: 0 */
	__u32 type;		/* enum ncrypto_key_type */
	__u32 usage;		/* NCRYPTO_KEY_* */
	__u32 key_len;		/* bytes */
	__u32 handle;		/* out */
	__u64 data;		/* import: const __u8 *, generate: 0 */
	/* ABI 1.1 (these were reserved, must-be-zero bytes in 1.0) */
	__u32 alg;		/* enum ncrypto_alg, 0 = unbound */
	__u32 tag_len;
	__u32 nonce_policy;	/* enum ncrypto_nonce_policy */
	__u32 nonce_fixed_len;
	__u8 nonce_fixed[NCRYPTO_MAX_NONCE_FIXED_LEN];
	__u64 nonce_counter;
	/* ABI 1.2 (reserved in 1.1) */
	__u32 data_len;		/* public-key import: bytes of key parts */
	__u32 reserved0;
	__u64 reserved;
};
#define NCRYPTO_SIZE_KEY_CREATE_VER0 48
#define NCRYPTO_SIZE_KEY_CREATE_VER1 88

/*
 * NCRYPTO_IOC_KEY_INFO: what a key is, never its value.
 * In: flags = 0, handle (the output fields are ignored). Out: type, usage,
 * key_len, and (ABI 1.1) alg, tag_len, nonce_policy and, for the counter
 * policies, the next nonce_counter value, as set at creation (tag_len: the
 * effective length, 0 for unbound keys). The fixed nonce field is not
 * returned.
 *
 * NCRYPTO_IOC_KEY_RESTRICT: drop usage flags. In: handle, usage = the new
 * set, which must be a subset of the current one (EPERM otherwise; bits
 * outside NCRYPTO_KEY_USAGE_ALL give EINVAL); KEY_INFO's output fields are
 * ignored, so a struct KEY_INFO filled may be passed back. Sessions
 * already running with the key stop at their next call if they need a usage
 * the key no longer has (EKEYREVOKED).
 *
 * NCRYPTO_IOC_KEY_DESTROY: In: handle. The handle stops naming the key at
 * once; sessions started with the key stop at their next call
 * (EKEYREVOKED); the key's memory is zeroized when the last operation or
 * session using it ends. A second destroy gives ENOENT.
 */
struct ncrypto_key_info {
	__u32 size;
	__u32 flags;		/* in: 0 */
	__u32 handle;
	__u32 type;		/* out (KEY_INFO) */
	__u32 usage;		/* out (KEY_INFO), in (KEY_RESTRICT) */
	__u32 key_len;		/* out (KEY_INFO) */
	/* ABI 1.1 (reserved in 1.0); outputs of KEY_INFO */
	__u32 alg;
	__u32 tag_len;
	__u32 nonce_policy;
	__u32 reserved0;
	__u64 nonce_counter;
	__u64 reserved[2];
};
#define NCRYPTO_SIZE_KEY_INFO_VER0 40
#define NCRYPTO_SIZE_KEY_INFO_VER1 64

/*
 * NCRYPTO_IOC_KEY_EXPORT: the raw value of an EXPORTABLE key.
 * In: flags = 0, handle, data, data_len (capacity). Out: data_len.
 * EPERM if the key is not exportable, ENOSPC if data_len is too small.
 * With a flag (ABI 1.2), the public part of a public-key type's key, private
 * or public, whatever its usage flags (EINVAL for a secret key):
 *   PUBLIC_RAW   RSA: key parts N and E; EC: 04 || X || Y; Ed25519 and
 *                X25519: the 32-byte public key
 *   PUBLIC_SPKI  the DER SubjectPublicKeyInfo (RFC 5280, 3279, 5480, 8410)
 * A private key's private part is never exported (EPERM).
 */
#define NCRYPTO_EXPORT_F_PUBLIC_RAW	(1u << 0)
#define NCRYPTO_EXPORT_F_PUBLIC_SPKI	(1u << 1)
#define NCRYPTO_EXPORT_F_ALL		(NCRYPTO_EXPORT_F_PUBLIC_RAW | \
					 NCRYPTO_EXPORT_F_PUBLIC_SPKI)

struct ncrypto_key_export {
	__u32 size;
	__u32 flags;		/* in: 0 */
	__u32 handle;
	__u32 data_len;		/* in: capacity, out: length */
	__u64 data;		/* __u8 * */
	__u64 reserved[2];
};
#define NCRYPTO_SIZE_KEY_EXPORT_VER0 40

/*
 * NCRYPTO_IOC_OP: one whole operation in one call; the per-record hot path.
 *
 *   op      alg class   key usage   reads                    writes
 *   DIGEST  HASH        (key = 0)   src                      dst (digest)
 *   SIGN    MAC         SIGN        src                      dst (MAC)
 *   VERIFY  MAC         VERIFY      src, tag (tag_len)       -
 *   ENCRYPT CIPHER      ENCRYPT     iv, src                  dst
 *   DECRYPT CIPHER      DECRYPT     iv, src                  dst
 *   ENCRYPT AEAD        ENCRYPT     iv, aad, src             dst, tag
 *   DECRYPT AEAD        DECRYPT     iv, aad, src, tag        dst
 *
 * dst_len is in/out (ENOSPC with the needed length when short). SIGN writes
 * the key's MAC length (full, or the key's fixed truncation); VERIFY takes a
 * tag of exactly that length and compares in constant time. AEAD tag_len
 * must be the key's tag length. With a kernel-made nonce policy, ENCRYPT
 * writes the IV it used to iv (iv_len bytes: the algorithm's IV length)
 * instead of reading it. src and dst may be the same buffer (in place) but
 * must not otherwise overlap; tag may sit right after the ciphertext in
 * either buffer (the TLS record layout).
 * AEAD decryption returns EBADMSG on a bad tag, and then dst is untouched.
 */
struct ncrypto_op {
	__u32 size;
	__u32 flags;		/* in: 0 */
	__u32 op;		/* enum ncrypto_op_type */
	__u32 alg;		/* enum ncrypto_alg */
	__u32 key;		/* key handle, 0 for hashes */
	__u32 iv_len;
	__u32 aad_len;
	__u32 tag_len;
	__u32 src_len;
	__u32 dst_len;		/* in: capacity, out: length written */
	__u64 iv;		/* const __u8 * */
	__u64 aad;		/* const __u8 * */
	__u64 src;		/* const __u8 * */
	__u64 dst;		/* __u8 * */
	__u64 tag;		/* __u8 *: out for AEAD encrypt, in otherwise */
	__u64 params;		/* public-key algorithms: const struct
				 * ncrypto_pk_params *, or 0; others: 0 */
	__u32 params_len;	/* sizeof that struct, or 0 */
	__u32 reserved0;
	__u64 reserved[2];
};
#define NCRYPTO_SIZE_OP_VER0 112

/*
 * Parameters of public-key operations (ABI 1.2), read through `params` of
 * struct ncrypto_op. Hash fields are enum ncrypto_alg hashes (SHA1..SHA512).
 * Fields an algorithm does not use must be 0 (EINVAL otherwise).
 *   hash       RSA_PKCS1: the DigestInfo's hash (src is that hash's value),
 *              or 0 (src is a whole DigestInfo, CKM_RSA_PKCS); RSA_PSS: the
 *              hash of src (required); RSA_OAEP: the label hash (0 =
 *              SHA-256); ECDSA: the RFC 6979 hash (0 = the curve's)
 *   mgf1_hash  RSA_PSS, RSA_OAEP: MGF1's hash, 0 = hash
 *   salt_len   RSA_PSS: salt bytes (sign; verify requires this length)
 *   label      RSA_OAEP: const __u8 *, label_len bytes (at most 4096)
 */
struct ncrypto_pk_params {
	__u32 hash;
	__u32 mgf1_hash;
	__u32 salt_len;
	__u32 label_len;
	__u64 label;
	__u64 reserved[2];
};
#define NCRYPTO_SIZE_PK_PARAMS_VER0 40

/*
 * NCRYPTO_IOC_KEY_DERIVE (ABI 1.2): key agreement. The shared secret of the
 * private key `key` (DERIVE usage) and the peer's public key at peer
 * (peer_len bytes: ECDH 04 || X || Y on the key's curve, fully validated;
 * X25519 32 bytes) becomes a new key of the context.
 * In: flags = 0, alg (ECDH, X25519), key, peer, peer_len, and the new key as
 * KEY_GENERATE would take it: type (GENERIC_SECRET), usage (EXPORTABLE
 * allowed: a TLS library deriving its keys in user space needs that),
 * new_alg/tag_len (binding, 0 = unbound). Out: handle, key_len (the secret's
 * length: 32 for P-256 and X25519, 48 for P-384).
 * Errors: EINVAL for a peer of the wrong length or encoding, a point not on
 * the curve or at infinity, or an all-zero X25519 result (a low-order peer);
 * EPERM without DERIVE; EACCES (FIPS) for X25519.
 */
struct ncrypto_key_derive {
	__u32 size;
	__u32 flags;		/* in: 0 */
	__u32 alg;		/* enum ncrypto_alg: ECDH, X25519 */
	__u32 key;		/* private key handle */
	__u64 peer;		/* const __u8 * */
	__u32 peer_len;
	__u32 type;		/* the new key: enum ncrypto_key_type */
	__u32 usage;
	__u32 new_alg;		/* 0 = unbound */
	__u32 tag_len;
	__u32 handle;		/* out */
	__u32 key_len;		/* out */
	__u32 reserved0;
	__u64 reserved[2];
};
#define NCRYPTO_SIZE_KEY_DERIVE_VER0 72

/*
 * Multi-part sessions: hashes, MACs and ciphers (not AEAD).
 *
 * NCRYPTO_IOC_SESSION_INIT: In: op, alg, key, iv/iv_len (ciphers). Out:
 * handle. With a kernel-made nonce policy, an ENCRYPT session writes the IV
 * it uses to iv instead of reading it (as NCRYPTO_IOC_OP does).
 * The session holds its own reference to the key, but not its rights: it
 * works only while the key's handle exists and the key has the usage the
 * session's op needs. Once the key is destroyed or restricted past that,
 * the session's next UPDATE, FINAL or CLONE gives EKEYREVOKED and the
 * session is failed (FINAL still ends it, see below).
 *
 * NCRYPTO_IOC_SESSION_UPDATE: In: handle, src/src_len, and for ciphers
 * dst/dst_len. Ciphers process whole multiples of the algorithm's
 * update_len (struct ncrypto_alg_info) and keep the rest pending (like
 * EVP_CipherUpdate): dst_len out may be smaller than src_len. AES-XTS
 * (update_len 0) keeps all input until final (one data unit, at most
 * max_op_len).
 *
 * NCRYPTO_IOC_SESSION_FINAL: In: handle, optionally a last src, dst for the
 * remaining output (digest, MAC or cipher tail), tag/tag_len for VERIFY (the
 * key's MAC length). CBC with a partial block pending gives EINVAL.
 *
 * NCRYPTO_IOC_SESSION_CLONE: In: handle of a hash or MAC session. Out:
 * new_handle, an independent copy of the running state (TLS transcript
 * hashes). Checks the key's usage as SESSION_INIT does.
 *
 * NCRYPTO_IOC_SESSION_DESTROY: In: handle. ENOENT if none.
 *
 * What an error does to the session it names:
 * - Argument errors leave it untouched and usable: EINVAL for the struct
 *   (size, flags, reserved fields, a tag_len or tag on UPDATE), E2BIG,
 *   EFAULT for a NULL pointer with a length, and ENOENT.
 * - ENOSPC (dst too small; the needed length is written to dst_len) leaves
 *   it untouched and usable, on UPDATE and on FINAL: retry with more room.
 * - Any other error of UPDATE or FINAL (EFAULT while copying, EBADMSG,
 *   EKEYREVOKED, EINVAL for a bad tag_len or a partial CBC block, ENOMEM...)
 *   fails the session: later UPDATE, FINAL or CLONE give EBADFD.
 * - FINAL without NCRYPTO_SESSION_F_KEEP ends the session whenever it found
 *   the session and did not stop at ENOSPC: on success, on failure, and on a
 *   session that had failed before (EBADFD); the handle is gone afterwards
 *   (ENOENT). With KEEP the session stays allocated but finished (EBADFD on
 *   anything but DESTROY) until SESSION_DESTROY.
 * - A CLONE that fails leaves the original session as it was, unless it
 *   failed with EKEYREVOKED, which fails the original as any call would.
 */
#define NCRYPTO_SESSION_F_KEEP	(1u << 0)	/* SESSION_FINAL only */
#define NCRYPTO_SESSION_F_ALL	NCRYPTO_SESSION_F_KEEP

struct ncrypto_session_init {
	__u32 size;
	__u32 flags;		/* in: 0 */
	__u32 op;
	__u32 alg;
	__u32 key;
	__u32 iv_len;
	__u64 iv;
	__u32 handle;		/* out */
	__u32 reserved0;
	__u64 reserved[2];
};
#define NCRYPTO_SIZE_SESSION_INIT_VER0 56

struct ncrypto_session_data {
	__u32 size;
	__u32 flags;		/* UPDATE: 0; FINAL: NCRYPTO_SESSION_F_* */
	__u32 handle;
	__u32 src_len;
	__u64 src;		/* const __u8 * */
	__u64 dst;		/* __u8 * */
	__u32 dst_len;		/* in: capacity, out: length written */
	__u32 tag_len;		/* FINAL of VERIFY */
	__u64 tag;		/* const __u8 * */
	__u64 reserved[2];
};
#define NCRYPTO_SIZE_SESSION_DATA_VER0 64

struct ncrypto_session_clone {
	__u32 size;
	__u32 flags;		/* in: 0 */
	__u32 handle;
	__u32 new_handle;	/* out */
	__u64 reserved[2];
};
#define NCRYPTO_SIZE_SESSION_CLONE_VER0 32

/* Argument of KEY_DESTROY and SESSION_DESTROY. */
struct ncrypto_handle {
	__u32 size;
	__u32 flags;		/* in: 0 */
	__u32 handle;
	__u32 reserved0;
};
#define NCRYPTO_SIZE_HANDLE_VER0 16

#define NCRYPTO_IOC_MAGIC 0xCE

/*
 * Each number encodes its struct's VER0 size, not sizeof: the numbers stay
 * the same when structs grow, and the kernel accepts only these.
 */
#define _NCRYPTO_IOWR(nr, ver0) _IOC(_IOC_READ | _IOC_WRITE, NCRYPTO_IOC_MAGIC, (nr), (ver0))
#define _NCRYPTO_IOW(nr, ver0) _IOC(_IOC_WRITE, NCRYPTO_IOC_MAGIC, (nr), (ver0))

#define NCRYPTO_IOC_INFO		_NCRYPTO_IOWR(0x00, NCRYPTO_SIZE_INFO_VER0)
#define NCRYPTO_IOC_KEY_GENERATE	_NCRYPTO_IOWR(0x10, NCRYPTO_SIZE_KEY_CREATE_VER0)
#define NCRYPTO_IOC_KEY_IMPORT		_NCRYPTO_IOWR(0x11, NCRYPTO_SIZE_KEY_CREATE_VER0)
#define NCRYPTO_IOC_KEY_INFO		_NCRYPTO_IOWR(0x12, NCRYPTO_SIZE_KEY_INFO_VER0)
#define NCRYPTO_IOC_KEY_EXPORT		_NCRYPTO_IOWR(0x13, NCRYPTO_SIZE_KEY_EXPORT_VER0)
#define NCRYPTO_IOC_KEY_RESTRICT	_NCRYPTO_IOW(0x14, NCRYPTO_SIZE_KEY_INFO_VER0)
#define NCRYPTO_IOC_KEY_DESTROY		_NCRYPTO_IOW(0x15, NCRYPTO_SIZE_HANDLE_VER0)
#define NCRYPTO_IOC_KEY_DERIVE		_NCRYPTO_IOWR(0x16, NCRYPTO_SIZE_KEY_DERIVE_VER0)
#define NCRYPTO_IOC_OP			_NCRYPTO_IOWR(0x20, NCRYPTO_SIZE_OP_VER0)
#define NCRYPTO_IOC_SESSION_INIT	_NCRYPTO_IOWR(0x30, NCRYPTO_SIZE_SESSION_INIT_VER0)
#define NCRYPTO_IOC_SESSION_UPDATE	_NCRYPTO_IOWR(0x31, NCRYPTO_SIZE_SESSION_DATA_VER0)
#define NCRYPTO_IOC_SESSION_FINAL	_NCRYPTO_IOWR(0x32, NCRYPTO_SIZE_SESSION_DATA_VER0)
#define NCRYPTO_IOC_SESSION_CLONE	_NCRYPTO_IOWR(0x33, NCRYPTO_SIZE_SESSION_CLONE_VER0)
#define NCRYPTO_IOC_SESSION_DESTROY	_NCRYPTO_IOW(0x34, NCRYPTO_SIZE_HANDLE_VER0)

#endif /* _UAPI_LINUX_NCRYPTO_H */
