// The constant-time check of kernel/pk/rsa* (tests/pk/README.md): run
// under valgrind by ct_rsa.test. The private key's fields, the components
// given to the import checks, the ciphertexts being decrypted and (through
// the linker's --wrap of ncr_pk_random) every random byte key generation
// draws are marked secret; memcheck then reports any branch or address
// that depends on them. Outputs are marked public before they are looked
// at. Without valgrind it just runs the operations.
#include "pk_env_user.hpp"
#include "rsa_test_util.hpp"

#include <cstdio>
#include <cstdlib>

using rsat::Bytes;

namespace {

bool secret_random;

void die(const char *what, int ret)
{
	std::fprintf(stderr, "ct_rsa: %s returned %d\n", what, ret);
	std::exit(1);
}

void secret(const Bytes &b)
{
	pk_test_secret(b.data(), b.size());
}

template <typename T> void secret(const T &x)
{
	pk_test_secret(&x, sizeof(x));
}

void secret_mont(const ncr_mont &m)
{
	secret(m.m);
	secret(m.rr);
	secret(m.rrr);
	secret(m.m0inv);
}

// Everything of @priv but the public key and the (public) sizes.
void secret_key(const ncr_rsa_priv &priv)
{
	secret_mont(priv.mont_p);
	secret_mont(priv.mont_q);
	secret(priv.dp);
	secret(priv.dq);
	secret(priv.qinv);
	secret(priv.d);
	secret(priv.kdk_key);
}

void check(int ret, const char *what)
{
	if (ret)
		die(what, ret);
}

}  // namespace

// ncr_pk_random as the library sees it in this program: its output secret.
extern "C" int __real_ncr_pk_random(void *buf, size_t len);
extern "C" int __wrap_ncr_pk_random(void *buf, size_t len)
{
	int ret = __real_ncr_pk_random(buf, len);
	if (secret_random)
		pk_test_secret(buf, len);
	return ret;
}

int main()
{
	auto priv = rsat::make<ncr_rsa_priv>();
	auto ws = rsat::make<ncr_rsa_ws>();

	// key generation: every candidate and base is secret
	pk_test_rng_seed(1);
	secret_random = true;
	check(ncr_rsa_generate(priv.get(), 2048, 65537, 0, ws.get()), "ncr_rsa_generate");
	secret_random = false;
	pk_test_rng_system();

	// the import checks on secret components (read back from the key)
	size_t pl = priv->half_limbs, k = priv->pub.bytes;
	auto be = [](const uint64_t *a, size_t n) {
		Bytes b(8 * n);
		ncr_mp_to_be(b.data(), b.size(), a, n);
		pk_test_public(b.data(), b.size());
		return b;
	};
	rsat::Parts parts;
	parts.n = be(priv->pub.mont_n.m, 2 * pl);
	parts.e = {1, 0, 1};
	parts.d = be(priv->d, 2 * pl);
	parts.p = be(priv->mont_p.m, pl);
	parts.q = be(priv->mont_q.m, pl);
	parts.dp = be(priv->dp, pl);
	parts.dq = be(priv->dq, pl);
	parts.qinv = be(priv->qinv, pl);
	for (const Bytes *b : {&parts.d, &parts.p, &parts.q, &parts.dp, &parts.dq, &parts.qinv})
		secret(*b);
	auto imported = rsat::make<ncr_rsa_priv>();
	ncr_rsa_parts v = parts.view();
	check(ncr_rsa_priv_import(imported.get(), &v, 0, ws.get()), "ncr_rsa_priv_import");
	secret_key(*imported);

	// signatures
	Bytes digest(32, 0x11), sig(k), ct(k), out(k);
	size_t len = 0;
	check(ncr_rsa_pkcs1_sign(imported.get(), ws.get(), NCR_PK_SHA256, digest.data(), 32,
				 sig.data(), k), "ncr_rsa_pkcs1_sign");
	check(ncr_rsa_pss_sign(imported.get(), ws.get(), NCR_PK_SHA256, NCR_PK_SHA256, 32,
			       digest.data(), 32, sig.data(), k), "ncr_rsa_pss_sign");

	// OAEP decryption of a good and of a bad ciphertext
	Bytes msg(40, 0x22);
	check(ncr_rsa_oaep_encrypt(&imported->pub, ws.get(), NCR_PK_SHA256, NCR_PK_SHA256, nullptr,
				   0, msg.data(), msg.size(), ct.data(), k), "ncr_rsa_oaep_encrypt");
	secret(ct);
	check(ncr_rsa_oaep_decrypt(imported.get(), ws.get(), NCR_PK_SHA256, NCR_PK_SHA256, nullptr,
				   0, ct.data(), k, out.data(), k, &len), "ncr_rsa_oaep_decrypt");
	pk_test_public(out.data(), out.size());
	pk_test_public(ct.data(), ct.size());
	ct[k - 1] ^= 1;
	secret(ct);
	if (ncr_rsa_oaep_decrypt(imported.get(), ws.get(), NCR_PK_SHA256, NCR_PK_SHA256, nullptr, 0,
				 ct.data(), k, out.data(), k, &len) != -EBADMSG)
		die("ncr_rsa_oaep_decrypt of a bad ciphertext", 0);

	// PKCS #1 v1.5 decryption of a good and of a bad ciphertext (implicit rejection)
	pk_test_public(ct.data(), ct.size());
	check(ncr_rsa_pkcs1_encrypt(&imported->pub, ws.get(), msg.data(), msg.size(), ct.data(),
				    k), "ncr_rsa_pkcs1_encrypt");
	for (int round = 0; round < 2; round++) {
		secret(ct);
		check(ncr_rsa_pkcs1_decrypt(imported.get(), ws.get(), ct.data(), k, out.data(), k,
					    &len), "ncr_rsa_pkcs1_decrypt");
		pk_test_public(out.data(), out.size());
		pk_test_public(ct.data(), ct.size());
		ct[k / 2] ^= 0x80;	// the second round: bad padding
	}
	std::printf("ct_rsa: key generation, import checks, PKCS #1 v1.5 and PSS signing, "
		    "OAEP and PKCS #1 v1.5 decryption ran%s\n",
		    pk_test_under_valgrind() ? " under valgrind" : "");
	return 0;
}
