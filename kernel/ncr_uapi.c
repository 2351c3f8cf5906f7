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
 * A caller's struct of another size than ours (ncr_uapi_copy_in handles the
 * same size):
 *  - size < ver0 (the first published size): EINVAL.
 *  - size > PAGE_SIZE: E2BIG. The header promises "up to one page" without
 *    naming the error beyond it; E2BIG is what openat2 and clone3 return
 *    for an oversized struct, and it is also the error for unknown
 *    non-zero tail bytes, which is what such a struct is to this module.
 *  - larger than ours: its extra bytes must all be zero (E2BIG otherwise);
 *    smaller: our fields past its end are zero. copy_struct_from_user()
 *    does both, and reads every byte of ours the caller has: a struct that
 *    grows is read whole, never partly left as it was on the stack.
 */
int ncr_uapi_copy_in_sized(void *karg, size_t ksize, size_t ver0,
			   const void __user *uarg, u32 size)
{
	int err;

	if (WARN_ON_ONCE(ver0 > ksize || ver0 < sizeof(u32)))
		return -EINVAL;
	if (size < ver0)
		return -EINVAL;
	if (size > PAGE_SIZE)
		return -E2BIG;
	err = copy_struct_from_user(karg, ksize, uarg, size);
	if (err)
		return err;
	*(u32 *)karg = size;
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
