// ncrypto-pk-bench: kernel/pk/'s arithmetic built for user space, timed
// natively on the host against OpenSSL's libcrypto in the same run. One
// file per algorithm class fills its rows (pk_rsa.cpp, pk_ec.cpp,
// pk_ed25519.cpp).
#ifndef NCRYPTO_BENCH_PK_BENCH_HPP
#define NCRYPTO_BENCH_PK_BENCH_HPP

#include <functional>
#include <string>

// Times @ours and @theirs (each one operation per call) for about
// @seconds each, interleaved, and prints one row: operations per second of
// both and the ratio of their times per operation (ours / OpenSSL).
void pk_bench_row(const std::string &name, const std::function<void()> &ours,
		  const std::function<void()> &theirs);

// The seconds each side of a row runs (--seconds, default 1).
extern double pk_bench_seconds;

void pk_bench_rsa();
void pk_bench_ec();
void pk_bench_ed25519();

#endif
