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
 *
 * The crypto request of the operation can live in the same allocation:
 * small operations (the per-record hot path) then cost one kmalloc/kfree
 * pair instead of two.
 *
 * Every buffer is charged to the context (and its user) that asked for it
 * while it exists, and allocated GFP_KERNEL_ACCOUNT for memory cgroups:
 * threads running large operations in parallel cannot hold more kernel
 * memory than their limits say.
 */
#include <linux/crypto.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include "ncr_buf.h"
#include "ncr_ctx.h"

/* Largest request + data kept in one (order-0) allocation. */
#define NCR_BUF_COMBINED_MAX PAGE_SIZE

/* len bytes of data, and req_size bytes for a crypto request (may be 0). */
int ncr_buf_alloc(struct ncr_buf *b, struct ncr_ctx *ctx, size_t len,
		  size_t req_size)
{
	size_t head = ALIGN(req_size, CRYPTO_MINALIGN);
	bool combined = req_size && head + len <= NCR_BUF_COMBINED_MAX;
	u64 charge = combined ? head + len : req_size + (len ? len : 1);
	int err;

	memset(b, 0, sizeof(*b));
	err = ncr_ctx_charge_mem(ctx, charge);
	if (err)
		return err;
	b->ctx = ctx;
	b->charged = charge;
	b->len = len;
	b->req_size = req_size;
	if (combined) {
		b->req = kmalloc(head + len, GFP_KERNEL_ACCOUNT);
		if (!b->req)
			goto fail;
		b->combined = head + len;
		b->data = (u8 *)b->req + head;
		return 0;
	}
	if (req_size) {
		b->req = kmalloc(req_size, GFP_KERNEL_ACCOUNT);
		if (!b->req)
			goto fail;
	}
	b->data = kvmalloc(len ? len : 1, GFP_KERNEL_ACCOUNT | __GFP_NOWARN);
	if (!b->data) {
		kfree(b->req);
		b->req = NULL;
		goto fail;
	}
	return 0;

fail:
	ncr_ctx_uncharge_mem(ctx, charge);
	b->ctx = NULL;
	return -ENOMEM;
}

/* Wipes data and request (request contexts hold cipher/hash state). */
void ncr_buf_free(struct ncr_buf *b)
{
	if (b->have_sgt)
		sg_free_table(&b->sgt);
	b->have_sgt = false;
	if (b->combined) {
		memzero_explicit(b->req, b->combined);
		kfree(b->req);
	} else {
		if (b->data)
			kvfree_sensitive(b->data, b->len ? b->len : 1);
		if (b->req) {
			memzero_explicit(b->req, b->req_size);
			kfree(b->req);
		}
	}
	b->data = NULL;
	b->req = NULL;
	if (b->ctx)
		ncr_ctx_uncharge_mem(b->ctx, b->charged);
	b->ctx = NULL;
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
	err = sg_alloc_table(&b->sgt, n, GFP_KERNEL_ACCOUNT);
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
