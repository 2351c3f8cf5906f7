# Tests (configure --disable-tests leaves them out). guest_* need
# /dev/ncrypto: built by `make check` but not run by it; tests/vm/run-guest
# runs them inside QEMU guests. host_* run here (TESTS).

if BUILD_TESTS
tests_guest_programs = \
	tests/guest_wycheproof \
	tests/guest_diff \
	tests/guest_badinput \
	tests/guest_concurrency \
	tests/guest_api \
	tests/guest_capability \
	tests/guest_keyparams \
	tests/guest_pkey
tests_host_programs = \
	tests/host_api \
	tests/host_c99

check_PROGRAMS += $(tests_guest_programs) $(tests_host_programs)
TESTS += $(tests_host_programs) tests/host_symbols.test

# The Wycheproof JSON is read at run time from the source tree (visible in
# the guest at the same absolute path).
tests_cppflags = $(AM_CPPFLAGS) -I$(top_srcdir)/libncrypto \
	-DTEST_SRCDIR='"$(abs_top_srcdir)/tests"' \
	$(CHECK_CFLAGS) $(JSONC_CFLAGS) $(NETTLE_CFLAGS)
# libncrypto-abi: the raw helpers fill structs and call ioctl as the library
# does (tests/common.*).
tests_ldadd = libncrypto/libncrypto-abi.la libncrypto/libncrypto.la $(CHECK_LIBS) $(JSONC_LIBS) $(NETTLE_LIBS) -lpthread
# No libtool wrapper scripts: the binaries run as they are inside the guest.
tests_ldflags = -no-install
tests_common = tests/common.cpp tests/common.hpp

tests_guest_wycheproof_SOURCES = tests/guest_wycheproof.cpp $(tests_common)
tests_guest_wycheproof_CPPFLAGS = $(tests_cppflags)
tests_guest_wycheproof_LDADD = $(tests_ldadd)
tests_guest_wycheproof_LDFLAGS = $(tests_ldflags)

tests_guest_diff_SOURCES = tests/guest_diff.cpp $(tests_common)
tests_guest_diff_CPPFLAGS = $(tests_cppflags)
tests_guest_diff_LDADD = $(tests_ldadd)
tests_guest_diff_LDFLAGS = $(tests_ldflags)

tests_guest_badinput_SOURCES = tests/guest_badinput.cpp $(tests_common)
tests_guest_badinput_CPPFLAGS = $(tests_cppflags)
tests_guest_badinput_LDADD = $(tests_ldadd)
tests_guest_badinput_LDFLAGS = $(tests_ldflags)

tests_guest_concurrency_SOURCES = tests/guest_concurrency.cpp $(tests_common)
tests_guest_concurrency_CPPFLAGS = $(tests_cppflags)
tests_guest_concurrency_LDADD = $(tests_ldadd)
tests_guest_concurrency_LDFLAGS = $(tests_ldflags)

tests_guest_api_SOURCES = tests/guest_api.cpp $(tests_common)
tests_guest_api_CPPFLAGS = $(tests_cppflags)
tests_guest_api_LDADD = $(tests_ldadd)
tests_guest_api_LDFLAGS = $(tests_ldflags)

tests_guest_capability_SOURCES = tests/guest_capability.cpp $(tests_common)
tests_guest_capability_CPPFLAGS = $(tests_cppflags)
tests_guest_capability_LDADD = $(tests_ldadd)
tests_guest_capability_LDFLAGS = $(tests_ldflags)

tests_guest_keyparams_SOURCES = tests/guest_keyparams.cpp $(tests_common)
tests_guest_keyparams_CPPFLAGS = $(tests_cppflags)
tests_guest_keyparams_LDADD = $(tests_ldadd)
tests_guest_keyparams_LDFLAGS = $(tests_ldflags)

tests_guest_pkey_SOURCES = tests/guest_pkey.cpp $(tests_common)
tests_guest_pkey_CPPFLAGS = $(tests_cppflags) $(LIBCRYPTO_CFLAGS)
tests_guest_pkey_LDADD = $(tests_ldadd) $(LIBCRYPTO_LIBS)
tests_guest_pkey_LDFLAGS = $(tests_ldflags)

tests_host_api_SOURCES = tests/host_api.cpp $(tests_common)
tests_host_api_CPPFLAGS = $(tests_cppflags)
tests_host_api_LDADD = $(tests_ldadd)
tests_host_api_LDFLAGS = $(tests_ldflags)

tests_host_c99_SOURCES = tests/host_c99.c
tests_host_c99_CFLAGS = -std=c99 -pedantic -Wall -Wextra -Werror
tests_host_c99_LDADD = libncrypto/libncrypto.la
tests_host_c99_LDFLAGS = $(tests_ldflags)
endif

EXTRA_DIST += tests/host_symbols.test
tests_wycheproof_files = \
	tests/wycheproof/LICENSE \
	tests/wycheproof/SOURCE.md \
	tests/wycheproof/aes_cbc_pkcs5_test.json \
	tests/wycheproof/aes_gcm_test.json \
	tests/wycheproof/aes_xts_test.json \
	tests/wycheproof/chacha20_poly1305_test.json \
	tests/wycheproof/hmac_sha1_test.json \
	tests/wycheproof/hmac_sha224_test.json \
	tests/wycheproof/hmac_sha256_test.json \
	tests/wycheproof/hmac_sha384_test.json \
	tests/wycheproof/hmac_sha512_test.json \
	tests/wycheproof/hmac_sha3_256_test.json \
	tests/wycheproof/hmac_sha3_384_test.json \
	tests/wycheproof/hmac_sha3_512_test.json \
	tests/wycheproof/x25519_test.json
EXTRA_DIST += $(tests_wycheproof_files)
