// SPDX-License-Identifier: GPL-2.0-or-later
//
// `ncrypto info`: what the loaded module offers and how busy it is.
#include <cinttypes>
#include <optional>
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

std::string key_sizes(const ncrypto::AlgInfo &a)
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

// A module-wide counter, or why it is not shown.
std::string counter(const ncrypto::Info &in, uint32_t field)
{
	std::optional<uint64_t> v = in.shown(field);
	return v ? std::to_string(*v) : "hidden (CAP_SYS_ADMIN only)";
}

std::string opt(const std::optional<uint64_t> &v)
{
	return v ? std::to_string(*v) : "-";
}

std::string opt(const std::optional<uint32_t> &v)
{
	return v ? std::to_string(*v) : "-";
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

	std::printf("library          libncrypto %s (built for ABI %u.%u)\n", ncrypto_version(),
		    NCRYPTO_ABI_MAJOR, NCRYPTO_ABI_MINOR);
	std::printf("ABI version      %u.%u\n", in.abi_major(), in.abi_minor());
	std::printf("FIPS mode        %s\n", in.fips_mode() ? "on (fips=1)" : "off");
	std::printf("\nlimits\n");
	std::printf("  max_op_len             %u bytes\n", in.max_op_len());
	std::printf("  max_keys_per_ctx       %" PRIu64 "\n", in.value(NCRYPTO_INFO_MAX_KEYS_PER_CTX));
	std::printf("  max_sessions_per_ctx   %" PRIu64 "\n",
		    in.value(NCRYPTO_INFO_MAX_SESSIONS_PER_CTX));
	std::printf("  max_keys_per_user      %" PRIu64 "\n", in.value(NCRYPTO_INFO_MAX_KEYS_PER_USER));
	std::printf("  max_sessions_per_user  %" PRIu64 "\n",
		    in.value(NCRYPTO_INFO_MAX_SESSIONS_PER_USER));
	std::printf("  max_mem_per_ctx        %" PRIu64 " bytes\n",
		    in.value(NCRYPTO_INFO_MAX_MEM_PER_CTX));
	std::printf("  max_mem_per_user       %" PRIu64 " bytes\n",
		    in.value(NCRYPTO_INFO_MAX_MEM_PER_USER));
	std::printf("\ncounters (module-wide)\n");
	std::printf("  live contexts   %s\n", counter(in, NCRYPTO_INFO_LIVE_CONTEXTS).c_str());
	std::printf("  live keys       %s\n", counter(in, NCRYPTO_INFO_LIVE_KEYS).c_str());
	std::printf("  live sessions   %s\n", counter(in, NCRYPTO_INFO_LIVE_SESSIONS).c_str());
	std::printf("  operations      %s\n", counter(in, NCRYPTO_INFO_OPS_TOTAL).c_str());
	std::printf("this context: %" PRIu64 " keys, %" PRIu64 " sessions, %" PRIu64
		    " bytes, %s operations\n",
		    in.value(NCRYPTO_INFO_CTX_KEYS), in.value(NCRYPTO_INFO_CTX_SESSIONS),
		    in.value(NCRYPTO_INFO_CTX_MEM), opt(in.shown(NCRYPTO_INFO_CTX_OPS)).c_str());

	std::printf("\n%-18s %-6s %-17s %-4s %-4s %-6s %-5s %-5s %-9s %s\n", "algorithm", "class",
		    "key (bytes)", "iv", "out", "update", "fips", "avail", "sessions", "ops");
	for (const ncrypto::AlgInfo &a : in.algs()) {
		const char *name = ncrypto_alg_name(a.alg);
		std::string n = name ? name : "alg#" + std::to_string(a.alg);
		std::printf("%-18s %-6s %-17s %-4u %-4u %-6s %-5s %-5s %-9s %" PRIu64 "\n",
			    n.c_str(), class_name(a.alg_class), key_sizes(a).c_str(), a.iv_len,
			    a.out_len, opt(a.update_len).c_str(),
			    a.flags & NCRYPTO_ALG_F_FIPS_ALLOWED ? "yes" : "no",
			    a.flags & NCRYPTO_ALG_F_AVAILABLE ? "yes" : "no",
			    a.flags & NCRYPTO_ALG_F_SESSION ? "yes" : "no", a.ops);
	}
	return 0;
}

} // namespace cli
