// Every Wycheproof case of the RSA files in tests/wycheproof/, run directly
// against kernel/pk/rsa.h (no module).
//
// Expectations:
// - signatures (rsa_signature_*, rsa_pss_*): valid verify (0), invalid fail
//   with -EBADMSG. Acceptable: MissingNull (a DigestInfo without the NULL
//   parameters) is refused, since verification compares with the one
//   encoding RFC 8017 names; any other acceptable case must verify. Keys
//   with e <= 2^16 (SmallPublicKey) import only with NCR_RSA_SMALL_E, which
//   the test also checks;
// - signature generation (rsa_pkcs1_*_sig_gen): PKCS #1 v1.5 is
//   deterministic, so ours must be the vector's signature, for valid and
//   acceptable (WeakHash: SHA-1; SmallPublicKey: e = 3, with
//   NCR_RSA_SMALL_E) cases alike, except that the e = 3 keys of the
//   SmallPublicKey cases have primes of 1364 and 684 bits, which import
//   refuses (-EKEYREJECTED: FIPS 186-5 wants both of half the size);
// - OAEP decryption: valid give msg, invalid fail with -EBADMSG;
// - PKCS #1 v1.5 decryption with implicit rejection: valid give msg. An
//   invalid case fails (-EBADMSG) only if its ciphertext is not k bytes or
//   not below n; every other invalid case must succeed with the synthetic
//   message, which this test recomputes with OpenSSL's HMAC from the
//   draft's description, and which must come out the same twice.
#include "pk_env_user.hpp"
#include "rsa_test_util.hpp"

#include <openssl/hmac.h>
#include <openssl/x509.h>
#include <openssl/sha.h>

#include <cstdio>
#include <cstring>

using rsat::Bytes;

