// kernel/pk/rsa.h and its arithmetic (mp.h, mp_mont.h) against OpenSSL's
// libcrypto: the arithmetic on random values, every padding in both
// directions (ours produces, OpenSSL consumes, and the reverse), key
// generation, the SubjectPublicKeyInfo, each documented error on bad
// input, and the fault check. (Known answers: rsa_wycheproof's signature
// generation cases, PKCS #1 v1.5 being deterministic.)
#include "pk_env_user.hpp"
#include "rsa_test_util.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <cstring>
#include <numeric>
#include <random>

using rsat::Bytes;

namespace {

std::mt19937_64 rng(20261202);

Bytes random_bytes(size_t n)
{
	Bytes b(n);
	for (auto &c : b)
		c = uint8_t(rng());
	return b;
}

// ---- the arithmetic ----

BIGNUM *bn_of(const uint64_t *a, size_t n)
{
	Bytes be(8 * n);
	ncr_mp_to_be(be.data(), be.size(), a, n);
	return BN_bin2bn(be.data(), int(be.size()), nullptr);
}

bool bn_eq(const uint64_t *a, size_t n, const BIGNUM *b)
{
	BIGNUM *x = bn_of(a, n);
	bool eq = !BN_cmp(x, b);
	BN_free(x);
	return eq;
}

void random_odd_modulus(uint64_t *m, size_t n)
{
	for (size_t i = 0; i < n; i++)
		m[i] = rng();
	m[0] |= 1;
	m[n - 1] |= uint64_t(1) << 63;
}

START_TEST(test_mont)
{
	static const size_t sizes[] = {1, 2, 16, 24, 32, 48, 64};
	BN_CTX *bctx = BN_CTX_new();
	for (size_t n : sizes) {
		auto ctx = rsat::make<ncr_mont>();
		uint64_t m[NCR_MP_MAX_LIMBS], a[NCR_MP_MAX_LIMBS], b[NCR_MP_MAX_LIMBS];
		uint64_t r[NCR_MP_MAX_LIMBS], e[NCR_MP_MAX_LIMBS], am[NCR_MP_MAX_LIMBS];
		std::vector<uint64_t> table(2 * NCR_MONT_TABLE * n);
		random_odd_modulus(m, n);
		ncr_mont_init(ctx.get(), m, n, 64 * n);
		BIGNUM *bm = bn_of(m, n), *want = BN_new();
		for (int iter = 0; iter < 8; iter++) {
			for (size_t i = 0; i < n; i++)
				a[i] = rng(), b[i] = rng(), e[i] = rng();
			a[n - 1] >>= 1, b[n - 1] >>= 1;	// below m
			BIGNUM *ba = bn_of(a, n), *bb = bn_of(b, n), *be = bn_of(e, n);
			// to, mul, sqr, from: a b, a^2
			ncr_mont_to(ctx.get(), am, a);
			ncr_mont_to(ctx.get(), r, b);
			ncr_mont_mul(ctx.get(), r, am, r);
			ncr_mont_from(ctx.get(), r, r);
			BN_mod_mul(want, ba, bb, bm, bctx);
			ck_assert_msg(bn_eq(r, n, want), "mul, n = %zu", n);
			ncr_mont_sqr(ctx.get(), r, am);
			ncr_mont_from(ctx.get(), r, r);
			BN_mod_mul(want, ba, ba, bm, bctx);
			ck_assert_msg(bn_eq(r, n, want), "sqr, n = %zu", n);
			// the windowed exponentiations
			if (n <= 32) {
				ncr_mont_exp(ctx.get(), r, am, e, n, table.data());
				ncr_mont_from(ctx.get(), r, r);
				BN_mod_exp(want, ba, be, bm, bctx);
				ck_assert_msg(bn_eq(r, n, want), "exp, n = %zu", n);
				uint64_t bm2[NCR_MP_MAX_LIMBS];
				ncr_mont_to(ctx.get(), bm2, b);
				ncr_mont_exp2(ctx.get(), r, am, e, bm2, a, n, table.data());
				ncr_mont_from(ctx.get(), r, r);
				BIGNUM *t = BN_new();
				BN_mod_exp(t, bb, ba, bm, bctx);
				BN_mod_exp(want, ba, be, bm, bctx);
				BN_mod_mul(want, want, t, bm, bctx);
				BN_free(t);
				ck_assert_msg(bn_eq(r, n, want), "exp2, n = %zu", n);
			}
			// the wide reduction: (a || b) mod m
			uint64_t wide[2 * NCR_MP_MAX_LIMBS], tmp[NCR_MP_MAX_LIMBS + 1];
			std::memcpy(wide, b, 8 * n);
			std::memcpy(wide + n, a, 8 * n);
			ncr_mont_reduce_wide(ctx.get(), r, wide, 2 * n, tmp);
			ncr_mont_from(ctx.get(), r, r);
			BIGNUM *bw = bn_of(wide, 2 * n);
			BN_mod(want, bw, bm, bctx);
			ck_assert_msg(bn_eq(r, n, want), "reduce_wide, n = %zu", n);
			// the bitwise remainder by an even modulus
			uint64_t me[NCR_MP_MAX_LIMBS];
			std::memcpy(me, m, 8 * n);
			me[0] &= ~uint64_t(1);
			BIGNUM *bme = bn_of(me, n);
			ncr_mp_mod(r, wide, 2 * n, me, n, tmp);
			BN_mod(want, bw, bme, bctx);
			ck_assert_msg(bn_eq(r, n, want), "mod, n = %zu", n);
			BN_free(bme);
			BN_free(bw);
			BN_free(ba);
			BN_free(bb);
			BN_free(be);
		}
		BN_free(bm);
		BN_free(want);
	}
	BN_CTX_free(bctx);
}
END_TEST

START_TEST(test_small_helpers)
{
	for (int i = 0; i < 1000; i++) {
		uint64_t m = rng() | 1, x = rng() % m;
		uint64_t inv = ncr_mp_inv_mod_u64(x, m);
		unsigned __int128 p = (unsigned __int128)inv * x % m;
		if (std::gcd(x, m) == 1)
			ck_assert_msg(p == 1 % m, "inverse of %lx mod %lx", (unsigned long)x,
				      (unsigned long)m);
		else
			ck_assert(inv == 0);
		ck_assert(ncr_mp_inv_2_64(m) * m == 1);
		uint64_t a[4] = {rng(), rng(), rng(), 0}, q[4];
		ck_assert(ncr_mp_mod_u64(a, 4, m) ==
			  uint64_t((((((unsigned __int128)a[2] << 64) | a[1]) % m << 64 | a[0]) % m)));
		uint64_t prod[4];
		prod[3] = ncr_mp_mul_u64(prod, a, m, 3);
		ncr_mp_divexact_u64(q, prod, m, 4);
		ck_assert(!std::memcmp(q, a, sizeof(a)));
		uint64_t s = rng() % 256, sh[4], want[4] = {0, 0, 0, 0};
		ncr_mp_shr_ct(sh, a, s, 4);
		for (size_t bit = s; bit < 256; bit++)
			if ((a[bit / 64] >> (bit % 64)) & 1)
				want[(bit - s) / 64] |= uint64_t(1) << ((bit - s) % 64);
		ck_assert(!std::memcmp(sh, want, sizeof(want)));
		if (a[0] | a[1] | a[2])
			ck_assert_uint_eq(ncr_mp_ctz(a, 4),
					  a[0] ? __builtin_ctzll(a[0]) :
					  a[1] ? 64 + __builtin_ctzll(a[1]) : 128 + __builtin_ctzll(a[2]));
	}
}
END_TEST

// ---- keys shared by the tests below ----

struct TestKey {
	EVP_PKEY *evp;
	rsat::Parts parts;
	std::unique_ptr<ncr_rsa_priv> priv;
};

TestKey openssl_key(int bits)
{
	TestKey k;
	k.evp = rsat::evp_generate(bits);
	k.parts = rsat::parts_from_evp(k.evp);
	k.priv = rsat::import_priv(k.parts);
	return k;
}

EVP_PKEY_CTX *evp_ctx(EVP_PKEY *pkey, int pad, const EVP_MD *md, const EVP_MD *mgf,
		      int (*init)(EVP_PKEY_CTX *))
{
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr);
	ck_assert(init(ctx) == 1);
	ck_assert(EVP_PKEY_CTX_set_rsa_padding(ctx, pad) == 1);
	if (pad == RSA_PKCS1_PSS_PADDING || (pad == RSA_PKCS1_PADDING && md &&
					     (init == EVP_PKEY_sign_init ||
					      init == EVP_PKEY_verify_init)))
		ck_assert(EVP_PKEY_CTX_set_signature_md(ctx, md) == 1);
	if (pad == RSA_PKCS1_PSS_PADDING)
		ck_assert(EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, mgf) == 1);
	if (pad == RSA_PKCS1_OAEP_PADDING) {
		ck_assert(EVP_PKEY_CTX_set_rsa_oaep_md(ctx, md) == 1);
		ck_assert(EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, mgf) == 1);
	}
	return ctx;
}

