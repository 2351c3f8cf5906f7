// Random differential tests of kernel/pk/ec* against OpenSSL's libcrypto
// (EVP), both directions: keys made by either side give the same public
// points, signatures made by either side verify on the other (and
// tampered ones on neither), and both sides derive the same ECDH secrets.
// Digests of every length the hashes give, longer and shorter than the
// order (bits2int truncation), with and without hedging bytes.
#include "ec_test_util.hpp"

#include <openssl/rand.h>

using ect::Bytes;

namespace {

const ncr_ec_curve curves[] = {NCR_EC_P256, NCR_EC_P384};
const ncr_pk_hash_id hashes[] = {NCR_PK_SHA1, NCR_PK_SHA224, NCR_PK_SHA256, NCR_PK_SHA384,
				 NCR_PK_SHA512};
const int rounds = 12;	// per curve and test

Bytes random_bytes(size_t n)
{
	Bytes b(n);
	ck_assert(RAND_bytes(b.data(), int(n)) == 1);
	return b;
}

Bytes our_point(const ncr_ec_pub &pub, ncr_ec_curve c)
{
	Bytes p(1 + 2 * ncr_ec_curve_bytes(c));
	ck_assert_int_eq(ncr_ec_pub_export(&pub, p.data(), p.size()), 0);
	return p;
}

Bytes our_sign(const ncr_ec_priv &priv, ncr_ec_curve c, ncr_pk_hash_id h, const Bytes &hash,
	       const Bytes &extra)
{
	ect::Work w;
	Bytes sig(2 * ncr_ec_curve_bytes(c));
	ck_assert_int_eq(ncr_ec_sign(&priv, h, hash.data(), hash.size(),
				     extra.empty() ? nullptr : extra.data(), extra.size(),
				     sig.data(), sig.size(), w.get()), 0);
	return sig;
}

int our_verify(const ncr_ec_pub &pub, const Bytes &hash, const Bytes &sig)
{
	ect::Work w;
	return ncr_ec_verify(&pub, hash.data(), hash.size(), sig.data(), sig.size(), w.get());
}

// OpenSSL's key imported into ours: the same public point.
START_TEST(test_import_openssl_key)
{
	ncr_ec_curve c = curves[_i];
	for (int i = 0; i < rounds; i++) {
		Bytes d, point;
		ect::Pkey k = ect::ossl_generate(c, &d, &point);
		ncr_ec_priv priv;
		ect::Work w;
		ck_assert_int_eq(ncr_ec_priv_import(&priv, c, d.data(), d.size(), w.get()), 0);
		ect::assert_hex(our_point(priv.pub, c), ect::hex(point));
		ncr_ec_pub pub;
		ck_assert_int_eq(ncr_ec_pub_import(&pub, c, point.data(), point.size()), 0);
		ck_assert_int_eq(memcmp(&pub, &priv.pub, sizeof(pub)), 0);
	}
}
END_TEST

// Signatures both ways, every hash length, hedged or not.
START_TEST(test_sign_verify_both_ways)
{
	ncr_ec_curve c = curves[_i];
	for (int i = 0; i < rounds; i++) {
		Bytes d, point;
		ect::Pkey k = ect::ossl_generate(c, &d, &point);
		ncr_ec_priv priv;
		ect::Work w;
		ck_assert_int_eq(ncr_ec_priv_import(&priv, c, d.data(), d.size(), w.get()), 0);
		ncr_pk_hash_id h = hashes[i % 5];
		Bytes hash = ect::digest(h, random_bytes(i * 7));
		Bytes extra = i % 2 ? random_bytes(32) : Bytes();

		Bytes ours = our_sign(priv, c, h, hash, extra);
		ck_assert_msg(ect::ossl_verify(k.get(), c, hash, ours), "OpenSSL rejects ours");
		ck_assert_int_eq(our_verify(priv.pub, hash, ours), 0);
		Bytes theirs = ect::ossl_sign(k.get(), c, hash);
		ck_assert_int_eq(our_verify(priv.pub, hash, theirs), 0);

		// Tampering: a flipped bit of r, of s, or of the digest.
		for (size_t at : {size_t(0), ours.size() - 1}) {
			Bytes bad = ours;
			bad[at] ^= 0x10;
			ck_assert_int_eq(our_verify(priv.pub, hash, bad), -EBADMSG);
			ck_assert(!ect::ossl_verify(k.get(), c, hash, bad));
		}
		Bytes bad_hash = hash;
		bad_hash[0] ^= 1;
		ck_assert_int_eq(our_verify(priv.pub, bad_hash, theirs), -EBADMSG);
	}
}
END_TEST

// Our generated keys used by OpenSSL.
START_TEST(test_our_keys_in_openssl)
{
	ncr_ec_curve c = curves[_i];
	for (int i = 0; i < rounds; i++) {
		ncr_ec_priv priv;
		ect::Work w;
		ck_assert_int_eq(ncr_ec_priv_generate(&priv, c, w.get()), 0);
		Bytes d(ncr_ec_curve_bytes(c));
		ck_assert_int_eq(ncr_ec_priv_export(&priv, d.data(), d.size()), 0);
		Bytes point = our_point(priv.pub, c);
		// OpenSSL checks the pair on import (EVP_PKEY_check below).
		ect::Pkey k = ect::ossl_priv(c, d, point);
		EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(k.get(), nullptr);
		ck_assert(ctx && EVP_PKEY_check(ctx) == 1);
		EVP_PKEY_CTX_free(ctx);
		Bytes hash = ect::digest(ect::curve_hash(c), random_bytes(40));
		ck_assert(ect::ossl_verify(k.get(), c, hash,
					   our_sign(priv, c, ect::curve_hash(c), hash, random_bytes(32))));
		ck_assert_int_eq(our_verify(priv.pub, hash, ect::ossl_sign(k.get(), c, hash)), 0);
	}
}
END_TEST

// The same shared secret on both sides, each side's key with the other's.
START_TEST(test_ecdh)
{
	ncr_ec_curve c = curves[_i];
	for (int i = 0; i < rounds; i++) {
		Bytes da, pa, db, pb;
		ect::Pkey ka = ect::ossl_generate(c, &da, &pa);
		ect::Pkey kb = ect::ossl_generate(c, &db, &pb);
		ncr_ec_priv a;
		ncr_ec_pub b;
		ect::Work w;
		ck_assert_int_eq(ncr_ec_priv_import(&a, c, da.data(), da.size(), w.get()), 0);
		ck_assert_int_eq(ncr_ec_pub_import(&b, c, pb.data(), pb.size()), 0);
		Bytes ours(ncr_ec_curve_bytes(c));
		ck_assert_int_eq(ncr_ec_ecdh(&a, &b, ours.data(), ours.size(), w.get()), 0);
		Bytes theirs = ect::ossl_derive(kb.get(), ect::ossl_pub(c, pa).get());
		ect::assert_hex(ours, ect::hex(theirs));
	}
}
END_TEST

}  // namespace

int main()
{
	Suite *s = suite_create("ec_diff");
	TCase *tc = tcase_create("openssl");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_import_openssl_key, 0, 2);
	tcase_add_loop_test(tc, test_sign_verify_both_ways, 0, 2);
	tcase_add_loop_test(tc, test_our_keys_in_openssl, 0, 2);
	tcase_add_loop_test(tc, test_ecdh, 0, 2);
	suite_add_tcase(s, tc);
	return ect::run_suite(s);
}
