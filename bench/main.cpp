// SPDX-License-Identifier: GPL-2.0-or-later
//
// ncrypto-bench: a benchmark program, not a test (built, not installed).
//
//   ncrypto-bench [--seconds S]
//       operations/s through /dev/ncrypto, AF_ALG and nettle (rates.cpp)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>

#include "bench.hpp"

namespace {

int usage()
{
	std::fprintf(stderr,
		     "usage: ncrypto-bench [--seconds S]\n");
	return 2;
}

bool number(const char *s, double max, double *out)
{
	char *end;
	double v = std::strtod(s, &end);
	if (*end || !(v > 0) || v > max)
		return false;
	*out = v;
	return true;
}

int run(int argc, char **argv)
{
	double seconds = 1.0;
	for (int i = 1; i < argc; i++) {
		if (!std::strcmp(argv[i], "--seconds") && i + 1 < argc) {
			if (!number(argv[++i], 3600, &seconds))
				return usage();
		} else {
			return usage();
		}
	}
	return bench::run_rates(seconds);
}

} // namespace

int main(int argc, char **argv)
{
	try {
		return run(argc, argv);
	} catch (const ncrypto::Error &e) {
		std::fprintf(stderr, "ncrypto-bench: %s\n", e.what());
	} catch (const std::exception &e) {
		std::fprintf(stderr, "ncrypto-bench: %s\n", e.what());
	}
	return 1;
}
