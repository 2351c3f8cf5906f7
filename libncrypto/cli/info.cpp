// SPDX-License-Identifier: GPL-2.0-or-later
//
// `ncrypto info`: what the loaded module offers and how busy it is.
#include <cinttypes>
#include <string>

#include <ncrypto.hpp>

#include "cli.hpp"

namespace {

const char *class_name(uint32_t c)
{
	switch (c) {
	case NCRYPTO_CLASS_HASH:
		return "hash";
	case NCRYPTO_CLASS_MAC:
		return "mac";
	case NCRYPTO_CLASS_CIPHER:
		return "cipher";
	case NCRYPTO_CLASS_AEAD:
		return "aead";
	default:
		return "?";
	}
}

std::string key_sizes(const struct ncrypto_alg_info &a)
{
	if (a.key_type == NCRYPTO_KEY_TYPE_NONE)
		return "-";
	const char *t = ncrypto_key_type_name(a.key_type);
	std::string s = t ? t : "?";
	s += ' ';
	if (a.min_key_len == a.max_key_len)
		return s + std::to_string(a.min_key_len);
	if (a.key_type == NCRYPTO_KEY_TYPE_AES) {
		// AES takes a set of sizes, not a range (XTS: twice each).
		unsigned m = a.alg == NCRYPTO_ALG_AES_XTS ? 2 : 1;
		return s + std::to_string(16 * m) + "/" + std::to_string(24 * m) +
		       "/" + std::to_string(32 * m);
	}
	return s + std::to_string(a.min_key_len) + ".." + std::to_string(a.max_key_len);
}

} // namespace

namespace cli {

int cmd_info(int argc, char **)
{
	if (argc != 1) {
		std::fprintf(stderr, "usage: ncrypto info\n");
		return 2;
	}
	ncrypto::Context ctx;
	ncrypto::Info in = ctx.info();
	const struct ncrypto_info &i = in.info;

	std::printf("ABI version      %u.%u (library built for %u.%u)\n", i.abi_major,
		    i.abi_minor, NCRYPTO_ABI_MAJOR, NCRYPTO_ABI_MINOR);
	std::printf("FIPS mode        %s\n", i.fips_mode ? "on (fips=1)" : "off");
	std::printf("\nlimits\n");
	std::printf("  max_op_len             %u bytes\n", i.max_op_len);
	std::printf("  max_keys_per_ctx       %u\n", i.max_keys_per_ctx);
	std::printf("  max_sessions_per_ctx   %u\n", i.max_sessions_per_ctx);
	std::printf("  max_keys_per_user      %u\n", i.max_keys_per_user);
	std::printf("  max_sessions_per_user  %u\n", i.max_sessions_per_user);
	std::printf("  max_mem_per_ctx        %" PRIu64 " bytes\n", (uint64_t)i.max_mem_per_ctx);
	std::printf("  max_mem_per_user       %" PRIu64 " bytes\n", (uint64_t)i.max_mem_per_user);
	std::printf("\ncounters (module-wide)\n");
	std::printf("  live contexts   %" PRIu64 "\n", (uint64_t)i.live_contexts);
	std::printf("  live keys       %" PRIu64 "\n", (uint64_t)i.live_keys);
	std::printf("  live sessions   %" PRIu64 "\n", (uint64_t)i.live_sessions);
	std::printf("  operations      %" PRIu64 "\n", (uint64_t)i.ops_total);
	std::printf("this context: %u keys, %u sessions, %" PRIu64 " bytes\n", i.ctx_keys,
		    i.ctx_sessions, (uint64_t)i.ctx_mem);

	std::printf("\n%-18s %-6s %-17s %-4s %-4s %-5s %-5s %-9s %s\n", "algorithm", "class",
		    "key (bytes)", "iv", "out", "fips", "avail", "sessions", "ops");
	for (const auto &a : in.algs) {
		const char *name = ncrypto_alg_name(a.alg);
		std::string n = name ? name : "alg#" + std::to_string(a.alg);
		std::printf("%-18s %-6s %-17s %-4u %-4u %-5s %-5s %-9s %" PRIu64 "\n", n.c_str(),
			    class_name(a.alg_class), key_sizes(a).c_str(), a.iv_len, a.out_len,
			    a.flags & NCRYPTO_ALG_F_FIPS_ALLOWED ? "yes" : "no",
			    a.flags & NCRYPTO_ALG_F_AVAILABLE ? "yes" : "no",
			    a.flags & NCRYPTO_ALG_F_SESSION ? "yes" : "no", (uint64_t)a.ops);
	}
	return 0;
}

} // namespace cli
