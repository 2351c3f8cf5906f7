# kernel/pk/ built for user space: libncrpk.la (the arithmetic plus the
# user-space embedder, tests/pk/pk_env_user.cpp) for the host tests, the
# constant-time check and the benchmark. The same sources build into
# ncrypto.ko through kernel/pk/Kbuild.include: keep both lists in step.

pk_rsa_sources = kernel/pk/mp.h kernel/pk/mp.c kernel/pk/mp_mont.h \
	kernel/pk/mp_mont.c kernel/pk/mp_exp.c kernel/pk/rsa.h \
	kernel/pk/rsa_internal.h kernel/pk/rsa_core.c kernel/pk/rsa_key.c \
	kernel/pk/rsa_spki.c kernel/pk/rsa_hash.c kernel/pk/rsa_pkcs1_sig.c \
	kernel/pk/rsa_pss.c kernel/pk/rsa_oaep.c kernel/pk/rsa_pkcs1_enc.c \
	kernel/pk/rsa_prime.h kernel/pk/rsa_prime.c kernel/pk/rsa_keygen.c
pk_ed25519_sources = \
	kernel/pk/ed25519.c kernel/pk/ed25519.h \
	kernel/pk/ed25519_fe.c kernel/pk/ed25519_fe.h \
	kernel/pk/ed25519_ge.c kernel/pk/ed25519_ge.h \
	kernel/pk/ed25519_sc.c kernel/pk/ed25519_sc.h \
	kernel/pk/ed25519_table.c

pk_ec_sources = kernel/pk/ec.h \
	kernel/pk/ec_field.h kernel/pk/ec_field.c \
	kernel/pk/ec_curve.h kernel/pk/ec_curve.c \
	kernel/pk/ec_point.h kernel/pk/ec_point.c kernel/pk/ec_mul.c \
	kernel/pk/ec_scalar.h kernel/pk/ec_scalar.c \
	kernel/pk/ec_hmac_drbg.h kernel/pk/ec_hmac_drbg.c \
	kernel/pk/ec_key.h kernel/pk/ec_key.c kernel/pk/ec_spki.c \
	kernel/pk/ec_ecdsa.c kernel/pk/ec_ecdh.c
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

# RSA (kernel/pk/mp*, kernel/pk/rsa*): Wycheproof, known answers and
# differential tests against OpenSSL, the constant-time check (ct_rsa.test
# runs ct_rsa under valgrind).
EXTRA_DIST += tests/pk/ct_rsa.test
tests_wycheproof_files += \
	tests/wycheproof/rsa_oaep_2048_sha1_mgf1sha1_test.json \
	tests/wycheproof/rsa_oaep_2048_sha256_mgf1sha256_test.json \
	tests/wycheproof/rsa_oaep_3072_sha256_mgf1sha256_test.json \
	tests/wycheproof/rsa_oaep_4096_sha256_mgf1sha256_test.json \
	tests/wycheproof/rsa_pkcs1_2048_sig_gen_test.json \
	tests/wycheproof/rsa_pkcs1_2048_test.json \
	tests/wycheproof/rsa_pkcs1_3072_sig_gen_test.json \
	tests/wycheproof/rsa_pkcs1_3072_test.json \
	tests/wycheproof/rsa_pkcs1_4096_sig_gen_test.json \
	tests/wycheproof/rsa_pkcs1_4096_test.json \
	tests/wycheproof/rsa_pss_2048_sha256_mgf1_32_test.json \
	tests/wycheproof/rsa_pss_2048_sha384_mgf1_48_test.json \
	tests/wycheproof/rsa_pss_3072_sha256_mgf1_32_test.json \
	tests/wycheproof/rsa_pss_4096_sha256_mgf1_32_test.json \
	tests/wycheproof/rsa_signature_2048_sha256_test.json
if BUILD_TESTS
pk_rsa_test_util = tests/pk/rsa_test_util.cpp tests/pk/rsa_test_util.hpp
pk_rsa_tests = tests/pk/rsa_wycheproof tests/pk/rsa_test
check_PROGRAMS += $(pk_rsa_tests) tests/pk/ct_rsa
TESTS += $(pk_rsa_tests) tests/pk/ct_rsa.test

tests_pk_rsa_wycheproof_SOURCES = tests/pk/rsa_wycheproof.cpp $(pk_rsa_test_util)
tests_pk_rsa_wycheproof_CPPFLAGS = $(pk_test_cppflags) $(LIBCRYPTO_CFLAGS)
tests_pk_rsa_wycheproof_LDADD = $(pk_test_ldadd)

tests_pk_rsa_test_SOURCES = tests/pk/rsa_test.cpp $(pk_rsa_test_util)
tests_pk_rsa_test_CPPFLAGS = $(pk_test_cppflags) $(LIBCRYPTO_CFLAGS)
tests_pk_rsa_test_LDADD = $(pk_test_ldadd)

tests_pk_ct_rsa_SOURCES = tests/pk/ct_rsa.cpp $(pk_rsa_test_util)
tests_pk_ct_rsa_CPPFLAGS = $(pk_test_cppflags) $(LIBCRYPTO_CFLAGS)
tests_pk_ct_rsa_LDADD = $(pk_test_ldadd)
# every random byte the library draws comes through ct_rsa's wrapper, which
# marks it secret
tests_pk_ct_rsa_LDFLAGS = -Wl,--wrap=ncr_pk_random
endif

# Ed25519 (kernel/pk/ed25519*): known answers, Wycheproof, OpenSSL
# differential and bad-input tests; the constant-time check under valgrind.
EXTRA_DIST += kernel/pk/ed25519_table.py tests/pk/ed25519_table.test \
	tests/pk/ct_ed25519.test tests/wycheproof/ed25519_test.json
if BUILD_TESTS
if BUILD_PK_USER
check_PROGRAMS += tests/pk/ed25519_test tests/pk/ct_ed25519
TESTS += tests/pk/ed25519_test tests/pk/ct_ed25519.test tests/pk/ed25519_table.test
tests_pk_ed25519_test_SOURCES = tests/pk/ed25519_test.cpp
tests_pk_ed25519_test_CPPFLAGS = $(pk_test_cppflags) $(LIBCRYPTO_CFLAGS)
tests_pk_ed25519_test_LDADD = $(pk_test_ldadd)
tests_pk_ct_ed25519_SOURCES = tests/pk/ct_ed25519.cpp
tests_pk_ct_ed25519_CPPFLAGS = $(pk_test_cppflags)
tests_pk_ct_ed25519_LDADD = $(pk_test_ldadd)
endif
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
