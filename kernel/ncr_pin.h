/* SPDX-License-Identifier: GPL-2.0 */
/* Zero-copy: user pages pinned for the length of one operation. */
#ifndef NCR_PIN_H
#define NCR_PIN_H

#include <linux/scatterlist.h>
#include <linux/types.h>

struct ncr_ctx;
struct page;
struct shash_desc;

/*
 * Below this many bytes copying is cheaper than pinning (and a small op
 * keeps its single allocation); at or above it one-shot ops run over the
 * user's pages.
 */
#define NCR_PIN_MIN_LEN		4096u

struct ncr_pin {
	struct ncr_ctx *ctx;	/* charged for the arrays */
	u64 charged;
	struct page **pages;
	struct scatterlist *sg;	/* npages + 2 entries: head, pages, tail */
	unsigned int npages;
	unsigned int offset;	/* of the data in pages[0] */
	size_t len;
	bool write;
};

int ncr_pin_user(struct ncr_pin *p, struct ncr_ctx *ctx,
		 const void __user *uaddr, size_t len, bool write);
void ncr_pin_release(struct ncr_pin *p);
struct scatterlist *ncr_pin_sg(struct ncr_pin *p, void *head,
			       unsigned int head_len, void *tail,
			       unsigned int tail_len);
int ncr_pin_hash(struct shash_desc *desc, const void __user **src,
		 size_t *len);
bool ncr_pin_disjoint(const void __user *a, const void __user *b, size_t n);

#endif /* NCR_PIN_H */
