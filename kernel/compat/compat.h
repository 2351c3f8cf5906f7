/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel API drift between the kernels ncrypto builds against (Debian 6.1
 * and 6.12), kept in one place. Kbuild force-includes this file into every
 * object (-include) and defines NCR_HAVE_* from probes of the kernel tree
 * (compat/Kbuild.include), so logic files never test LINUX_VERSION_CODE.
 */
#ifndef NCR_COMPAT_H
#define NCR_COMPAT_H

/*
 * crypto_memneq(): 6.1 declares it in <crypto/algapi.h>; 6.5 moved it to
 * <crypto/utils.h> (algapi.h still includes that, but may stop doing so).
 */
#ifdef NCR_HAVE_CRYPTO_UTILS_H
#include <crypto/utils.h>
#else
#include <crypto/algapi.h>
#endif

#endif /* NCR_COMPAT_H */
