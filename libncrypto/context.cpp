// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Contexts: opening /dev/ncrypto (or adopting a received fd), refusing a
// module of another ABI major.
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

#include "handle.hpp"

using namespace ncrypto_impl;

namespace {

// open() has its own errno meanings: a missing node means the module is not
// loaded, EACCES means file permissions (not FIPS, as it does for ioctls).
int open_error(int err) noexcept
{
	set_last_errno(err);
	switch (err) {
	case ENOENT:
	case ENODEV:
	case ENXIO:
		return NCRYPTO_E_NOT_LOADED;
	case EACCES:
	case EPERM:
		return NCRYPTO_E_ACCESS;
	case ENOMEM:
		return NCRYPTO_E_NO_MEMORY;
	default:
		return NCRYPTO_E_SYSTEM;
	}
}

// Refuse a module whose ABI major we do not speak (or a path that is not
// /dev/ncrypto at all: ENOTTY) before handing out a context, and remember
// its minor.
int check_abi(Device &dev) noexcept
{
	struct ncrypto_info info;
	abi::info(info, nullptr, 0);
	int rc = xioctl(dev, NCRYPTO_IOC_INFO, &info);
	if (rc != NCRYPTO_OK)
		return rc;
	if (info.abi_major != NCRYPTO_ABI_MAJOR)
		return NCRYPTO_E_UNSUPPORTED;
	dev.abi_minor = info.abi_minor;
	return NCRYPTO_OK;
}

int new_ctx(int fd, ncrypto_ctx_t *ctx)
{
	DevicePtr dev;
	try {
		dev = std::make_shared<Device>(fd); // owns fd from here on
	} catch (...) {
		::close(fd);
		throw;
	}
	int rc = check_abi(*dev);
	if (rc != NCRYPTO_OK)
		return rc;
	auto *c = new ncrypto_ctx_st;
	c->dev = std::move(dev);
	*ctx = c;
	return NCRYPTO_OK;
}

} // namespace

extern "C" {

int ncrypto_open(ncrypto_ctx_t *ctx, const char *path)
{
	if (!ctx)
		return NCRYPTO_E_INVALID_ARG;
	*ctx = nullptr;
	int fd = ::open(path ? path : NCRYPTO_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return open_error(errno);
	return guard([&] { return new_ctx(fd, ctx); });
}

int ncrypto_open_fd(ncrypto_ctx_t *ctx, int fd)
{
	if (!ctx)
		return NCRYPTO_E_INVALID_ARG;
	*ctx = nullptr;
	int copy = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
	if (copy < 0)
		return errno == EBADF ? (set_last_errno(EBADF), NCRYPTO_E_INVALID_ARG)
				      : error_from_errno(errno);
	// Same check as open(): an fd that is not /dev/ncrypto (ENOTTY) or
	// speaks another ABI major is refused here, not at first use.
	return guard([&] { return new_ctx(copy, ctx); });
}

int ncrypto_close(ncrypto_ctx_t ctx)
{
	if (!ctx)
		return NCRYPTO_OK;
	return with(ctx, [](ncrypto_ctx_st &c) -> int { release(&c); return NCRYPTO_OK; });
}

int ncrypto_ctx_fd(ncrypto_ctx_t ctx, int *fd)
{
	return with(ctx, [&](ncrypto_ctx_st &c) -> int {
		if (!fd)
			return NCRYPTO_E_INVALID_ARG;
		*fd = c.dev->fd();
		return NCRYPTO_OK;
	});
}

} // extern "C"
