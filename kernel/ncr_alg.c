// SPDX-License-Identifier: GPL-2.0
/*
 * The algorithm table: what each ncrypto algorithm number means in the
 * kernel crypto API, its sizes, its FIPS status, its counter. Everything
 * else looks algorithms up here, so adding an algorithm is one table entry
 * (plus its class's code path if the class is new).
 */
#include <linux/crypto.h>
#include <linux/fips.h>
#include <linux/mutex.h>
#include <crypto/hash.h>

#include "ncr_alg.h"
#include "ncr_key.h"
#include "ncr_stats.h"

#define NCR_NAMES(n, k)	.name = #n, .stat_name = "ops_" #n, .kname = k

#define NCR_HASH(i, n, k, out)						\
	{ .id = i, .alg_class = NCRYPTO_CLASS_HASH, NCR_NAMES(n, k),	\
	  .block_len = 1, .out_len = out, .fips_allowed = true,		\
	  .session = true }

#define NCR_HMAC(i, n, k, out)						\
	{ .id = i, .alg_class = NCRYPTO_CLASS_MAC, NCR_NAMES(n, k),	\
	  .key_type = NCRYPTO_KEY_TYPE_GENERIC_SECRET, .min_key_len = 1,	\
	  .max_key_len = NCRYPTO_MAX_SECRET_LEN, .key_len_step = 1,	\
	  .block_len = 1, .out_len = out, .fips_allowed = true,		\
	  .session = true }

struct ncr_alg ncr_algs[] = {
	NCR_HASH(NCRYPTO_ALG_SHA1, sha1, "sha1", 20),
	NCR_HASH(NCRYPTO_ALG_SHA224, sha224, "sha224", 28),
	NCR_HASH(NCRYPTO_ALG_SHA256, sha256, "sha256", 32),
	NCR_HASH(NCRYPTO_ALG_SHA384, sha384, "sha384", 48),
	NCR_HASH(NCRYPTO_ALG_SHA512, sha512, "sha512", 64),
	NCR_HASH(NCRYPTO_ALG_SHA3_256, sha3_256, "sha3-256", 32),
	NCR_HASH(NCRYPTO_ALG_SHA3_384, sha3_384, "sha3-384", 48),
	NCR_HASH(NCRYPTO_ALG_SHA3_512, sha3_512, "sha3-512", 64),

	NCR_HMAC(NCRYPTO_ALG_HMAC_SHA1, hmac_sha1, "hmac(sha1)", 20),
	NCR_HMAC(NCRYPTO_ALG_HMAC_SHA224, hmac_sha224, "hmac(sha224)", 28),
	NCR_HMAC(NCRYPTO_ALG_HMAC_SHA256, hmac_sha256, "hmac(sha256)", 32),
	NCR_HMAC(NCRYPTO_ALG_HMAC_SHA384, hmac_sha384, "hmac(sha384)", 48),
	NCR_HMAC(NCRYPTO_ALG_HMAC_SHA512, hmac_sha512, "hmac(sha512)", 64),
	NCR_HMAC(NCRYPTO_ALG_HMAC_SHA3_256, hmac_sha3_256, "hmac(sha3-256)", 32),
	NCR_HMAC(NCRYPTO_ALG_HMAC_SHA3_384, hmac_sha3_384, "hmac(sha3-384)", 48),
	NCR_HMAC(NCRYPTO_ALG_HMAC_SHA3_512, hmac_sha3_512, "hmac(sha3-512)", 64),

	{ .id = NCRYPTO_ALG_AES_CBC, .alg_class = NCRYPTO_CLASS_CIPHER,
	  NCR_NAMES(aes_cbc, "cbc(aes)"), .key_type = NCRYPTO_KEY_TYPE_AES,
	  .min_key_len = 16, .max_key_len = 32, .key_len_step = 8,
	  .iv_len = 16, .block_len = 16, .chunk = 16, .fips_allowed = true,
	  .session = true },
	{ .id = NCRYPTO_ALG_AES_CTR, .alg_class = NCRYPTO_CLASS_CIPHER,
	  NCR_NAMES(aes_ctr, "ctr(aes)"), .key_type = NCRYPTO_KEY_TYPE_AES,
	  .min_key_len = 16, .max_key_len = 32, .key_len_step = 8,
	  .iv_len = 16, .block_len = 1, .chunk = 16, .fips_allowed = true,
	  .session = true },
	/* XTS: the kernel's xts(aes) does ciphertext stealing, so any length
	 * >= 16 works; sessions buffer the whole data unit until final. */
	{ .id = NCRYPTO_ALG_AES_XTS, .alg_class = NCRYPTO_CLASS_CIPHER,
	  NCR_NAMES(aes_xts, "xts(aes)"), .key_type = NCRYPTO_KEY_TYPE_AES,
	  .min_key_len = 32, .max_key_len = 64, .key_len_step = 16,
	  .iv_len = 16, .block_len = 1, .chunk = 0, .fips_allowed = true,
	  .session = true },

