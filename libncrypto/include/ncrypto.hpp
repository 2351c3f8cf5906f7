// SPDX-License-Identifier: LGPL-2.1-or-later
//
// <ncrypto.hpp>: a header-only C++17 API over <ncrypto.h>.
//
// RAII, move-only classes: Context, Key, Session, Info, KeyParams. Errors
// throw ncrypto::Error (code + ncrypto_strerror text); the one expected
// negative answer of a verification (NCRYPTO_E_AUTH_FAILED from mac_verify /
// Session::verify) is returned as false instead. Each operation exists
// twice: writing into a caller buffer (pointer, capacity) and returning the
// length, or returning a std::vector<uint8_t>.
//
// Nothing here is compiled into libncrypto: only the C API is exported, so
// this header carries no C++ ABI of its own.
#ifndef NCRYPTO_HPP
#define NCRYPTO_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

#include <ncrypto.h>

namespace ncrypto {

using Bytes = std::vector<uint8_t>;

class Error : public std::runtime_error {
public:
	explicit Error(int code)
		: std::runtime_error(ncrypto_strerror(code)), code_(code),
		  sys_errno_(ncrypto_last_errno())
	{
	}
	// NCRYPTO_E_* code.
	int code() const noexcept { return code_; }
	// errno of the failed system call (meaningful for NCRYPTO_E_SYSTEM).
	int sys_errno() const noexcept { return sys_errno_; }

private:
	int code_;
	int sys_errno_;
};

namespace detail {
inline void check(int rc)
{
	if (rc != NCRYPTO_OK)
		throw Error(rc);
}

// Verification: true if it matched, false on NCRYPTO_E_AUTH_FAILED.
inline bool check_verify(int rc)
{
	if (rc == NCRYPTO_E_AUTH_FAILED)
		return false;
	check(rc);
	return true;
}
} // namespace detail

struct KeyInfo {
	uint32_t type;
	size_t length;
	uint32_t usage;
};

// What a key is bound to (ABI 1.1), as the kernel reports it: Key::params().
struct KeyBinding {
	uint32_t alg = 0;		// 0: unbound
	size_t tag_len = 0;		// the effective MAC or AEAD tag length
	uint32_t nonce_policy = NCRYPTO_NONCE_CALLER;
	uint64_t next_counter = 0;	// COUNTER, COUNTER_XOR
};

// The parameters of a key to make (ABI 1.1), a builder over
// ncrypto_key_params_t:
//   ncrypto::KeyParams p;
//   p.alg(NCRYPTO_ALG_AES_GCM).nonce(NCRYPTO_NONCE_COUNTER_XOR, tls13_iv);
//   ncrypto::Key k = ctx.import_key(NCRYPTO_KEY_TYPE_AES, key, NCRYPTO_KEY_ENCRYPT, p);
class KeyParams {
public:
	KeyParams() { detail::check(ncrypto_key_params_new(&h_)); }
	~KeyParams() { ncrypto_key_params_free(h_); }
	KeyParams(KeyParams &&o) noexcept : h_(std::exchange(o.h_, nullptr)) {}
	KeyParams &operator=(KeyParams &&o) noexcept
	{
		if (this != &o) {
			ncrypto_key_params_free(h_);
			h_ = std::exchange(o.h_, nullptr);
		}
		return *this;
	}
	KeyParams(const KeyParams &) = delete;
	KeyParams &operator=(const KeyParams &) = delete;

	ncrypto_key_params_t get() const noexcept { return h_; }