const ncr_pk_hash_id hashes[] = {NCR_PK_SHA1, NCR_PK_SHA224, NCR_PK_SHA256, NCR_PK_SHA384,
				 NCR_PK_SHA512};

// ---- differential tests ----

void diff_signatures(TestKey &k)
{
	auto ws = rsat::make<ncr_rsa_ws>();
	const ncr_rsa_pub *pub = &k.priv->pub;
	size_t klen = pub->bytes;
	for (auto h : hashes) {
		Bytes d = rsat::digest(h, random_bytes(100)), sig(klen), theirs(klen);
		// PKCS #1 v1.5: the same signature, both verify both
		ck_assert_int_eq(ncr_rsa_pkcs1_sign(k.priv.get(), ws.get(), h, d.data(), d.size(),
						    sig.data(), sig.size()), 0);
		EVP_PKEY_CTX *ctx = evp_ctx(k.evp, RSA_PKCS1_PADDING, rsat::evp_md(h), nullptr,
					    EVP_PKEY_sign_init);
		size_t len = klen;
		ck_assert(EVP_PKEY_sign(ctx, theirs.data(), &len, d.data(), d.size()) == 1);
		EVP_PKEY_CTX_free(ctx);
		ck_assert(sig == theirs);
		ck_assert_int_eq(ncr_rsa_pkcs1_verify(pub, ws.get(), h, d.data(), d.size(),
						      theirs.data(), len), 0);
		// PSS with another MGF1 hash: ours verified by OpenSSL and back
		auto mgf = h == NCR_PK_SHA256 ? NCR_PK_SHA1 : NCR_PK_SHA256;
		size_t salt = d.size();
		ck_assert_int_eq(ncr_rsa_pss_sign(k.priv.get(), ws.get(), h, mgf, salt, d.data(),
						  d.size(), sig.data(), sig.size()), 0);
		ctx = evp_ctx(k.evp, RSA_PKCS1_PSS_PADDING, rsat::evp_md(h), rsat::evp_md(mgf),
			      EVP_PKEY_verify_init);
		ck_assert(EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, int(salt)) == 1);
		ck_assert(EVP_PKEY_verify(ctx, sig.data(), sig.size(), d.data(), d.size()) == 1);
		EVP_PKEY_CTX_free(ctx);
		ctx = evp_ctx(k.evp, RSA_PKCS1_PSS_PADDING, rsat::evp_md(h), rsat::evp_md(mgf),
			      EVP_PKEY_sign_init);
		ck_assert(EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, int(salt)) == 1);
		len = klen;
		ck_assert(EVP_PKEY_sign(ctx, theirs.data(), &len, d.data(), d.size()) == 1);
		EVP_PKEY_CTX_free(ctx);
		ck_assert_int_eq(ncr_rsa_pss_verify(pub, ws.get(), h, mgf, salt, d.data(), d.size(),
						    theirs.data(), len), 0);
		ck_assert_int_eq(ncr_rsa_pss_verify(pub, ws.get(), h, mgf, salt + 1, d.data(),
						    d.size(), theirs.data(), len), -EBADMSG);
	}
}

