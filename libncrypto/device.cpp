// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The fd of a kernel context: its ioctls and its close.
#include "device.hpp"

#include <cerrno>
#include <sys/ioctl.h>
#include <unistd.h>

namespace ncrypto_impl {

int device_ioctl(int fd, unsigned long request, void *arg) noexcept
{
	return ::ioctl(fd, request, arg) == 0 ? 0 : errno;
}

Device::~Device()
{
	// close() errors cannot be acted on here; the kernel context is
	// released with the file description whatever close returns.
	::close(fd_);
}

} // namespace ncrypto_impl
