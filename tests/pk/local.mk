# kernel/pk/ built for user space: libncrpk.la (the arithmetic plus the
# user-space embedder, tests/pk/pk_env_user.cpp) for the host tests, the
# constant-time check and the benchmark. The same sources build into
# ncrypto.ko through kernel/pk/Kbuild.include: keep both lists in step.

pk_rsa_sources =
pk_ec_sources = kernel/pk/ec.h \
	kernel/pk/ec_field.h kernel/pk/ec_field.c \
	kernel/pk/ec_curve.h kernel/pk/ec_curve.c \
	kernel/pk/ec_point.h kernel/pk/ec_point.c kernel/pk/ec_mul.c \
	kernel/pk/ec_scalar.h kernel/pk/ec_scalar.c \
	kernel/pk/ec_hmac_drbg.h kernel/pk/ec_hmac_drbg.c \
	kernel/pk/ec_key.h kernel/pk/ec_key.c kernel/pk/ec_spki.c \
	kernel/pk/ec_ecdsa.c kernel/pk/ec_ecdh.c
pk_ed25519_sources =
pk_sources = kernel/pk/pk_env.h \
	$(pk_rsa_sources) $(pk_ec_sources) $(pk_ed25519_sources)

kernel_sources += kernel/pk/Kbuild.include $(pk_sources)
EXTRA_DIST += tests/pk/README.md

if BUILD_PK_USER
noinst_LTLIBRARIES += tests/pk/libncrpk.la
tests_pk_libncrpk_la_SOURCES = $(pk_sources) \
	tests/pk/pk_env_user.cpp tests/pk/pk_env_user.hpp
tests_pk_libncrpk_la_CPPFLAGS = -I$(top_srcdir)/kernel/pk $(NETTLE_CFLAGS)
# The arithmetic is built as the kernel builds it: optimised, and with the
# warnings the kernel's -Werror build would reject.
tests_pk_libncrpk_la_CFLAGS = $(AM_CFLAGS) -O2 -Werror -Wvla -Wframe-larger-than=1024
tests_pk_libncrpk_la_LIBADD = $(NETTLE_LIBS)
pk_test_cppflags = $(tests_cppflags) -I$(top_srcdir)/kernel/pk -I$(top_srcdir)/tests/pk
pk_test_ldadd = tests/pk/libncrpk.la $(CHECK_LIBS) $(JSONC_LIBS) $(NETTLE_LIBS) $(LIBCRYPTO_LIBS)
endif

# ec: P-256 and P-384 (kernel/pk/ec*): known answers and bad input,
# Wycheproof, differential against OpenSSL, constant-time check.
if BUILD_TESTS
pk_ec_test_programs = tests/pk/ec_kat tests/pk/ec_wycheproof tests/pk/ec_diff
check_PROGRAMS += $(pk_ec_test_programs) tests/pk/ct_ec
TESTS += $(pk_ec_test_programs) tests/pk/ct_ec.test
pk_ec_test_util = tests/pk/ec_test_util.cpp tests/pk/ec_test_util.hpp
tests_pk_ec_kat_SOURCES = tests/pk/ec_kat.cpp $(pk_ec_test_util)
tests_pk_ec_kat_CPPFLAGS = $(pk_test_cppflags) $(LIBCRYPTO_CFLAGS)
tests_pk_ec_kat_LDADD = $(pk_test_ldadd)
tests_pk_ec_wycheproof_SOURCES = tests/pk/ec_wycheproof.cpp $(pk_ec_test_util)
tests_pk_ec_wycheproof_CPPFLAGS = $(pk_test_cppflags) $(LIBCRYPTO_CFLAGS)
tests_pk_ec_wycheproof_LDADD = $(pk_test_ldadd)
# Run under valgrind by ct_ec.test: a real binary, no libtool wrapper.
tests_pk_ct_ec_SOURCES = tests/pk/ct_ec.cpp
tests_pk_ct_ec_CPPFLAGS = $(pk_test_cppflags)
tests_pk_ct_ec_LDADD = $(pk_test_ldadd)
tests_pk_ct_ec_LDFLAGS = -no-install
tests_pk_ec_diff_SOURCES = tests/pk/ec_diff.cpp $(pk_ec_test_util)
tests_pk_ec_diff_CPPFLAGS = $(pk_test_cppflags) $(LIBCRYPTO_CFLAGS)
tests_pk_ec_diff_LDADD = $(pk_test_ldadd)
endif
EXTRA_DIST += tests/pk/ct_ec.test \
	tests/wycheproof/ecdsa_secp256r1_sha256_test.json \
	tests/wycheproof/ecdsa_secp384r1_sha384_test.json \
	tests/wycheproof/ecdsa_secp256r1_sha256_p1363_test.json \
	tests/wycheproof/ecdsa_secp384r1_sha384_p1363_test.json \
	tests/wycheproof/ecdh_secp256r1_test.json \
	tests/wycheproof/ecdh_secp384r1_test.json
