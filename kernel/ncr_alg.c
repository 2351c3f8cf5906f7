// SPDX-License-Identifier: GPL-2.0
/*
 * The algorithm table: what each ncrypto algorithm number means in the
 * kernel crypto API, its sizes, quirks and FIPS status, and its class.
 * Adding an algorithm of an existing class is one entry here.
 */
#include <linux/crypto.h>
#include <linux/fips.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <crypto/hash.h>

#include "ncr_alg.h"
#include "ncr_class.h"
#include "ncr_stats.h"

#define NCR_NAMES(n, k)	.name = #n, .stat_name = "ops_" #n, .kname = k

#define NCR_HASH(i, n, k, out)						\
	{ .id = i, .alg_class = NCRYPTO_CLASS_HASH, NCR_NAMES(n, k),	\
	  .block_len = 1, .update_len = 1, .out_len = out,		\
	  .fips_allowed = true, .session = true }

/* HMAC keys under 112 bits are not approved (SP 800-131A). */
#define NCR_HMAC(i, n, k, out)						\
	{ .id = i, .alg_class = NCRYPTO_CLASS_MAC, NCR_NAMES(n, k),	\
	  .key_type = NCRYPTO_KEY_TYPE_GENERIC_SECRET, .min_key_len = 1,	\
	  .max_key_len = NCRYPTO_MAX_SECRET_LEN, .key_len_step = 1,	\
	  .block_len = 1, .update_len = 1, .out_len = out,		\
	  .fips_allowed = true, .fips_min_key_len = 14, .session = true }

#define NCR_AES_KEYS							\
	.key_type = NCRYPTO_KEY_TYPE_AES, .min_key_len = 16,		\
	.max_key_len = 32, .key_len_step = 8

/* SP 800-38D: 128, 120, 112, 104, 96, and 64 and 32 bits for some uses. */
#define NCR_GCM_TAGS (BIT(4) | BIT(8) | GENMASK(16, 12))

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

	/* No padding in the kernel: whole blocks only. */
	{ .id = NCRYPTO_ALG_AES_CBC, .alg_class = NCRYPTO_CLASS_CIPHER,
	  NCR_NAMES(aes_cbc, "cbc(aes)"), NCR_AES_KEYS, .iv_len = 16,
	  .block_len = 16, .len_multiple = 16, .update_len = 16,
	  .zero_copy = true, .fips_allowed = true, .session = true },
	/* The IV is a 16-byte counter block; a kernel-made nonce fills its
	 * first 12 bytes and the block counter starts at 0. Sessions hold a
	 * partial block back (its keystream is not reusable mid-block). */
	{ .id = NCRYPTO_ALG_AES_CTR, .alg_class = NCRYPTO_CLASS_CIPHER,
	  NCR_NAMES(aes_ctr, "ctr(aes)"), NCR_AES_KEYS, .iv_len = 16,
	  .nonce_len = 12, .block_len = 1, .update_len = 16,
	  .zero_copy = true, .fips_allowed = true, .session = true },
	/*
	 * XTS: two AES keys (FIPS: distinct, not AES-192), ciphertext stealing
	 * (any length >= 16), sessions buffer the whole data unit until FINAL.
	 * No zero copy: the generic xts template leaves src ^ tweak in dst
	 * mid-operation, which another thread could read from user memory.
	 */
	{ .id = NCRYPTO_ALG_AES_XTS, .alg_class = NCRYPTO_CLASS_CIPHER,
	  NCR_NAMES(aes_xts, "xts(aes)"), .key_type = NCRYPTO_KEY_TYPE_AES,
	  .min_key_len = 32, .max_key_len = 64, .key_len_step = 16,
	  .iv_len = 16, .block_len = 1, .min_len = 16, .update_len = 0,
	  .key_halves = true, .fips_allowed = true,
	  .fips_max_len = 16u << 20, .session = true },

	{ .id = NCRYPTO_ALG_AES_GCM, .alg_class = NCRYPTO_CLASS_AEAD,
	  NCR_NAMES(aes_gcm, "gcm(aes)"), NCR_AES_KEYS, .iv_len = 12,
	  .nonce_len = 12, .block_len = 1, .out_len = 16,
	  .tag_lens = NCR_GCM_TAGS, .default_tag_len = 16, .zero_copy = true,
	  .fips_allowed = true, .fips_min_tag_len = 12,
	  .fips_kernel_nonce = true },
	{ .id = NCRYPTO_ALG_CHACHA20_POLY1305, .alg_class = NCRYPTO_CLASS_AEAD,
	  NCR_NAMES(chacha20_poly1305, "rfc7539(chacha20,poly1305)"),
	  .key_type = NCRYPTO_KEY_TYPE_CHACHA20, .min_key_len = 32,
	  .max_key_len = 32, .key_len_step = 1, .iv_len = 12, .nonce_len = 12,
	  .block_len = 1, .out_len = 16, .tag_lens = BIT(16),
	  .default_tag_len = 16, .zero_copy = true },

	/* Key agreement: the module's own code or lib/crypto, no transform;
	 * the peer's public key is bytes, the result a new key. */
	{ .id = NCRYPTO_ALG_X25519, .alg_class = NCRYPTO_CLASS_KEY_AGREEMENT,
	  .name = "x25519", .stat_name = "ops_x25519",
	  .key_type = NCRYPTO_KEY_TYPE_X25519_PRIVATE, .min_key_len = 32,
	  .max_key_len = 32, .key_len_step = 1, .out_len = 32 },

	{ .id = NCRYPTO_ALG_NULL_CIPHER, .alg_class = NCRYPTO_CLASS_CIPHER,
	  NCR_NAMES(null_cipher, "ecb(cipher_null)"),
	  .key_type = NCRYPTO_KEY_TYPE_GENERIC_SECRET, .min_key_len = 1,
	  .max_key_len = NCRYPTO_MAX_SECRET_LEN, .key_len_step = 1,
	  .block_len = 1, .update_len = 1, .zero_copy = true, .session = true,
	  .no_setkey = true },
};