	{ .id = NCRYPTO_ALG_AES_GCM, .alg_class = NCRYPTO_CLASS_AEAD,
	  NCR_NAMES(aes_gcm, "gcm(aes)"), .key_type = NCRYPTO_KEY_TYPE_AES,
	  .min_key_len = 16, .max_key_len = 32, .key_len_step = 8,
	  .iv_len = 12, .block_len = 1, .out_len = 16, .fips_allowed = true },
	{ .id = NCRYPTO_ALG_CHACHA20_POLY1305, .alg_class = NCRYPTO_CLASS_AEAD,
	  NCR_NAMES(chacha20_poly1305, "rfc7539(chacha20,poly1305)"),
	  .key_type = NCRYPTO_KEY_TYPE_CHACHA20, .min_key_len = 32,
	  .max_key_len = 32, .key_len_step = 1, .iv_len = 12, .block_len = 1,
	  .out_len = 16 },

	{ .id = NCRYPTO_ALG_NULL_CIPHER, .alg_class = NCRYPTO_CLASS_CIPHER,
	  NCR_NAMES(null_cipher, "ecb(cipher_null)"),
	  .key_type = NCRYPTO_KEY_TYPE_GENERIC_SECRET, .min_key_len = 1,
	  .max_key_len = NCRYPTO_MAX_SECRET_LEN, .key_len_step = 1,
	  .block_len = 1, .chunk = 1, .session = true, .no_setkey = true },
};

const unsigned int ncr_n_algs = ARRAY_SIZE(ncr_algs);

static struct ncr_alg *ncr_alg_by_id[__NCRYPTO_ALG_MAX];
static unsigned int ncr_alg_type_slots[__NCRYPTO_KEY_TYPE_MAX];
static DEFINE_MUTEX(ncr_alg_hash_lock);

/*
 * At load: index the table, give each keyed algorithm its transform slots
 * in keys of its type, and ask the crypto API once whether the transform
 * exists (this also loads its module, e.g. gcm or sha3_generic). A kernel
 * in FIPS mode reports non-approved algorithms as absent.
 */
int ncr_alg_init(void)
{
	unsigned int i;

	for (i = 0; i < ncr_n_algs; i++) {
		struct ncr_alg *alg = &ncr_algs[i];

		if (alg->id >= __NCRYPTO_ALG_MAX || ncr_alg_by_id[alg->id] ||
		    alg->key_type >= __NCRYPTO_KEY_TYPE_MAX)
			return -EINVAL;
		ncr_alg_by_id[alg->id] = alg;
		atomic64_set(&alg->ops, 0);
		if (alg->key_type) {
			alg->n_slots = alg->alg_class == NCRYPTO_CLASS_AEAD ?
				       NCRYPTO_MAX_TAG_LEN + 1 : 1;
			alg->slot = ncr_alg_type_slots[alg->key_type];
			ncr_alg_type_slots[alg->key_type] += alg->n_slots;
		}
		alg->available = crypto_has_alg(alg->kname, 0, 0);
	}
	return 0;
}

void ncr_alg_exit(void)
{
	unsigned int i;

	for (i = 0; i < ncr_n_algs; i++) {
		crypto_free_shash(ncr_algs[i].hash_tfm);
		ncr_algs[i].hash_tfm = NULL;
	}
}

struct ncr_alg *ncr_alg_find(u32 id)
{
	return id < __NCRYPTO_ALG_MAX ? ncr_alg_by_id[id] : NULL;
}

unsigned int ncr_alg_key_slots(u32 key_type)
{
	return key_type < __NCRYPTO_KEY_TYPE_MAX ?
	       ncr_alg_type_slots[key_type] : 0;
}

struct ncr_alg *ncr_alg_of_slot(u32 key_type, unsigned int slot)
{
	unsigned int i;

	for (i = 0; i < ncr_n_algs; i++) {
		struct ncr_alg *alg = &ncr_algs[i];

		if (alg->key_type == key_type && slot >= alg->slot &&
		    slot < alg->slot + alg->n_slots)
			return alg;
	}
	return NULL;
}

bool ncr_alg_fips_mode(void)
{
	return fips_enabled;
}

/* Algorithm-level gate, before any key is looked at. */
int ncr_alg_usable(const struct ncr_alg *alg)
{
	if (fips_enabled && !alg->fips_allowed)
		return -EACCES;
	if (!alg->available)
		return -ENOPKG;
	return 0;
}

