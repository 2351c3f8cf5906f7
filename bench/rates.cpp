// SPDX-License-Identifier: GPL-2.0-or-later
//
// `ncrypto-bench [--seconds S]`: a benchmark program, not a test. One run
// prints operations/s for the same work done three ways:
//   - /dev/ncrypto, one NCRYPTO_IOC_OP per operation (libncrypto);
//   - AF_ALG through libkcapi, the way a library uses it: key set once, then
//     one kcapi_*_encrypt/digest call (with its IV) per operation;
//   - nettle in this process (no kernel at all).
// plus the framework floor: an unknown ioctl on the /dev/ncrypto fd (ENOTTY,
// the cost of the syscall alone) against a null-cipher op through ncrypto and
// through AF_ALG (ecb(cipher_null)). Outputs of the three paths are checked
// against each other once before timing.
//
// In a TCG guest crypto arithmetic is emulated and slow, so compare kernel
// path with kernel path (ncrypto vs AF_ALG, null cipher vs null ioctl); the
// in-process column is meaningful only on real hardware.
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <string>
#include <sys/ioctl.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <nettle/chacha-poly1305.h>
#include <nettle/gcm.h>
#include <nettle/hmac.h>
#include <nettle/sha2.h>

#include "bench.hpp"

namespace bench {

namespace {

constexpr size_t MAX_LEN = 16 * 1024;
constexpr size_t BUF_LEN = AAD_LEN + MAX_LEN + TAG_LEN;

const double NONE = std::nan("");

double now()
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Operations per second of op() run for about `seconds`. The clock is read
// once per batch; batches grow while they are short against the run.
template <typename F> double rate(double seconds, F &op)
{
	for (int i = 0; i < 3; i++) // warm caches and lazily set-up kernel state
		op();
	uint64_t n = 0, batch = 1;
	double t0 = now(), el;
	for (;;) {
		for (uint64_t i = 0; i < batch; i++)
			op();
		n += batch;
		el = now() - t0;
		if (el >= seconds)
			break;
		if (el * 100 < seconds)
			batch *= 2;
	}
	return static_cast<double>(n) / el;
}

struct Row {
	Row(std::string n, size_t s) : name(std::move(n)), size(s) {}
	std::string name;
	size_t size;
	double nc = NONE, af = NONE, nt = NONE;
	std::string note;
};

struct Bench {
	double seconds = 1.0;
	int rounds = 5; // each rate is the best of `rounds` interleaved runs
	ncrypto::Context ctx;
	bool fips = false;
	bool gcm_kernel_nonce = false; // see NcAead
	int status = 0;
	std::vector<Row> rows;

	PageBuf src{BUF_LEN}, d_nc{BUF_LEN}, d_af{BUF_LEN}, d_nt{BUF_LEN};
	uint8_t iv[NONCE_LEN] = {};
	uint64_t counter = 0;

	// Measure up to three paths, interleaved so drift hits all alike.
	template <typename A, typename B, typename C>
	void measure(Row &r, A &nc, B *af, C *nt)
	{
		for (int i = 0; i < rounds; i++) {
			r.nc = std::fmax(std::isnan(r.nc) ? 0 : r.nc, rate(seconds / rounds, nc));
			if (af)
				r.af = std::fmax(std::isnan(r.af) ? 0 : r.af, rate(seconds / rounds, *af));
			if (nt)
				r.nt = std::fmax(std::isnan(r.nt) ? 0 : r.nt, rate(seconds / rounds, *nt));
		}
	}

	// Each op uses a fresh nonce, as a TLS record layer would.
	void next_iv()
	{
		counter++;
		std::memcpy(iv + 4, &counter, 8);
	}

	bool same(const uint8_t *a, const uint8_t *b, size_t n, Row &r, const char *who)
	{
		if (std::memcmp(a, b, n) == 0)
			return true;
		r.note += std::string(r.note.empty() ? "" : "; ") + "OUTPUT MISMATCH " + who;
		status = 1;
		return false;
	}