	KeyParams &alg(uint32_t a)
	{
		detail::check(ncrypto_key_params_set_alg(h_, a));
		return *this;
	}
	KeyParams &tag_len(size_t n)
	{
		detail::check(ncrypto_key_params_set_tag_len(h_, n));
		return *this;
	}
	// See ncrypto_key_params_set_nonce.
	KeyParams &nonce(uint32_t policy, const uint8_t *fixed = nullptr, size_t fixed_len = 0,
			 uint64_t first_counter = 0)
	{
		detail::check(ncrypto_key_params_set_nonce(h_, policy, fixed, fixed_len,
							   first_counter));
		return *this;
	}
	KeyParams &nonce(uint32_t policy, const Bytes &fixed, uint64_t first_counter = 0)
	{
		return nonce(policy, fixed.data(), fixed.size(), first_counter);
	}

private:
	ncrypto_key_params_t h_ = nullptr;
};

// One algorithm of an Info snapshot (see enum ncrypto_alg_info_field).
struct AlgInfo {
	uint32_t alg = 0;
	uint32_t alg_class = 0;
	uint32_t flags = 0;	// NCRYPTO_ALG_F_*
	uint32_t key_type = 0;
	uint32_t min_key_len = 0;
	uint32_t max_key_len = 0;
	uint32_t iv_len = 0;
	uint32_t block_len = 0;
	uint32_t out_len = 0;
	std::optional<uint32_t> update_len; // not told by an ABI 1.0 module
	uint64_t ops = 0;
};

// A snapshot of the module: ABI version, FIPS state, limits, counters and
// the algorithm table (Context::info()).
class Info {
public:
	~Info() { ncrypto_info_free(h_); }
	Info(Info &&o) noexcept : h_(std::exchange(o.h_, nullptr)) {}
	Info &operator=(Info &&o) noexcept
	{
		if (this != &o) {
			ncrypto_info_free(h_);
			h_ = std::exchange(o.h_, nullptr);
		}
		return *this;
	}
	Info(const Info &) = delete;
	Info &operator=(const Info &) = delete;

	ncrypto_info_t get() const noexcept { return h_; }

	// A field (enum ncrypto_info_field).
	uint64_t value(uint32_t field) const
	{
		uint64_t v = 0;
		detail::check(ncrypto_info_value(h_, field, &v));
		return v;
	}
	// Empty where the module does not tell this caller or lacks the field
	// (module-wide counters without CAP_SYS_ADMIN, ABI 1.1 fields).
	std::optional<uint64_t> shown(uint32_t field) const
	{
		uint64_t v = 0;
		int rc = ncrypto_info_value(h_, field, &v);
		if (rc == NCRYPTO_E_PERMISSION || rc == NCRYPTO_E_UNSUPPORTED)
			return std::nullopt;
		detail::check(rc);
		return v;
	}
	uint32_t abi_major() const { return static_cast<uint32_t>(value(NCRYPTO_INFO_ABI_MAJOR)); }
	uint32_t abi_minor() const { return static_cast<uint32_t>(value(NCRYPTO_INFO_ABI_MINOR)); }
	bool fips_mode() const { return value(NCRYPTO_INFO_FIPS_MODE) != 0; }
	uint32_t max_op_len() const { return static_cast<uint32_t>(value(NCRYPTO_INFO_MAX_OP_LEN)); }

