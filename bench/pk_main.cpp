// ncrypto-pk-bench [--seconds S] [CLASS...]: rows of kernel/pk/ against
// OpenSSL, natively. CLASS: rsa, ec, ed25519 (default all).
#include "pk_bench.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

double pk_bench_seconds = 1.0;

namespace {

using clock_type = std::chrono::steady_clock;

// Runs @fn in batches until @seconds have passed; returns seconds per call.
double time_per_op(const std::function<void()> &fn, double seconds)
{
	fn();  // warm up (tables, caches)
	unsigned long calls = 0, batch = 1;
	auto start = clock_type::now();
	double elapsed = 0;
	while (elapsed < seconds) {
		for (unsigned long i = 0; i < batch; i++)
			fn();
		calls += batch;
		elapsed = std::chrono::duration<double>(clock_type::now() - start).count();
		if (elapsed < seconds / 10)
			batch *= 2;
	}
	return elapsed / double(calls);
}

}  // namespace

void pk_bench_row(const std::string &name, const std::function<void()> &ours,
		  const std::function<void()> &theirs)
{
	// Two halves each, interleaved, so a load change hits both sides.
	double a = time_per_op(ours, pk_bench_seconds / 2);
	double b = time_per_op(theirs, pk_bench_seconds / 2);
	a = (a + time_per_op(ours, pk_bench_seconds / 2)) / 2;
	b = (b + time_per_op(theirs, pk_bench_seconds / 2)) / 2;
	std::printf("%-28s %10.1f us %10.1f us %8.2fx\n", name.c_str(), a * 1e6, b * 1e6, a / b);
	std::fflush(stdout);
}

int main(int argc, char **argv)
{
	std::vector<std::string> classes;
	for (int i = 1; i < argc; i++) {
		if (!std::strcmp(argv[i], "--seconds") && i + 1 < argc)
			pk_bench_seconds = std::atof(argv[++i]);
		else if (argv[i][0] == '-') {
			std::fprintf(stderr, "usage: %s [--seconds S] [rsa|ec|ed25519]...\n", argv[0]);
			return 2;
		} else
			classes.emplace_back(argv[i]);
	}
	if (classes.empty())
		classes = {"rsa", "ec", "ed25519"};
	std::printf("%-28s %13s %13s %9s\n", "operation", "ncrypto pk", "OpenSSL", "ratio");
	for (const auto &c : classes) {
		if (c == "rsa")
			pk_bench_rsa();
		else if (c == "ec")
			pk_bench_ec();
		else if (c == "ed25519")
			pk_bench_ed25519();
		else {
			std::fprintf(stderr, "unknown class %s\n", c.c_str());
			return 2;
		}
	}
	return 0;
}
