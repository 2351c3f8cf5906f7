// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Error codes: the errno -> NCRYPTO_E_* mapping of the ABI header's error
// list, ncrypto_strerror(), and the thread-local errno of the last failed
// system call.
#include <cerrno>

#include "handle.hpp"

namespace ncrypto_impl {

namespace {
thread_local int last_errno = 0;
}

void set_last_errno(int err) noexcept { last_errno = err; }

int error_from_errno(int err) noexcept
{
	set_last_errno(err);
	switch (err) {
	case EINVAL:
	case EFAULT:
		return NCRYPTO_E_INVALID_ARG;
	case ENOENT:
		return NCRYPTO_E_NO_SUCH_OBJECT;
	case EPERM:
		return NCRYPTO_E_PERMISSION;
	case EACCES:
		return NCRYPTO_E_FIPS;
	case ENOPKG:
		return NCRYPTO_E_UNSUPPORTED;
	case EDQUOT:
		return NCRYPTO_E_QUOTA;
	case E2BIG:
		return NCRYPTO_E_TOO_BIG;
	case ENOSPC:
		return NCRYPTO_E_BUFFER_TOO_SMALL;
	case EBADMSG:
		return NCRYPTO_E_AUTH_FAILED;
	case EBADFD:
		return NCRYPTO_E_SESSION_FAILED;
	case ENOMEM:
		return NCRYPTO_E_NO_MEMORY;
	case EKEYREVOKED:
		return NCRYPTO_E_KEY_REVOKED;
	case EOVERFLOW:
		return NCRYPTO_E_NONCES_EXHAUSTED;
	case EKEYREJECTED:
		return NCRYPTO_E_KEY_REJECTED;
	case ERANGE:
		return NCRYPTO_E_OUT_OF_RANGE;
	case EIO:
		return NCRYPTO_E_SELF_CHECK;
	default: // ENOTTY (not an ncrypto fd), EBADF, EINTR, ...
		return NCRYPTO_E_SYSTEM;
	}
}

int xioctl(const Device &dev, unsigned long request, void *arg) noexcept
{
	int err = dev.ioctl(request, arg);
	return err ? error_from_errno(err) : NCRYPTO_OK;
}

} // namespace ncrypto_impl

extern "C" {

const char *ncrypto_strerror(int err)
{
	switch (err) {
	case NCRYPTO_OK:
		return "success";
	case NCRYPTO_E_NOT_LOADED:
		return "ncrypto kernel module not loaded (/dev/ncrypto missing): modprobe ncrypto";
	case NCRYPTO_E_INVALID_ARG:
		return "invalid argument";
	case NCRYPTO_E_BAD_HANDLE:
		return "invalid handle (NULL, destroyed, or of another type)";
	case NCRYPTO_E_NO_SUCH_OBJECT:
		return "no such key or session in this context";
	case NCRYPTO_E_PERMISSION:
		return "permission denied: the key does not allow this operation";
	case NCRYPTO_E_FIPS:
		return "refused by the FIPS policy";
	case NCRYPTO_E_UNSUPPORTED:
		return "algorithm not available in this kernel";
	case NCRYPTO_E_QUOTA:
		return "key, session or memory limit reached";
	case NCRYPTO_E_TOO_BIG:
		return "input too long for one operation";
	case NCRYPTO_E_BUFFER_TOO_SMALL:
		return "output buffer too small";
	case NCRYPTO_E_AUTH_FAILED:
		return "authentication failed";
	case NCRYPTO_E_BAD_PADDING:
		return "bad padding";
	case NCRYPTO_E_SESSION_FAILED:
		return "session failed earlier and can only be destroyed";
	case NCRYPTO_E_NO_MEMORY:
		return "out of memory";
	case NCRYPTO_E_ACCESS:
		return "cannot open /dev/ncrypto: permission denied";
	case NCRYPTO_E_SYSTEM:
		return "system error (see ncrypto_last_errno)";
	case NCRYPTO_E_INTERNAL:
		return "internal error in libncrypto";
	case NCRYPTO_E_KEY_REVOKED:
		return "the session's key was destroyed or lost the usage the session needs";
	case NCRYPTO_E_KEY_REJECTED:
		return "the key parts do not make a valid key";
	case NCRYPTO_E_OUT_OF_RANGE:
		return "a key value is out of its range";
	case NCRYPTO_E_SELF_CHECK:
		return "the kernel's check of its own result failed (fault?): nothing returned";
	case NCRYPTO_E_NONCES_EXHAUSTED:
		return "the key's kernel-made nonces are used up: make a new key";
	default:
		return "unknown ncrypto error";
	}
}

int ncrypto_last_errno(void) { return ncrypto_impl::last_errno; }

} // extern "C"
