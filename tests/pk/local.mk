# kernel/pk/ built for user space: libncrpk.la (the arithmetic plus the
# user-space embedder, tests/pk/pk_env_user.cpp) for the host tests, the
# constant-time check and the benchmark. The same sources build into
# ncrypto.ko through kernel/pk/Kbuild.include: keep both lists in step.

pk_rsa_sources =
pk_ec_sources =
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
