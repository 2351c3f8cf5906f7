// Rows for the ec class of kernel/pk/ (not written yet).
#include "pk_bench.hpp"

void pk_bench_ec()
{
}