const unsigned int ncr_n_algs = ARRAY_SIZE(ncr_algs);

static struct ncr_alg *ncr_alg_by_id[__NCRYPTO_ALG_MAX];
static unsigned int ncr_alg_type_slots[__NCRYPTO_KEY_TYPE_MAX];
static DEFINE_MUTEX(ncr_alg_hash_lock);

static const struct ncr_class *ncr_alg_class(u32 alg_class)
{
	switch (alg_class) {
	case NCRYPTO_CLASS_HASH:
		return &ncr_hash_class;
	case NCRYPTO_CLASS_MAC:
		return &ncr_mac_class;
	case NCRYPTO_CLASS_CIPHER:
		return &ncr_cipher_class;
	case NCRYPTO_CLASS_AEAD:
		return &ncr_aead_class;
	case NCRYPTO_CLASS_KEY_AGREEMENT:
		return &ncr_kpp_class;
	default:
		return NULL;
	}
}

void ncr_alg_exit(void)
{
	unsigned int i;

	for (i = 0; i < ncr_n_algs; i++) {
		crypto_free_shash(ncr_algs[i].hash_tfm);
		ncr_algs[i].hash_tfm = NULL;
		free_percpu(ncr_algs[i].ops);
		ncr_algs[i].ops = NULL;
	}
}

/*
 * At load: index the table, attach each entry to its class, give each keyed
 * algorithm its transform slot in unbound keys of its type, and ask the
 * crypto API once whether the transform exists (this also loads its module,
 * e.g. gcm or sha3_generic). A kernel in FIPS mode reports non-approved
 * algorithms as absent.
 */
int ncr_alg_init(void)
{
	unsigned int i;

	for (i = 0; i < ncr_n_algs; i++) {
		struct ncr_alg *alg = &ncr_algs[i];

		alg->cls = ncr_alg_class(alg->alg_class);
		if (alg->id >= __NCRYPTO_ALG_MAX || ncr_alg_by_id[alg->id] ||
		    alg->key_type >= __NCRYPTO_KEY_TYPE_MAX || !alg->cls ||
		    (alg->session && !alg->cls->session_init))
			goto fail;
		alg->ops = alloc_percpu(u64);
		if (!alg->ops)
			goto fail;
		ncr_alg_by_id[alg->id] = alg;
		alg->index = i;
		if (alg->key_type && !alg->key_types)
			alg->key_types = BIT(alg->key_type);
		/* classes without transforms (public key) need no slot */
		if (alg->key_type && alg->cls->tfm_new)
			alg->slot = ncr_alg_type_slots[alg->key_type]++;
		alg->available = alg->kname ?
				 crypto_has_alg(alg->kname, 0, 0) :
				 alg->cls->available(alg);
	}
	return 0;

fail:
	WARN_ON_ONCE(1);	/* a table entry contradicts itself */
	ncr_alg_exit();
	return -EINVAL;
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

bool ncr_alg_key_len_ok(const struct ncr_alg *alg, u32 len)
{
	return len >= alg->min_key_len && len <= alg->max_key_len &&
	       (len - alg->min_key_len) % alg->key_len_step == 0;
}

/* AEAD tag lengths the algorithm allows (FIPS aside). */
bool ncr_alg_tag_len_ok(const struct ncr_alg *alg, u32 tag_len)
{
	return tag_len < 32 && (alg->tag_lens & BIT(tag_len));
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

/* Per-CPU counts: the hot path touches no shared cache line for them. */
void ncr_alg_count_op(const struct ncr_alg *alg)
{
	this_cpu_inc(*alg->ops);
	this_cpu_inc(*ncr_stats.ops_total);
}

u64 ncr_alg_ops(const struct ncr_alg *alg)
{
	return ncr_stats_sum(alg->ops);
}
