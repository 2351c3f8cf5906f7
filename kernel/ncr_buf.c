// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel buffers for one operation. User data is copied in, processed in
 * place, copied out: user memory is read completely before any output is
 * written, which makes overlapping src/dst/tag layouts (TLS) safe.
 *
 * kvmalloc tries kmalloc first (quietly, without retrying hard) and falls
 * back to vmalloc for large buffers. vmalloc memory is not physically
 * contiguous, so it must never go into sg_init_one(): its scatterlist has
 * one entry per page (vmalloc_to_page). Buffers are wiped when freed: they
 * hold plaintext or key-derived data.
 */
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include "ncr_buf.h"

int ncr_buf_alloc(struct ncr_buf *b, size_t len)
{
	memset(b, 0, sizeof(*b));
	b->data = kvmalloc(len ? len : 1, GFP_KERNEL | __GFP_NOWARN);
	if (!b->data)
		return -ENOMEM;
	b->len = len;
	return 0;
}

void ncr_buf_free(struct ncr_buf *b)
{
	if (b->have_sgt)
		sg_free_table(&b->sgt);
	b->have_sgt = false;
	if (b->data)
		kvfree_sensitive(b->data, b->len ? b->len : 1);
	b->data = NULL;
}

int ncr_buf_from_user(struct ncr_buf *b, size_t off, const void __user *src,
		      size_t n)
{
	if (WARN_ON_ONCE(off > b->len || n > b->len - off))
		return -EINVAL;
	if (n && copy_from_user(b->data + off, src, n))
		return -EFAULT;
	return 0;
}

int ncr_buf_to_user(void __user *dst, const struct ncr_buf *b, size_t off,
		    size_t n)
{
	if (WARN_ON_ONCE(off > b->len || n > b->len - off))
		return -EINVAL;
	if (n && copy_to_user(dst, b->data + off, n))
		return -EFAULT;
	return 0;
}

/* A scatterlist over the whole buffer, or an ERR_PTR (ENOMEM). */
struct scatterlist *ncr_buf_sg(struct ncr_buf *b)
{
	struct scatterlist *sg;
	unsigned int n, i;
	size_t left;
	int err;

	if (!is_vmalloc_addr(b->data)) {
		sg_init_one(&b->one, b->data, b->len);
		return &b->one;
	}
	if (b->have_sgt)
		return b->sgt.sgl;
	/* vmalloc areas start on a page boundary */
	n = DIV_ROUND_UP(b->len, PAGE_SIZE);
	err = sg_alloc_table(&b->sgt, n, GFP_KERNEL);
	if (err)
		return ERR_PTR(err);
	b->have_sgt = true;
	left = b->len;
	for_each_sg(b->sgt.sgl, sg, n, i) {
		size_t chunk = min_t(size_t, left, PAGE_SIZE);

		sg_set_page(sg, vmalloc_to_page(b->data + (size_t)i * PAGE_SIZE),
			    chunk, 0);
		left -= chunk;
	}
	return b->sgt.sgl;
}
