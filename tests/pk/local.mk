# kernel/pk/ built for user space: libncrpk.la (the arithmetic plus the
# user-space embedder, tests/pk/pk_env_user.cpp) for the host tests, the
# constant-time check and the benchmark. The same sources build into
# ncrypto.ko through kernel/pk/Kbuild.include: keep both lists in step.

pk_rsa_sources =
pk_ec_sources =
pk_ed25519_sources = \
	kernel/pk/ed25519.c kernel/pk/ed25519.h \
	kernel/pk/ed25519_fe.c kernel/pk/ed25519_fe.h \
	kernel/pk/ed25519_ge.c kernel/pk/ed25519_ge.h \
	kernel/pk/ed25519_sc.c kernel/pk/ed25519_sc.h \
	kernel/pk/ed25519_table.c
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
