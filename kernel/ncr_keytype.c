// SPDX-License-Identifier: GPL-2.0
/*
 * The key-type table: lengths, how keys of a type are generated, imported
 * and exported, and which ones FIPS mode lets KEY_GENERATE make. Secret
 * keys are raw bytes, listed here; public-key types hold their arithmetic's
 * key struct and are defined with their glue (ncr_pkey_*.c).
 */
#include <linux/kernel.h>
#include <linux/uaccess.h>

#include <linux/ncrypto.h>

#include "ncr_key.h"
#include "ncr_keytype.h"
#include "ncr_rng.h"

static int ncr_raw_generate(struct ncr_key *key)
{
	return ncr_rng_bytes(key->material, key->len);
}

static int ncr_raw_import(struct ncr_key *key, const void __user *data)
{
	return copy_from_user(key->material, data, key->len) ? -EFAULT : 0;
}

static int ncr_raw_export(const struct ncr_key *key, void __user *data)
{
	return copy_to_user(data, key->material, key->len) ? -EFAULT : 0;
}

#define NCR_RAW .generate = ncr_raw_generate, .import = ncr_raw_import, \
		.export = ncr_raw_export

/* AES-128/192/256, and two AES keys for XTS */
static const u16 ncr_aes_lens[] = { 16, 24, 32, 48, 64, 0 };
/* 48 bytes only serve XTS with two AES-192 keys, which FIPS does not approve */
static const u16 ncr_aes_fips_lens[] = { 16, 24, 32, 64, 0 };

/* Secret keys: whatever their algorithms do. */
#define NCR_SECRET_USAGE NCRYPTO_KEY_USAGE_ALL

static const struct ncr_keytype ncr_keytypes[] = {
	/* HMAC keys under 112 bits are not approved (SP 800-131A) */
	{ .id = NCRYPTO_KEY_TYPE_GENERIC_SECRET, .min_len = 1,
	  .max_len = NCRYPTO_MAX_SECRET_LEN, .fips_allowed = true,
	  .fips_min_len = 14, .usage = NCR_SECRET_USAGE, NCR_RAW },
	{ .id = NCRYPTO_KEY_TYPE_AES, .min_len = 16, .max_len = 64,
	  .lens = ncr_aes_lens, .fips_allowed = true,
	  .fips_lens = ncr_aes_fips_lens, .usage = NCR_SECRET_USAGE, NCR_RAW },
	{ .id = NCRYPTO_KEY_TYPE_CHACHA20, .min_len = 32, .max_len = 32,
	  .usage = NCR_SECRET_USAGE, NCR_RAW },
};

/* The public-key types, defined next to their arithmetic's glue. */
static const struct ncr_keytype *const ncr_pk_keytypes[] = {
	&ncr_keytype_x25519_private,
};

const struct ncr_keytype *ncr_keytype_find(u32 type)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ncr_keytypes); i++)
		if (ncr_keytypes[i].id == type)
			return &ncr_keytypes[i];
	for (i = 0; i < ARRAY_SIZE(ncr_pk_keytypes); i++)
		if (ncr_pk_keytypes[i]->id == type)
			return ncr_pk_keytypes[i];
	return NULL;
}

/* Bytes of material a key of kt and len holds (public-key types: their
 * arithmetic's key struct). */
u32 ncr_keytype_material_len(const struct ncr_keytype *kt, u32 len)
{
	return kt->material_len ? kt->material_len : len;
}

static bool ncr_len_listed(const u16 *lens, u32 len)
{
	for (; *lens; lens++)
		if (*lens == len)
			return true;
	return false;
}

bool ncr_keytype_len_ok(const struct ncr_keytype *kt, u32 len)
{
	if (len < kt->min_len || len > kt->max_len)
		return false;
	return !kt->lens || ncr_len_listed(kt->lens, len);
}

bool ncr_keytype_fips_ok(const struct ncr_keytype *kt, u32 len)
{
	if (!kt->fips_allowed || len < kt->fips_min_len)
		return false;
	return !kt->fips_lens || ncr_len_listed(kt->fips_lens, len);
}
