# ncrypto-fuzz: random ioctl sequences against /dev/ncrypto (needs the module:
# tests/vm/guest-suite runs it in every guest, tools/fuzz runs it for long).
# Built by `make check` like the guest test programs.

check_PROGRAMS += tests/fuzz/ncrypto-fuzz
tests_fuzz_ncrypto_fuzz_SOURCES = \
	tests/fuzz/fuzz.hpp \
	tests/fuzz/abi.cpp \
	tests/fuzz/memory.cpp \
	tests/fuzz/world.cpp \
	tests/fuzz/build.cpp \
	tests/fuzz/calls.cpp \
	tests/fuzz/roundtrip.cpp \
	tests/fuzz/report.cpp \
	tests/fuzz/main.cpp \
	$(tests_common)
tests_fuzz_ncrypto_fuzz_CPPFLAGS = $(tests_cppflags)
tests_fuzz_ncrypto_fuzz_LDADD = $(tests_ldadd)
tests_fuzz_ncrypto_fuzz_LDFLAGS = $(tests_ldflags)

# On the host: the field tables are complete for this header.
TESTS += tests/fuzz/tables.test
EXTRA_DIST += tests/fuzz/tables.test
