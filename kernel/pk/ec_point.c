// SPDX-License-Identifier: GPL-2.0
/*
 * Point arithmetic of kernel/pk/ec*: the complete projective formulas of
 * Renes-Costello-Batina 2016 for a = -3 (algorithm 4: addition, 5: mixed
 * addition, 6: doubling), conversions and the curve equation. Step numbers
 * in the comments are the paper's. See ec_point.h.
 */
#include "ec_point.h"

/* Field operations on the curve's p, written as the paper writes them. */
#define MUL(r, a, b) ec_mul(r, a, b, &c->p)
#define ADD(r, a, b) ec_add(r, a, b, &c->p)
#define SUB(r, a, b) ec_sub(r, a, b, &c->p)

void ec_point_set_infinity(const struct ec_curve *c, struct ec_point *r)
{
	memset(r, 0, sizeof(*r));
	ec_copy(r->y, c->p.one, c->p.n);
}

void ec_point_from_affine(const struct ec_curve *c, struct ec_point *r,
			  const struct ec_affine *a)
{
	memset(r, 0, sizeof(*r));
	ec_copy(r->x, a->x, c->p.n);
	ec_copy(r->y, a->y, c->p.n);
	ec_copy(r->z, c->p.one, c->p.n);
}

/* Algorithm 4: 12M + 2m_b + 29a. */
void ec_point_add(const struct ec_curve *c, struct ec_point *r,
		  const struct ec_point *a, const struct ec_point *b)
{
	uint64_t t0[EC_LIMBS], t1[EC_LIMBS], t2[EC_LIMBS], t3[EC_LIMBS],
		 t4[EC_LIMBS], x3[EC_LIMBS], y3[EC_LIMBS], z3[EC_LIMBS];

	MUL(t0, a->x, b->x);		/* 1 */
	MUL(t1, a->y, b->y);		/* 2 */
	MUL(t2, a->z, b->z);		/* 3 */
	ADD(t3, a->x, a->y);		/* 4 */
	ADD(t4, b->x, b->y);		/* 5 */
	MUL(t3, t3, t4);		/* 6 */
	ADD(t4, t0, t1);		/* 7 */
	SUB(t3, t3, t4);		/* 8 */
	ADD(t4, a->y, a->z);		/* 9 */
	ADD(x3, b->y, b->z);		/* 10 */
	MUL(t4, t4, x3);		/* 11 */
	ADD(x3, t1, t2);		/* 12 */
	SUB(t4, t4, x3);		/* 13 */
	ADD(x3, a->x, a->z);		/* 14 */
	ADD(y3, b->x, b->z);		/* 15 */
	MUL(x3, x3, y3);		/* 16 */
	ADD(y3, t0, t2);		/* 17 */
	SUB(y3, x3, y3);		/* 18 */
	MUL(z3, c->b, t2);		/* 19 */
	SUB(x3, y3, z3);		/* 20 */
	ADD(z3, x3, x3);		/* 21 */
	ADD(x3, x3, z3);		/* 22 */
	SUB(z3, t1, x3);		/* 23 */
	ADD(x3, t1, x3);		/* 24 */
	MUL(y3, c->b, y3);		/* 25 */
	ADD(t1, t2, t2);		/* 26 */
	ADD(t2, t1, t2);		/* 27 */
	SUB(y3, y3, t2);		/* 28 */
	SUB(y3, y3, t0);		/* 29 */
	ADD(t1, y3, y3);		/* 30 */
	ADD(y3, t1, y3);		/* 31 */
	ADD(t1, t0, t0);		/* 32 */
	ADD(t0, t1, t0);		/* 33 */
	SUB(t0, t0, t2);		/* 34 */
	MUL(t1, t4, y3);		/* 35 */
	MUL(t2, t0, y3);		/* 36 */
	MUL(y3, x3, z3);		/* 37 */
	ADD(y3, y3, t2);		/* 38 */
	MUL(x3, t3, x3);		/* 39 */
	SUB(x3, x3, t1);		/* 40 */
	MUL(z3, t4, z3);		/* 41 */
	MUL(t1, t3, t0);		/* 42 */
	ADD(z3, z3, t1);		/* 43 */

	ec_copy(r->x, x3, c->p.n);
	ec_copy(r->y, y3, c->p.n);
	ec_copy(r->z, z3, c->p.n);
}

