// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Internal: the open file description of /dev/ncrypto and the one place
// that calls ioctl(2) on it.
#ifndef NCRYPTO_DEVICE_HPP
#define NCRYPTO_DEVICE_HPP

#include <cstdint>
#include <memory>

namespace ncrypto_impl {

// One ioctl on an ncrypto fd: 0, or the errno it failed with. The library
// maps the errno to an NCRYPTO_E_* code; the tests' raw helpers use it as
// it is.
int device_ioctl(int fd, unsigned long request, void *arg) noexcept;

// The kernel context: shared by the context handle and every key and
// session made from it, so the fd stays open until the last of them is
// destroyed. shared_ptr's reference count is atomic; the kernel serialises
// everything else.
class Device {
public:
	explicit Device(int fd) noexcept : fd_(fd) {}
	~Device();
	Device(const Device &) = delete;
	Device &operator=(const Device &) = delete;

	int fd() const noexcept { return fd_; }
	int ioctl(unsigned long request, void *arg) const noexcept
	{
		return device_ioctl(fd_, request, arg);
	}

	// The module's ABI minor, learnt when the context was opened: what
	// the library may ask of it (ABI 1.1 key parameters, alg_info's
	// update_len) and how a failed session call left the session.
	uint32_t abi_minor = 0;

private:
	int fd_;
};
using DevicePtr = std::shared_ptr<Device>;

} // namespace ncrypto_impl

#endif