void diff_encryption(TestKey &k)
{
	auto ws = rsat::make<ncr_rsa_ws>();
	const ncr_rsa_pub *pub = &k.priv->pub;
	size_t klen = pub->bytes;
	for (auto h : hashes) {
		auto mgf = h == NCR_PK_SHA1 ? NCR_PK_SHA256 : NCR_PK_SHA1;
		Bytes msg = random_bytes(rng() % 64), label = random_bytes(rng() % 20);
		Bytes ct(klen), out(klen), theirs(klen);
		size_t len = 0;
		// OAEP: ours to OpenSSL
		ck_assert_int_eq(ncr_rsa_oaep_encrypt(pub, ws.get(), h, mgf, label.data(),
						      label.size(), msg.data(), msg.size(),
						      ct.data(), ct.size()), 0);
		EVP_PKEY_CTX *ctx = evp_ctx(k.evp, RSA_PKCS1_OAEP_PADDING, rsat::evp_md(h),
					    rsat::evp_md(mgf), EVP_PKEY_decrypt_init);
		if (!label.empty()) {
			void *l = OPENSSL_memdup(label.data(), label.size());
			ck_assert(EVP_PKEY_CTX_set0_rsa_oaep_label(ctx, l, int(label.size())) == 1);
		}
		len = klen;
		ck_assert(EVP_PKEY_decrypt(ctx, out.data(), &len, ct.data(), ct.size()) == 1);
		EVP_PKEY_CTX_free(ctx);
		ck_assert(Bytes(out.begin(), out.begin() + long(len)) == msg);
		// OpenSSL to ours
		ctx = evp_ctx(k.evp, RSA_PKCS1_OAEP_PADDING, rsat::evp_md(h), rsat::evp_md(mgf),
			      EVP_PKEY_encrypt_init);
		if (!label.empty()) {
			void *l = OPENSSL_memdup(label.data(), label.size());
			ck_assert(EVP_PKEY_CTX_set0_rsa_oaep_label(ctx, l, int(label.size())) == 1);
		}
		len = klen;
		ck_assert(EVP_PKEY_encrypt(ctx, theirs.data(), &len, msg.data(), msg.size()) == 1);
		EVP_PKEY_CTX_free(ctx);
		ck_assert_int_eq(ncr_rsa_oaep_decrypt(k.priv.get(), ws.get(), h, mgf, label.data(),
						      label.size(), theirs.data(), len, out.data(),
						      out.size(), &len), 0);
		ck_assert(Bytes(out.begin(), out.begin() + long(len)) == msg);
	}
	for (int i = 0; i < 4; i++) {
		Bytes msg = random_bytes(rng() % (klen - 11)), ct(klen), out(klen), theirs(klen);
		size_t len = klen;
		// PKCS #1 v1.5 encryption both ways
		ck_assert_int_eq(ncr_rsa_pkcs1_encrypt(pub, ws.get(), msg.data(), msg.size(),
						       ct.data(), ct.size()), 0);
		EVP_PKEY_CTX *ctx = evp_ctx(k.evp, RSA_PKCS1_PADDING, nullptr, nullptr,
					    EVP_PKEY_decrypt_init);
		ck_assert(EVP_PKEY_decrypt(ctx, out.data(), &len, ct.data(), ct.size()) == 1);
		EVP_PKEY_CTX_free(ctx);
		ck_assert(Bytes(out.begin(), out.begin() + long(len)) == msg);
		ctx = evp_ctx(k.evp, RSA_PKCS1_PADDING, nullptr, nullptr, EVP_PKEY_encrypt_init);
		len = klen;
		ck_assert(EVP_PKEY_encrypt(ctx, theirs.data(), &len, msg.data(), msg.size()) == 1);
		EVP_PKEY_CTX_free(ctx);
		ck_assert_int_eq(ncr_rsa_pkcs1_decrypt(k.priv.get(), ws.get(), theirs.data(), len,
						       out.data(), out.size(), &len), 0);
		ck_assert(Bytes(out.begin(), out.begin() + long(len)) == msg);
	}
}