/* Algorithm 5 (Z2 = 1): 11M + 2m_b + 23a. */
void ec_point_add_affine(const struct ec_curve *c, struct ec_point *r,
			 const struct ec_point *a, const struct ec_affine *b)
{
	uint64_t t0[EC_LIMBS], t1[EC_LIMBS], t2[EC_LIMBS], t3[EC_LIMBS],
		 t4[EC_LIMBS], x3[EC_LIMBS], y3[EC_LIMBS], z3[EC_LIMBS];

	MUL(t0, a->x, b->x);		/* 1 */
	MUL(t1, a->y, b->y);		/* 2 */
	ADD(t3, b->x, b->y);		/* 3 */
	ADD(t4, a->x, a->y);		/* 4 */
	MUL(t3, t3, t4);		/* 5 */
	ADD(t4, t0, t1);		/* 6 */
	SUB(t3, t3, t4);		/* 7 */
	MUL(t4, b->y, a->z);		/* 8 */
	ADD(t4, t4, a->y);		/* 9 */
	MUL(y3, b->x, a->z);		/* 10 */
	ADD(y3, y3, a->x);		/* 11 */
	MUL(z3, c->b, a->z);		/* 12 */
	SUB(x3, y3, z3);		/* 13 */
	ADD(z3, x3, x3);		/* 14 */
	ADD(x3, x3, z3);		/* 15 */
	SUB(z3, t1, x3);		/* 16 */
	ADD(x3, t1, x3);		/* 17 */
	MUL(y3, c->b, y3);		/* 18 */
	ADD(t1, a->z, a->z);		/* 19 */
	ADD(t2, t1, a->z);		/* 20 */
	SUB(y3, y3, t2);		/* 21 */
	SUB(y3, y3, t0);		/* 22 */
	ADD(t1, y3, y3);		/* 23 */
	ADD(y3, t1, y3);		/* 24 */
	ADD(t1, t0, t0);		/* 25 */
	ADD(t0, t1, t0);		/* 26 */
	SUB(t0, t0, t2);		/* 27 */
	MUL(t1, t4, y3);		/* 28 */
	MUL(t2, t0, y3);		/* 29 */
	MUL(y3, x3, z3);		/* 30 */
	ADD(y3, y3, t2);		/* 31 */
	MUL(x3, t3, x3);		/* 32 */
	SUB(x3, x3, t1);		/* 33 */
	MUL(z3, t4, z3);		/* 34 */
	MUL(t1, t3, t0);		/* 35 */
	ADD(z3, z3, t1);		/* 36 */

	ec_copy(r->x, x3, c->p.n);
	ec_copy(r->y, y3, c->p.n);
	ec_copy(r->z, z3, c->p.n);
}

/* Algorithm 6: 8M + 3S + 2m_b + 21a. */
void ec_point_double(const struct ec_curve *c, struct ec_point *r,
		     const struct ec_point *a)
{
	uint64_t t0[EC_LIMBS], t1[EC_LIMBS], t2[EC_LIMBS], t3[EC_LIMBS],
		 x3[EC_LIMBS], y3[EC_LIMBS], z3[EC_LIMBS];

	MUL(t0, a->x, a->x);		/* 1 */
	MUL(t1, a->y, a->y);		/* 2 */
	MUL(t2, a->z, a->z);		/* 3 */
	MUL(t3, a->x, a->y);		/* 4 */
	ADD(t3, t3, t3);		/* 5 */
	MUL(z3, a->x, a->z);		/* 6 */
	ADD(z3, z3, z3);		/* 7 */
	MUL(y3, c->b, t2);		/* 8 */
	SUB(y3, y3, z3);		/* 9 */
	ADD(x3, y3, y3);		/* 10 */
	ADD(y3, x3, y3);		/* 11 */
	SUB(x3, t1, y3);		/* 12 */
	ADD(y3, t1, y3);		/* 13 */
	MUL(y3, x3, y3);		/* 14 */
	MUL(x3, x3, t3);		/* 15 */
	ADD(t3, t2, t2);		/* 16 */
	ADD(t2, t2, t3);		/* 17 */
	MUL(z3, c->b, z3);		/* 18 */
	SUB(z3, z3, t2);		/* 19 */
	SUB(z3, z3, t0);		/* 20 */
	ADD(t3, z3, z3);		/* 21 */
	ADD(z3, z3, t3);		/* 22 */
	ADD(t3, t0, t0);		/* 23 */
	ADD(t0, t3, t0);		/* 24 */
	SUB(t0, t0, t2);		/* 25 */
	MUL(t0, t0, z3);		/* 26 */
	ADD(y3, y3, t0);		/* 27 */
	MUL(t0, a->y, a->z);		/* 28 */
	ADD(t0, t0, t0);		/* 29 */
	MUL(z3, t0, z3);		/* 30 */
	SUB(x3, x3, z3);		/* 31 */
	MUL(z3, t0, t1);		/* 32 */
	ADD(z3, z3, z3);		/* 33 */
	ADD(z3, z3, z3);		/* 34 */

	ec_copy(r->x, x3, c->p.n);
	ec_copy(r->y, y3, c->p.n);
	ec_copy(r->z, z3, c->p.n);
}

