// Helpers of the RSA host tests: see rsa_test_util.hpp.
#include "rsa_test_util.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>

#include <cstdio>
#include <cstdlib>

namespace rsat {

Bytes unhex(const std::string &hex)
{
	Bytes out;
	for (size_t i = 0; i + 1 < hex.size(); i += 2)
		out.push_back(uint8_t(std::stoul(hex.substr(i, 2), nullptr, 16)));
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

ncr_rsa_parts Parts::view() const
{
	auto v = [](const Bytes &b) { return ncr_pk_buf{b.data(), b.size()}; };
	return {v(n), v(e), v(d), v(p), v(q), v(dp), v(dq), v(qinv)};
}

json_object *load_json(const char *name)
{
	std::string path = std::string(TEST_SRCDIR) + "/wycheproof/" + name;
	json_object *o = json_object_from_file(path.c_str());
	if (!o) {
		std::fprintf(stderr, "cannot read %s\n", path.c_str());
		std::abort();
	}
	return o;
}

std::string jstr(json_object *o, const char *key)
{
	json_object *v;
	if (!json_object_object_get_ex(o, key, &v))
		return "";
	return json_object_get_string(v);
}

int64_t jint(json_object *o, const char *key)
{
	json_object *v;
	if (!json_object_object_get_ex(o, key, &v))
		return -1;
	return json_object_get_int64(v);
}

json_object *jarr(json_object *o, const char *key)
{
	json_object *v = nullptr;
	json_object_object_get_ex(o, key, &v);
	return v;
}

bool has_flag(json_object *test, const char *flag)
{
	json_object *flags = jarr(test, "flags");
	for (size_t i = 0; flags && i < json_object_array_length(flags); i++)
		if (std::string(json_object_get_string(json_object_array_get_idx(flags, i))) == flag)
			return true;
	return false;
}

enum ncr_pk_hash_id hash_id(const std::string &name)
{
	if (name == "SHA-1")
		return NCR_PK_SHA1;
	if (name == "SHA-224")
		return NCR_PK_SHA224;
	if (name == "SHA-256")
		return NCR_PK_SHA256;
	if (name == "SHA-384")
		return NCR_PK_SHA384;
	if (name == "SHA-512")
		return NCR_PK_SHA512;
	return ncr_pk_hash_id(0);
}

const EVP_MD *evp_md(enum ncr_pk_hash_id id)
{
	switch (id) {
	case NCR_PK_SHA1: return EVP_sha1();
	case NCR_PK_SHA224: return EVP_sha224();
	case NCR_PK_SHA256: return EVP_sha256();
	case NCR_PK_SHA384: return EVP_sha384();
	case NCR_PK_SHA512: return EVP_sha512();
	}
	return nullptr;
}

Bytes digest(enum ncr_pk_hash_id id, const Bytes &msg)
{
	Bytes out(ncr_pk_hash_len(id));
	ncr_pk_buf part{msg.data(), msg.size()};
	ck_assert_int_eq(ncr_pk_hash(id, &part, 1, out.data()), 0);
	return out;
}

namespace {

BIGNUM *bn(const Bytes &b)
{
	return BN_bin2bn(b.data(), int(b.size()), nullptr);
}

Bytes from_bn(const BIGNUM *x)
{
	Bytes out(size_t(BN_num_bytes(x)));
	BN_bn2bin(x, out.data());
	return out;
}

Bytes get_param(EVP_PKEY *pkey, const char *name)
{
	BIGNUM *x = nullptr;
	ck_assert_msg(EVP_PKEY_get_bn_param(pkey, name, &x) == 1, "no %s", name);
	Bytes out = from_bn(x);
	BN_clear_free(x);
	return out;
}

}  // namespace

EVP_PKEY *evp_from_parts(const Parts &p)
{
	OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
	std::vector<BIGNUM *> bns;
	auto push = [&](const char *name, const Bytes &b) {
		if (b.empty())
			return;
		bns.push_back(bn(b));
		OSSL_PARAM_BLD_push_BN(bld, name, bns.back());
	};
	push(OSSL_PKEY_PARAM_RSA_N, p.n);
	push(OSSL_PKEY_PARAM_RSA_E, p.e);
	push(OSSL_PKEY_PARAM_RSA_D, p.d);
	push(OSSL_PKEY_PARAM_RSA_FACTOR1, p.p);
	push(OSSL_PKEY_PARAM_RSA_FACTOR2, p.q);
	push(OSSL_PKEY_PARAM_RSA_EXPONENT1, p.dp);
	push(OSSL_PKEY_PARAM_RSA_EXPONENT2, p.dq);
	push(OSSL_PKEY_PARAM_RSA_COEFFICIENT1, p.qinv);
	OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
	EVP_PKEY *pkey = nullptr;
	ck_assert(EVP_PKEY_fromdata_init(ctx) == 1);
	ck_assert(EVP_PKEY_fromdata(ctx, &pkey,
				    p.d.empty() ? EVP_PKEY_PUBLIC_KEY : EVP_PKEY_KEYPAIR,
				    params) == 1);
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	for (BIGNUM *b : bns)
		BN_clear_free(b);
	return pkey;
}

EVP_PKEY *evp_generate(int bits)
{
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
	EVP_PKEY *pkey = nullptr;
	ck_assert(EVP_PKEY_keygen_init(ctx) == 1);
	ck_assert(EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, bits) == 1);
	ck_assert(EVP_PKEY_generate(ctx, &pkey) == 1);
	EVP_PKEY_CTX_free(ctx);
	return pkey;
}

Parts parts_from_evp(EVP_PKEY *pkey)
{
	Parts p;
	p.n = get_param(pkey, OSSL_PKEY_PARAM_RSA_N);
	p.e = get_param(pkey, OSSL_PKEY_PARAM_RSA_E);
	p.d = get_param(pkey, OSSL_PKEY_PARAM_RSA_D);
	p.p = get_param(pkey, OSSL_PKEY_PARAM_RSA_FACTOR1);
	p.q = get_param(pkey, OSSL_PKEY_PARAM_RSA_FACTOR2);
	p.dp = get_param(pkey, OSSL_PKEY_PARAM_RSA_EXPONENT1);
	p.dq = get_param(pkey, OSSL_PKEY_PARAM_RSA_EXPONENT2);
	p.qinv = get_param(pkey, OSSL_PKEY_PARAM_RSA_COEFFICIENT1);
	return p;
}

Parts parts_from_json(json_object *key)
{
	Parts p;
	p.n = unhex(jstr(key, "modulus"));
	p.e = unhex(jstr(key, "publicExponent"));
	p.d = unhex(jstr(key, "privateExponent"));
	p.p = unhex(jstr(key, "prime1"));
	p.q = unhex(jstr(key, "prime2"));
	p.dp = unhex(jstr(key, "exponent1"));
	p.dq = unhex(jstr(key, "exponent2"));
	p.qinv = unhex(jstr(key, "coefficient"));
	return p;
}

std::unique_ptr<ncr_rsa_priv> import_priv(const Parts &p, unsigned int flags)
{
	auto priv = make<ncr_rsa_priv>();
	auto ws = make<ncr_rsa_ws>();
	ncr_rsa_parts v = p.view();
	int ret = ncr_rsa_priv_import(priv.get(), &v, flags, ws.get());
	ck_assert_msg(ret == 0, "ncr_rsa_priv_import: %d", ret);
	return priv;
}

std::unique_ptr<ncr_rsa_pub> import_pub(const Bytes &n, const Bytes &e, unsigned int min_bits,
					unsigned int flags)
{
	auto pub = make<ncr_rsa_pub>();
	int ret = ncr_rsa_pub_import(pub.get(), n.data(), n.size(), e.data(), e.size(), min_bits,
				     flags);
	ck_assert_msg(ret == 0, "ncr_rsa_pub_import: %d", ret);
	return pub;
}

int run_suite(Suite *s)
{
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}

}  // namespace rsat
