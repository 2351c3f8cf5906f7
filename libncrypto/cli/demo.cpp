// SPDX-License-Identifier: GPL-2.0-or-later
//
// `ncrypto demo`: a walk-through that explains itself. Every step says what
// it expects; the exit status is 0 only if every step behaved as expected.
#include <cinttypes>
#include <cstring>
#include <optional>
#include <string>

#include <ncrypto.hpp>

#include "cli.hpp"

namespace {

int failures = 0;

void step(const char *title) { std::printf("\n== %s\n", title); }
void say(const std::string &s) { std::printf("   %s\n", s.c_str()); }

void expect(bool ok, const std::string &what)
{
	std::printf("   [%s] %s\n", ok ? " ok " : "FAIL", what.c_str());
	if (!ok)
		failures++;
}

ncrypto::Bytes bytes(const char *s)
{
	return ncrypto::Bytes(s, s + std::strlen(s));
}

// Runs f, which should fail with NCRYPTO error `want`.
template <typename F> int error_of(F &&f)
{
	try {
		f();
	} catch (const ncrypto::Error &e) {
		return e.code();
	}
	return NCRYPTO_OK;
}

void show_key(const ncrypto::Key &k)
{
	ncrypto::KeyInfo i = k.info();
	ncrypto::KeyBinding b = k.params();
	const char *t = ncrypto_key_type_name(i.type);
	const char *a = ncrypto_alg_name(b.alg);
	say("kernel handle " + std::to_string(k.handle()) + ", type " + (t ? t : "?") + ", " +
	    std::to_string(i.length * 8) + " bits, usage " + cli::usage_names(i.usage) +
	    (a ? std::string(", bound to ") + a : std::string(", any algorithm of its type")));
}

void show_counters(const ncrypto::Context &ctx)
{
	ncrypto::Info i = ctx.info();
	auto shown = [&](uint32_t field) {
		std::optional<uint64_t> v = i.shown(field);
		return v ? std::to_string(*v) : std::string("?");
	};
	if (i.shown(NCRYPTO_INFO_LIVE_CONTEXTS))
		say("module-wide: " + shown(NCRYPTO_INFO_LIVE_CONTEXTS) + " contexts, " +
		    shown(NCRYPTO_INFO_LIVE_KEYS) + " keys, " + shown(NCRYPTO_INFO_LIVE_SESSIONS) +
		    " sessions, " + shown(NCRYPTO_INFO_OPS_TOTAL) + " operations");
	else
		say("module-wide counters: shown to CAP_SYS_ADMIN only");
	std::printf("   this context: %" PRIu64 " keys, %" PRIu64 " sessions, %" PRIu64
		    " bytes of kernel memory\n",
		    i.value(NCRYPTO_INFO_CTX_KEYS), i.value(NCRYPTO_INFO_CTX_SESSIONS),
		    i.value(NCRYPTO_INFO_CTX_MEM));
}

} // namespace

