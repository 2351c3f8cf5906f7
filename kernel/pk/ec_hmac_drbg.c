// SPDX-License-Identifier: GPL-2.0
/*
 * HMAC (RFC 2104) on ncr_pk_hash() and the HMAC_DRBG of RFC 6979 3.2 for
 * ECDSA nonces. See ec_hmac_drbg.h.
 */
#include "ec_hmac_drbg.h"

#define EC_HMAC_MAX_PARTS 5	/* V, a separator byte, up to 3 seed parts */
#define EC_HMAC_BLOCK_MAX 128	/* SHA-384/512 */

/*
 * out = HMAC_key(parts...), with a key no longer than the hash's block
 * (the DRBG's K is one digest). out may alias the key or a part.
 */
static int hmac(enum ncr_pk_hash_id id, const uint8_t *key, size_t key_len,
		const struct ncr_pk_buf *parts, unsigned int n, uint8_t *out)
{
	uint8_t pad[EC_HMAC_BLOCK_MAX], inner[NCR_PK_HASH_MAX];
	struct ncr_pk_buf msg[EC_HMAC_MAX_PARTS + 1];
	size_t block = ncr_pk_hash_block_len(id), hlen = ncr_pk_hash_len(id);
	unsigned int i;
	int ret;

	if (!block || key_len > block || n > EC_HMAC_MAX_PARTS)
		return -EINVAL;
	memset(pad, 0, block);
	memcpy(pad, key, key_len);
	for (i = 0; i < block; i++)
		pad[i] ^= 0x36;
	msg[0].data = pad;
	msg[0].len = block;
	for (i = 0; i < n; i++)
		msg[i + 1] = parts[i];
	ret = ncr_pk_hash(id, msg, n + 1, inner);
	if (ret)
		goto out;
	for (i = 0; i < block; i++)
		pad[i] ^= 0x36 ^ 0x5c;
	msg[1].data = inner;
	msg[1].len = hlen;
	ret = ncr_pk_hash(id, msg, 2, out);
out:
	ncr_pk_wipe(pad, sizeof(pad));
	ncr_pk_wipe(inner, sizeof(inner));
	return ret;
}

/* K = HMAC_K(V || sep || seed); V = HMAC_K(V) */
static int update(struct ec_hmac_drbg *drbg, uint8_t sep,
		  const struct ncr_pk_buf *seed, unsigned int n)
{
	struct ncr_pk_buf parts[EC_HMAC_MAX_PARTS];
	unsigned int i;
	int ret;

	if (n > EC_HMAC_MAX_PARTS - 2)
		return -EINVAL;
	parts[0].data = drbg->v;
	parts[0].len = drbg->hlen;
	parts[1].data = &sep;
	parts[1].len = 1;
	for (i = 0; i < n; i++)
		parts[i + 2] = seed[i];
	ret = hmac(drbg->id, drbg->k, drbg->hlen, parts, n + 2, drbg->k);
	if (ret)
		return ret;
	return hmac(drbg->id, drbg->k, drbg->hlen, parts, 1, drbg->v);
}

int ec_hmac_drbg_init(struct ec_hmac_drbg *drbg, enum ncr_pk_hash_id id,
		      const struct ncr_pk_buf *seed, unsigned int n)
{
	int ret;

	drbg->id = id;
	drbg->hlen = ncr_pk_hash_len(id);
	if (!drbg->hlen)
		return -EINVAL;
	memset(drbg->v, 0x01, drbg->hlen);
	memset(drbg->k, 0x00, drbg->hlen);
	ret = update(drbg, 0x00, seed, n);
	if (ret)
		return ret;
	return update(drbg, 0x01, seed, n);
}

int ec_hmac_drbg_generate(struct ec_hmac_drbg *drbg, uint8_t *out,
			  size_t len)
{
	struct ncr_pk_buf v = { drbg->v, drbg->hlen };

	while (len) {
		size_t take = len < drbg->hlen ? len : drbg->hlen;
		int ret = hmac(drbg->id, drbg->k, drbg->hlen, &v, 1, drbg->v);

		if (ret)
			return ret;
		memcpy(out, drbg->v, take);
		out += take;
		len -= take;
	}
	return 0;
}

int ec_hmac_drbg_next(struct ec_hmac_drbg *drbg)
{
	return update(drbg, 0x00, NULL, 0);
}

void ec_hmac_drbg_wipe(struct ec_hmac_drbg *drbg)
{
	ncr_pk_wipe(drbg, sizeof(*drbg));
}
