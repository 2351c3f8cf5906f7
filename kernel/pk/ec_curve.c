// SPDX-License-Identifier: GPL-2.0
/*
 * P-256 and P-384 (FIPS 186-5 / SP 800-186 section 3.2.1): the constants,
 * precomputed in the Montgomery domain (R = 2^256 resp. 2^384), and the
 * fixed-base tables that ncr_ec_init() fills once. See ec_curve.h.
 */
#include "ec_point.h"

#define P256_WINDOWS EC_WINDOWS(256)
#define P384_WINDOWS EC_WINDOWS(384)

/*
 * The only mutable state of kernel/pk/ec*: written by ncr_ec_init() before
 * any operation, read-only afterwards. 52 KiB and 116 KiB.
 */
static uint64_t p256_base[P256_WINDOWS * EC_WINDOW_POINTS * 2 * 4];
static uint64_t p384_base[P384_WINDOWS * EC_WINDOW_POINTS * 2 * 6];
static bool tables_ready;

static const struct ec_curve p256 = {
	.id = NCR_EC_P256,
	.bytes = 32,
	.bits = 256,
	.p = {
		.n = 4,
		.p256 = true,
		/* 2^256 - 2^224 + 2^192 + 2^96 - 1 */
		.m = { 0xffffffffffffffffULL, 0x00000000ffffffffULL,
		       0x0000000000000000ULL, 0xffffffff00000001ULL },
		.n0 = 0x0000000000000001ULL,
		.r2 = { 0x0000000000000003ULL, 0xfffffffbffffffffULL,
			0xfffffffffffffffeULL, 0x00000004fffffffdULL },
		.one = { 0x0000000000000001ULL, 0xffffffff00000000ULL,
			 0xffffffffffffffffULL, 0x00000000fffffffeULL },
	},
	.n = {
		.n = 4,
		.m = { 0xf3b9cac2fc632551ULL, 0xbce6faada7179e84ULL,
		       0xffffffffffffffffULL, 0xffffffff00000000ULL },
		.n0 = 0xccd1c8aaee00bc4fULL,
		.r2 = { 0x83244c95be79eea2ULL, 0x4699799c49bd6fa6ULL,
			0x2845b2392b6bec59ULL, 0x66e12d94f3d95620ULL },
		.one = { 0x0c46353d039cdaafULL, 0x4319055258e8617bULL,
			 0x0000000000000000ULL, 0x00000000ffffffffULL },
	},
	.b = { 0xd89cdf6229c4bddfULL, 0xacf005cd78843090ULL,
	       0xe5a220abf7212ed6ULL, 0xdc30061d04874834ULL },
	.gx = { 0x79e730d418a9143cULL, 0x75ba95fc5fedb601ULL,
		0x79fb732b77622510ULL, 0x18905f76a53755c6ULL },
	.gy = { 0xddf25357ce95560aULL, 0x8b4ab8e4ba19e45cULL,
		0xd2e88688dd21f325ULL, 0x8571ff1825885d85ULL },
	.base = p256_base,
	.windows = P256_WINDOWS,
};

static const struct ec_curve p384 = {
	.id = NCR_EC_P384,
	.bytes = 48,
	.bits = 384,
	.p = {
		.n = 6,
		/* 2^384 - 2^128 - 2^96 + 2^32 - 1 */
		.m = { 0x00000000ffffffffULL, 0xffffffff00000000ULL,
		       0xfffffffffffffffeULL, 0xffffffffffffffffULL,
		       0xffffffffffffffffULL, 0xffffffffffffffffULL },
		.n0 = 0x0000000100000001ULL,
		.r2 = { 0xfffffffe00000001ULL, 0x0000000200000000ULL,
			0xfffffffe00000000ULL, 0x0000000200000000ULL,
			0x0000000000000001ULL, 0x0000000000000000ULL },
		.one = { 0xffffffff00000001ULL, 0x00000000ffffffffULL,
			 0x0000000000000001ULL, 0x0000000000000000ULL,
			 0x0000000000000000ULL, 0x0000000000000000ULL },
	},
	.n = {
		.n = 6,
		.m = { 0xecec196accc52973ULL, 0x581a0db248b0a77aULL,
		       0xc7634d81f4372ddfULL, 0xffffffffffffffffULL,
		       0xffffffffffffffffULL, 0xffffffffffffffffULL },
		.n0 = 0x6ed46089e88fdc45ULL,
		.r2 = { 0x2d319b2419b409a9ULL, 0xff3d81e5df1aa419ULL,
			0xbc3e483afcb82947ULL, 0xd40d49174aab1cc5ULL,
			0x3fb05b7a28266895ULL, 0x0c84ee012b39bf21ULL },
		.one = { 0x1313e695333ad68dULL, 0xa7e5f24db74f5885ULL,
			 0x389cb27e0bc8d220ULL, 0x0000000000000000ULL,
			 0x0000000000000000ULL, 0x0000000000000000ULL },
	},
	.b = { 0x081188719d412dccULL, 0xf729add87a4c32ecULL,
	       0x77f2209b1920022eULL, 0xe3374bee94938ae2ULL,
	       0xb62b21f41f022094ULL, 0xcd08114b604fbff9ULL },
	.gx = { 0x3dd0756649c0b528ULL, 0x20e378e2a0d6ce38ULL,
		0x879c3afc541b4d6eULL, 0x6454868459a30effULL,
		0x812ff723614ede2bULL, 0x4d3aadc2299e1513ULL },
	.gy = { 0x23043dad4b03a4feULL, 0xa1bfa8bf7bb4a9acULL,
		0x8bade7562e83b050ULL, 0xc6c3521968f4ffd9ULL,
		0xdd8002263969a840ULL, 0x2b78abc25a15c5e9ULL },
	.base = p384_base,
	.windows = P384_WINDOWS,
};

const struct ec_curve *ec_curve_get(enum ncr_ec_curve id)
{
	switch (id) {
	case NCR_EC_P256:
		return &p256;
	case NCR_EC_P384:
		return &p384;
	}
	return NULL;
}

/*
 * Window i holds j 32^i G for j = 1..16, each made affine on its own (one
 * inversion per entry: a few tens of milliseconds once, at load).
 */
static void fill_table(const struct ec_curve *c)
{
	struct ec_point window_base, multiple;
	struct ec_affine a;
	unsigned int n = c->p.n, i, j, k;
	uint64_t *out = c->base;

	memset(&a, 0, sizeof(a));
	ec_copy(a.x, c->gx, n);
	ec_copy(a.y, c->gy, n);
	ec_point_from_affine(c, &window_base, &a);
	for (i = 0; i < c->windows; i++) {
		multiple = window_base;
		for (j = 1; j <= EC_WINDOW_POINTS; j++) {
			ec_point_to_affine(c, &a, &multiple);
			ec_copy(out, a.x, n);
			ec_copy(out + n, a.y, n);
			out += 2 * n;
			ec_point_add(c, &multiple, &multiple, &window_base);
		}
		for (k = 0; k < EC_WINDOW_BITS; k++)
			ec_point_double(c, &window_base, &window_base);
	}
}

void ec_curve_tables_init(void)
{
	if (tables_ready)
		return;
	fill_table(&p256);
	fill_table(&p384);
	tables_ready = true;
}

bool ec_curve_tables_ready(void)
{
	return tables_ready;
}
