// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Multi-part sessions (hash, MAC, cipher). FINAL ends a session whatever its
// result but ENOSPC: the library object then only remembers that it is
// finished, so destroy() is the one valid call left (and costs no syscall
// when the kernel already freed the session on a successful FINAL).
#include "handle.hpp"

using namespace ncrypto_impl;

namespace {

// iv_out: the caller's iv is the output of a kernel-made nonce.
int init(ncrypto_ctx_st &c, uint32_t op, uint32_t alg, ncrypto_key_t key,
	 const uint8_t *iv, size_t iv_len, bool iv_out, ncrypto_session_t *session)
{
	if (!session || bad_buf(iv, iv_len) || !fits_u32(iv_len))
		return NCRYPTO_E_INVALID_ARG;
	*session = nullptr;
	if (key && !valid(key))
		return NCRYPTO_E_BAD_HANDLE;
	// A key's handle number means nothing in another kernel context.
	if (key && key->dev != c.dev)
		return NCRYPTO_E_NO_SUCH_OBJECT;
	if (check_iv_direction(key, op, iv_out) != NCRYPTO_OK)
		return NCRYPTO_E_INVALID_ARG;
	auto s = std::make_unique<ncrypto_session_st>();
	struct ncrypto_session_init si;
	abi::session_init(si, op, alg, key ? key->handle : 0,
			  {iv, static_cast<uint32_t>(iv_len)});
	int rc = xioctl(*c.dev, NCRYPTO_IOC_SESSION_INIT, &si);
	if (rc != NCRYPTO_OK)
		return rc;
	s->dev = c.dev;
	s->handle = si.handle;
	s->op = op;
	*session = s.release();
	return NCRYPTO_OK;
}

bool is_cipher(uint32_t op) noexcept
{
	return op == NCRYPTO_OP_ENCRYPT || op == NCRYPTO_OP_DECRYPT;
}

// After a FINAL or UPDATE that the kernel answered with ENOSPC: since ABI
// 1.1 the session is untouched and the caller may retry with more room; an
// ABI 1.0 module failed (FINAL: ended) the session instead.
bool enospc_keeps_session(const ncrypto_session_st &s, int rc) noexcept
{
	return rc == NCRYPTO_E_BUFFER_TOO_SMALL && s.dev->abi_minor >= 1;
}

// How much a cipher's UPDATE writes (whole multiples of the algorithm's
// update_len) is the kernel's to say: it answers ENOSPC with the length it
// needs, which goes back to the caller like any other output length.
int update(ncrypto_session_st &s, const uint8_t *in, size_t in_len,
	   uint8_t *out, size_t *out_len)
{
	if (s.finished)
		return NCRYPTO_E_SESSION_FAILED;
	if (bad_buf(in, in_len) || (out_len && bad_buf(out, *out_len)) ||
	    (is_cipher(s.op) && !out_len))
		return NCRYPTO_E_INVALID_ARG;
	if (!fits_u32(in_len))
		return NCRYPTO_E_TOO_BIG;
	struct ncrypto_session_data d;
	abi::session_data(d, s.handle, 0, {in, static_cast<uint32_t>(in_len)},
			  {out, out_len ? clamp_u32(*out_len) : 0}, {});
	int rc = xioctl(*s.dev, NCRYPTO_IOC_SESSION_UPDATE, &d);
	if (out_len && (rc == NCRYPTO_OK || rc == NCRYPTO_E_BUFFER_TOO_SMALL))
		*out_len = d.dst_len;
	return rc;
}

// FINAL ends the session in the kernel whatever its result (but ENOSPC,
// see enospc_keeps_session); only a success is known to have freed it.
void finished(ncrypto_session_st &s, int rc) noexcept
{
	s.finished = true;
	s.freed = rc == NCRYPTO_OK;
}

int final(ncrypto_session_st &s, uint8_t *out, size_t *out_len)
{
	if (s.finished)
		return NCRYPTO_E_SESSION_FAILED;
	if (s.op == NCRYPTO_OP_VERIFY || !out_len || bad_buf(out, *out_len))
		return NCRYPTO_E_INVALID_ARG;
	struct ncrypto_session_data d;
	abi::session_data(d, s.handle, 0, {}, {out, clamp_u32(*out_len)}, {});
	int rc = xioctl(*s.dev, NCRYPTO_IOC_SESSION_FINAL, &d);
	if (rc == NCRYPTO_OK || rc == NCRYPTO_E_BUFFER_TOO_SMALL)
		*out_len = d.dst_len;
	if (!enospc_keeps_session(s, rc))
		finished(s, rc);
	return rc;
}

int verify(ncrypto_session_st &s, const uint8_t *tag, size_t tag_len)
{
	if (s.finished)
		return NCRYPTO_E_SESSION_FAILED;
	if (s.op != NCRYPTO_OP_VERIFY || bad_buf(tag, tag_len) || !fits_u32(tag_len))
		return NCRYPTO_E_INVALID_ARG;
	struct ncrypto_session_data d;
	abi::session_data(d, s.handle, 0, {}, {}, {tag, static_cast<uint32_t>(tag_len)});
	int rc = xioctl(*s.dev, NCRYPTO_IOC_SESSION_FINAL, &d);
	finished(s, rc);
	return rc;
}

int clone(ncrypto_session_st &s, ncrypto_session_t *copy)
{
	if (!copy)
		return NCRYPTO_E_INVALID_ARG;
	*copy = nullptr;
	if (s.finished)
		return NCRYPTO_E_SESSION_FAILED;
	auto n = std::make_unique<ncrypto_session_st>();
	struct ncrypto_session_clone sc;
	abi::session_clone(sc, s.handle);
	int rc = xioctl(*s.dev, NCRYPTO_IOC_SESSION_CLONE, &sc);
	if (rc != NCRYPTO_OK)
		return rc;
	n->dev = s.dev;
	n->handle = sc.new_handle;
	n->op = s.op;
	*copy = n.release();
	return NCRYPTO_OK;
}

// A session not finished, or whose FINAL failed, may still exist in the
// kernel and is destroyed here; ENOENT only means the kernel dropped it.
int destroy(ncrypto_session_st &s)
{
	int rc = NCRYPTO_OK;
	if (!s.freed) {
		struct ncrypto_handle h;
		abi::handle(h, s.handle);
		rc = xioctl(*s.dev, NCRYPTO_IOC_SESSION_DESTROY, &h);
		if (rc == NCRYPTO_E_NO_SUCH_OBJECT)
			rc = NCRYPTO_OK;
	}
	release(&s);
	return rc;
}

} // namespace

