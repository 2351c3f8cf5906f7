# Shared by tools/test and tools/demo (sourced, not run).
#
# NCRYPTO_BUILD   build directory (default: _build in the source tree)
# NCRYPTO_JOBS    make -j (default: the number of CPUs)
# NCRYPTO_SKIP_DEPS=1  do not run tools/install-deps

nc_top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
nc_build=${NCRYPTO_BUILD:-$nc_top/_build}
nc_jobs=${NCRYPTO_JOBS:-$(nproc 2>/dev/null || echo 2)}

nc_say() { echo "== $(date -u +%H:%M:%S) $*"; }

# Run a step, printing its name and duration; its status is returned.
nc_step() { # NAME COMMAND...
	local name=$1 start status
	shift
	nc_say "$name"
	start=$(date +%s)
	"$@"
	status=$?
	nc_say "$name: $([ "$status" -eq 0 ] && echo done || echo "FAILED (exit $status)") in $(($(date +%s) - start))s"
	return "$status"
}

nc_install_deps() {
	if [ "${NCRYPTO_SKIP_DEPS:-}" = 1 ]; then
		nc_say "install-deps skipped (NCRYPTO_SKIP_DEPS=1)"
		return 0
	fi
	nc_step "install-deps" "$nc_top/tools/install-deps"
}

# autoreconf, configure (out of tree, in $nc_build) and make.
nc_build_tree() {
	nc_step "autoreconf -fi" autoreconf -fi "$nc_top" || return
	mkdir -p "$nc_build" || return
	# Re-run configure only when the build directory is new or configure changed.
	if [ ! -f "$nc_build/config.status" ] || [ "$nc_top/configure" -nt "$nc_build/config.status" ]; then
		nc_step "configure in $nc_build" \
			sh -c 'cd "$1" && "$2/configure"' configure "$nc_build" "$nc_top" || return
	fi
	nc_step "make -j$nc_jobs" make -C "$nc_build" -j"$nc_jobs" || return
}

# kernel-version SERIES: the installed Debian kernel of that series.
nc_kernel() { # SERIES
	"$nc_top/tests/vm/kernel-version" "$1"
}

# Build ncrypto.ko for KVER into $nc_build/kernel/KVER.
nc_build_module() { # KVER
	nc_step "kernel/build-module for $1" \
		"$nc_top/kernel/build-module" "/lib/modules/$1/build" "$nc_build/kernel/$1"
}
