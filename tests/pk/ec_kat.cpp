// Known answers and bad input for kernel/pk/ec*: RFC 6979 A.2.5 (P-256)
// and A.2.6 (P-384) with SHA-256/SHA-384 (public point, deterministic
// signatures, which must also verify), the SubjectPublicKeyInfo encoding
// (parsed back by OpenSSL), compressed points, and every documented error.
#include "ec_test_util.hpp"

#include <openssl/x509.h>

using ect::Bytes;

namespace {

struct Rfc6979Key {
	ncr_ec_curve curve;
	const char *d, *ux, *uy;
};

const Rfc6979Key keys[] = {
	{NCR_EC_P256, "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721",
	 "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6",
	 "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299"},
	{NCR_EC_P384,
	 "6b9d3dad2e1b8c1c05b19875b6659f4de23c3b667bf297ba9aa47740787137d8"
	 "96d5724e4c70a825f872c9ea60d2edf5",
	 "ec3a4e415b4e19a4568618029f427fa5da9a8bc4ae92e02e06aae5286b300c64"
	 "def8f0ea9055866064a254515480bc13",
	 "8015d9b72d7d57244ea8ef9ac0c621896708a59367f9dfb9f54ca84b3f1c9db1"
	 "288b231c3ae0d4fe7344fd2533264720"},
};

struct Rfc6979Sig {
	ncr_ec_curve curve;
	const char *msg, *r, *s;
};

const Rfc6979Sig sigs[] = {
	{NCR_EC_P256, "sample",
	 "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716",
	 "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8"},
	{NCR_EC_P256, "test",
	 "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367",
	 "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083"},
	{NCR_EC_P384, "sample",
	 "94edbb92a5ecb8aad4736e56c691916b3f88140666ce9fa73d64c4ea95ad133c"
	 "81a648152e44acf96e36dd1e80fabe46",
	 "99ef4aeb15f178cea1fe40db2603138f130e740a19624526203b6351d0a3a94f"
	 "a329c145786e679e7b82c71a38628ac8"},
	{NCR_EC_P384, "test",
	 "8203b63d3c853e8d77227fb377bcf7b7b772e97892a80f36ab775d509d7a5feb"
	 "0542a7f0812998da8f1dd3ca3cf023db",
	 "ddd0760448d42d8a43af45af836fce4de8be06b485e9b61b827c2f13173923e0"
	 "6a739f040649a667bf3b828246baa5a5"},
};

const Rfc6979Key &key_of(ncr_ec_curve c)
{
	return keys[c == NCR_EC_P256 ? 0 : 1];
}

void import_key(const Rfc6979Key &k, ncr_ec_priv *priv)
{
	Bytes d = ect::unhex(k.d);
	ect::Work w;
	ck_assert_int_eq(ncr_ec_priv_import(priv, k.curve, d.data(), d.size(), w.get()), 0);
}

Bytes point_of(const Rfc6979Key &k)
{
	return ect::unhex(std::string("04") + k.ux + k.uy);
}

START_TEST(test_rfc6979_public_point)
{
	const Rfc6979Key &k = keys[_i];
	ncr_ec_priv priv;
	import_key(k, &priv);
	Bytes out(1 + 2 * ncr_ec_curve_bytes(k.curve));
	ck_assert_int_eq(ncr_ec_pub_export(&priv.pub, out.data(), out.size()), 0);
	ect::assert_hex(out, ect::hex(point_of(k)));
	Bytes d(ncr_ec_curve_bytes(k.curve));
	ck_assert_int_eq(ncr_ec_priv_export(&priv, d.data(), d.size()), 0);
	ect::assert_hex(d, k.d);
}
END_TEST

START_TEST(test_rfc6979_signature)
{
	const Rfc6979Sig &v = sigs[_i];
	ncr_ec_priv priv;
	import_key(key_of(v.curve), &priv);
	ncr_pk_hash_id h = ect::curve_hash(v.curve);
	Bytes hash = ect::digest(h, Bytes(v.msg, v.msg + strlen(v.msg)));
	Bytes sig(2 * ncr_ec_curve_bytes(v.curve));
	ect::Work w;
	ck_assert_int_eq(ncr_ec_sign(&priv, h, hash.data(), hash.size(), nullptr, 0, sig.data(),
				     sig.size(), w.get()), 0);
	ect::assert_hex(sig, std::string(v.r) + v.s);
	ck_assert_int_eq(ncr_ec_verify(&priv.pub, hash.data(), hash.size(), sig.data(),
				       sig.size(), w.get()), 0);

	// Hedged: extra bytes change the nonce, and the result still verifies.
	Bytes extra(32, 0x42), hedged(sig.size());
	ck_assert_int_eq(ncr_ec_sign(&priv, h, hash.data(), hash.size(), extra.data(),
				     extra.size(), hedged.data(), hedged.size(), w.get()), 0);
	ck_assert(hedged != sig);
	ck_assert_int_eq(ncr_ec_verify(&priv.pub, hash.data(), hash.size(), hedged.data(),
				       hedged.size(), w.get()), 0);
}
END_TEST

// The SPKI is what OpenSSL reads as the same key, and DER is canonical:
// OpenSSL re-encodes it to the same bytes.
START_TEST(test_spki)
{
	const Rfc6979Key &k = keys[_i];
	ncr_ec_priv priv;
	import_key(k, &priv);
	Bytes spki(NCR_EC_MAX_SPKI);
	size_t len = spki.size();
	ck_assert_int_eq(ncr_ec_pub_spki(&priv.pub, spki.data(), &len), 0);
	ck_assert_uint_eq(len, k.curve == NCR_EC_P256 ? 91 : 120);
	spki.resize(len);

	const unsigned char *p = spki.data();
	EVP_PKEY *key = d2i_PUBKEY(nullptr, &p, long(len));
	ck_assert_msg(key != nullptr, "OpenSSL cannot parse our SPKI");
	ck_assert_ptr_eq(p, spki.data() + len);
	char group[32];
	ck_assert(EVP_PKEY_get_group_name(key, group, sizeof(group), nullptr) == 1);
	ck_assert_str_eq(group, k.curve == NCR_EC_P256 ? "prime256v1" : "secp384r1");
	Bytes point(1 + 2 * ncr_ec_curve_bytes(k.curve));
	size_t got = 0;
	ck_assert(EVP_PKEY_get_octet_string_param(key, "encoded-pub-key", point.data(), point.size(),
						  &got) == 1);
	ect::assert_hex(point, ect::hex(point_of(k)));
	unsigned char *der = nullptr;
	int der_len = i2d_PUBKEY(key, &der);
	ck_assert_int_eq(der_len, int(len));
	ck_assert_int_eq(memcmp(der, spki.data(), len), 0);
	OPENSSL_free(der);
	EVP_PKEY_free(key);

	// A short buffer: -EINVAL and the length needed.
	size_t small = len - 1;
	ck_assert_int_eq(ncr_ec_pub_spki(&priv.pub, spki.data(), &small), -EINVAL);
	ck_assert_uint_eq(small, len);
}
END_TEST

// 02/03 || X gives the same point as 04 || X || Y.
START_TEST(test_compressed_point)
{
	const Rfc6979Key &k = keys[_i];
	Bytes full = point_of(k);
	size_t len = ncr_ec_curve_bytes(k.curve);
	Bytes comp(full.begin(), full.begin() + 1 + len);
	comp[0] = 0x02 | (full.back() & 1);
	ncr_ec_pub a, b;
	ck_assert_int_eq(ncr_ec_pub_import(&a, k.curve, full.data(), full.size()), 0);
	ck_assert_int_eq(ncr_ec_pub_import(&b, k.curve, comp.data(), comp.size()), 0);
	ck_assert_int_eq(memcmp(&a, &b, sizeof(a)), 0);
	comp[0] ^= 1;	// the other root: -Q
	ck_assert_int_eq(ncr_ec_pub_import(&b, k.curve, comp.data(), comp.size()), 0);
	ck_assert_int_ne(memcmp(&a, &b, sizeof(a)), 0);
}
END_TEST

// p, n and n - 1 of each curve (big-endian hex).
const char *p_hex(ncr_ec_curve c)
{
	return c == NCR_EC_P256
		? "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff"
		: "ffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
		  "fffffffeffffffff0000000000000000ffffffff";
}

const char *n_hex(ncr_ec_curve c)
{
	return c == NCR_EC_P256
		? "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"
		: "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf"
		  "581a0db248b0a77aecec196accc52973";
}

START_TEST(test_bad_public_points)
{
	ncr_ec_curve c = keys[_i].curve;
	size_t len = ncr_ec_curve_bytes(c);
	Bytes good = point_of(keys[_i]);
	ncr_ec_pub pub;

	// Lengths and first bytes.
	ck_assert_int_eq(ncr_ec_pub_import(&pub, c, good.data(), good.size() - 1), -EINVAL);
	ck_assert_int_eq(ncr_ec_pub_import(&pub, c, good.data(), 1), -EINVAL);
	Bytes infinity = {0x00};
	ck_assert_int_eq(ncr_ec_pub_import(&pub, c, infinity.data(), 1), -EINVAL);
	Bytes bad = good;
	bad[0] = 0x06;	// hybrid form: not taken
	ck_assert_int_eq(ncr_ec_pub_import(&pub, c, bad.data(), bad.size()), -EINVAL);
	ck_assert_int_eq(ncr_ec_pub_import(&pub, ncr_ec_curve(3), good.data(), good.size()),
			 -EINVAL);
	ck_assert_int_eq(ncr_ec_pub_import(&pub, c == NCR_EC_P256 ? NCR_EC_P384 : NCR_EC_P256,
					   good.data(), good.size()), -EINVAL);
	// Off the curve.
	bad = good;
	bad.back() ^= 1;
	ck_assert_int_eq(ncr_ec_pub_import(&pub, c, bad.data(), bad.size()), -EKEYREJECTED);
	// (0, 0) and coordinates >= p (x = p with the same y, x + p, y + p).
	bad.assign(good.size(), 0);
	bad[0] = 0x04;
	ck_assert_int_eq(ncr_ec_pub_import(&pub, c, bad.data(), bad.size()), -EKEYREJECTED);
	Bytes p = ect::unhex(p_hex(c));
	bad = good;
	std::copy(p.begin(), p.end(), bad.begin() + 1);
	ck_assert_int_eq(ncr_ec_pub_import(&pub, c, bad.data(), bad.size()), -EKEYREJECTED);
	bad = good;
	std::copy(p.begin(), p.end(), bad.begin() + 1 + len);
	ck_assert_int_eq(ncr_ec_pub_import(&pub, c, bad.data(), bad.size()), -EKEYREJECTED);
	// Compressed: an x with no point (found by trying), x >= p.
	Bytes comp(1 + len, 0);
	comp[0] = 0x02;
	int rejected = 0;
	for (int x = 0; x < 20; x++) {
		comp[len] = uint8_t(x);
		int r = ncr_ec_pub_import(&pub, c, comp.data(), comp.size());
		ck_assert(r == 0 || r == -EKEYREJECTED);
		rejected += r == -EKEYREJECTED;
	}
	ck_assert_int_gt(rejected, 0);
	std::copy(p.begin(), p.end(), comp.begin() + 1);
	ck_assert_int_eq(ncr_ec_pub_import(&pub, c, comp.data(), comp.size()), -EKEYREJECTED);
}
END_TEST

START_TEST(test_bad_private_scalars)
{
	ncr_ec_curve c = keys[_i].curve;
	size_t len = ncr_ec_curve_bytes(c);
	ncr_ec_priv priv;
	ect::Work w;
	Bytes zero(len, 0), n = ect::unhex(n_hex(c)), above(len, 0xff);
	ck_assert_int_eq(ncr_ec_priv_import(&priv, c, zero.data(), len, w.get()), -ERANGE);
	ck_assert_int_eq(ncr_ec_priv_import(&priv, c, n.data(), len, w.get()), -ERANGE);
	ck_assert_int_eq(ncr_ec_priv_import(&priv, c, above.data(), len, w.get()), -ERANGE);
	Bytes longer(len + 1, 0);
	longer[len] = 1;
	ck_assert_int_eq(ncr_ec_priv_import(&priv, c, longer.data(), longer.size(), w.get()),
			 -EINVAL);
	ck_assert_int_eq(ncr_ec_priv_import(&priv, c, zero.data(), 0, w.get()), -EINVAL);
	// n - 1 and 1 are fine; a short encoding is d with its zeros left out.
	Bytes top = n;
	top.back() -= 1;
	ck_assert_int_eq(ncr_ec_priv_import(&priv, c, top.data(), len, w.get()), 0);
	Bytes one = {1};
	ck_assert_int_eq(ncr_ec_priv_import(&priv, c, one.data(), 1, w.get()), 0);
	ncr_ec_priv again;
	Bytes one_long(len, 0);
	one_long.back() = 1;
	ck_assert_int_eq(ncr_ec_priv_import(&again, c, one_long.data(), len, w.get()), 0);
	ck_assert_int_eq(memcmp(&priv, &again, sizeof(priv)), 0);
	// The public point of d = 1 is G.
	Bytes g(1 + 2 * len);
	ck_assert_int_eq(ncr_ec_pub_export(&priv.pub, g.data(), g.size()), 0);
	ect::assert_hex(Bytes(g.begin() + 1, g.begin() + 1 + len),
			c == NCR_EC_P256
				 ? "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"
				 : "aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a38"
				   "5502f25dbf55296c3a545e3872760ab7");
}
END_TEST

START_TEST(test_bad_sign_verify_ecdh_args)
{
	const Rfc6979Key &k = keys[_i];
	ncr_ec_curve c = k.curve;
	size_t len = ncr_ec_curve_bytes(c);
	ncr_ec_priv priv;
	import_key(k, &priv);
	ect::Work w;
	Bytes hash(32, 1), sig(2 * len), extra(65, 0), out(len);
	ncr_pk_hash_id h = NCR_PK_SHA256;

	ck_assert_int_eq(ncr_ec_sign(&priv, h, hash.data(), 0, nullptr, 0, sig.data(), sig.size(),
				     w.get()), -EINVAL);
	ck_assert_int_eq(ncr_ec_sign(&priv, h, hash.data(), 65, nullptr, 0, sig.data(), sig.size(),
				     w.get()), -EINVAL);
	ck_assert_int_eq(ncr_ec_sign(&priv, h, hash.data(), 32, extra.data(), 65, sig.data(),
				     sig.size(), w.get()), -EINVAL);
	ck_assert_int_eq(ncr_ec_sign(&priv, h, hash.data(), 32, nullptr, 0, sig.data(),
				     sig.size() - 1, w.get()), -EINVAL);
	ck_assert_int_eq(ncr_ec_sign(&priv, ncr_pk_hash_id(99), hash.data(), 32, nullptr, 0,
				     sig.data(), sig.size(), w.get()), -EINVAL);
	ck_assert_int_eq(ncr_ec_sign(&priv, h, hash.data(), 32, nullptr, 0, sig.data(), sig.size(),
				     w.get()), 0);

	auto verify = [&](const Bytes &s, size_t slen) {
		return ncr_ec_verify(&priv.pub, hash.data(), hash.size(), s.data(), slen, w.get());
	};
	ck_assert_int_eq(verify(sig, sig.size()), 0);
	ck_assert_int_eq(verify(sig, sig.size() - 1), -EINVAL);
	ck_assert_int_eq(ncr_ec_verify(&priv.pub, hash.data(), 0, sig.data(), sig.size(), w.get()),
			 -EINVAL);
	// r or s zero, equal to n, or all ones; r and s swapped.
	Bytes n = ect::unhex(n_hex(c));
	for (size_t half : {size_t(0), len}) {
		Bytes bad = sig;
		std::fill(bad.begin() + half, bad.begin() + half + len, 0);
		ck_assert_int_eq(verify(bad, bad.size()), -EBADMSG);
		std::copy(n.begin(), n.end(), bad.begin() + half);
		ck_assert_int_eq(verify(bad, bad.size()), -EBADMSG);
		std::fill(bad.begin() + half, bad.begin() + half + len, 0xff);
		ck_assert_int_eq(verify(bad, bad.size()), -EBADMSG);
	}
	Bytes swapped(sig.begin() + len, sig.end());
	swapped.insert(swapped.end(), sig.begin(), sig.begin() + len);
	ck_assert_int_eq(verify(swapped, swapped.size()), -EBADMSG);

	// ECDH: wrong output length, a peer on the other curve.
	ncr_ec_pub peer;
	Bytes other = point_of(keys[1 - _i]);
	ck_assert_int_eq(ncr_ec_pub_import(&peer, keys[1 - _i].curve, other.data(), other.size()), 0);
	ck_assert_int_eq(ncr_ec_ecdh(&priv, &peer, out.data(), out.size(), w.get()), -EINVAL);
	ck_assert_int_eq(ncr_ec_ecdh(&priv, &priv.pub, out.data(), out.size() - 1, w.get()),
			 -EINVAL);
	ck_assert_int_eq(ncr_ec_ecdh(&priv, &priv.pub, out.data(), out.size(), w.get()), 0);
	// Exports with wrong lengths.
	ck_assert_int_eq(ncr_ec_priv_export(&priv, out.data(), len - 1), -EINVAL);
	Bytes point(2 * len);
	ck_assert_int_eq(ncr_ec_pub_export(&priv.pub, point.data(), point.size()), -EINVAL);
}
END_TEST

START_TEST(test_generate)
{
	ncr_ec_curve c = keys[_i].curve;
	ect::Work w;
	ncr_ec_priv a, b;
	ck_assert_int_eq(ncr_ec_priv_generate(&a, c, w.get()), 0);
	ck_assert_int_eq(ncr_ec_priv_generate(&b, c, w.get()), 0);
	ck_assert_int_ne(memcmp(&a, &b, sizeof(a)), 0);
	ck_assert_int_eq(ncr_ec_priv_generate(&a, ncr_ec_curve(0), w.get()), -EINVAL);
	// Reproducible with a seeded RNG.
	pk_test_rng_seed(7);
	ck_assert_int_eq(ncr_ec_priv_generate(&a, c, w.get()), 0);
	pk_test_rng_seed(7);
	ck_assert_int_eq(ncr_ec_priv_generate(&b, c, w.get()), 0);
	pk_test_rng_system();
	ck_assert_int_eq(memcmp(&a, &b, sizeof(a)), 0);
}
END_TEST

}  // namespace

int main()
{
	Suite *s = suite_create("ec_kat");
	TCase *tc = tcase_create("rfc6979");
	tcase_add_loop_test(tc, test_rfc6979_public_point, 0, 2);
	tcase_add_loop_test(tc, test_rfc6979_signature, 0, 4);
	suite_add_tcase(s, tc);
	tc = tcase_create("encodings");
	tcase_add_loop_test(tc, test_spki, 0, 2);
	tcase_add_loop_test(tc, test_compressed_point, 0, 2);
	suite_add_tcase(s, tc);
	tc = tcase_create("bad_input");
	tcase_add_loop_test(tc, test_bad_public_points, 0, 2);
	tcase_add_loop_test(tc, test_bad_private_scalars, 0, 2);
	tcase_add_loop_test(tc, test_bad_sign_verify_ecdh_args, 0, 2);
	tcase_add_loop_test(tc, test_generate, 0, 2);
	suite_add_tcase(s, tc);
	return ect::run_suite(s);
}