const int diff_sizes[] = {2048, 3072, 4096};

START_TEST(test_diff)
{
	TestKey k = openssl_key(diff_sizes[_i]);
	diff_signatures(k);
	diff_encryption(k);
	EVP_PKEY_free(k.evp);
}
END_TEST

// ---- key generation ----

Bytes be_of(const uint64_t *a, size_t n)
{
	Bytes b(8 * n);
	ncr_mp_to_be(b.data(), b.size(), a, n);
	return b;
}

const size_t gen_sizes[] = {2048, 3072};

START_TEST(test_generate)
{
	size_t bits = gen_sizes[_i];
	auto priv = rsat::make<ncr_rsa_priv>();
	auto ws = rsat::make<ncr_rsa_ws>();
	pk_test_rng_seed(bits);
	ck_assert_int_eq(ncr_rsa_generate(priv.get(), bits, 65537, 0, ws.get()), 0);
	pk_test_rng_system();
	ck_assert_uint_eq(priv->pub.bits, bits);
	size_t pl = priv->half_limbs;
	// the components, read back, pass the import checks and OpenSSL's
	rsat::Parts p;
	p.n = be_of(priv->pub.mont_n.m, 2 * pl);
	p.e = {1, 0, 1};
	p.d = be_of(priv->d, 2 * pl);
	p.p = be_of(priv->mont_p.m, pl);
	p.q = be_of(priv->mont_q.m, pl);
	p.dp = be_of(priv->dp, pl);
	p.dq = be_of(priv->dq, pl);
	p.qinv = be_of(priv->qinv, pl);
	auto again = rsat::import_priv(p);
	EVP_PKEY *evp = rsat::evp_from_parts(p);
	EVP_PKEY_CTX *check = EVP_PKEY_CTX_new_from_pkey(nullptr, evp, nullptr);
	ck_assert(EVP_PKEY_private_check(check) == 1);
	ck_assert(EVP_PKEY_pairwise_check(check) == 1);
	EVP_PKEY_CTX_free(check);
	// d = e^-1 mod lcm(p - 1, q - 1), FIPS 186-5's d
	BN_CTX *bctx = BN_CTX_new();
	BIGNUM *bp = BN_bin2bn(p.p.data(), int(p.p.size()), nullptr);
	BIGNUM *bq = BN_bin2bn(p.q.data(), int(p.q.size()), nullptr);
	BIGNUM *g = BN_new(), *l = BN_new(), *e = BN_new(), *d = BN_new();
	BN_sub_word(bp, 1);
	BN_sub_word(bq, 1);
	BN_gcd(g, bp, bq, bctx);
	BN_mul(l, bp, bq, bctx);
	BN_div(l, nullptr, l, g, bctx);
	BN_set_word(e, 65537);
	BN_mod_inverse(d, e, l, bctx);
	BIGNUM *ours = BN_bin2bn(p.d.data(), int(p.d.size()), nullptr);
	ck_assert(!BN_cmp(d, ours));
	// |p - q| > 2^(nlen/2 - 100), both of half the bits
	BN_sub(g, bp, bq);
	ck_assert_int_gt(BN_num_bits(g), int(bits / 2 - 100));
	ck_assert_int_eq(BN_num_bits(bp), int(bits / 2));
	for (BIGNUM *x : {bp, bq, g, l, e, d, ours})
		BN_free(x);
	BN_CTX_free(bctx);
	// and it signs what OpenSSL verifies
	Bytes dg(32, 7), sig(priv->pub.bytes);
	ck_assert_int_eq(ncr_rsa_pkcs1_sign(priv.get(), ws.get(), NCR_PK_SHA256, dg.data(),
					    dg.size(), sig.data(), sig.size()), 0);
	EVP_PKEY_CTX *ctx = evp_ctx(evp, RSA_PKCS1_PADDING, EVP_sha256(), nullptr,
				    EVP_PKEY_verify_init);
	ck_assert(EVP_PKEY_verify(ctx, sig.data(), sig.size(), dg.data(), dg.size()) == 1);
	EVP_PKEY_CTX_free(ctx);
	EVP_PKEY_free(evp);
}
END_TEST

