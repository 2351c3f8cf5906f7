/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the ECDSA and ECDH files share about keys and workspaces (internal
 * to kernel/pk/ec*).
 */
#ifndef NCR_EC_KEY_H
#define NCR_EC_KEY_H

#include "ec_point.h"

/* The curve of a key's id, NULL if unknown or ncr_ec_init() has not run. */
const struct ec_curve *ec_key_curve(uint32_t id);

/* The public point (normal domain limbs) as a projective point. */
void ec_key_pub_point(const struct ec_curve *c, struct ec_point *r,
		      const struct ncr_ec_pub *pub);

/* The workspace's table of 16 points. */
struct ec_point *ec_work_table(struct ncr_ec_work *work);

#endif /* NCR_EC_KEY_H */