	size_t alg_count() const { return static_cast<size_t>(value(NCRYPTO_INFO_ALG_COUNT)); }
	AlgInfo alg(size_t index) const
	{
		AlgInfo a;
		auto u32 = [&](uint32_t field) { return static_cast<uint32_t>(alg_value(index, field)); };
		a.alg = u32(NCRYPTO_ALG_INFO_ALG);
		a.alg_class = u32(NCRYPTO_ALG_INFO_CLASS);
		a.flags = u32(NCRYPTO_ALG_INFO_FLAGS);
		a.key_type = u32(NCRYPTO_ALG_INFO_KEY_TYPE);
		a.min_key_len = u32(NCRYPTO_ALG_INFO_MIN_KEY_LEN);
		a.max_key_len = u32(NCRYPTO_ALG_INFO_MAX_KEY_LEN);
		a.iv_len = u32(NCRYPTO_ALG_INFO_IV_LEN);
		a.block_len = u32(NCRYPTO_ALG_INFO_BLOCK_LEN);
		a.out_len = u32(NCRYPTO_ALG_INFO_OUT_LEN);
		a.ops = alg_value(index, NCRYPTO_ALG_INFO_OPS);
		uint64_t v = 0;
		int rc = ncrypto_info_alg_value(h_, index, NCRYPTO_ALG_INFO_UPDATE_LEN, &v);
		if (rc != NCRYPTO_E_UNSUPPORTED) {
			detail::check(rc);
			a.update_len = static_cast<uint32_t>(v);
		}
		return a;
	}
	std::vector<AlgInfo> algs() const
	{
		std::vector<AlgInfo> v;
		for (size_t i = 0, n = alg_count(); i < n; i++)
			v.push_back(alg(i));
		return v;
	}
	// Empty if the module does not know alg.
	std::optional<AlgInfo> find_alg(uint32_t alg_number) const
	{
		size_t i = 0;
		int rc = ncrypto_info_alg_index(h_, alg_number, &i);
		if (rc == NCRYPTO_E_UNSUPPORTED)
			return std::nullopt;
		detail::check(rc);
		return alg(i);
	}

private:
	friend class Context;
	explicit Info(ncrypto_info_t h) noexcept : h_(h) {}
	uint64_t alg_value(size_t index, uint32_t field) const
	{
		uint64_t v = 0;
		detail::check(ncrypto_info_alg_value(h_, index, field, &v));
		return v;
	}
	ncrypto_info_t h_ = nullptr;
};

class Key;
class Session;

class Context {
public:
	// Opens /dev/ncrypto (or path).
	explicit Context(const char *path = nullptr) { detail::check(ncrypto_open(&h_, path)); }
	// Wraps an fd received from elsewhere (dup()ed; the caller keeps fd).
	static Context from_fd(int fd)
	{
		ncrypto_ctx_t h = nullptr;
		detail::check(ncrypto_open_fd(&h, fd));
		return Context(h);
	}
	~Context() { ncrypto_close(h_); }
	Context(Context &&o) noexcept : h_(std::exchange(o.h_, nullptr)) {}
	Context &operator=(Context &&o) noexcept
	{
		if (this != &o) {
			ncrypto_close(h_);
			h_ = std::exchange(o.h_, nullptr);
		}
		return *this;
	}
	Context(const Context &) = delete;
	Context &operator=(const Context &) = delete;

	ncrypto_ctx_t get() const noexcept { return h_; }
	int fd() const
	{
		int fd = -1;
		detail::check(ncrypto_ctx_fd(h_, &fd));
		return fd;
	}

	// Version, limits, counters and the algorithm table.
	Info info() const
	{
		ncrypto_info_t i = nullptr;
		detail::check(ncrypto_info_get(h_, &i));
		return Info(i);
	}

	inline Key generate_key(uint32_t type, size_t length, uint32_t usage);
	inline Key import_key(uint32_t type, const uint8_t *data, size_t len,
			      uint32_t usage);
	inline Key import_key(uint32_t type, const Bytes &data, uint32_t usage);
	// Keys bound by parameters (ABI 1.1).
	inline Key generate_key(uint32_t type, size_t length, uint32_t usage,
				const KeyParams &params);
	inline Key import_key(uint32_t type, const uint8_t *data, size_t len,
			      uint32_t usage, const KeyParams &params);
	inline Key import_key(uint32_t type, const Bytes &data, uint32_t usage,
			      const KeyParams &params);

	size_t hash(uint32_t alg, const uint8_t *in, size_t in_len,
		    uint8_t *out, size_t out_cap) const
	{
		detail::check(ncrypto_hash(h_, alg, in, in_len, out, &out_cap));
		return out_cap;
	}
	Bytes hash(uint32_t alg, const uint8_t *in, size_t in_len) const
	{
		Bytes out(NCRYPTO_MAX_DIGEST_LEN);
		out.resize(hash(alg, in, in_len, out.data(), out.size()));
		return out;
	}
	Bytes hash(uint32_t alg, const Bytes &in) const
	{
		return hash(alg, in.data(), in.size());
	}

