// SPDX-License-Identifier: GPL-2.0-or-later
//
// The `ncrypto` command: one file per subcommand.
#ifndef NCRYPTO_CLI_HPP
#define NCRYPTO_CLI_HPP

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace cli {

int cmd_info(int argc, char **argv);
int cmd_hash(int argc, char **argv);
int cmd_demo(int argc, char **argv);

std::string hex(const uint8_t *p, size_t n);
inline std::string hex(const std::vector<uint8_t> &v) { return hex(v.data(), v.size()); }

// Human-readable usage bits ("encrypt,decrypt,...").
std::string usage_names(uint32_t usage);

} // namespace cli

#endif