extern "C" {

int ncrypto_session_init(ncrypto_ctx_t ctx, uint32_t op, uint32_t alg,
			 ncrypto_key_t key, const uint8_t *iv, size_t iv_len,
			 ncrypto_session_t *session)
{
	return with(ctx, [&](ncrypto_ctx_st &c) -> int {
		return init(c, op, alg, key, iv, iv_len, false, session);
	});
}

int ncrypto_session_init_gen_nonce(ncrypto_ctx_t ctx, uint32_t alg, ncrypto_key_t key,
				   uint8_t *iv, size_t iv_len, ncrypto_session_t *session)
{
	return with(ctx, [&](ncrypto_ctx_st &c) -> int {
		return init(c, NCRYPTO_OP_ENCRYPT, alg, key, iv, iv_len, true, session);
	});
}

int ncrypto_session_update(ncrypto_session_t session, const uint8_t *in,
			   size_t in_len, uint8_t *out, size_t *out_len)
{
	return with(session, [&](ncrypto_session_st &s) -> int {
		return update(s, in, in_len, out, out_len);
	});
}

int ncrypto_session_final(ncrypto_session_t session, uint8_t *out,
			  size_t *out_len)
{
	return with(session, [&](ncrypto_session_st &s) -> int {
		return final(s, out, out_len);
	});
}

int ncrypto_session_verify(ncrypto_session_t session, const uint8_t *tag,
			   size_t tag_len)
{
	return with(session, [&](ncrypto_session_st &s) -> int {
		return verify(s, tag, tag_len);
	});
}

int ncrypto_session_clone(ncrypto_session_t session, ncrypto_session_t *copy)
{
	return with(session, [&](ncrypto_session_st &s) -> int { return clone(s, copy); });
}

int ncrypto_session_destroy(ncrypto_session_t session)
{
	if (!session)
		return NCRYPTO_OK;
	return with(session, [](ncrypto_session_st &s) -> int { return destroy(s); });
}

} // extern "C"