	// Multi-part operation; key may be null for hashes, iv for ciphers.
	inline Session start(uint32_t op, uint32_t alg, const Key *key = nullptr,
			     const uint8_t *iv = nullptr, size_t iv_len = 0);
	// An encryption session whose IV the kernel makes (the key's nonce
	// policy): written to iv.
	inline Session start_gen_nonce(uint32_t alg, const Key &key, uint8_t *iv,
				       size_t iv_len);

private:
	explicit Context(ncrypto_ctx_t h) noexcept : h_(h) {}
	ncrypto_ctx_t h_ = nullptr;
};

class Key {
public:
	~Key() { ncrypto_key_destroy(h_); }
	Key(Key &&o) noexcept : h_(std::exchange(o.h_, nullptr)) {}
	Key &operator=(Key &&o) noexcept
	{
		if (this != &o) {
			ncrypto_key_destroy(h_);
			h_ = std::exchange(o.h_, nullptr);
		}
		return *this;
	}
	Key(const Key &) = delete;
	Key &operator=(const Key &) = delete;

	ncrypto_key_t get() const noexcept { return h_; }
	uint32_t handle() const
	{
		uint32_t h = 0;
		detail::check(ncrypto_key_handle(h_, &h));
		return h;
	}
	KeyInfo info() const
	{
		KeyInfo i{};
		detail::check(ncrypto_key_get_info(h_, &i.type, &i.length, &i.usage));
		return i;
	}
	// Only for keys created NCRYPTO_KEY_EXPORTABLE (else Error PERMISSION).
	Bytes export_value() const
	{
		Bytes out(NCRYPTO_MAX_SECRET_LEN);
		size_t len = out.size();
		detail::check(ncrypto_key_export(h_, out.data(), &len));
		out.resize(len);
		return out;
	}
	// Algorithm, tag length and nonce policy the key is bound to.
	KeyBinding params() const
	{
		KeyParams p;
		KeyBinding b;
		detail::check(ncrypto_key_get_params(h_, p.get()));
		detail::check(ncrypto_key_params_get_alg(p.get(), &b.alg));
		detail::check(ncrypto_key_params_get_tag_len(p.get(), &b.tag_len));
		detail::check(ncrypto_key_params_get_nonce(p.get(), &b.nonce_policy,
							   &b.next_counter));
		return b;
	}
	// Drop usage flags (usage must be a subset of the current set).
	void restrict_usage(uint32_t usage) { detail::check(ncrypto_key_restrict(h_, usage)); }

	// MACs.
	size_t mac(uint32_t alg, const uint8_t *in, size_t in_len, uint8_t *out,
		   size_t out_cap) const
	{
		detail::check(ncrypto_mac(h_, alg, in, in_len, out, &out_cap));
		return out_cap;
	}
	Bytes mac(uint32_t alg, const Bytes &in) const
	{
		Bytes out(NCRYPTO_MAX_DIGEST_LEN);
		out.resize(mac(alg, in.data(), in.size(), out.data(), out.size()));
		return out;
	}
	bool mac_verify(uint32_t alg, const uint8_t *in, size_t in_len,
			const uint8_t *tag, size_t tag_len) const
	{
		return detail::check_verify(ncrypto_mac_verify(h_, alg, in, in_len, tag, tag_len));
	}
	bool mac_verify(uint32_t alg, const Bytes &in, const Bytes &tag) const
	{
		return mac_verify(alg, in.data(), in.size(), tag.data(), tag.size());
	}

	// Ciphers without padding (AES-CBC/CTR/XTS, null).
	size_t encrypt(uint32_t alg, const uint8_t *iv, size_t iv_len,
		       const uint8_t *in, size_t in_len, uint8_t *out,
		       size_t out_cap) const
	{
		detail::check(ncrypto_encrypt(h_, alg, iv, iv_len, in, in_len, out, &out_cap));
		return out_cap;
	}
	Bytes encrypt(uint32_t alg, const Bytes &iv, const Bytes &in) const
	{
		Bytes out(in.size());
		out.resize(encrypt(alg, iv.data(), iv.size(), in.data(), in.size(), out.data(), out.size()));
		return out;
	}
	size_t decrypt(uint32_t alg, const uint8_t *iv, size_t iv_len,
		       const uint8_t *in, size_t in_len, uint8_t *out,
		       size_t out_cap) const
	{
		detail::check(ncrypto_decrypt(h_, alg, iv, iv_len, in, in_len, out, &out_cap));
		return out_cap;
	}
	Bytes decrypt(uint32_t alg, const Bytes &iv, const Bytes &in) const
	{
		Bytes out(in.size());
		out.resize(decrypt(alg, iv.data(), iv.size(), in.data(), in.size(), out.data(), out.size()));
		return out;
	}

