/* SPDX-License-Identifier: GPL-2.0 */
/* Kernel data buffers for one operation and their scatterlists. */
#ifndef NCR_BUF_H
#define NCR_BUF_H

#include <linux/scatterlist.h>
#include <linux/types.h>

struct ncr_ctx;

struct ncr_buf {
	struct ncr_ctx *ctx;	/* charged for the memory */
	u64 charged;
	u8 *data;		/* kmalloc or vmalloc memory */
	size_t len;
	void *req;		/* memory for the crypto request, or NULL */
	size_t req_size;
	size_t combined;	/* > 0: req and data share one allocation */
	bool opbuf;		/* that allocation is the context's op buffer */
	struct sg_table sgt;	/* vmalloc memory: one entry per page */
	struct scatterlist one;	/* kmalloc memory: a single entry */
	bool have_sgt;
};

int ncr_buf_alloc(struct ncr_buf *b, struct ncr_ctx *ctx, size_t len,
		  size_t req_size);
void ncr_buf_free(struct ncr_buf *b);
void ncr_buf_ctx_release(struct ncr_ctx *ctx);
int ncr_buf_from_user(struct ncr_buf *b, size_t off, const void __user *src,
		      size_t n);
int ncr_buf_to_user(void __user *dst, const struct ncr_buf *b, size_t off,
		    size_t n);
struct scatterlist *ncr_buf_sg(struct ncr_buf *b);

#endif /* NCR_BUF_H */