// ---- the SubjectPublicKeyInfo ----

START_TEST(test_spki)
{
	for (int bits : {1024, 2048, 3072, 4096}) {
		EVP_PKEY *evp = rsat::evp_generate(bits);
		rsat::Parts p = rsat::parts_from_evp(evp);
		auto pub = rsat::import_pub(p.n, p.e);
		size_t len = 0;
		ck_assert_int_eq(ncr_rsa_pub_spki(pub.get(), nullptr, 0, &len), -EINVAL);
		Bytes der(len);
		ck_assert_int_eq(ncr_rsa_pub_spki(pub.get(), der.data(), der.size() - 1, &len),
				 -EINVAL);
		ck_assert_int_eq(ncr_rsa_pub_spki(pub.get(), der.data(), der.size(), &len), 0);
		// OpenSSL parses it to the same key and writes the same bytes
		const uint8_t *in = der.data();
		EVP_PKEY *parsed = d2i_PUBKEY(nullptr, &in, long(der.size()));
		ck_assert(parsed && in == der.data() + der.size());
		ck_assert(EVP_PKEY_eq(parsed, evp) == 1);
		uint8_t *theirs = nullptr;
		int tlen = i2d_PUBKEY(evp, &theirs);
		ck_assert(Bytes(theirs, theirs + tlen) == der);
		OPENSSL_free(theirs);
		// and the raw export
		Bytes n(pub->bytes), e(32);
		size_t elen = 0;
		ck_assert_int_eq(ncr_rsa_pub_export(pub.get(), n.data(), n.size(), e.data(),
						    e.size(), &elen), 0);
		e.resize(elen);
		ck_assert(n == p.n && e == p.e);
		ck_assert_int_eq(ncr_rsa_pub_export(pub.get(), n.data(), n.size() - 1, e.data(),
						    32, &elen), -EINVAL);
		EVP_PKEY_free(parsed);
		EVP_PKEY_free(evp);
	}
}
END_TEST

// ---- bad input ----

int pub_import(const Bytes &n, const Bytes &e, unsigned int min_bits = 1024,
	       unsigned int flags = 0)
{
	auto pub = rsat::make<ncr_rsa_pub>();
	return ncr_rsa_pub_import(pub.get(), n.data(), n.size(), e.data(), e.size(), min_bits,
				  flags);
}

int priv_import(const rsat::Parts &p, unsigned int flags = 0)
{
	auto priv = rsat::make<ncr_rsa_priv>();
	auto ws = rsat::make<ncr_rsa_ws>();
	ncr_rsa_parts v = p.view();
	return ncr_rsa_priv_import(priv.get(), &v, flags, ws.get());
}

void bump(Bytes &b, int delta)
{
	for (size_t i = b.size(); i-- > 0;) {
		int v = b[i] + delta;
		b[i] = uint8_t(v);
		if (v >= 0 && v < 256)
			break;
		delta = v < 0 ? -1 : 1;
	}
}

