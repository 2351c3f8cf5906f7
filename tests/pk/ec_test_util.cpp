// Helpers of the ec tests: see ec_test_util.hpp.
#include "ec_test_util.hpp"

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/param_build.h>

#include <cstdlib>
#include <cstring>

namespace ect {

Bytes unhex(const std::string &hex)
{
	ck_assert_msg(hex.size() % 2 == 0, "odd hex length");
	Bytes out(hex.size() / 2);
	for (size_t i = 0; i < out.size(); i++) {
		char byte[3] = {hex[2 * i], hex[2 * i + 1], 0};
		char *end;
		out[i] = uint8_t(std::strtoul(byte, &end, 16));
		ck_assert_msg(*end == 0, "bad hex '%s'", byte);
	}
	return out;
}

std::string hex(const Bytes &b)
{
	static const char digits[] = "0123456789abcdef";
	std::string s;
	for (uint8_t c : b) {
		s += digits[c >> 4];
		s += digits[c & 15];
	}
	return s;
}

void assert_hex(const Bytes &got, const std::string &want)
{
	std::string have = hex(got);
	ck_assert_msg(have == want, "got %s, expected %s", have.c_str(), want.c_str());
}

json_object *load_wycheproof(const char *name)
{
	std::string path = std::string(TEST_SRCDIR) + "/wycheproof/" + name;
	json_object *o = json_object_from_file(path.c_str());
	ck_assert_msg(o != nullptr, "cannot load %s", path.c_str());
	return o;
}

std::string json_str(json_object *o, const char *key)
{
	json_object *v;
	ck_assert_msg(json_object_object_get_ex(o, key, &v) &&
			      json_object_is_type(v, json_type_string),
		      "JSON field '%s' missing or not a string", key);
	return json_object_get_string(v);
}

json_object *json_arr(json_object *o, const char *key)
{
	json_object *v;
	ck_assert_msg(json_object_object_get_ex(o, key, &v) &&
			      json_object_is_type(v, json_type_array),
		      "JSON field '%s' missing or not an array", key);
	return v;
}

bool json_has_flag(json_object *test, const char *flag)
{
	json_object *flags;
	if (!json_object_object_get_ex(test, "flags", &flags))
		return false;
	for (size_t i = 0; i < json_object_array_length(flags); i++)
		if (!std::strcmp(json_object_get_string(json_object_array_get_idx(flags, i)), flag))
			return true;
	return false;
}

const char *curve_name(ncr_ec_curve c)
{
	return c == NCR_EC_P256 ? "P-256" : "P-384";
}

ncr_pk_hash_id curve_hash(ncr_ec_curve c)
{
	return c == NCR_EC_P256 ? NCR_PK_SHA256 : NCR_PK_SHA384;
}

const EVP_MD *evp_md(ncr_pk_hash_id h)
{
	switch (h) {
	case NCR_PK_SHA1: return EVP_sha1();
	case NCR_PK_SHA224: return EVP_sha224();
	case NCR_PK_SHA256: return EVP_sha256();
	case NCR_PK_SHA384: return EVP_sha384();
	case NCR_PK_SHA512: return EVP_sha512();
	}
	return nullptr;
}

Bytes digest(ncr_pk_hash_id h, const Bytes &msg)
{
	Bytes out(ncr_pk_hash_len(h));
	ncr_pk_buf part = {msg.data(), msg.size()};
	ck_assert_int_eq(ncr_pk_hash(h, &part, 1, out.data()), 0);
	return out;
}

namespace {

Pkey from_data(ncr_ec_curve c, const Bytes *d, const Bytes &point)
{
	OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
	BIGNUM *bn = nullptr;
	ck_assert(bld);
	ck_assert(OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME,
						  curve_name(c), 0));
	ck_assert(OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY,
						   point.data(), point.size()));
	if (d) {
		bn = BN_bin2bn(d->data(), int(d->size()), nullptr);
		ck_assert(bn && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, bn));
	}
	OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
	EVP_PKEY *key = nullptr;
	ck_assert(params && ctx && EVP_PKEY_fromdata_init(ctx) == 1);
	ck_assert(EVP_PKEY_fromdata(ctx, &key, d ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY,
				    params) == 1);
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	BN_clear_free(bn);
	return Pkey(key);
}

}  // namespace

