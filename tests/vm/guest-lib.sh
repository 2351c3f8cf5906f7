# shellcheck shell=bash disable=SC2034,SC2154
# Shared by tests/vm/guest-test and tests/vm/harness.test (sourced): the
# kernel a guest test boots and the module built for it. Needs $here (this
# directory), $top_srcdir and $build (the top build directory).

# guest_kernel SERIES: the newest installed Debian kernel of SERIES (6.1,
# 6.12), or "debug", the kernel tests/vm/debug-kernel builds (or finds in its
# cache). Sets kver (its release), kdir (its build tree), kernel_args (how
# run-guest boots it) and, for debug, debug_kernel (the result directory).
# Fails when there is no such kernel.
guest_kernel() { # SERIES
	if [ "$1" = debug ]; then
		debug_kernel=$("$here/debug-kernel") || return 1
		kver=$(cat "$debug_kernel/release") || return 1
		kdir=$debug_kernel/build
		kernel_args=(--kernel-image "$debug_kernel/bzImage" --kernel-build "$kdir")
	else
		kver=$("$here/kernel-version" "$1") || return 1
		kdir=/lib/modules/$kver/build
		kernel_args=(--kernel "$kver")
	fi
}

# guest_module: build ncrypto.ko for $kdir into $build/kernel/$kver. The
# tests of one kernel share the module: the first one to get the lock
# builds it, the others find it up to date.
guest_module() {
	mkdir -p "$build/kernel" &&
		flock "$build/kernel/.$kver.lock" \
			"$top_srcdir/kernel/build-module" "$kdir" "$build/kernel/$kver"
}
