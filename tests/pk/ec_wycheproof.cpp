// Every Wycheproof case of ECDSA (P-256/SHA-256, P-384/SHA-384; DER and
// P1363 signatures) and ECDH (P-256, P-384; peer keys as DER
// SubjectPublicKeyInfo) run directly against kernel/pk/ec*.
//
// How results are judged:
// - ECDSA, DER files: the kernel takes r || s, so this test decodes the
//   signature with a strict DER parser first (ect::der_ecdsa_sig). A case
//   whose DER is not strict, or whose integers do not fit in L bytes, is
//   "rejected by the DER layer": right for an invalid case, a failure for
//   a valid one. Otherwise ncr_ec_verify() must return 0 for valid and
//   -EBADMSG for invalid cases.
// - ECDSA, P1363 files: r || s as given; a wrong length must give -EINVAL,
//   any other invalid case -EBADMSG.
// - ECDH: the test parses the SPKI strictly (namedCurve only); a parse
//   failure or another curve counts as "rejected by the SPKI layer", then
//   ncr_ec_pub_import() validates the point (-EKEYREJECTED / -EINVAL) and
//   ncr_ec_ecdh() derives. Valid cases must give exactly `shared`; invalid
//   ones must be refused somewhere.
// - "acceptable" cases (ECDH only: compressed points, SPKIs with explicit
//   or odd parameters) may be refused or accepted; when accepted the
//   shared secret must still be the expected one.
// Counts per file are printed.
#include "ec_test_util.hpp"

#include <cstdio>

using ect::Bytes;