	// AES-CBC with PKCS#7 padding.
	size_t cbc_pkcs7_encrypt(const uint8_t *iv, size_t iv_len,
				 const uint8_t *in, size_t in_len, uint8_t *out,
				 size_t out_cap) const
	{
		detail::check(ncrypto_cbc_pkcs7_encrypt(h_, iv, iv_len, in, in_len, out, &out_cap));
		return out_cap;
	}
	Bytes cbc_pkcs7_encrypt(const Bytes &iv, const Bytes &in) const
	{
		Bytes out(in.size() / 16 * 16 + 16);
		out.resize(cbc_pkcs7_encrypt(iv.data(), iv.size(), in.data(), in.size(), out.data(), out.size()));
		return out;
	}
	size_t cbc_pkcs7_decrypt(const uint8_t *iv, size_t iv_len,
				 const uint8_t *in, size_t in_len, uint8_t *out,
				 size_t out_cap) const
	{
		detail::check(ncrypto_cbc_pkcs7_decrypt(h_, iv, iv_len, in, in_len, out, &out_cap));
		return out_cap;
	}
	Bytes cbc_pkcs7_decrypt(const Bytes &iv, const Bytes &in) const
	{
		Bytes out(in.size());
		out.resize(cbc_pkcs7_decrypt(iv.data(), iv.size(), in.data(), in.size(), out.data(), out.size()));
		return out;
	}

	// AEAD. The vector forms use the TLS layout: ciphertext || tag.
	size_t aead_encrypt(uint32_t alg, const uint8_t *nonce, size_t nonce_len,
			    const uint8_t *aad, size_t aad_len,
			    const uint8_t *in, size_t in_len, uint8_t *out,
			    size_t out_cap, uint8_t *tag, size_t tag_len) const
	{
		detail::check(ncrypto_aead_encrypt(h_, alg, nonce, nonce_len, aad, aad_len,
						   in, in_len, out, &out_cap, tag, tag_len));
		return out_cap;
	}
	Bytes aead_encrypt(uint32_t alg, const Bytes &nonce, const Bytes &aad,
			   const Bytes &in, size_t tag_len = 16) const
	{
		Bytes out(in.size() + tag_len);
		size_t n = aead_encrypt(alg, nonce.data(), nonce.size(), aad.data(), aad.size(),
					in.data(), in.size(), out.data(), in.size(),
					out.data() + in.size(), tag_len);
		out.resize(n + tag_len);
		return out;
	}
	// Throws Error(NCRYPTO_E_AUTH_FAILED) if the tag does not match.
	size_t aead_decrypt(uint32_t alg, const uint8_t *nonce, size_t nonce_len,
			    const uint8_t *aad, size_t aad_len,
			    const uint8_t *in, size_t in_len,
			    const uint8_t *tag, size_t tag_len, uint8_t *out,
			    size_t out_cap) const
	{
		detail::check(ncrypto_aead_decrypt(h_, alg, nonce, nonce_len, aad, aad_len,
						   in, in_len, tag, tag_len, out, &out_cap));
		return out_cap;
	}
	Bytes aead_decrypt(uint32_t alg, const Bytes &nonce, const Bytes &aad,
			   const Bytes &in_and_tag, size_t tag_len = 16) const
	{
		if (in_and_tag.size() < tag_len)
			throw Error(NCRYPTO_E_INVALID_ARG);
		size_t ct_len = in_and_tag.size() - tag_len;
		Bytes out(ct_len);
		out.resize(aead_decrypt(alg, nonce.data(), nonce.size(), aad.data(), aad.size(),
					in_and_tag.data(), ct_len, in_and_tag.data() + ct_len,
					tag_len, out.data(), out.size()));
		return out;
	}

