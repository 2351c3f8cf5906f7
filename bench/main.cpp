// SPDX-License-Identifier: GPL-2.0-or-later
//
// ncrypto-bench: a benchmark program, not a test (built, not installed).
//
//   ncrypto-bench [--seconds S]
//       operations/s through /dev/ncrypto, AF_ALG and nettle (rates.cpp)
//   ncrypto-bench --insn-windows [--iters N] [--windows N] [--warmup N] [OP...]
//       operations between instruction-count markers, for the insn_count
//       QEMU plugin (insn.cpp; tools/insn-count runs it)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>

#include "bench.hpp"

namespace {

int usage()
{
	std::fprintf(stderr,
		     "usage: ncrypto-bench [--seconds S]\n"
		     "       ncrypto-bench --insn-windows [--iters N] [--windows N] [--warmup N] [OP...]\n");
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

bool count(const char *s, long *out)
{
	char *end;
	long v = std::strtol(s, &end, 10);
	if (*end || v < 0 || v > 1000000)
		return false;
	*out = v;
	return true;
}

int run(int argc, char **argv)
{
	if (argc > 1 && !std::strcmp(argv[1], "--insn-windows")) {
		bench::InsnOptions opt;
		int i = 2;
		for (; i + 1 < argc && !std::strncmp(argv[i], "--", 2); i += 2) {
			long *v = !std::strcmp(argv[i], "--iters")     ? &opt.iters
				  : !std::strcmp(argv[i], "--windows") ? &opt.windows
				  : !std::strcmp(argv[i], "--warmup")  ? &opt.warmup
								       : nullptr;
			if (!v || !count(argv[i + 1], v))
				return usage();
		}
		if (opt.iters < 1 || opt.windows < 1 || (i < argc && argv[i][0] == '-'))
			return usage();
		return bench::run_insn_windows(opt, argc - i, argv + i);
	}
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
