# bench/: ncrypto-bench, a benchmark program (not a test): /dev/ncrypto
# against AF_ALG (libkcapi) and in-process nettle, and instruction-count
# windows for tools/insn-count. Built (configure --disable-bench skips it),
# not installed: it is for measuring the build tree, and it is the only
# program that links nettle and libkcapi.

if BUILD_BENCH
noinst_PROGRAMS += bench/ncrypto-bench
bench_ncrypto_bench_SOURCES = \
	bench/bench.hpp \
	bench/marker.h \
	bench/main.cpp \
	bench/common.cpp \
	bench/rates.cpp \
	bench/insn.cpp
bench_ncrypto_bench_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/libncrypto $(NETTLE_CFLAGS) \
	$(KCAPI_CFLAGS)
# libncrypto-abi: the raw-ABI operation fills its struct as the library does.
bench_ncrypto_bench_LDADD = libncrypto/libncrypto-abi.la libncrypto/libncrypto.la \
	$(NETTLE_LIBS) $(KCAPI_LIBS)
# A real binary, no libtool wrapper script: it runs as it is in a guest.
bench_ncrypto_bench_LDFLAGS = -no-install
endif

# ncrypto-pk-bench: kernel/pk/ built for user space against OpenSSL,
# natively on the host (no guest).
if BUILD_BENCH
noinst_PROGRAMS += bench/ncrypto-pk-bench
bench_ncrypto_pk_bench_SOURCES = \
	bench/pk_bench.hpp \
	bench/pk_main.cpp \
	bench/pk_rsa.cpp \
	bench/pk_ec.cpp \
	bench/pk_ed25519.cpp
bench_ncrypto_pk_bench_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/kernel/pk \
	-I$(top_srcdir)/tests/pk $(LIBCRYPTO_CFLAGS)
bench_ncrypto_pk_bench_LDADD = tests/pk/libncrpk.la $(LIBCRYPTO_LIBS) $(NETTLE_LIBS)
bench_ncrypto_pk_bench_LDFLAGS = -no-install
endif
