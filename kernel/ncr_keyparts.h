/* SPDX-License-Identifier: GPL-2.0 */
/* Key parts: the encoding public-key material is imported and exported in. */
#ifndef NCR_KEYPARTS_H
#define NCR_KEYPARTS_H

#include <linux/types.h>
#include <linux/ncrypto.h>

/* The parts of one import, pointing into a kernel copy of the records. */
struct ncr_key_parts {
	u8 *buf;			/* the copy (wiped and freed by put) */
	u32 buf_len;
	const u8 *val[__NCRYPTO_PART_MAX];
	u32 len[__NCRYPTO_PART_MAX];
	u32 present;			/* BIT(id) of each part given */
};

int ncr_key_parts_read(struct ncr_key_parts *p, const void __user *data,
		       u32 data_len);
void ncr_key_parts_put(struct ncr_key_parts *p);
int ncr_key_parts_expect(const struct ncr_key_parts *p, u32 required,
			 u32 optional);

/* The value of part id with its leading zero bytes stripped (public values
 * only: the time it takes tells how many there were). */
const u8 *ncr_key_part_trimmed(const struct ncr_key_parts *p, u32 id,
			       u32 *len);

/* Appends one record to buf at *off (room checked by the caller). */
void ncr_key_part_write(u8 *buf, u32 *off, u32 id, const u8 *val, u32 len);

#endif /* NCR_KEYPARTS_H */