/*
 * One doubling in Jacobian coordinates (x = X/Z^2, y = Y/Z^3), a = -3
 * ("dbl-2001-b" of the Explicit-Formulas Database): 3M + 5S. Correct for
 * every point but those of order 2, which prime-order curves lack; the
 * point at infinity (Z = 0) stays at Z = 0.
 */
static void jacobian_double(const struct ec_curve *c, struct ec_point *p)
{
	uint64_t delta[EC_LIMBS], gamma[EC_LIMBS], beta[EC_LIMBS],
		 alpha[EC_LIMBS], t[EC_LIMBS];

	MUL(delta, p->z, p->z);
	MUL(gamma, p->y, p->y);
	MUL(beta, p->x, gamma);
	/* alpha = 3 (X - delta)(X + delta) */
	SUB(t, p->x, delta);
	ADD(alpha, p->x, delta);
	MUL(alpha, alpha, t);
	ADD(t, alpha, alpha);
	ADD(alpha, alpha, t);
	/* Z3 = (Y + Z)^2 - gamma - delta */
	ADD(t, p->y, p->z);
	MUL(t, t, t);
	SUB(t, t, gamma);
	SUB(p->z, t, delta);
	/* X3 = alpha^2 - 8 beta */
	ADD(beta, beta, beta);
	ADD(beta, beta, beta);		/* 4 beta */
	MUL(t, alpha, alpha);
	SUB(t, t, beta);
	SUB(p->x, t, beta);
	/* Y3 = alpha (4 beta - X3) - 8 gamma^2 */
	SUB(beta, beta, p->x);
	MUL(beta, alpha, beta);
	MUL(gamma, gamma, gamma);
	ADD(gamma, gamma, gamma);
	ADD(gamma, gamma, gamma);
	ADD(gamma, gamma, gamma);
	SUB(p->y, beta, gamma);
}

/*
 * 2^count a through Jacobian coordinates, cheaper per doubling than
 * algorithm 6: homogeneous (X : Y : Z) is Jacobian (X Z, Y Z^2, Z), and
 * Jacobian (X, Y, Z) is homogeneous (X Z : Y : Z^3). The point at
 * infinity comes back as (0 : 0 : 0) and is set to (0 : 1 : 0).
 */
void ec_point_double_n(const struct ec_curve *c, struct ec_point *r,
		       const struct ec_point *a, unsigned int count)
{
	uint64_t z2[EC_LIMBS];
	struct ec_point p;

	MUL(z2, a->z, a->z);
	MUL(p.x, a->x, a->z);
	MUL(p.y, a->y, z2);
	ec_copy(p.z, a->z, c->p.n);
	while (count--)
		jacobian_double(c, &p);
	MUL(z2, p.z, p.z);
	MUL(r->x, p.x, p.z);
	ec_copy(r->y, p.y, c->p.n);
	MUL(r->z, z2, p.z);
	ec_cmov(r->y, c->p.one, ec_is_zero(r->z, c->p.n), c->p.n);
	ncr_pk_wipe(&p, sizeof(p));
	ncr_pk_wipe(z2, sizeof(z2));
}

void ec_point_cmov(const struct ec_curve *c, struct ec_point *r,
		   const struct ec_point *a, uint64_t mask)
{
	ec_cmov(r->x, a->x, mask, c->p.n);
	ec_cmov(r->y, a->y, mask, c->p.n);
	ec_cmov(r->z, a->z, mask, c->p.n);
}

uint64_t ec_point_is_infinity(const struct ec_curve *c,
			      const struct ec_point *a)
{
	return ec_is_zero(a->z, c->p.n);
}

void ec_point_to_affine(const struct ec_curve *c, struct ec_affine *r,
			const struct ec_point *a)
{
	uint64_t zinv[EC_LIMBS];

	memset(r, 0, sizeof(*r));
	ec_mod_inv(zinv, a->z, &c->p);
	MUL(r->x, a->x, zinv);
	MUL(r->y, a->y, zinv);
	ncr_pk_wipe(zinv, sizeof(zinv));
}

uint64_t ec_affine_on_curve(const struct ec_curve *c,
			    const struct ec_affine *a)
{
	uint64_t lhs[EC_LIMBS], rhs[EC_LIMBS];

	MUL(lhs, a->y, a->y);
	/* x^3 - 3x + b = (x^2 - 3) x + b */
	MUL(rhs, a->x, a->x);
	SUB(rhs, rhs, c->p.one);
	SUB(rhs, rhs, c->p.one);
	SUB(rhs, rhs, c->p.one);
	MUL(rhs, rhs, a->x);
	ADD(rhs, rhs, c->b);
	return ec_equal(lhs, rhs, c->p.n);
}