START_TEST(test_bad_keys)
{
	TestKey k = openssl_key(2048);
	const rsat::Parts &good = k.parts;
	Bytes e3 = {3}, e65537 = {1, 0, 1}, e_even = {1, 0, 2}, e1 = {1}, e_big(33, 0xff);
	Bytes n_even = good.n;
	n_even.back() &= 0xfe;
	ck_assert_int_eq(pub_import(good.n, e65537), 0);
	ck_assert_int_eq(pub_import(n_even, e65537), -EKEYREJECTED);
	ck_assert_int_eq(pub_import(good.n, e3), -EKEYREJECTED);
	ck_assert_int_eq(pub_import(good.n, e3, 1024, NCR_RSA_SMALL_E), 0);
	ck_assert_int_eq(pub_import(good.n, e1, 1024, NCR_RSA_SMALL_E), -EKEYREJECTED);
	ck_assert_int_eq(pub_import(good.n, e_even), -EKEYREJECTED);
	ck_assert_int_eq(pub_import(good.n, e_big), -EKEYREJECTED);
	ck_assert_int_eq(pub_import(good.n, Bytes{0x01, 0x00, 0x00}), -EKEYREJECTED);
	ck_assert_int_eq(pub_import(good.n, Bytes{}), -EKEYREJECTED);
	ck_assert_int_eq(pub_import(good.n, e65537, 1024, 0x80), -EINVAL);
	ck_assert_int_eq(pub_import(good.n, e65537, 512), -EINVAL);
	ck_assert_int_eq(pub_import(good.n, e65537, 3072), -EINVAL);
	ck_assert_int_eq(pub_import(Bytes(good.n.begin() + 129, good.n.end()), e65537), -EINVAL);
	Bytes huge(513, 0xff);
	ck_assert_int_eq(pub_import(huge, e65537), -EINVAL);
	ck_assert_int_eq(pub_import(Bytes{}, e65537), -EINVAL);
	Bytes padded = good.n;
	padded.insert(padded.begin(), 3, 0);	// leading zeros are fine
	ck_assert_int_eq(pub_import(padded, e65537), 0);

	ck_assert_int_eq(priv_import(good), 0);
	// every component off by a little, one at a time
	Bytes rsat::Parts::*fields[] = {&rsat::Parts::n, &rsat::Parts::d, &rsat::Parts::p,
					&rsat::Parts::q, &rsat::Parts::dp, &rsat::Parts::dq,
					&rsat::Parts::qinv};
	for (auto f : fields) {
		for (int delta : {2, -2}) {
			rsat::Parts bad = good;
			bump(bad.*f, delta);
			ck_assert_int_eq(priv_import(bad), -EKEYREJECTED);
		}
		rsat::Parts bad = good;
		(bad.*f).insert((bad.*f).begin(), 1);	// a non-zero byte too many
		ck_assert_int_eq(priv_import(bad), f == &rsat::Parts::n ? -EINVAL : -EKEYREJECTED);
		bad = good;
		std::fill((bad.*f).begin(), (bad.*f).end(), 0);
		ck_assert_int_le(priv_import(bad), -1);
	}
	rsat::Parts swapped = good;	// qinv belongs to the other order
	std::swap(swapped.p, swapped.q);
	std::swap(swapped.dp, swapped.dq);
	ck_assert_int_eq(priv_import(swapped), -EKEYREJECTED);
	rsat::Parts other_e = good;
	other_e.e = {1, 0, 3};
	ck_assert_int_eq(priv_import(other_e), -EKEYREJECTED);
	EVP_PKEY *small = rsat::evp_generate(1024);
	rsat::Parts small_parts = rsat::parts_from_evp(small);
	auto priv = rsat::make<ncr_rsa_priv>();
	auto ws = rsat::make<ncr_rsa_ws>();
	ncr_rsa_parts v = small_parts.view();
	ck_assert_int_eq(ncr_rsa_priv_import(priv.get(), &v, 0, ws.get()), -EINVAL);
	ck_assert_int_eq(ncr_rsa_generate(priv.get(), 1024, 65537, 0, ws.get()), -EINVAL);
	ck_assert_int_eq(ncr_rsa_generate(priv.get(), 2048, 65536, 0, ws.get()), -EINVAL);
	ck_assert_int_eq(ncr_rsa_generate(priv.get(), 2048, 3, 0, ws.get()), -EINVAL);
	ck_assert_int_eq(ncr_rsa_generate(priv.get(), 2048, 1, NCR_RSA_SMALL_E, ws.get()), -EINVAL);
	ck_assert_int_eq(ncr_rsa_generate(priv.get(), 2048, 65537, 0x10, ws.get()), -EINVAL);
	EVP_PKEY_free(k.evp);
	EVP_PKEY_free(small);
}
END_TEST