	// Encryption with a key whose kernel makes the nonces: the nonce (IV)
	// it made is written to nonce (iv), to be sent along.
	size_t aead_encrypt_gen_nonce(uint32_t alg, uint8_t *nonce, size_t nonce_len,
				      const uint8_t *aad, size_t aad_len, const uint8_t *in,
				      size_t in_len, uint8_t *out, size_t out_cap, uint8_t *tag,
				      size_t tag_len) const
	{
		detail::check(ncrypto_aead_encrypt_gen_nonce(h_, alg, nonce, nonce_len, aad, aad_len,
							     in, in_len, out, &out_cap, tag,
							     tag_len));
		return out_cap;
	}
	// ciphertext || tag; nonce_out becomes the 12-byte nonce.
	Bytes aead_encrypt_gen_nonce(uint32_t alg, const Bytes &aad, const Bytes &in,
				     Bytes &nonce_out, size_t tag_len = 16) const
	{
		nonce_out.assign(12, 0);
		Bytes out(in.size() + tag_len);
		size_t n = aead_encrypt_gen_nonce(alg, nonce_out.data(), nonce_out.size(),
						  aad.data(), aad.size(), in.data(), in.size(),
						  out.data(), in.size(), out.data() + in.size(),
						  tag_len);
		out.resize(n + tag_len);
		return out;
	}
	size_t encrypt_gen_nonce(uint32_t alg, uint8_t *iv, size_t iv_len, const uint8_t *in,
				 size_t in_len, uint8_t *out, size_t out_cap) const
	{
		detail::check(ncrypto_encrypt_gen_nonce(h_, alg, iv, iv_len, in, in_len, out,
							&out_cap));
		return out_cap;
	}
	// AES-CTR: iv_out becomes the 16-byte IV.
	Bytes encrypt_gen_nonce(uint32_t alg, const Bytes &in, Bytes &iv_out) const
	{
		iv_out.assign(16, 0);
		Bytes out(in.size());
		out.resize(encrypt_gen_nonce(alg, iv_out.data(), iv_out.size(), in.data(),
					     in.size(), out.data(), out.size()));
		return out;
	}

private:
	friend class Context;
	explicit Key(ncrypto_key_t h) noexcept : h_(h) {}
	ncrypto_key_t h_ = nullptr;
};

class Session {
public:
	~Session() { ncrypto_session_destroy(h_); }
	Session(Session &&o) noexcept : h_(std::exchange(o.h_, nullptr)) {}
	Session &operator=(Session &&o) noexcept
	{
		if (this != &o) {
			ncrypto_session_destroy(h_);
			h_ = std::exchange(o.h_, nullptr);
		}
		return *this;
	}
	Session(const Session &) = delete;
	Session &operator=(const Session &) = delete;

	ncrypto_session_t get() const noexcept { return h_; }