namespace {

struct Tally {
	int valid = 0, invalid = 0, acceptable = 0, implicit = 0, refused = 0;
	void count(const std::string &result)
	{
		if (result == "valid")
			valid++;
		else if (result == "invalid")
			invalid++;
		else
			acceptable++;
	}
	void print(const char *file) const
	{
		std::string notes;
		if (implicit)
			notes += ", " + std::to_string(implicit) + " of them implicitly rejected";
		if (refused)
			notes += ", " + std::to_string(refused) + " acceptable ones refused at import";
		std::printf("%s: %d valid, %d invalid, %d acceptable passed%s\n", file, valid,
			    invalid, acceptable, notes.c_str());
	}
};

struct Case {
	json_object *group, *test;
	int64_t id;
	std::string result;
	Bytes get(const char *key) const { return rsat::unhex(rsat::jstr(test, key)); }
};

// Runs fn on every case of @file; fn ck_asserts what it expects.
template <typename Fn> void each_case(const char *file, Fn fn)
{
	json_object *root = rsat::load_json(file);
	json_object *groups = rsat::jarr(root, "testGroups");
	Tally tally;
	for (size_t g = 0; g < json_object_array_length(groups); g++) {
		json_object *group = json_object_array_get_idx(groups, g);
		json_object *tests = rsat::jarr(group, "tests");
		for (size_t t = 0; t < json_object_array_length(tests); t++) {
			Case c{group, json_object_array_get_idx(tests, t), 0, ""};
			c.id = rsat::jint(c.test, "tcId");
			c.result = rsat::jstr(c.test, "result");
			fn(c, tally);
			tally.count(c.result);
		}
	}
	tally.print(file);
	json_object_put(root);
}

bool small_e(const Bytes &e)
{
	size_t i = 0;
	while (i < e.size() && !e[i])
		i++;
	return e.size() - i < 3 || (e.size() - i == 3 && e[i] == 1 && !e[i + 1] && !e[i + 2]);
}

// The group's public key; small exponents need NCR_RSA_SMALL_E, checked.
std::unique_ptr<ncr_rsa_pub> group_pub(json_object *group)
{
	json_object *key = rsat::jarr(group, "publicKey");
	Bytes n = rsat::unhex(rsat::jstr(key, "modulus"));
	Bytes e = rsat::unhex(rsat::jstr(key, "publicExponent"));
	if (small_e(e)) {
		auto pub = rsat::make<ncr_rsa_pub>();
		ck_assert_int_eq(ncr_rsa_pub_import(pub.get(), n.data(), n.size(), e.data(),
						    e.size(), 1024, 0), -EKEYREJECTED);
		return rsat::import_pub(n, e, 1024, NCR_RSA_SMALL_E);
	}
	return rsat::import_pub(n, e, 1024, 0);
}

const char *const pkcs1_sig_files[] = {"rsa_signature_2048_sha256_test.json"};

START_TEST(test_pkcs1_verify)
{
	auto ws = rsat::make<ncr_rsa_ws>();
	each_case(pkcs1_sig_files[_i], [&](const Case &c, Tally &) {
		auto pub = group_pub(c.group);
		auto hash = rsat::hash_id(rsat::jstr(c.group, "sha"));
		Bytes d = rsat::digest(hash, c.get("msg")), sig = c.get("sig");
		int ret = ncr_rsa_pkcs1_verify(pub.get(), ws.get(), hash, d.data(), d.size(),
					       sig.data(), sig.size());
		int want = c.result == "valid" ? 0 : -EBADMSG;
		if (c.result == "acceptable" && !rsat::has_flag(c.test, "MissingNull"))
			want = 0;
		ck_assert_msg(ret == want, "tcId %ld: %d, expected %d", long(c.id), ret, want);
	});
}
END_TEST

const char *const pss_files[] = {
	"rsa_pss_2048_sha256_mgf1_32_test.json",
	"rsa_pss_2048_sha384_mgf1_48_test.json",
	"rsa_pss_3072_sha256_mgf1_32_test.json",
	"rsa_pss_4096_sha256_mgf1_32_test.json",
};

START_TEST(test_pss_verify)
{
	auto ws = rsat::make<ncr_rsa_ws>();
	each_case(pss_files[_i], [&](const Case &c, Tally &) {
		auto pub = group_pub(c.group);
		auto hash = rsat::hash_id(rsat::jstr(c.group, "sha"));
		auto mgf = rsat::hash_id(rsat::jstr(c.group, "mgfSha"));
		size_t slen = size_t(rsat::jint(c.group, "sLen"));
		Bytes d = rsat::digest(hash, c.get("msg")), sig = c.get("sig");
		int ret = ncr_rsa_pss_verify(pub.get(), ws.get(), hash, mgf, slen, d.data(),
					     d.size(), sig.data(), sig.size());
		int want = c.result == "invalid" ? -EBADMSG : 0;
		ck_assert_msg(ret == want, "tcId %ld: %d, expected %d", long(c.id), ret, want);
	});
}
END_TEST

const char *const sig_gen_files[] = {
	"rsa_pkcs1_2048_sig_gen_test.json",
	"rsa_pkcs1_3072_sig_gen_test.json",
	"rsa_pkcs1_4096_sig_gen_test.json",
};

START_TEST(test_pkcs1_sign)
{
	auto ws = rsat::make<ncr_rsa_ws>();
	each_case(sig_gen_files[_i], [&](const Case &c, Tally &tally) {
		// the group's privateKey has no CRT values; its PKCS #8 has them all
		Bytes der = rsat::unhex(rsat::jstr(c.group, "privateKeyPkcs8"));
		const uint8_t *p = der.data();
		EVP_PKEY *pkey = d2i_AutoPrivateKey(nullptr, &p, long(der.size()));
		ck_assert(pkey);
		rsat::Parts parts = rsat::parts_from_evp(pkey);
		EVP_PKEY_free(pkey);
		auto priv = rsat::make<ncr_rsa_priv>();
		ncr_rsa_parts v = parts.view();
		int ret = ncr_rsa_priv_import(priv.get(), &v, small_e(parts.e) ? NCR_RSA_SMALL_E : 0,
					      ws.get());
		if (c.result == "acceptable" && rsat::has_flag(c.test, "SmallPublicKey") &&
		    parts.p.size() != parts.q.size()) {
			// these e = 3 keys also have primes of 1364 and 684 bits
			ck_assert_msg(ret == -EKEYREJECTED, "tcId %ld: %d", long(c.id), ret);
			tally.refused++;
			return;
		}
		ck_assert_msg(ret == 0, "tcId %ld: import %d", long(c.id), ret);
		auto hash = rsat::hash_id(rsat::jstr(c.group, "sha"));
		Bytes d = rsat::digest(hash, c.get("msg")), want = c.get("sig");
		Bytes sig(priv->pub.bytes);
		ret = ncr_rsa_pkcs1_sign(priv.get(), ws.get(), hash, d.data(), d.size(), sig.data(),
					 sig.size());
		ck_assert_msg(ret == 0, "tcId %ld: %d", long(c.id), ret);
		ck_assert_msg(sig == want, "tcId %ld: another signature", long(c.id));
	});
}
END_TEST

const char *const oaep_files[] = {
	"rsa_oaep_2048_sha1_mgf1sha1_test.json",
	"rsa_oaep_2048_sha256_mgf1sha256_test.json",
	"rsa_oaep_3072_sha256_mgf1sha256_test.json",
	"rsa_oaep_4096_sha256_mgf1sha256_test.json",
};

START_TEST(test_oaep_decrypt)
{
	auto ws = rsat::make<ncr_rsa_ws>();
	each_case(oaep_files[_i], [&](const Case &c, Tally &) {
		auto priv = rsat::import_priv(rsat::parts_from_json(rsat::jarr(c.group, "privateKey")));
		auto hash = rsat::hash_id(rsat::jstr(c.group, "sha"));
		auto mgf = rsat::hash_id(rsat::jstr(c.group, "mgfSha"));
		Bytes ct = c.get("ct"), label = c.get("label"), msg = c.get("msg");
		Bytes out(priv->pub.bytes);
		size_t len = 0;
		int ret = ncr_rsa_oaep_decrypt(priv.get(), ws.get(), hash, mgf, label.data(),
					       label.size(), ct.data(), ct.size(), out.data(),
					       out.size(), &len);
		if (c.result == "invalid") {
			ck_assert_msg(ret == -EBADMSG, "tcId %ld: %d", long(c.id), ret);
			return;
		}
		ck_assert_msg(ret == 0, "tcId %ld: %d", long(c.id), ret);
		out.resize(len);
		ck_assert_msg(out == msg, "tcId %ld: another message", long(c.id));
	});
}
END_TEST

// The draft's implicit rejection, recomputed with OpenSSL (see rsa_pkcs1_enc.c).
Bytes prf(const uint8_t *kdk, const char *label, size_t out_len)
{
	Bytes out;
	for (unsigned i = 0; out.size() < out_len; i++) {
		Bytes in = {uint8_t(i >> 8), uint8_t(i)};
		in.insert(in.end(), label, label + std::strlen(label));
		in.push_back(uint8_t((out_len * 8) >> 8));
		in.push_back(uint8_t(out_len * 8));
		uint8_t block[32];
		unsigned int blen = 0;
		HMAC(EVP_sha256(), kdk, 32, in.data(), in.size(), block, &blen);
		out.insert(out.end(), block, block + 32);
	}
	out.resize(out_len);
	return out;
}

Bytes synthetic_message(const rsat::Parts &key, const Bytes &ct)
{
	size_t k = key.n.size() - (key.n[0] == 0);
	Bytes d(k - key.d.size(), 0);
	d.insert(d.end(), key.d.begin(), key.d.end());
	uint8_t dh[32], kdk[32];
	unsigned int len = 0;
	SHA256(d.data(), d.size(), dh);
	HMAC(EVP_sha256(), dh, 32, ct.data(), ct.size(), kdk, &len);
	Bytes am = prf(kdk, "message", k), cand = prf(kdk, "length", 256);
	size_t max = k - 10, mask = max, syn = 0;
	for (int s = 1; s < 16; s *= 2)
		mask |= mask >> s;
	for (size_t i = 0; i < 128; i++) {
		size_t c = ((size_t(cand[2 * i]) << 8) | cand[2 * i + 1]) & mask;
		if (c < max)
			syn = c;
	}
	return Bytes(am.end() - long(syn), am.end());
}

const char *const pkcs1_dec_files[] = {
	"rsa_pkcs1_2048_test.json",
	"rsa_pkcs1_3072_test.json",
	"rsa_pkcs1_4096_test.json",
};

START_TEST(test_pkcs1_decrypt)
{
	auto ws = rsat::make<ncr_rsa_ws>();
	each_case(pkcs1_dec_files[_i], [&](const Case &c, Tally &tally) {
		rsat::Parts parts = rsat::parts_from_json(rsat::jarr(c.group, "privateKey"));
		auto priv = rsat::import_priv(parts);
		Bytes ct = c.get("ct"), msg = c.get("msg");
		size_t k = priv->pub.bytes;
		Bytes out(k), again(k);
		size_t len = 0, len2 = 0;
		int ret = ncr_rsa_pkcs1_decrypt(priv.get(), ws.get(), ct.data(), ct.size(),
						out.data(), out.size(), &len);
		if (c.result == "valid") {
			ck_assert_msg(ret == 0, "tcId %ld: %d", long(c.id), ret);
			out.resize(len);
			ck_assert_msg(out == msg, "tcId %ld: another message", long(c.id));
			return;
		}
		Bytes n(parts.n.end() - long(k), parts.n.end());
		if (ct.size() != k || ct >= n) {
			ck_assert_msg(ret == -EBADMSG, "tcId %ld: %d", long(c.id), ret);
			return;
		}
		ck_assert_msg(ret == 0, "tcId %ld: %d (implicit rejection fails nothing)",
			      long(c.id), ret);
		out.resize(len);
		ck_assert_msg(out == synthetic_message(parts, ct),
			      "tcId %ld: not the synthetic message", long(c.id));
		ck_assert_msg(out != msg, "tcId %ld: the real message", long(c.id));
		ck_assert_int_eq(ncr_rsa_pkcs1_decrypt(priv.get(), ws.get(), ct.data(), ct.size(),
						       again.data(), again.size(), &len2), 0);
		again.resize(len2);
		ck_assert_msg(out == again, "tcId %ld: not deterministic", long(c.id));
		tally.implicit++;
	});
}
END_TEST

}  // namespace

int main()
{
	Suite *s = suite_create("rsa_wycheproof");
	TCase *tc = tcase_create("wycheproof");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_pkcs1_verify, 0, 1);
	tcase_add_loop_test(tc, test_pss_verify, 0, 4);
	tcase_add_loop_test(tc, test_pkcs1_sign, 0, 3);
	tcase_add_loop_test(tc, test_oaep_decrypt, 0, 4);
	tcase_add_loop_test(tc, test_pkcs1_decrypt, 0, 3);
	suite_add_tcase(s, tc);
	return rsat::run_suite(s);
}