START_TEST(test_bad_operations)
{
	TestKey k = openssl_key(2048);
	auto ws = rsat::make<ncr_rsa_ws>();
	ncr_rsa_priv *priv = k.priv.get();
	const ncr_rsa_pub *pub = &priv->pub;
	size_t klen = pub->bytes;
	Bytes d(32, 1), sig(klen), out(klen), ct(klen), big(klen + 1);
	size_t len;
	// signing
	ck_assert_int_eq(ncr_rsa_pkcs1_sign(priv, ws.get(), NCR_PK_SHA256, d.data(), 32,
					    sig.data(), klen - 1), -EINVAL);
	ck_assert_int_eq(ncr_rsa_pkcs1_sign(priv, ws.get(), NCR_PK_SHA256, d.data(), 31,
					    sig.data(), klen), -EINVAL);
	ck_assert_int_eq(ncr_rsa_pkcs1_sign(priv, ws.get(), ncr_pk_hash_id(9), d.data(), 32,
					    sig.data(), klen), -EINVAL);
	Bytes t(klen - 10, 0x30);	// a DigestInfo too long for the key
	ck_assert_int_eq(ncr_rsa_pkcs1_sign(priv, ws.get(), ncr_pk_hash_id(0), t.data(),
					    t.size(), sig.data(), klen), -EINVAL);
	t.resize(klen - 11);
	ck_assert_int_eq(ncr_rsa_pkcs1_sign(priv, ws.get(), ncr_pk_hash_id(0), t.data(),
					    t.size(), sig.data(), klen), 0);
	ck_assert_int_eq(ncr_rsa_pkcs1_verify(pub, ws.get(), ncr_pk_hash_id(0), t.data(),
					      t.size(), sig.data(), klen), 0);
	ck_assert_int_eq(ncr_rsa_pss_sign(priv, ws.get(), NCR_PK_SHA256, NCR_PK_SHA256,
					  klen - 32 - 1, d.data(), 32, sig.data(), klen), -EINVAL);
	ck_assert_int_eq(ncr_rsa_pss_sign(priv, ws.get(), NCR_PK_SHA256, ncr_pk_hash_id(0), 32,
					  d.data(), 32, sig.data(), klen), -EINVAL);
	// verification: lengths, s >= n, a flipped bit
	ck_assert_int_eq(ncr_rsa_pkcs1_sign(priv, ws.get(), NCR_PK_SHA256, d.data(), 32,
					    sig.data(), klen), 0);
	ck_assert_int_eq(ncr_rsa_pkcs1_verify(pub, ws.get(), NCR_PK_SHA256, d.data(), 32,
					      sig.data(), klen - 1), -EBADMSG);
	Bytes n(k.parts.n.end() - long(klen), k.parts.n.end());
	ck_assert_int_eq(ncr_rsa_pkcs1_verify(pub, ws.get(), NCR_PK_SHA256, d.data(), 32,
					      n.data(), klen), -EBADMSG);
	sig[10] ^= 1;
	ck_assert_int_eq(ncr_rsa_pkcs1_verify(pub, ws.get(), NCR_PK_SHA256, d.data(), 32,
					      sig.data(), klen), -EBADMSG);
	ck_assert_int_eq(ncr_rsa_pss_verify(pub, ws.get(), NCR_PK_SHA256, NCR_PK_SHA256, 32,
					    d.data(), 32, sig.data(), klen), -EBADMSG);
	// OAEP: message too long, wrong label, short output
	Bytes msg(klen - 2 * 32 - 1, 5);
	ck_assert_int_eq(ncr_rsa_oaep_encrypt(pub, ws.get(), NCR_PK_SHA256, NCR_PK_SHA256, nullptr,
					      0, msg.data(), msg.size(), ct.data(), klen), -EINVAL);
	msg.pop_back();
	ck_assert_int_eq(ncr_rsa_oaep_encrypt(pub, ws.get(), NCR_PK_SHA256, NCR_PK_SHA256, nullptr,
					      0, msg.data(), msg.size(), ct.data(), klen - 1),
			 -EINVAL);
	ck_assert_int_eq(ncr_rsa_oaep_encrypt(pub, ws.get(), NCR_PK_SHA256, NCR_PK_SHA256, nullptr,
					      0, msg.data(), msg.size(), ct.data(), klen), 0);
	uint8_t label = 1;
	ck_assert_int_eq(ncr_rsa_oaep_decrypt(priv, ws.get(), NCR_PK_SHA256, NCR_PK_SHA256, &label,
					      1, ct.data(), klen, out.data(), klen, &len), -EBADMSG);
	ck_assert_int_eq(ncr_rsa_oaep_decrypt(priv, ws.get(), NCR_PK_SHA256, NCR_PK_SHA1, nullptr,
					      0, ct.data(), klen, out.data(), klen, &len), -EBADMSG);
	ck_assert_int_eq(ncr_rsa_oaep_decrypt(priv, ws.get(), NCR_PK_SHA256, NCR_PK_SHA256, nullptr,
					      0, ct.data(), klen, out.data(), msg.size() - 1, &len),
			 -EINVAL);
	ck_assert_int_eq(ncr_rsa_oaep_decrypt(priv, ws.get(), NCR_PK_SHA256, NCR_PK_SHA256, nullptr,
					      0, ct.data(), klen, out.data(), msg.size(), &len), 0);
	ck_assert_int_eq(ncr_rsa_oaep_decrypt(priv, ws.get(), NCR_PK_SHA256, NCR_PK_SHA256, nullptr,
					      0, n.data(), klen, out.data(), klen, &len), -EBADMSG);
	// PKCS #1 v1.5 encryption and decryption
	ck_assert_int_eq(ncr_rsa_pkcs1_encrypt(pub, ws.get(), msg.data(), klen - 10, ct.data(),
					       klen), -EINVAL);
	ck_assert_int_eq(ncr_rsa_pkcs1_encrypt(pub, ws.get(), msg.data(), klen - 11, ct.data(),
					       klen), 0);
	ck_assert_int_eq(ncr_rsa_pkcs1_decrypt(priv, ws.get(), ct.data(), klen, out.data(),
					       klen - 12, &len), -EINVAL);
	ck_assert_int_eq(ncr_rsa_pkcs1_decrypt(priv, ws.get(), ct.data(), klen - 1, out.data(),
					       klen, &len), -EBADMSG);
	ck_assert_int_eq(ncr_rsa_pkcs1_decrypt(priv, ws.get(), n.data(), klen, out.data(), klen,
					       &len), -EBADMSG);
	ck_assert_int_eq(ncr_rsa_pkcs1_decrypt(priv, ws.get(), ct.data(), klen, out.data(),
					       klen - 11, &len), 0);
	ck_assert_uint_eq(len, klen - 11);
	EVP_PKEY_free(k.evp);
}
END_TEST