	// Hash and MAC sessions.
	void update(const uint8_t *in, size_t in_len)
	{
		detail::check(ncrypto_session_update(h_, in, in_len, nullptr, nullptr));
	}
	void update(const Bytes &in) { update(in.data(), in.size()); }
	// Cipher sessions: may return fewer bytes than given (whole multiples
	// of the algorithm's update_len; the rest waits for more input or
	// final()).
	size_t update(const uint8_t *in, size_t in_len, uint8_t *out, size_t out_cap)
	{
		detail::check(ncrypto_session_update(h_, in, in_len, out, &out_cap));
		return out_cap;
	}
	Bytes update_cipher(const Bytes &in)
	{
		// Enough for every AES mode (less than a block is held back);
		// should the kernel need more it says how much, and the
		// session waits for the retry.
		return grow_and_retry(Bytes(in.size() + 16), [&](uint8_t *p, size_t *n) {
			return ncrypto_session_update(h_, in.data(), in.size(), p, n);
		});
	}
	// Digest, MAC or cipher tail; the session is finished afterwards
	// (unless the buffer was too small: then retry with the size given).
	size_t final(uint8_t *out, size_t out_cap)
	{
		detail::check(ncrypto_session_final(h_, out, &out_cap));
		return out_cap;
	}
	Bytes final()
	{
		// Digests, MACs and block-mode tails fit; an XTS data unit is
		// given its size by the kernel.
		return grow_and_retry(Bytes(NCRYPTO_MAX_DIGEST_LEN), [&](uint8_t *p, size_t *n) {
			return ncrypto_session_final(h_, p, n);
		});
	}
	// MAC verify sessions: false if the tag does not match.
	bool verify(const uint8_t *tag, size_t tag_len)
	{
		return detail::check_verify(ncrypto_session_verify(h_, tag, tag_len));
	}
	bool verify(const Bytes &tag) { return verify(tag.data(), tag.size()); }
	// Independent copy of a running hash or MAC session.
	Session clone() const
	{
		ncrypto_session_t c = nullptr;
		detail::check(ncrypto_session_clone(h_, &c));
		return Session(c);
	}

private:
	friend class Context;
	explicit Session(ncrypto_session_t h) noexcept : h_(h) {}
	// Calls f(buffer, &length) with out; on NCRYPTO_E_BUFFER_TOO_SMALL
	// once more with the length the kernel asked for (an ABI 1.1 module
	// leaves the session as it was).
	template <typename F> Bytes grow_and_retry(Bytes out, F &&f)
	{
		size_t n = out.size();
		int rc = f(out.data(), &n);
		if (rc == NCRYPTO_E_BUFFER_TOO_SMALL) {
			out.resize(n);
			rc = f(out.data(), &n);
		}
		detail::check(rc);
		out.resize(n);
		return out;
	}
	ncrypto_session_t h_ = nullptr;
};

inline Key Context::generate_key(uint32_t type, size_t length, uint32_t usage)
{
	ncrypto_key_t k = nullptr;
	detail::check(ncrypto_key_generate(h_, type, length, usage, &k));
	return Key(k);
}

inline Key Context::import_key(uint32_t type, const uint8_t *data, size_t len,
			       uint32_t usage)
{
	ncrypto_key_t k = nullptr;
	detail::check(ncrypto_key_import(h_, type, data, len, usage, &k));
	return Key(k);
}

inline Key Context::import_key(uint32_t type, const Bytes &data, uint32_t usage)
{
	return import_key(type, data.data(), data.size(), usage);
}

inline Key Context::generate_key(uint32_t type, size_t length, uint32_t usage,
				 const KeyParams &params)
{
	ncrypto_key_t k = nullptr;
	detail::check(ncrypto_key_generate_ex(h_, type, length, usage, params.get(), &k));
	return Key(k);
}

inline Key Context::import_key(uint32_t type, const uint8_t *data, size_t len,
			       uint32_t usage, const KeyParams &params)
{
	ncrypto_key_t k = nullptr;
	detail::check(ncrypto_key_import_ex(h_, type, data, len, usage, params.get(), &k));
	return Key(k);
}

inline Key Context::import_key(uint32_t type, const Bytes &data, uint32_t usage,
			       const KeyParams &params)
{
	return import_key(type, data.data(), data.size(), usage, params);
}

inline Session Context::start_gen_nonce(uint32_t alg, const Key &key, uint8_t *iv,
					size_t iv_len)
{
	ncrypto_session_t s = nullptr;
	detail::check(ncrypto_session_init_gen_nonce(h_, alg, key.get(), iv, iv_len, &s));
	return Session(s);
}

inline Session Context::start(uint32_t op, uint32_t alg, const Key *key,
			      const uint8_t *iv, size_t iv_len)
{
	ncrypto_session_t s = nullptr;
	detail::check(ncrypto_session_init(h_, op, alg, key ? key->get() : nullptr,
					   iv, iv_len, &s));
	return Session(s);
}

} // namespace ncrypto

#endif
