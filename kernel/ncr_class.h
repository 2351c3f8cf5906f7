/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Algorithm classes. Each class (hash, MAC, cipher, AEAD; later signature,
 * key agreement, KDF, wrap) lives in one file behind one of these tables;
 * NCRYPTO_IOC_OP (ncr_op.c) and the session ioctls (ncr_session.c) check
 * what every class shares and dispatch the rest here. Whatever differs
 * between algorithms of a class is a field of the algorithm table
 * (ncr_alg.h) read by the class's code.
 */
#ifndef NCR_CLASS_H
#define NCR_CLASS_H

#include <linux/types.h>
#include <linux/ncrypto.h>

struct ncr_alg;
struct ncr_ctx;
struct ncr_key;
struct ncr_session;

/* One NCRYPTO_IOC_OP, its pointers checked, its key and transform held. */
struct ncr_op {
	struct ncrypto_op *u;	/* the caller's struct (dst_len written back) */
	struct ncr_ctx *ctx;
	const struct ncr_alg *alg;
	struct ncr_key *key;	/* NULL for unkeyed hashes */
	void *tfm;		/* the key's transform, or the shared hash one */
	void __user *iv, *aad, *src, *dst, *tag;
};

/* One SESSION_UPDATE or SESSION_FINAL, pointers checked. */
struct ncr_sdata {
	struct ncrypto_session_data *u;	/* dst_len written back */
	void __user *src, *dst, *tag;
};

struct ncr_class {
	u32 id;			/* enum ncrypto_alg_class */
	u32 ops;		/* BIT(NCRYPTO_OP_*) of what the class does */

	/* Classes whose algorithms have no crypto API name (kname NULL): is
	 * the algorithm there (its code is ours, or a lib/crypto call)? */
	bool (*available)(const struct ncr_alg *alg);

	/* The key's transform for alg (ERR_PTR on failure), and its end.
	 * NULL: the class works on the key's material directly. */
	void *(*tfm_new)(const struct ncr_alg *alg, const struct ncr_key *key);
	void (*tfm_free)(void *tfm);

	/* NCRYPTO_IOC_OP: field rules before the key is looked up (EINVAL),
	 * then the operation itself with key and transform held. */
	int (*check_op)(const struct ncr_op *o);
	int (*run_op)(struct ncr_op *o);

	/* Sessions (NULL: the class has none). init gets the IV the session
	 * starts with (made or read by ncr_session.c). Errors other than
	 * ENOSPC fail the session; ENOSPC must leave its state untouched. */
	int (*session_init)(struct ncr_session *s, void *tfm, const u8 *iv);
	int (*session_update)(struct ncr_session *s, struct ncr_sdata *d);
	int (*session_final)(struct ncr_session *s, struct ncr_sdata *d);
	int (*session_clone)(struct ncr_session *n, struct ncr_session *s);
	void (*session_free)(struct ncr_session *s);
};

extern const struct ncr_class ncr_hash_class;
extern const struct ncr_class ncr_mac_class;
extern const struct ncr_class ncr_cipher_class;
extern const struct ncr_class ncr_aead_class;
extern const struct ncr_class ncr_kpp_class;

/* The usage flag an op needs of its key (0: none, e.g. DIGEST). */
u32 ncr_op_usage(u32 op);

#endif /* NCR_CLASS_H */
