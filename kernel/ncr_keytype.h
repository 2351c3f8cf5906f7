/* SPDX-License-Identifier: GPL-2.0 */
/* The key-type table: what a key of each type is and how it is made. */
#ifndef NCR_KEYTYPE_H
#define NCR_KEYTYPE_H

#include <linux/types.h>

struct ncr_key;
struct ncr_key_parts;

struct ncr_keytype {
	u32 id;			/* enum ncrypto_key_type */
	u32 min_len;		/* bytes */
	u32 max_len;
	const u16 *lens;	/* if set: the only valid lengths, 0-ended */
	u32 usage;		/* the usage flags its keys may have */
	u32 material_len;	/* bytes of key->material, 0 = the key's len */
	bool pk;		/* public-key type: import reads key parts */
	bool pk_private;	/* a private key: never exported, its public
				 * part always */

	/* FIPS 140-3: what KEY_GENERATE refuses up front */
	bool fips_allowed;
	u32 fips_min_len;	/* shorter is refused */
	const u16 *fips_lens;	/* if set: the only lengths allowed */

	/* Material: made in the kernel, read from user memory, written out. */
	int (*generate)(struct ncr_key *key);
	int (*import)(struct ncr_key *key, const void __user *data);
	int (*export)(const struct ncr_key *key, void __user *data);

	/* Public-key types: key parts in, the public part out (into buf of
	 * NCR_PUBLIC_MAX bytes: its length, or a negative errno). */
	int (*import_parts)(struct ncr_key *key,
			    const struct ncr_key_parts *parts);
	int (*export_public)(const struct ncr_key *key, u32 flags, u8 *buf);
};

/* Longest public part KEY_EXPORT writes (an RSA-4096 SPKI is 550 bytes). */
#define NCR_PUBLIC_MAX 1024

/* The public-key types, each in its family's file. */
extern const struct ncr_keytype ncr_keytype_x25519_private;

const struct ncr_keytype *ncr_keytype_find(u32 type);
bool ncr_keytype_len_ok(const struct ncr_keytype *kt, u32 len);
bool ncr_keytype_fips_ok(const struct ncr_keytype *kt, u32 len);
u32 ncr_keytype_material_len(const struct ncr_keytype *kt, u32 len);

#endif /* NCR_KEYTYPE_H */
