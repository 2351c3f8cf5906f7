/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * <ncrypto.h> from strict C99 (built with -std=c99 -pedantic -Werror): the
 * header must need nothing beyond C99, and the ABI structs must have their
 * published sizes (VER0, or the latest VER for structs that grew).
 */
#include <ncrypto.h>

#include <stdio.h>
#include <string.h>

#define C99_ASSERT(name, cond) typedef char c99_assert_##name[(cond) ? 1 : -1]

C99_ASSERT(info, sizeof(struct ncrypto_info) == NCRYPTO_SIZE_INFO_VER0);
C99_ASSERT(key_create, sizeof(struct ncrypto_key_create) == NCRYPTO_SIZE_KEY_CREATE_VER1);
C99_ASSERT(key_info, sizeof(struct ncrypto_key_info) == NCRYPTO_SIZE_KEY_INFO_VER1);
C99_ASSERT(key_export, sizeof(struct ncrypto_key_export) == NCRYPTO_SIZE_KEY_EXPORT_VER0);
C99_ASSERT(op, sizeof(struct ncrypto_op) == NCRYPTO_SIZE_OP_VER0);
C99_ASSERT(session_init, sizeof(struct ncrypto_session_init) == NCRYPTO_SIZE_SESSION_INIT_VER0);
C99_ASSERT(session_data, sizeof(struct ncrypto_session_data) == NCRYPTO_SIZE_SESSION_DATA_VER0);
C99_ASSERT(session_clone, sizeof(struct ncrypto_session_clone) == NCRYPTO_SIZE_SESSION_CLONE_VER0);
C99_ASSERT(handle, sizeof(struct ncrypto_handle) == NCRYPTO_SIZE_HANDLE_VER0);
C99_ASSERT(alg_info, sizeof(struct ncrypto_alg_info) == 64);

int main(void)
{
	ncrypto_ctx_t ctx = NULL;
	ncrypto_key_t key = NULL;
	ncrypto_session_t sess = NULL;
	ncrypto_info_t info = NULL;
	uint32_t major = 0, minor = 0, patch = 0;
	uint64_t value = 0;
	const char *name = ncrypto_alg_name(NCRYPTO_ALG_SHA256);
	int failures = 0;

	if (!name || strcmp(name, "sha256") != 0) {
		printf("FAIL: ncrypto_alg_name(SHA256) = %s\n", name ? name : "(null)");
		failures++;
	}
	if (ncrypto_alg_output_len(NCRYPTO_ALG_HMAC_SHA512) != 64) {
		printf("FAIL: ncrypto_alg_output_len(HMAC_SHA512) != 64\n");
		failures++;
	}
	if (ncrypto_key_destroy(key) != NCRYPTO_OK || ncrypto_session_destroy(sess) != NCRYPTO_OK ||
	    ncrypto_close(ctx) != NCRYPTO_OK) {
		printf("FAIL: destroy(NULL) does not succeed\n");
		failures++;
	}
	if (ncrypto_info_free(info) != NCRYPTO_OK ||
	    ncrypto_info_value(info, NCRYPTO_INFO_ABI_MAJOR, &value) != NCRYPTO_E_BAD_HANDLE) {
		printf("FAIL: ncrypto_info_free/value on NULL\n");
		failures++;
	}
	if (ncrypto_version_numbers(&major, &minor, &patch) != NCRYPTO_OK ||
	    major != NCRYPTO_VERSION_MAJOR || minor != NCRYPTO_VERSION_MINOR ||
	    patch != NCRYPTO_VERSION_PATCH || !ncrypto_version()) {
		printf("FAIL: ncrypto_version_numbers != NCRYPTO_VERSION_*\n");
		failures++;
	}
	if (ncrypto_open(&ctx, "/nonexistent/ncrypto") != NCRYPTO_E_NOT_LOADED || ctx != NULL) {
		printf("FAIL: ncrypto_open(/nonexistent) is not NCRYPTO_E_NOT_LOADED\n");
		failures++;
	}
	printf("host_c99: %s\n", failures ? "FAILED" : "ok");
	return failures ? 1 : 0;
}
