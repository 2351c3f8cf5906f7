// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The library's version: the numbers of the <ncrypto.h> it was built with
// (tests/host_api checks they are configure's PACKAGE_VERSION).
#include "handle.hpp"

#define NCRYPTO_STR_(x) #x
#define NCRYPTO_STR(x) NCRYPTO_STR_(x)

extern "C" {

const char *ncrypto_version(void)
{
	return NCRYPTO_STR(NCRYPTO_VERSION_MAJOR) "." NCRYPTO_STR(NCRYPTO_VERSION_MINOR) "."
		NCRYPTO_STR(NCRYPTO_VERSION_PATCH);
}

int ncrypto_version_numbers(uint32_t *major, uint32_t *minor, uint32_t *patch)
{
	if (major)
		*major = NCRYPTO_VERSION_MAJOR;
	if (minor)
		*minor = NCRYPTO_VERSION_MINOR;
	if (patch)
		*patch = NCRYPTO_VERSION_PATCH;
	return NCRYPTO_OK;
}

} // extern "C"
