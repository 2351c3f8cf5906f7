/* SPDX-License-Identifier: GPL-2.0 */
/* Size-versioned ioctl argument structs and user pointers. */
#ifndef NCR_UAPI_H
#define NCR_UAPI_H

#include <linux/compiler.h>
#include <linux/string.h>
#include <linux/types.h>
#include <linux/uaccess.h>

int ncr_uapi_copy_in_sized(void *karg, size_t ksize, size_t ver0,
			   const void __user *uarg, u32 size);

/*
 * Copy the caller's struct into karg (ksize bytes: the struct this module
 * knows; every struct starts with __u32 size), following the "Conventions"
 * of <linux/ncrypto.h>. *usize gets the caller's size, for the copy out.
 *
 * Inline so that ksize is a constant at each call site: the common case
 * (the caller knows the struct this module knows) is then one fixed-size
 * copy_from_user, which needs no hardened-usercopy object walk. The size
 * kept in karg is the one read first, not a second read of user memory
 * that another thread may have changed in between.
 */
static __always_inline int ncr_uapi_copy_in(void *karg, size_t ksize,
					    size_t ver0,
					    const void __user *uarg,
					    u32 *usize)
{
	u32 size;

	if (get_user(size, (const u32 __user *)uarg))
		return -EFAULT;
	*usize = size;
	if (likely(size == ksize)) {
		if (copy_from_user(karg, uarg, ksize))
			return -EFAULT;
		*(u32 *)karg = size;
		return 0;
	}
	return ncr_uapi_copy_in_sized(karg, ksize, ver0, uarg, size);
}

int ncr_uapi_copy_out(void __user *uarg, const void *karg, size_t ksize,
		      u32 usize);

/* A user pointer for len bytes: NULL is fine only when len is 0. */
static inline int ncr_uapi_ptr(u64 ptr, u32 len, void __user **out)
{
	if (!ptr && len)
		return -EFAULT;
	*out = u64_to_user_ptr(ptr);
	return 0;
}

struct ncrypto_handle;
int ncr_uapi_handle_in(struct ncrypto_handle *h, const void __user *uarg);

/*
 * True if the n bytes at p are all zero (reserved fields). Reserved arrays
 * are __u64[] of constant size: OR-ing the words inline costs a few
 * instructions where memchr_inv() costs a call and a loop.
 */
static __always_inline bool ncr_uapi_zero(const void *p, size_t n)
{
	const u64 *w = p;
	u64 any = 0;
	size_t i;

	if (!__builtin_constant_p(n) || n % sizeof(u64) ||
	    !IS_ALIGNED((unsigned long)p, sizeof(u64)))
		return !memchr_inv(p, 0, n);
	for (i = 0; i < n / sizeof(u64); i++)
		any |= w[i];
	return !any;
}

#endif /* NCR_UAPI_H */
