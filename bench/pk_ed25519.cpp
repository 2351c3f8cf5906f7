// Rows for the ed25519 class of kernel/pk/ (not written yet).
#include "pk_bench.hpp"

void pk_bench_ed25519()
{
}
