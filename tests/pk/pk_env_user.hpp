// User-space embedder of kernel/pk/ (pk_env_user.cpp) and the hooks the
// host tests use: a reproducible RNG and the constant-time check's marks.
#ifndef NCRYPTO_TESTS_PK_ENV_USER_HPP
#define NCRYPTO_TESTS_PK_ENV_USER_HPP

#include "pk_env.h"

#include <cstddef>
#include <cstdint>

// ncr_pk_random() returns a deterministic stream derived from @seed (SHA-256
// of seed || counter) until pk_test_rng_system() restores getrandom().
void pk_test_rng_seed(uint64_t seed);
void pk_test_rng_system();

// The constant-time check (the ctgrind technique): under valgrind's memcheck
// a secret marked undefined makes every branch or memory index computed from
// it an error ("Conditional jump or move depends on uninitialised value",
// "Use of uninitialised value of size 8"). Mark keys, nonces and messages
// being decrypted secret before the operation, and results public after
// it. Outside valgrind both calls do nothing.
void pk_test_secret(const void *p, std::size_t len);
void pk_test_public(const void *p, std::size_t len);
bool pk_test_under_valgrind();

#endif