Pkey ossl_pub(ncr_ec_curve c, const Bytes &point)
{
	return from_data(c, nullptr, point);
}

Pkey ossl_priv(ncr_ec_curve c, const Bytes &d, const Bytes &point)
{
	return from_data(c, &d, point);
}

Pkey ossl_generate(ncr_ec_curve c, Bytes *d, Bytes *point)
{
	EVP_PKEY *key = EVP_EC_gen(curve_name(c));
	ck_assert(key);
	size_t len = ncr_ec_curve_bytes(c);
	BIGNUM *bn = nullptr;
	ck_assert(EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_PRIV_KEY, &bn) == 1);
	d->assign(len, 0);
	ck_assert(BN_bn2binpad(bn, d->data(), int(len)) == int(len));
	BN_clear_free(bn);
	point->assign(1 + 2 * len, 0);
	size_t got = 0;
	ck_assert(EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY,
						  point->data(), point->size(), &got) == 1);
	ck_assert_uint_eq(got, point->size());
	return Pkey(key);
}

namespace {

Bytes sig_from_der(const Bytes &der, size_t len)
{
	Bytes sig;
	ck_assert_msg(der_ecdsa_sig(der, len, &sig), "OpenSSL's DER signature");
	return sig;
}

Bytes sig_to_der(const Bytes &sig)
{
	size_t len = sig.size() / 2;
	ECDSA_SIG *s = ECDSA_SIG_new();
	BIGNUM *r = BN_bin2bn(sig.data(), int(len), nullptr);
	BIGNUM *ss = BN_bin2bn(sig.data() + len, int(len), nullptr);
	ck_assert(s && r && ss && ECDSA_SIG_set0(s, r, ss) == 1);
	unsigned char *p = nullptr;
	int n = i2d_ECDSA_SIG(s, &p);
	ck_assert(n > 0);
	Bytes der(p, p + n);
	OPENSSL_free(p);
	ECDSA_SIG_free(s);
	return der;
}

}  // namespace

Bytes ossl_sign(EVP_PKEY *k, ncr_ec_curve c, const Bytes &hash)
{
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(k, nullptr);
	ck_assert(ctx && EVP_PKEY_sign_init(ctx) == 1);
	Bytes der(EVP_PKEY_get_size(k));
	size_t len = der.size();
	ck_assert(EVP_PKEY_sign(ctx, der.data(), &len, hash.data(), hash.size()) == 1);
	der.resize(len);
	EVP_PKEY_CTX_free(ctx);
	return sig_from_der(der, ncr_ec_curve_bytes(c));
}

bool ossl_verify(EVP_PKEY *k, ncr_ec_curve, const Bytes &hash, const Bytes &sig)
{
	Bytes der = sig_to_der(sig);
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(k, nullptr);
	ck_assert(ctx && EVP_PKEY_verify_init(ctx) == 1);
	int r = EVP_PKEY_verify(ctx, der.data(), der.size(), hash.data(), hash.size());
	EVP_PKEY_CTX_free(ctx);
	return r == 1;
}

Bytes ossl_derive(EVP_PKEY *priv, EVP_PKEY *peer)
{
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(priv, nullptr);
	ck_assert(ctx && EVP_PKEY_derive_init(ctx) == 1);
	ck_assert(EVP_PKEY_derive_set_peer(ctx, peer) == 1);
	size_t len = 0;
	ck_assert(EVP_PKEY_derive(ctx, nullptr, &len) == 1);
	Bytes out(len);
	ck_assert(EVP_PKEY_derive(ctx, out.data(), &len) == 1);
	out.resize(len);
	EVP_PKEY_CTX_free(ctx);
	return out;
}

