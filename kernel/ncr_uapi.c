// SPDX-License-Identifier: GPL-2.0
/*
 * Size-versioned argument structs (the openat2/clone3 convention, see the
 * "Conventions" section of <linux/ncrypto.h>).
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/ncrypto.h>
#include <linux/uaccess.h>

#include "ncr_uapi.h"

/*
 * Copy the caller's struct into karg (ksize bytes, the struct this module
 * knows). Every struct starts with __u32 size.
 *  - size < ver0 (the first published size): EINVAL.
 *  - size > PAGE_SIZE: E2BIG. The header promises "up to one page" without
 *    naming the error beyond it; E2BIG is what openat2 and clone3 return
 *    for an oversized struct, and it is also the error for unknown
 *    non-zero tail bytes, which is what such a struct is to this module.
 *  - a larger struct whose extra bytes are not all zero: E2BIG
 *    (copy_struct_from_user). A smaller one is zero-extended.
 * The size stored in karg is the one validated here, not a second read of
 * user memory that another thread may have changed in between.
 *
 * A valid struct has at least ver0 bytes, so the common case (the caller
 * knows the same struct as we do) is a single copy_from_user.
 */
int ncr_uapi_copy_in(void *karg, size_t ksize, size_t ver0,
		     const void __user *uarg, u32 *usize)
{
	u32 size;
	int err;

	if (WARN_ON_ONCE(ver0 > ksize || ver0 < sizeof(u32)))
		return -EINVAL;
	if (copy_from_user(karg, uarg, ver0)) {
		/* a short struct at the end of a mapping is still EINVAL */
		if (get_user(size, (const u32 __user *)uarg))
			return -EFAULT;
		return size < ver0 ? -EINVAL : -EFAULT;
	}
	size = *(u32 *)karg;
	if (size < ver0)
		return -EINVAL;
	if (size > PAGE_SIZE)
		return -E2BIG;
	if (size == ksize) {
		/* nothing more to read */
	} else if (size == ver0) {
		memset((u8 *)karg + ver0, 0, ksize - ver0);
	} else {
		err = copy_struct_from_user(karg, ksize, uarg, size);
		if (err)
			return err;
		*(u32 *)karg = size;
	}
	*usize = size;
	return 0;
}

/* The argument of KEY_DESTROY and SESSION_DESTROY: a handle, nothing else. */
int ncr_uapi_handle_in(struct ncrypto_handle *h, const void __user *uarg)
{
	u32 usize;
	int err;

	err = ncr_uapi_copy_in(h, sizeof(*h), NCRYPTO_SIZE_HANDLE_VER0, uarg,
			       &usize);
	if (err)
		return err;
	if (h->flags || h->reserved0)
		return -EINVAL;
	return 0;
}

/* Write results back, never past the caller's size. */
int ncr_uapi_copy_out(void __user *uarg, const void *karg, size_t ksize,
		      u32 usize)
{
	if (copy_to_user(uarg, karg, min_t(size_t, ksize, usize)))
		return -EFAULT;
	return 0;
}

/* A user pointer for len bytes: NULL is fine only when len is 0. */
int ncr_uapi_ptr(u64 ptr, u32 len, void __user **out)
{
	if (!ptr && len)
		return -EFAULT;
	*out = u64_to_user_ptr(ptr);
	return 0;
}
