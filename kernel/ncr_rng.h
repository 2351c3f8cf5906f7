/* SPDX-License-Identifier: GPL-2.0 */
/* Random bytes for keys and nonces. */
#ifndef NCR_RNG_H
#define NCR_RNG_H

#include <linux/types.h>

int ncr_rng_init(void);
void ncr_rng_exit(void);
int ncr_rng_bytes(void *buf, unsigned int len);

#endif /* NCR_RNG_H */
