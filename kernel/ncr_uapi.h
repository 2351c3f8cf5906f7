/* SPDX-License-Identifier: GPL-2.0 */
/* Size-versioned ioctl argument structs and user pointers. */
#ifndef NCR_UAPI_H
#define NCR_UAPI_H

#include <linux/string.h>
#include <linux/types.h>
#include <linux/uaccess.h>

int ncr_uapi_copy_in(void *karg, size_t ksize, size_t ver0,
		     const void __user *uarg, u32 *usize);
int ncr_uapi_copy_out(void __user *uarg, const void *karg, size_t ksize,
		      u32 usize);
int ncr_uapi_ptr(u64 ptr, u32 len, void __user **out);

struct ncrypto_handle;
int ncr_uapi_handle_in(struct ncrypto_handle *h, const void __user *uarg);

/* True if the n bytes at p are all zero (reserved fields). */
static inline bool ncr_uapi_zero(const void *p, size_t n)
{
	return !memchr_inv(p, 0, n);
}

#endif /* NCR_UAPI_H */
