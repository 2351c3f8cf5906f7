// SPDX-License-Identifier: GPL-2.0
/*
 * Zero-copy for large one-shot operations: instead of copying user data
 * into a kernel buffer and back, pin the user pages (short term, FOLL_PIN,
 * FOLL_WRITE for output) and let the crypto API walk a scatterlist over
 * them. Pinning costs a page-table walk and an atomic per page, so only
 * operations of NCR_PIN_MIN_LEN bytes or more use it.
 *
 * Anything that cannot be pinned completely (unmapped, read-only for
 * output, VM_IO/PFNMAP mappings, no memory for the page array) is released
 * and reported as an error: callers then take the copy path, which gives
 * the same results and the same EFAULT semantics as before.
 *
 * Only operations whose output the ABI lets us write while we compute use
 * this (hash input, cipher, AEAD encryption): AEAD decryption must not
 * write plaintext before the tag is verified and keeps copying.
 */
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <crypto/hash.h>

#include "ncr_ctx.h"
#include "ncr_params.h"
#include "ncr_pin.h"

/* Pages pinned at a time while hashing: the array lives on the stack. */
#define NCR_PIN_HASH_BATCH 16

/*
 * Pin len bytes at uaddr (len > 0, at most max_op_len). 0 when every page
 * is pinned; otherwise nothing is left pinned and the error says why.
 */
int ncr_pin_user(struct ncr_pin *p, struct ncr_ctx *ctx,
		 const void __user *uaddr, size_t len, bool write)
{
	unsigned long start = (unsigned long)uaddr;
	u32 limit = ncr_limit_op_len();	/* once: root may change it */
	unsigned int npages;
	size_t arrays;
	int got, err;

	memset(p, 0, sizeof(*p));
	if (!len || len > limit)
		return -E2BIG;
	p->offset = offset_in_page(start);
	/* at most limit / PAGE_SIZE + 2: bounds the allocation below */
	npages = DIV_ROUND_UP(p->offset + len, PAGE_SIZE);

	/* scatterlist first (its alignment), then the page pointers */
	arrays = array_size(npages + 2, sizeof(*p->sg)) +
		 array_size(npages, sizeof(*p->pages));
	err = ncr_ctx_charge_mem(ctx, arrays);
	if (err)
		return err;
	p->sg = kvmalloc(arrays, NCR_GFP);
	if (!p->sg) {
		ncr_ctx_uncharge_mem(ctx, arrays);
		return -ENOMEM;
	}
	p->ctx = ctx;
	p->charged = arrays;
	p->pages = (struct page **)(p->sg + npages + 2);

	got = pin_user_pages_fast(start & PAGE_MASK, npages,
				  write ? FOLL_WRITE : 0, p->pages);
	if (got != npages) {
		if (got > 0)
			unpin_user_pages(p->pages, got);
		kvfree(p->sg);
		p->sg = NULL;
		p->pages = NULL;
		ncr_ctx_uncharge_mem(ctx, arrays);
		return got < 0 ? got : -EFAULT;
	}
	p->npages = npages;
	p->len = len;
	p->write = write;
	return 0;
}

/* Unpin (output pages marked dirty: we wrote them) and free the arrays. */
void ncr_pin_release(struct ncr_pin *p)
{
	if (!p->sg)
		return;
	if (p->write)
		unpin_user_pages_dirty_lock(p->pages, p->npages, true);
	else
		unpin_user_pages(p->pages, p->npages);
	kvfree(p->sg);
	p->sg = NULL;
	p->pages = NULL;
	p->npages = 0;
	ncr_ctx_uncharge_mem(p->ctx, p->charged);
}

/*
 * The scatterlist head | pinned pages | tail. head and tail (AEAD aad and
 * tag) are optional kmalloc memory (never stack or vmalloc: sg_set_buf).
 */
struct scatterlist *ncr_pin_sg(struct ncr_pin *p, void *head,
			       unsigned int head_len, void *tail,
			       unsigned int tail_len)
{
	unsigned int n = p->npages + !!head_len + !!tail_len, i, k = 0;
	unsigned int off = p->offset;
	size_t left = p->len;

	sg_init_table(p->sg, n);
	if (head_len)
		sg_set_buf(&p->sg[k++], head, head_len);
	for (i = 0; i < p->npages; i++) {
		unsigned int chunk = min_t(size_t, left, PAGE_SIZE - off);

		sg_set_page(&p->sg[k++], p->pages[i], chunk, off);
		left -= chunk;
		off = 0;
	}
	if (tail_len)
		sg_set_buf(&p->sg[k++], tail, tail_len);
	return p->sg;
}

/*
 * Hash user memory page by page over pinned pages, a batch at a time.
 * Advances *src and *len over what was hashed; stops early (returning 0)
 * when pinning fails, leaving the rest to the caller's copy loop, which
 * reports EFAULT if the memory really is not readable.
 */
int ncr_pin_hash(struct shash_desc *desc, const void __user **src,
		 size_t *len)
{
	struct page *pages[NCR_PIN_HASH_BATCH];
	int err = 0;

	while (*len && !err) {
		unsigned long start = (unsigned long)*src;
		unsigned int off = offset_in_page(start);
		int want = min_t(size_t, DIV_ROUND_UP(off + *len, PAGE_SIZE),
				 NCR_PIN_HASH_BATCH);
		int got, i;

		got = pin_user_pages_fast(start & PAGE_MASK, want, 0, pages);
		if (got <= 0)
			return 0;
		for (i = 0; i < got && !err; i++) {
			size_t n = min_t(size_t, *len, PAGE_SIZE - off);
			u8 *va = kmap_local_page(pages[i]);

			err = crypto_shash_update(desc, va + off, n);
			kunmap_local(va);
			*src += n;
			*len -= n;
			off = 0;
		}
		unpin_user_pages(pages, got);
		cond_resched();
	}
	return err;
}

/* src and dst of n bytes do not overlap at all. */
bool ncr_pin_disjoint(const void __user *a, const void __user *b, size_t n)
{
	unsigned long x = (unsigned long)a, y = (unsigned long)b;

	return x + n <= y || y + n <= x;
}