// A fault in the private computation: -EIO, nothing written.
START_TEST(test_fault_check)
{
	TestKey k = openssl_key(2048);
	auto ws = rsat::make<ncr_rsa_ws>();
	auto faulty = rsat::make<ncr_rsa_priv>();
	*faulty = *k.priv;
	faulty->dp[3] ^= 0x40;	// as a glitch in the p half would
	size_t klen = faulty->pub.bytes, len = 0;
	Bytes d(32, 9), sig(klen, 0xee), out(klen, 0xee), ct(klen);
	ck_assert_int_eq(ncr_rsa_pkcs1_sign(faulty.get(), ws.get(), NCR_PK_SHA256, d.data(), 32,
					    sig.data(), klen), -EIO);
	ck_assert(sig == Bytes(klen, 0xee));
	ck_assert_int_eq(ncr_rsa_pss_sign(faulty.get(), ws.get(), NCR_PK_SHA256, NCR_PK_SHA256, 32,
					  d.data(), 32, sig.data(), klen), -EIO);
	ck_assert(sig == Bytes(klen, 0xee));
	ck_assert_int_eq(ncr_rsa_pkcs1_encrypt(&k.priv->pub, ws.get(), d.data(), 32, ct.data(),
					       klen), 0);
	ck_assert_int_eq(ncr_rsa_pkcs1_decrypt(faulty.get(), ws.get(), ct.data(), klen,
					       out.data(), klen, &len), -EIO);
	ck_assert(out == Bytes(klen, 0xee));
	*faulty = *k.priv;
	faulty->qinv[0] ^= 1;
	ck_assert_int_eq(ncr_rsa_oaep_decrypt(faulty.get(), ws.get(), NCR_PK_SHA256, NCR_PK_SHA256,
					      nullptr, 0, ct.data(), klen, out.data(), klen, &len),
			 -EIO);
	EVP_PKEY_free(k.evp);
}
END_TEST

}  // namespace

int main()
{
	Suite *s = suite_create("rsa");
	TCase *tc = tcase_create("arithmetic");
	tcase_add_test(tc, test_mont);
	tcase_add_test(tc, test_small_helpers);
	suite_add_tcase(s, tc);
	tc = tcase_create("rsa");
	tcase_set_timeout(tc, 300);
	tcase_add_loop_test(tc, test_diff, 0, 3);
	tcase_add_loop_test(tc, test_generate, 0, 2);
	tcase_add_test(tc, test_spki);
	tcase_add_test(tc, test_bad_keys);
	tcase_add_test(tc, test_bad_operations);
	tcase_add_test(tc, test_fault_check);
	suite_add_tcase(s, tc);
	return rsat::run_suite(s);
}