namespace {

struct Counts {
	int valid = 0, invalid = 0, acceptable = 0;
	int rejected_der = 0;		// refused by the test's DER/SPKI layer
	int rejected_kernel = 0;	// refused by kernel/pk/ec*
	int acceptable_taken = 0;
	void print(const char *file) const
	{
		std::printf("%s: %d valid, %d invalid (%d by the DER/SPKI layer, %d by kernel/pk), "
			    "%d acceptable (%d taken)\n",
			    file, valid, invalid, rejected_der, rejected_kernel, acceptable,
			    acceptable_taken);
	}
};

struct Case {
	json_object *t;
	int id;
	std::string result;
};

template <typename F>
void for_each_case(json_object *root, F fn)
{
	json_object *groups = ect::json_arr(root, "testGroups");
	for (size_t g = 0; g < json_object_array_length(groups); g++) {
		json_object *group = json_object_array_get_idx(groups, g);
		json_object *tests = ect::json_arr(group, "tests");
		for (size_t i = 0; i < json_object_array_length(tests); i++) {
			json_object *t = json_object_array_get_idx(tests, i);
			json_object *id;
			ck_assert(json_object_object_get_ex(t, "tcId", &id));
			fn(group, Case{t, int(json_object_get_int(id)), ect::json_str(t, "result")});
		}
	}
}

void count(Counts &n, const Case &c)
{
	if (c.result == "valid")
		n.valid++;
	else if (c.result == "invalid")
		n.invalid++;
	else
		n.acceptable++;
}

struct EcdsaFile {
	const char *name;
	ncr_ec_curve curve;
	ncr_pk_hash_id hash;
	bool der;
};

const EcdsaFile ecdsa_files[] = {
	{"ecdsa_secp256r1_sha256_test.json", NCR_EC_P256, NCR_PK_SHA256, true},
	{"ecdsa_secp384r1_sha384_test.json", NCR_EC_P384, NCR_PK_SHA384, true},
	{"ecdsa_secp256r1_sha256_p1363_test.json", NCR_EC_P256, NCR_PK_SHA256, false},
	{"ecdsa_secp384r1_sha384_p1363_test.json", NCR_EC_P384, NCR_PK_SHA384, false},
};

START_TEST(test_ecdsa)
{
	const EcdsaFile &f = ecdsa_files[_i];
	json_object *root = ect::load_wycheproof(f.name);
	size_t len = ncr_ec_curve_bytes(f.curve);
	Counts n;
	int failures = 0;
	ect::Work w;
	for_each_case(root, [&](json_object *group, const Case &c) {
		count(n, c);
		json_object *key;
		ck_assert(json_object_object_get_ex(group, "publicKey", &key));
		Bytes point = ect::unhex(ect::json_str(key, "uncompressed"));
		ncr_ec_pub pub;
		ck_assert_int_eq(ncr_ec_pub_import(&pub, f.curve, point.data(), point.size()), 0);
		Bytes hash = ect::digest(f.hash, ect::unhex(ect::json_str(c.t, "msg")));
		Bytes raw = ect::unhex(ect::json_str(c.t, "sig")), sig = raw;
		if (f.der && !ect::der_ecdsa_sig(raw, len, &sig)) {
			n.rejected_der++;
			if (c.result == "valid") {
				std::printf("tcId %d: valid DER signature refused by the parser\n", c.id);
				failures++;
			}
			return;
		}
		int r = ncr_ec_verify(&pub, hash.data(), hash.size(), sig.data(), sig.size(), w.get());
		int want = c.result == "valid" ? 0
			   : sig.size() != 2 * len ? -EINVAL : -EBADMSG;
		if (c.result == "acceptable") {
			n.acceptable_taken += r == 0;
			if (r != 0 && r != -EBADMSG && r != -EINVAL)
				failures++;
			return;
		}
		if (r != want) {
			std::printf("tcId %d (%s): ncr_ec_verify = %d, expected %d\n", c.id,
				    c.result.c_str(), r, want);
			failures++;
		} else if (r) {
			n.rejected_kernel++;
		}
	});
	n.print(f.name);
	ck_assert_int_eq(n.rejected_der + n.rejected_kernel, n.invalid);
	ck_assert_int_eq(failures, 0);
	json_object_put(root);
}
END_TEST

struct EcdhFile {
	const char *name;
	ncr_ec_curve curve;
};

const EcdhFile ecdh_files[] = {
	{"ecdh_secp256r1_test.json", NCR_EC_P256},
	{"ecdh_secp384r1_test.json", NCR_EC_P384},
};

// The private key's integer (hex, possibly with a sign byte) as bytes
// without leading zeros: ncr_ec_priv_import() takes shorter encodings.
Bytes scalar_bytes(const std::string &hex)
{
	Bytes b = ect::unhex(hex);
	size_t z = 0;
	while (z + 1 < b.size() && b[z] == 0)
		z++;
	return Bytes(b.begin() + long(z), b.end());
}

START_TEST(test_ecdh)
{
	const EcdhFile &f = ecdh_files[_i];
	json_object *root = ect::load_wycheproof(f.name);
	size_t len = ncr_ec_curve_bytes(f.curve);
	Counts n;
	int failures = 0;
	ect::Work w;
	for_each_case(root, [&](json_object *, const Case &c) {
		count(n, c);
		Bytes d = scalar_bytes(ect::json_str(c.t, "private"));
		Bytes shared = ect::unhex(ect::json_str(c.t, "shared"));
		ncr_ec_priv priv;
		ck_assert_msg(ncr_ec_priv_import(&priv, f.curve, d.data(), d.size(), w.get()) == 0,
			      "tcId %d: private key refused", c.id);
		auto refused = [&](bool by_der, const char *why) {
			if (c.result == "valid") {
				std::printf("tcId %d: valid case refused: %s\n", c.id, why);
				failures++;
			} else if (c.result == "invalid") {
				(by_der ? n.rejected_der : n.rejected_kernel)++;
			}
		};
		ncr_ec_curve curve;
		Bytes point;
		if (!ect::der_ec_spki(ect::unhex(ect::json_str(c.t, "public")), &curve, &point) ||
		    curve != f.curve)
			return refused(true, "SPKI");
		ncr_ec_pub pub;
		int r = ncr_ec_pub_import(&pub, f.curve, point.data(), point.size());
		if (r) {
			ck_assert_msg(r == -EINVAL || r == -EKEYREJECTED, "tcId %d: import = %d", c.id, r);
			return refused(false, "point");
		}
		Bytes out(len);
		r = ncr_ec_ecdh(&priv, &pub, out.data(), out.size(), w.get());
		if (r)
			return refused(false, "ecdh");
		if (c.result == "invalid") {
			std::printf("tcId %d: invalid case accepted\n", c.id);
			failures++;
		} else if (out != shared) {
			std::printf("tcId %d: shared %s, expected %s\n", c.id, ect::hex(out).c_str(),
				    ect::hex(shared).c_str());
			failures++;
		} else {
			n.acceptable_taken += c.result == "acceptable";
		}
	});
	n.print(f.name);
	ck_assert_int_eq(n.rejected_der + n.rejected_kernel, n.invalid);
	ck_assert_int_eq(failures, 0);
	json_object_put(root);
}
END_TEST

}  // namespace

int main()
{
	Suite *s = suite_create("ec_wycheproof");
	TCase *tc = tcase_create("wycheproof");
	tcase_set_timeout(tc, 300);
	tcase_add_loop_test(tc, test_ecdsa, 0, 4);
	tcase_add_loop_test(tc, test_ecdh, 0, 2);
	suite_add_tcase(s, tc);
	return ect::run_suite(s);
}