namespace {

// A strict DER reader over [p, end).
struct Der {
	const uint8_t *p, *end;

	// One TLV with @tag: its content in [*c, *c + *n); false if not DER.
	bool take(uint8_t tag, const uint8_t **c, size_t *n)
	{
		if (end - p < 2 || p[0] != tag)
			return false;
		size_t len = p[1];
		const uint8_t *q = p + 2;
		if (len == 0x81) {
			if (end - q < 1 || q[0] < 0x80)	// short form was possible
				return false;
			len = q[0];
			q += 1;
		} else if (len == 0x82) {
			if (end - q < 2 || q[0] == 0)
				return false;
			len = size_t(q[0]) << 8 | q[1];
			q += 2;
			if (len < 0x100)
				return false;
		} else if (len >= 0x80) {	// indefinite or too long
			return false;
		}
		if (size_t(end - q) < len)
			return false;
		*c = q;
		*n = len;
		p = q + len;
		return true;
	}
	bool done() const { return p == end; }
};

// A minimal non-negative INTEGER into @len bytes at @out.
bool take_uint(Der &d, size_t len, uint8_t *out)
{
	const uint8_t *c;
	size_t n;
	if (!d.take(0x02, &c, &n) || n == 0 || (c[0] & 0x80))
		return false;
	if (c[0] == 0 && n > 1) {
		if (!(c[1] & 0x80))
			return false;	// a needless leading zero
		c++;
		n--;
	}
	if (n > len)
		return false;
	std::memset(out, 0, len - n);
	std::memcpy(out + len - n, c, n);
	return true;
}

}  // namespace

bool der_ecdsa_sig(const Bytes &der, size_t len, Bytes *sig)
{
	Der outer{der.data(), der.data() + der.size()};
	const uint8_t *c;
	size_t n;
	if (!outer.take(0x30, &c, &n) || !outer.done())
		return false;
	Der inner{c, c + n};
	sig->assign(2 * len, 0);
	return take_uint(inner, len, sig->data()) &&
	       take_uint(inner, len, sig->data() + len) && inner.done();
}

bool der_ec_spki(const Bytes &der, ncr_ec_curve *curve, Bytes *point)
{
	static const uint8_t ec_public_key[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01};
	static const uint8_t p256[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07};
	static const uint8_t p384[] = {0x2b, 0x81, 0x04, 0x00, 0x22};
	Der outer{der.data(), der.data() + der.size()};
	const uint8_t *c, *oid, *bits;
	size_t n, oid_len, bits_len;
	if (!outer.take(0x30, &c, &n) || !outer.done())
		return false;
	Der spki{c, c + n};
	if (!spki.take(0x30, &c, &n))
		return false;
	Der alg{c, c + n};
	if (!alg.take(0x06, &oid, &oid_len) || oid_len != sizeof(ec_public_key) ||
	    std::memcmp(oid, ec_public_key, oid_len))
		return false;
	if (!alg.take(0x06, &oid, &oid_len) || !alg.done())
		return false;
	if (oid_len == sizeof(p256) && !std::memcmp(oid, p256, oid_len))
		*curve = NCR_EC_P256;
	else if (oid_len == sizeof(p384) && !std::memcmp(oid, p384, oid_len))
		*curve = NCR_EC_P384;
	else
		return false;
	if (!spki.take(0x03, &bits, &bits_len) || !spki.done() || bits_len < 1 || bits[0] != 0)
		return false;
	point->assign(bits + 1, bits + bits_len);
	return true;
}

int run_suite(Suite *s)
{
	if (ncr_ec_init() != 0)	// before the forks: the children inherit the tables
		return EXIT_FAILURE;
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

}  // namespace ect