	void aead_rows(const char *label, uint32_t alg, uint32_t key_type,
		       const char *kcapi_name, size_t key_len, const size_t *sizes, size_t n_sizes);
	void digest_rows(bool hmac);
	void null_rows(Row &ioctl_row, Row &cipher_row);
};

// AES-128-GCM (or ChaCha20-Poly1305) encryption with a 13-byte AAD: the TLS
// record. Layout in every path: AAD || ciphertext || tag.
void Bench::aead_rows(const char *label, uint32_t alg, uint32_t key_type,
		      const char *kcapi_name, size_t key_len, const size_t *sizes,
		      size_t n_sizes)
{
	uint8_t key[32];
	for (size_t i = 0; i < sizeof(key); i++)
		key[i] = static_cast<uint8_t>(i * 7 + 1);
	for (size_t i = 0; i < BUF_LEN; i++)
		src.p[i] = static_cast<uint8_t>(i);

	bool gcm = alg == NCRYPTO_ALG_AES_GCM;
	NcAead nc_key(ctx, alg, key_type, key, key_len, gcm && gcm_kernel_nonce);

	KcapiHandle kh;
	kh.destroy = kcapi_aead_destroy;
	std::string af_note;
	if (kcapi_aead_init(&kh.h, kcapi_name, 0) == 0) {
		kcheck(kcapi_aead_setkey(kh.h, key, static_cast<uint32_t>(key_len)), "kcapi_aead_setkey");
		kcheck(kcapi_aead_settaglen(kh.h, TAG_LEN), "kcapi_aead_settaglen");
		kcapi_aead_setassoclen(kh.h, AAD_LEN);
	} else {
		kh.h = nullptr;
		af_note = std::string("AF_ALG ") + kcapi_name + " unavailable";
	}

	struct gcm_aes128_ctx g;
	struct chacha_poly1305_ctx c;
	if (gcm)
		gcm_aes128_set_key(&g, key);
	else
		chacha_poly1305_set_key(&c, key);

	for (size_t si = 0; si < n_sizes; si++) {
		size_t len = sizes[si];
		Row r{label, len};
		r.note = af_note;
		if (nc_key.kernel_nonce())
			r.note += std::string(r.note.empty() ? "" : "; ") +
				  "ncrypto: kernel-made nonces (fips=1)";
		const uint8_t *aad = src.p, *pt = src.p + AAD_LEN;

		// One record with the nonce in iv (ncrypto: read, or written by
		// a key that makes its nonces).
		auto seal_nc = [&] {
			nc_key.seal(iv, aad, pt, len, d_nc.p + AAD_LEN, d_nc.p + AAD_LEN + len);
		};
		auto seal_af = [&] {
			kcheck(kcapi_aead_encrypt(kh.h, src.p, AAD_LEN + len, iv, d_af.p,
						  AAD_LEN + len + TAG_LEN, KCAPI_ACCESS_HEURISTIC),
			       "kcapi_aead_encrypt");
		};
		auto seal_nt = [&] {
			uint8_t *o = d_nt.p + AAD_LEN;
			if (gcm) {
				gcm_aes128_set_iv(&g, sizeof(iv), iv);
				gcm_aes128_update(&g, AAD_LEN, aad);
				gcm_aes128_encrypt(&g, len, o, pt);
				gcm_aes128_digest(&g, TAG_LEN, o + len);
			} else {
				chacha_poly1305_set_nonce(&c, iv);
				chacha_poly1305_update(&c, AAD_LEN, aad);
				chacha_poly1305_encrypt(&c, len, o, pt);
				chacha_poly1305_digest(&c, TAG_LEN, o + len);
			}
		};
		// Timed: each op with a fresh nonce, as a TLS record layer would.
		auto nc = [&] { next_iv(); seal_nc(); };
		auto af = [&] { next_iv(); seal_af(); };
		auto nt = [&] { next_iv(); seal_nt(); };

		// The nonce ncrypto used for all three once, then compare
		// ciphertext || tag.
		next_iv();
		seal_nc();
		seal_nt();
		same(d_nc.p + AAD_LEN, d_nt.p + AAD_LEN, len + TAG_LEN, r, "ncrypto vs nettle");
		if (kh.h) {
			seal_af();
			same(d_nc.p + AAD_LEN, d_af.p + AAD_LEN, len + TAG_LEN, r, "ncrypto vs AF_ALG");
		}
		measure(r, nc, kh.h ? &af : nullptr, &nt);
		rows.push_back(r);
	}
}

// SHA-256 or HMAC-SHA256 at 64 B and 16 KiB.
void Bench::digest_rows(bool hmac)
{
	uint8_t key[32];
	std::memset(key, 0x0b, sizeof(key));
	ncrypto::Key k = ctx.import_key(NCRYPTO_KEY_TYPE_GENERIC_SECRET, key, sizeof(key),
					NCRYPTO_KEY_SIGN);
	const char *kname = hmac ? "hmac(sha256)" : "sha256";
	KcapiHandle kh;
	kh.destroy = kcapi_md_destroy;
	std::string af_note;
	if (kcapi_md_init(&kh.h, kname, 0) == 0) {
		if (hmac)
			kcheck(kcapi_md_setkey(kh.h, key, sizeof(key)), "kcapi_md_setkey");
	} else {
		kh.h = nullptr;
		af_note = std::string("AF_ALG ") + kname + " unavailable";
	}
	struct sha256_ctx s;
	struct hmac_sha256_ctx h;
	hmac_sha256_set_key(&h, sizeof(key), key);

	for (size_t len : {size_t(64), MAX_LEN}) {
		Row r{hmac ? "HMAC-SHA256" : "SHA-256", len};
		r.note = af_note;
		auto nc = [&] {
			size_t ol = 32;
			ncheck(hmac ? ncrypto_mac(k.get(), NCRYPTO_ALG_HMAC_SHA256, src.p, len, d_nc.p, &ol)
				    : ncrypto_hash(ctx.get(), NCRYPTO_ALG_SHA256, src.p, len, d_nc.p, &ol));
		};
		auto af = [&] { kcheck(kcapi_md_digest(kh.h, src.p, len, d_af.p, 32), "kcapi_md_digest"); };
		auto nt = [&] {
			if (hmac) {
				hmac_sha256_update(&h, len, src.p);
				hmac_sha256_digest(&h, 32, d_nt.p);
			} else {
				sha256_init(&s);
				sha256_update(&s, len, src.p);
				sha256_digest(&s, 32, d_nt.p);
			}
		};
		nc();
		nt();
		same(d_nc.p, d_nt.p, 32, r, "ncrypto vs nettle");
		if (kh.h) {
			af();
			same(d_nc.p, d_af.p, 32, r, "ncrypto vs AF_ALG");
		}
		measure(r, nc, kh.h ? &af : nullptr, &nt);
		rows.push_back(r);
	}
}

// The framework floor at 16 B: null ioctl vs null cipher (ncrypto, AF_ALG).
void Bench::null_rows(Row &io, Row &nul)
{
	int fd = ctx.fd();
	errno = 0;
	if (::ioctl(fd, NULL_IOCTL, nullptr) != -1 || errno != ENOTTY)
		throw Failure("the unknown ioctl did not fail with ENOTTY");
	auto null_ioctl = [&] { (void)!::ioctl(fd, NULL_IOCTL, nullptr); };
	io.nc = 0;
	for (int i = 0; i < rounds; i++)
		io.nc = std::fmax(io.nc, rate(seconds / rounds, null_ioctl));
	if (fips) {
		nul.note = "skipped: the null cipher is refused in FIPS mode";
		return;
	}

	uint8_t key[16] = {1};
	ncrypto::Key k = ctx.import_key(NCRYPTO_KEY_TYPE_GENERIC_SECRET, key, sizeof(key),
					NCRYPTO_KEY_ENCRYPT);
	KcapiHandle kh;
	kh.destroy = kcapi_cipher_destroy;
	if (kcapi_cipher_init(&kh.h, "ecb(cipher_null)", 0) != 0) {
		kh.h = nullptr;
		nul.note = "AF_ALG ecb(cipher_null) unavailable";
	}
	const size_t len = 16;
	auto nc = [&] {
		size_t ol = len;
		ncheck(ncrypto_encrypt(k.get(), NCRYPTO_ALG_NULL_CIPHER, nullptr, 0, src.p, len,
				       d_nc.p, &ol));
	};
	// ecb(cipher_null) takes no key (its key size is 0) and no IV.
	auto af = [&] {
		kcheck(kcapi_cipher_encrypt(kh.h, src.p, len, nullptr, d_af.p, len,
					    KCAPI_ACCESS_HEURISTIC),
		       "kcapi_cipher_encrypt");
	};
	std::memset(d_nc.p, 0xee, len);
	nc();
	same(src.p, d_nc.p, len, nul, "ncrypto null cipher changed the data");
	if (kh.h) {
		af();
		same(src.p, d_af.p, len, nul, "AF_ALG null cipher changed the data");
	}
	auto *none = static_cast<decltype(af) *>(nullptr);
	measure(nul, nc, kh.h ? &af : none, none);
}

std::string fmt_rate(double r)
{
	if (std::isnan(r))
		return "-";
	char b[32];
	std::snprintf(b, sizeof(b), "%.0f", r);
	return b;
}

std::string fmt_ratio(double a, double b)
{
	if (std::isnan(a) || std::isnan(b) || b == 0)
		return "-";
	char s[32];
	std::snprintf(s, sizeof(s), "%.2fx", a / b);
	return s;
}

std::string fmt_size(size_t n)
{
	return n >= 1024 && n % 1024 == 0 ? std::to_string(n / 1024) + " KiB"
					  : std::to_string(n) + " B";
}

std::string cpu_model()
{
	FILE *f = std::fopen("/proc/cpuinfo", "r");
	if (!f)
		return "?";
	char line[256];
	std::string m = "?";
	while (std::fgets(line, sizeof(line), f))
		if (!std::strncmp(line, "model name", 10)) {
			const char *p = std::strchr(line, ':');
			m = p ? p + 2 : line;
			m.erase(m.find_last_not_of("\n ") + 1);
			break;
		}
	std::fclose(f);
	return m;
}

} // namespace

int run_rates(double seconds)
{
	Bench b;
	b.seconds = seconds;
	ncrypto::Info info = b.ctx.info();
	b.fips = info.fips_mode();
	b.gcm_kernel_nonce = gcm_needs_kernel_nonce(info);
	struct utsname u;
	uname(&u);
	std::printf("ncrypto-bench: kernel %s, %s, ABI %u.%u, FIPS %s\n", u.release,
		    cpu_model().c_str(), info.abi_major(), info.abi_minor(), b.fips ? "on" : "off");
	std::printf("each rate: best of %d interleaved runs, %.2f s per row and path in total\n",
		    b.rounds, seconds);
	std::printf("nc/AF_ALG > 1: /dev/ncrypto is faster; nettle/nc > 1: in-process is faster.\n"
		    "Under emulation (QEMU TCG) compare kernel paths with each other only.\n\n");
	std::fflush(stdout);

	const size_t gcm_sizes[] = {16, 1420, MAX_LEN};
	b.aead_rows("AES-128-GCM enc", NCRYPTO_ALG_AES_GCM, NCRYPTO_KEY_TYPE_AES, "gcm(aes)", 16,
		    gcm_sizes, 3);
	const size_t chacha_sizes[] = {1420};
	bool chacha = !b.fips;
	if (chacha)
		b.aead_rows("ChaCha20-Poly1305", NCRYPTO_ALG_CHACHA20_POLY1305,
			    NCRYPTO_KEY_TYPE_CHACHA20, "rfc7539(chacha20,poly1305)", 32,
			    chacha_sizes, 1);
	b.digest_rows(false);
	b.digest_rows(true);
	Row io{"null ioctl (ENOTTY)", 0}, nul{"null cipher", 16};
	b.null_rows(io, nul);

	std::printf("%-20s %8s %14s %14s %14s %10s %10s\n", "operation", "size", "ncrypto op/s",
		    "AF_ALG op/s", "nettle op/s", "nc/AF_ALG", "nettle/nc");
	std::printf("%-20s %8s %14s %14s %14s %10s %10s\n", "", "", "(ioctl)", "(libkcapi)",
		    "(in-process)", "speedup", "");
	for (const Row &r : b.rows) {
		std::printf("%-20s %8s %14s %14s %14s %10s %10s%s%s\n", r.name.c_str(),
			    fmt_size(r.size).c_str(), fmt_rate(r.nc).c_str(), fmt_rate(r.af).c_str(),
			    fmt_rate(r.nt).c_str(), fmt_ratio(r.nc, r.af).c_str(),
			    fmt_ratio(r.nt, r.nc).c_str(), r.note.empty() ? "" : "  ",
			    r.note.c_str());
	}
	if (!chacha)
		std::printf("%-20s %8s  skipped: ChaCha20-Poly1305 is refused in FIPS mode\n",
			    "ChaCha20-Poly1305", "1420 B");

	std::printf("\nframework floor (16 B)         op/s       ns/op\n");
	auto line = [](const char *n, double r) {
		std::printf("%-26s %10s %11s\n", n, fmt_rate(r).c_str(),
			    std::isnan(r) ? "-" : fmt_rate(1e9 / r).c_str());
	};
	line("null ioctl (ENOTTY)", io.nc);
	line("ncrypto null cipher", nul.nc);
	line("AF_ALG ecb(cipher_null)", nul.af);
	if (!nul.note.empty())
		std::printf("  note: %s\n", nul.note.c_str());

	std::printf("\ntargets\n");
	if (b.fips) {
		std::printf("  null-cipher targets: skipped (null cipher refused in FIPS mode)\n");
	} else {
		double cost = io.nc / nul.nc; // time(null cipher) / time(null ioctl)
		std::printf("  ncrypto null-cipher op = %.2fx a null ioctl      (target <= 2x): %s\n",
			    cost, cost <= 2.0 ? "met" : "NOT met");
		double speed = nul.nc / nul.af;
		if (std::isnan(speed))
			std::printf("  ncrypto null vs AF_ALG null: AF_ALG unavailable\n");
		else
			std::printf("  ncrypto null = %.2fx faster than AF_ALG null (target >= 3x): %s\n",
				    speed, speed >= 3.0 ? "met" : "NOT met");
	}
	if (b.status)
		std::printf("\nERROR: outputs of the paths differ (see the rows marked MISMATCH)\n");
	return b.status;
}

} // namespace bench