/* The key's type and length suit the algorithm (EINVAL otherwise). */
int ncr_alg_check_key(const struct ncr_alg *alg, const struct ncr_key *key)
{
	if (key->type != alg->key_type)
		return -EINVAL;
	if (key->len < alg->min_key_len || key->len > alg->max_key_len ||
	    (key->len - alg->min_key_len) % alg->key_len_step)
		return -EINVAL;
	return 0;
}

int ncr_alg_check_tag_len(const struct ncr_alg *alg, u32 tag_len)
{
	switch (alg->id) {
	case NCRYPTO_ALG_AES_GCM:	/* SP 800-38D: 4, 8, 12..16 */
		if (tag_len == 4 || tag_len == 8 ||
		    (tag_len >= 12 && tag_len <= 16))
			return 0;
		return -EINVAL;
	case NCRYPTO_ALG_CHACHA20_POLY1305:
		return tag_len == 16 ? 0 : -EINVAL;
	default:
		return -EINVAL;
	}
}

/*
 * FIPS policy for a key with an algorithm (the header's list): AES-XTS with
 * 48-byte keys or identical halves, HMAC keys under 112 bits.
 */
int ncr_alg_fips_key(const struct ncr_alg *alg, const struct ncr_key *key)
{
	if (!fips_enabled)
		return 0;
	if (!alg->fips_allowed)
		return -EACCES;
	if (alg->id == NCRYPTO_ALG_AES_XTS) {
		u32 half = key->len / 2;

		if (key->len == 48 ||
		    !crypto_memneq(key->material, key->material + half, half))
			return -EACCES;
	}
	if (alg->alg_class == NCRYPTO_CLASS_MAC && key->len < 14)
		return -EACCES;
	return 0;
}

/* GCM tags shorter than 96 bits are not approved. */
int ncr_alg_fips_tag(const struct ncr_alg *alg, u32 tag_len)
{
	if (fips_enabled && alg->id == NCRYPTO_ALG_AES_GCM && tag_len < 12)
		return -EACCES;
	return 0;
}

/*
 * Generating keys only usable for refused algorithms or sizes: ChaCha20
 * keys, 48-byte AES keys (AES-XTS-192 only), secrets under 112 bits.
 * (Imports are checked at use, where the algorithm is known.)
 */
int ncr_alg_fips_keygen(u32 type, u32 len)
{
	if (!fips_enabled)
		return 0;
	switch (type) {
	case NCRYPTO_KEY_TYPE_CHACHA20:
		return -EACCES;
	case NCRYPTO_KEY_TYPE_AES:
		return len == 48 ? -EACCES : 0;
	case NCRYPTO_KEY_TYPE_GENERIC_SECRET:
		return len < 14 ? -EACCES : 0;
	default:
		return 0;
	}
}

/*
 * The shared transform of an unkeyed hash: made on first use, kept until
 * unload. Without a key, concurrent users of one shash transform are safe
 * (all state lives in each caller's shash_desc).
 */
struct crypto_shash *ncr_alg_hash_tfm(struct ncr_alg *alg)
{
	struct crypto_shash *tfm = smp_load_acquire(&alg->hash_tfm);

	if (tfm)
		return tfm;
	mutex_lock(&ncr_alg_hash_lock);
	tfm = alg->hash_tfm;
	if (!tfm) {
		tfm = crypto_alloc_shash(alg->kname, 0, 0);
		if (IS_ERR(tfm)) {
			if (PTR_ERR(tfm) == -ENOENT)
				tfm = ERR_PTR(-ENOPKG);
		} else {
			smp_store_release(&alg->hash_tfm, tfm);
		}
	}
	mutex_unlock(&ncr_alg_hash_lock);
	return tfm;
}

void ncr_alg_count_op(struct ncr_alg *alg)
{
	atomic64_inc(&alg->ops);
	atomic64_inc(&ncr_stats.ops_total);
}

void ncr_alg_fill_info(const struct ncr_alg *alg, struct ncrypto_alg_info *ai)
{
	memset(ai, 0, sizeof(*ai));
	ai->alg = alg->id;
	ai->alg_class = alg->alg_class;
	ai->flags = (alg->available ? NCRYPTO_ALG_F_AVAILABLE : 0) |
		    (alg->fips_allowed ? NCRYPTO_ALG_F_FIPS_ALLOWED : 0) |
		    (alg->session ? NCRYPTO_ALG_F_SESSION : 0);
	ai->key_type = alg->key_type;
	ai->min_key_len = alg->min_key_len;
	ai->max_key_len = alg->max_key_len;
	ai->iv_len = alg->iv_len;
	ai->block_len = alg->block_len;
	ai->out_len = alg->out_len;
	ai->ops = atomic64_read(&alg->ops);
}