namespace cli {

int cmd_demo(int, char **)
{
	step("1. Open /dev/ncrypto");
	say("Each open file description is a context that owns keys; closing it wipes them.");
	ncrypto::Context ctx;
	ncrypto::Info info = ctx.info();
	expect(info.abi_major() == NCRYPTO_ABI_MAJOR,
	       "module speaks ABI " + std::to_string(info.abi_major()) + "." +
		       std::to_string(info.abi_minor()) +
		       (info.fips_mode() ? ", FIPS mode on" : ", FIPS mode off"));

	step("2. Generate an AES-256 key inside the kernel");
	say("The key is made by the kernel's RNG and is not exportable: user space only");
	say("ever holds a handle. It is bound to AES-GCM, and the kernel makes the nonce");
	say("of every encryption, so no nonce is ever used twice. Its description, never");
	say("its value:");
	ncrypto::KeyParams params;
	params.alg(NCRYPTO_ALG_AES_GCM).nonce(NCRYPTO_NONCE_RANDOM);
	ncrypto::Key aes = ctx.generate_key(NCRYPTO_KEY_TYPE_AES, 32,
					    NCRYPTO_KEY_ENCRYPT | NCRYPTO_KEY_DECRYPT, params);
	show_key(aes);
	ncrypto::KeyInfo ai = aes.info();
	ncrypto::KeyBinding ab = aes.params();
	expect(ai.type == NCRYPTO_KEY_TYPE_AES && ai.length == 32 &&
		       !(ai.usage & NCRYPTO_KEY_EXPORTABLE),
	       "an AES-256 key, encrypt/decrypt only, not exportable");
	expect(ab.alg == NCRYPTO_ALG_AES_GCM && ab.tag_len == 16 &&
		       ab.nonce_policy == NCRYPTO_NONCE_RANDOM,
	       "bound to aes-gcm, 16-byte tags, random nonces made by the kernel");

	step("3. AES-256-GCM: encrypt a message, then decrypt it back");
	const ncrypto::Bytes msg = bytes("Attack at dawn. Bring the good biscuits.");
	const ncrypto::Bytes aad = bytes("header: record 1");
	ncrypto::Bytes nonce;
	say("plaintext  \"" + std::string(msg.begin(), msg.end()) + "\"");
	say("AAD        \"" + std::string(aad.begin(), aad.end()) + "\" (authenticated, not encrypted)");
	ncrypto::Bytes sealed = aes.aead_encrypt_gen_nonce(NCRYPTO_ALG_AES_GCM, aad, msg, nonce);
	say("nonce      " + hex(nonce) + " (made by the kernel, sent with the message)");
	say("ciphertext " + hex(sealed.data(), msg.size()));
	say("tag        " + hex(sealed.data() + msg.size(), 16));
	ncrypto::Bytes opened = aes.aead_decrypt(NCRYPTO_ALG_AES_GCM, nonce, aad, sealed);
	expect(opened == msg, "decryption gives the original message back");

	step("4. Tamper with the tag: decryption must refuse");
	ncrypto::Bytes forged = sealed;
	forged.back() ^= 0x01;
	say("flipped one bit of the last tag byte");
	ncrypto::Bytes out(msg.size(), 0xAA);
	size_t ct_len = msg.size();
	int rc = error_of([&] {
		aes.aead_decrypt(NCRYPTO_ALG_AES_GCM, nonce.data(), nonce.size(), aad.data(),
				 aad.size(), forged.data(), ct_len, forged.data() + ct_len, 16,
				 out.data(), out.size());
	});
	expect(rc == NCRYPTO_E_AUTH_FAILED,
	       std::string("rejected: ") + ncrypto_strerror(rc));
	expect(out == ncrypto::Bytes(msg.size(), 0xAA),
	       "no byte of unauthenticated plaintext reached user memory");

	step("5. HMAC-SHA256 with a kernel-generated secret");
	ncrypto::Key mac = ctx.generate_key(NCRYPTO_KEY_TYPE_GENERIC_SECRET, 32,
					    NCRYPTO_KEY_SIGN | NCRYPTO_KEY_VERIFY);
	show_key(mac);
	const ncrypto::Bytes note = bytes("pay 100 EUR to Alice");
	ncrypto::Bytes tag = mac.mac(NCRYPTO_ALG_HMAC_SHA256, note);
	say("HMAC-SHA256(\"" + std::string(note.begin(), note.end()) + "\") = " + hex(tag));
	expect(tag.size() == 32 && mac.mac_verify(NCRYPTO_ALG_HMAC_SHA256, note, tag),
	       "the kernel verifies its own tag (constant-time compare)");
	const ncrypto::Bytes altered = bytes("pay 900 EUR to Alice");
	expect(!mac.mac_verify(NCRYPTO_ALG_HMAC_SHA256, altered, tag),
	       "the same tag does not verify an altered message");

	step("6. Try to read the HMAC key's value");
	say("The key was not created exportable, so the kernel must refuse:");
	rc = error_of([&] { mac.export_value(); });
	expect(rc == NCRYPTO_E_PERMISSION, std::string("export refused: ") + ncrypto_strerror(rc));

	step("7. Counters");
	show_counters(ctx);
	expect(ctx.info().value(NCRYPTO_INFO_CTX_KEYS) == 2,
	       "this context holds the 2 keys made above");

	std::printf("\n%s\n", failures ? "demo: some steps did NOT behave as expected"
				       : "demo: every step behaved as expected");
	return failures ? 1 : 0;
}

} // namespace cli
