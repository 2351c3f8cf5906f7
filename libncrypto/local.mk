# libncrypto: the C API over /dev/ncrypto (libncrypto.so.1) and its
# header-only C++ API (configure --disable-library leaves them out), and the
# `ncrypto` command-line tool (--disable-cli).

if BUILD_LIBRARY
# The uapi structs and the ioctl call: a convenience library linked into
# libncrypto and into the tests, whose raw ioctl helpers fill the same
# structs the same way.
noinst_LTLIBRARIES += libncrypto/libncrypto-abi.la
libncrypto_libncrypto_abi_la_SOURCES = \
	libncrypto/abi.hpp \
	libncrypto/abi.cpp \
	libncrypto/device.hpp \
	libncrypto/device.cpp
libncrypto_libncrypto_abi_la_CXXFLAGS = $(AM_CXXFLAGS) -fvisibility=hidden \
	-fvisibility-inlines-hidden

lib_LTLIBRARIES += libncrypto/libncrypto.la
libncrypto_libncrypto_la_SOURCES = \
	libncrypto/handle.hpp \
	libncrypto/error.cpp \
	libncrypto/names.cpp \
	libncrypto/version.cpp \
	libncrypto/context.cpp \
	libncrypto/info.cpp \
	libncrypto/key.cpp \
	libncrypto/key_params.cpp \
	libncrypto/oneshot.cpp \
	libncrypto/cbc_pkcs7.cpp \
	libncrypto/session.cpp \
	libncrypto/pkey.cpp
# Hidden by default: only the NCRYPTO_API functions are visible, and the
# version script keeps anything else (C++ runtime bits) local.
libncrypto_libncrypto_la_CXXFLAGS = $(AM_CXXFLAGS) -fvisibility=hidden \
	-fvisibility-inlines-hidden
# -version-info CURRENT:REVISION:AGE follows the exported interface (see
# libncrypto.map): a release that adds functions bumps CURRENT and AGE, one
# that removes or changes any bumps CURRENT and resets AGE (1:0:0 removed
# ncrypto_get_info), one that changes only code bumps REVISION.
libncrypto_libncrypto_la_LDFLAGS = -version-info 2:0:1 -no-undefined \
	-Wl,--version-script=$(srcdir)/libncrypto/libncrypto.map
libncrypto_libncrypto_la_LIBADD = libncrypto/libncrypto-abi.la
EXTRA_libncrypto_libncrypto_la_DEPENDENCIES = $(srcdir)/libncrypto/libncrypto.map

include_HEADERS = libncrypto/include/ncrypto.h libncrypto/include/ncrypto.hpp
# <ncrypto.h> includes <linux/ncrypto.h> (the ABI header) for the numbers.
ncrypto_uapidir = $(includedir)/linux
ncrypto_uapi_HEADERS = kernel/uapi/linux/ncrypto.h

pkgconfigdir = $(libdir)/pkgconfig
pkgconfig_DATA = libncrypto/ncrypto.pc
endif

# The CLI links the library only (the benchmark, with nettle and libkcapi,
# is bench/ncrypto-bench).
if BUILD_CLI
bin_PROGRAMS += libncrypto/ncrypto
libncrypto_ncrypto_SOURCES = \
	libncrypto/cli/cli.hpp \
	libncrypto/cli/main.cpp \
	libncrypto/cli/info.cpp \
	libncrypto/cli/hash.cpp \
	libncrypto/cli/demo.cpp
libncrypto_ncrypto_LDADD = libncrypto/libncrypto.la
endif

EXTRA_DIST += libncrypto/libncrypto.map libncrypto/ncrypto.pc.in
