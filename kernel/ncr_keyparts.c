// SPDX-License-Identifier: GPL-2.0
/*
 * Key parts (see <linux/ncrypto.h>, "Key parts"): records of an id and a
 * length followed by the value, one after the other. The whole encoding is
 * copied into the kernel once (at most NCRYPTO_MAX_KEY_PARTS_LEN bytes,
 * charged to the caller's memory cgroup), so a value cannot change between
 * its check and its use, and wiped when the import is done: it holds the
 * private key.
 */
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "ncr_ctx.h"
#include "ncr_keyparts.h"

/* Walks the records; EINVAL for a truncated record, an unknown or repeated
 * id, or an empty value. */
static int ncr_key_parts_parse(struct ncr_key_parts *p)
{
	u32 off = 0;

	while (off < p->buf_len) {
		struct ncrypto_key_part hdr;

		if (p->buf_len - off < sizeof(hdr))
			return -EINVAL;
		memcpy(&hdr, p->buf + off, sizeof(hdr));
		off += sizeof(hdr);
		if (!hdr.id || hdr.id >= __NCRYPTO_PART_MAX ||
		    p->present & BIT(hdr.id) || !hdr.len ||
		    hdr.len > p->buf_len - off)
			return -EINVAL;
		p->present |= BIT(hdr.id);
		p->val[hdr.id] = p->buf + off;
		p->len[hdr.id] = hdr.len;
		off += hdr.len;
	}
	return 0;
}

int ncr_key_parts_read(struct ncr_key_parts *p, const void __user *data,
		       u32 data_len)
{
	int err;

	memset(p, 0, sizeof(*p));
	if (!data_len)
		return -EINVAL;
	if (data_len > NCRYPTO_MAX_KEY_PARTS_LEN)
		return -E2BIG;
	p->buf = kmalloc(data_len, NCR_GFP);
	if (!p->buf)
		return -ENOMEM;
	p->buf_len = data_len;
	if (copy_from_user(p->buf, data, data_len)) {
		err = -EFAULT;
		goto fail;
	}
	err = ncr_key_parts_parse(p);
	if (err)
		goto fail;
	return 0;

fail:
	ncr_key_parts_put(p);
	return err;
}

void ncr_key_parts_put(struct ncr_key_parts *p)
{
	kfree_sensitive(p->buf);
	memset(p, 0, sizeof(*p));
}

/* Exactly the required parts, and perhaps some optional ones (EINVAL). */
int ncr_key_parts_expect(const struct ncr_key_parts *p, u32 required,
			 u32 optional)
{
	if ((p->present & required) != required ||
	    p->present & ~(required | optional))
		return -EINVAL;
	return 0;
}

const u8 *ncr_key_part_trimmed(const struct ncr_key_parts *p, u32 id,
			       u32 *len)
{
	const u8 *v = p->val[id];
	u32 n = p->len[id];

	/* For public values only: the loop's length tells the zeros. */
	while (n && !*v) {
		v++;
		n--;
	}
	*len = n;
	return v;
}

void ncr_key_part_write(u8 *buf, u32 *off, u32 id, const u8 *val, u32 len)
{
	struct ncrypto_key_part hdr = { .id = id, .len = len };

	memcpy(buf + *off, &hdr, sizeof(hdr));
	memcpy(buf + *off + sizeof(hdr), val, len);
	*off += sizeof(hdr) + len;
}
