// SPDX-License-Identifier: GPL-2.0-or-later
//
// `ncrypto SUBCOMMAND ...`: dispatch, and helpers shared by subcommands.
#include <cstring>
#include <exception>

#include <ncrypto.hpp>

#include "cli.hpp"

namespace cli {

std::string hex(const uint8_t *p, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	std::string s;
	s.reserve(2 * n);
	for (size_t i = 0; i < n; i++) {
		s += digits[p[i] >> 4];
		s += digits[p[i] & 15];
	}
	return s;
}

std::string usage_names(uint32_t usage)
{
	static const char *const names[] = {"encrypt", "decrypt", "sign", "verify",
					    "wrap", "unwrap", "derive", "exportable"};
	std::string s;
	for (unsigned i = 0; i < 8; i++)
		if (usage & (1u << i)) {
			if (!s.empty())
				s += ',';
			s += names[i];
		}
	return s.empty() ? "-" : s;
}

} // namespace cli

namespace {

struct Command {
	const char *name;
	int (*run)(int, char **);
	const char *help;
};

const Command commands[] = {
	{"info", cli::cmd_info, "ABI version, FIPS state, limits, counters, algorithms"},
	{"hash", cli::cmd_hash, "ALG [FILE...]  hash files (stdin if none), like sha256sum"},
	{"demo", cli::cmd_demo, "a guided walk-through of keys held by the kernel"},
};

int usage(FILE *f)
{
	std::fprintf(f, "usage: ncrypto COMMAND [ARGS]\n\ncommands:\n");
	for (const auto &c : commands)
		std::fprintf(f, "  %-6s %s\n", c.name, c.help);
	return f == stdout ? 0 : 2;
}

} // namespace

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage(stderr);
	if (!std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "--help") ||
	    !std::strcmp(argv[1], "help"))
		return usage(stdout);
	for (const auto &c : commands) {
		if (std::strcmp(argv[1], c.name) != 0)
			continue;
		try {
			return c.run(argc - 1, argv + 1);
		} catch (const ncrypto::Error &e) {
			std::fprintf(stderr, "ncrypto %s: %s\n", c.name, e.what());
			return 1;
		} catch (const std::exception &e) {
			std::fprintf(stderr, "ncrypto %s: %s\n", c.name, e.what());
			return 1;
		}
	}
	std::fprintf(stderr, "ncrypto: unknown command '%s'\n", argv[1]);
	return usage(stderr);
}
