// SPDX-License-Identifier: GPL-2.0-or-later
//
// `ncrypto hash ALG [FILE...]`: digests printed like sha256sum. Input that
// fits in one chunk is one ioctl; larger input streams through a session.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <ncrypto.hpp>

#include "cli.hpp"

namespace {

constexpr size_t CHUNK = 64 * 1024;

// Read until buf is full or EOF; returns bytes read, -1 on error.
ssize_t read_full(int fd, uint8_t *buf, size_t len)
{
	size_t got = 0;
	while (got < len) {
		ssize_t n = ::read(fd, buf + got, len - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		got += static_cast<size_t>(n);
	}
	return static_cast<ssize_t>(got);
}

// Digest of everything readable from fd. Throws ncrypto::Error; returns an
// empty vector (errno set) on a read error.
ncrypto::Bytes digest_fd(ncrypto::Context &ctx, uint32_t alg, int fd,
			 std::vector<uint8_t> &buf)
{
	ssize_t n = read_full(fd, buf.data(), buf.size());
	if (n < 0)
		return {};
	if (static_cast<size_t>(n) < buf.size()) // all of it: one ioctl
		return ctx.hash(alg, buf.data(), static_cast<size_t>(n));

	ncrypto::Session s = ctx.start(NCRYPTO_OP_DIGEST, alg);
	while (n > 0) {
		s.update(buf.data(), static_cast<size_t>(n));
		n = read_full(fd, buf.data(), buf.size());
		if (n < 0)
			return {};
	}
	return s.final();
}

} // namespace

namespace cli {

int cmd_hash(int argc, char **argv)
{
	uint32_t alg;
	if (argc < 2 || ncrypto_alg_from_name(argv[1], &alg) != NCRYPTO_OK ||
	    alg >= NCRYPTO_ALG_HMAC_SHA1) {
		std::fprintf(stderr, "usage: ncrypto hash ALG [FILE...]\n"
				     "ALG: sha1 sha224 sha256 sha384 sha512 sha3-256 sha3-384 sha3-512\n");
		return 2;
	}
	ncrypto::Context ctx;
	uint32_t max_op = ctx.info().max_op_len();
	std::vector<uint8_t> buf(std::min<size_t>(CHUNK, max_op ? max_op : CHUNK));

	std::vector<const char *> files(argv + 2, argv + argc);
	if (files.empty())
		files.push_back("-");
	int status = 0;
	for (const char *f : files) {
		bool is_stdin = !std::strcmp(f, "-");
		int fd = is_stdin ? 0 : ::open(f, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			std::fprintf(stderr, "ncrypto hash: %s: %s\n", f, std::strerror(errno));
			status = 1;
			continue;
		}
		ncrypto::Bytes d = digest_fd(ctx, alg, fd, buf);
		int err = errno;
		if (!is_stdin)
			::close(fd);
		if (d.empty()) {
			std::fprintf(stderr, "ncrypto hash: %s: %s\n", f, std::strerror(err));
			status = 1;
			continue;
		}
		std::printf("%s  %s\n", hex(d).c_str(), f);
	}
	return status;
}

} // namespace cli
