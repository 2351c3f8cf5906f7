// SPDX-License-Identifier: GPL-2.0
/*
 * What the RSA paddings build from ncr_pk_hash(): MGF1 (RFC 8017 B.2.1)
 * and HMAC (RFC 2104) for the implicit rejection's key derivation.
 */
#include "rsa_internal.h"

int ncr_rsa_mgf1_xor(enum ncr_pk_hash_id hash, const uint8_t *seed, size_t seed_len,
		     uint8_t *buf, size_t len)
{
	size_t hlen = ncr_pk_hash_len(hash), done = 0, i;
	uint8_t block[NCR_PK_HASH_MAX], counter[4];
	uint32_t c = 0;
	int ret = 0;

	if (!hlen)
		return -EINVAL;
	while (done < len) {
		struct ncr_pk_buf parts[2] = { { seed, seed_len }, { counter, 4 } };

		counter[0] = (uint8_t)(c >> 24);
		counter[1] = (uint8_t)(c >> 16);
		counter[2] = (uint8_t)(c >> 8);
		counter[3] = (uint8_t)c;
		ret = ncr_pk_hash(hash, parts, 2, block);
		if (ret)
			break;
		for (i = 0; i < hlen && done < len; i++)
			buf[done++] ^= block[i];
		c++;
	}
	ncr_pk_wipe(block, sizeof(block));
	return ret;
}

#define HMAC_MAX_PARTS 4

int ncr_rsa_hmac(enum ncr_pk_hash_id hash, const uint8_t *key, size_t key_len,
		 const struct ncr_pk_buf *parts, unsigned int n, uint8_t *out)
{
	size_t block = ncr_pk_hash_block_len(hash), hlen = ncr_pk_hash_len(hash), i;
	uint8_t pad[128], inner[NCR_PK_HASH_MAX];
	struct ncr_pk_buf v[HMAC_MAX_PARTS + 1];
	int ret;

	if (!block || key_len > block || n > HMAC_MAX_PARTS)
		return -EINVAL;
	for (i = 0; i < block; i++)
		pad[i] = (i < key_len ? key[i] : 0) ^ 0x36;
	v[0].data = pad;
	v[0].len = block;
	for (i = 0; i < n; i++)
		v[i + 1] = parts[i];
	ret = ncr_pk_hash(hash, v, n + 1, inner);
	if (ret)
		goto out;
	for (i = 0; i < block; i++)
		pad[i] ^= 0x36 ^ 0x5c;
	v[1].data = inner;
	v[1].len = hlen;
	ret = ncr_pk_hash(hash, v, 2, out);
out:
	ncr_pk_wipe(pad, sizeof(pad));
	ncr_pk_wipe(inner, sizeof(inner));
	return ret;
}
