// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel buffers for one operation. User data is copied in, processed in
 * place, copied out: user memory is read completely before any output is
 * written, which makes overlapping src/dst/tag layouts (TLS) safe.
 *
 * Small operations (request + data within a page: the per-record hot path)
 * use their context's op buffer: one page per context, made on first use,
 * taken with a bit lock, wiped after each use. A second thread of the same
 * context meanwhile gets a buffer of its own: one kmalloc holding request
 * and data. Larger data goes through kvmalloc, which falls back to vmalloc;
 * vmalloc memory is not physically contiguous, so it never goes into
 * sg_init_one(): its scatterlist has one entry per page. Buffers are wiped
 * when freed: they hold plaintext or key-derived data.
 *
 * Every buffer is charged to the context (and its user) that asked for it
 * while it exists (the op buffer for as long as the context lives), and
 * allocated with NCR_GFP (charged to the memory cgroup): threads running
 * large operations in parallel cannot hold more kernel memory than their
 * limits say.
 */
#include <linux/bitops.h>
#include <linux/crypto.h>
#include <linux/instrumented.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include "ncr_buf.h"
#include "ncr_ctx.h"

/* Largest request + data kept in one allocation (and the op buffer). */
#define NCR_BUF_COMBINED_MAX PAGE_SIZE

/* The context's op buffer, or NULL when another thread has it. */
static void *ncr_buf_take_opbuf(struct ncr_ctx *ctx)
{
	void *mem;

	if (test_and_set_bit_lock(0, &ctx->opbuf_busy))
		return NULL;
	if (ctx->opbuf)
		return ctx->opbuf;
	/* first use: the bit lock makes us the only one to install it */
	if (ncr_ctx_charge_mem(ctx, NCR_BUF_COMBINED_MAX))
		goto busy;
	mem = kmalloc(NCR_BUF_COMBINED_MAX, NCR_GFP);
	if (!mem) {
		ncr_ctx_uncharge_mem(ctx, NCR_BUF_COMBINED_MAX);
		goto busy;
	}
	ctx->opbuf = mem;
	return mem;
busy:
	clear_bit_unlock(0, &ctx->opbuf_busy);
	return NULL;
}

/* At the context's last close: no operation is running any more. */
void ncr_buf_ctx_release(struct ncr_ctx *ctx)
{
	if (!ctx->opbuf)
		return;
	kfree_sensitive(ctx->opbuf);
	ctx->opbuf = NULL;
	ncr_ctx_uncharge_mem(ctx, NCR_BUF_COMBINED_MAX);
}

/* Request and data in one allocation: the op buffer or a kmalloc. */
static int ncr_buf_alloc_combined(struct ncr_buf *b, struct ncr_ctx *ctx,
				  size_t head, size_t len)
{
	b->combined = head + len;
	b->req = ncr_buf_take_opbuf(ctx);
	if (b->req) {
		b->opbuf = true;
	} else {
		if (ncr_ctx_charge_mem(ctx, b->combined))
			return -EDQUOT;
		b->req = kmalloc(b->combined, NCR_GFP);
		if (!b->req) {
			ncr_ctx_uncharge_mem(ctx, b->combined);
			return -ENOMEM;
		}
		b->charged = b->combined;
	}
	b->data = (u8 *)b->req + head;
	return 0;
}

/* Request and data apart: data too large for one page. */
static int ncr_buf_alloc_apart(struct ncr_buf *b, struct ncr_ctx *ctx,
			       size_t len, size_t req_size)
{
	u64 charge = req_size + (len ? len : 1);
	int err;

	err = ncr_ctx_charge_mem(ctx, charge);
	if (err)
		return err;
	if (req_size) {
		b->req = kmalloc(req_size, NCR_GFP);
		if (!b->req)
			goto fail;
	}
	b->data = kvmalloc(len ? len : 1, NCR_GFP);
	if (!b->data) {
		kfree(b->req);
		b->req = NULL;
		goto fail;
	}
	b->charged = charge;
	return 0;
fail:
	ncr_ctx_uncharge_mem(ctx, charge);
	return -ENOMEM;
}

/* len bytes of data, and req_size bytes for a crypto request (may be 0). */
int ncr_buf_alloc(struct ncr_buf *b, struct ncr_ctx *ctx, size_t len,
		  size_t req_size)
{
	size_t head = ALIGN(req_size, CRYPTO_MINALIGN);
	int err;

	b->ctx = ctx;
	b->len = len;
	b->req_size = req_size;
	b->req = NULL;
	b->data = NULL;
	b->combined = 0;
	b->charged = 0;
	b->opbuf = false;
	b->have_sgt = false;
	if (req_size && head + len <= NCR_BUF_COMBINED_MAX)
		err = ncr_buf_alloc_combined(b, ctx, head, len);
	else
		err = ncr_buf_alloc_apart(b, ctx, len, req_size);
	if (err)
		b->ctx = NULL;
	return err;
}

/* Wipes data and request (request contexts hold cipher/hash state). */
void ncr_buf_free(struct ncr_buf *b)
{
	if (!b->ctx)
		return;
	if (b->have_sgt)
		sg_free_table(&b->sgt);
	b->have_sgt = false;
	if (b->combined)
		memzero_explicit(b->req, b->combined);
	if (b->opbuf) {
		clear_bit_unlock(0, &b->ctx->opbuf_busy);
	} else if (b->combined) {
		kfree(b->req);
	} else {
		kvfree_sensitive(b->data, b->len ? b->len : 1);
		if (b->req) {
			memzero_explicit(b->req, b->req_size);
			kfree(b->req);
		}
	}
	b->data = NULL;
	b->req = NULL;
	if (b->charged)
		ncr_ctx_uncharge_mem(b->ctx, b->charged);
	b->ctx = NULL;
}

/*
 * Copies between user memory and a buffer. The kernel side is bounds-
 * checked here against the buffer's own length, which is what the
 * hardened-usercopy object walk of copy_{from,to}_user would establish for
 * us at about 180 instructions a copy (half of what a small operation's
 * framework costs): so the copy itself is the raw one, behind access_ok()
 * and with the KASAN/KCSAN/KMSAN instrumentation copy_*_user has.
 */
int ncr_buf_from_user(struct ncr_buf *b, size_t off, const void __user *src,
		      size_t n)
{
	void *to = b->data + off;
	unsigned long left;

	if (WARN_ON_ONCE(off > b->len || n > b->len - off))
		return -EINVAL;
	if (!n)
		return 0;
	might_fault();
	if (!access_ok(src, n))
		return -EFAULT;
	instrument_copy_from_user_before(to, src, n);
	left = raw_copy_from_user(to, src, n);
	instrument_copy_from_user_after(to, src, n, left);
	return left ? -EFAULT : 0;
}

int ncr_buf_to_user(void __user *dst, const struct ncr_buf *b, size_t off,
		    size_t n)
{
	const void *from = b->data + off;

	if (WARN_ON_ONCE(off > b->len || n > b->len - off))
		return -EINVAL;
	if (!n)
		return 0;
	might_fault();
	if (!access_ok(dst, n))
		return -EFAULT;
	instrument_copy_to_user(dst, from, n);
	return raw_copy_to_user(dst, from, n) ? -EFAULT : 0;
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
	err = sg_alloc_table(&b->sgt, n, NCR_GFP);
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
