# Shared by tools/test, tools/demo, tools/insn-count and tools/fuzz (sourced, not run).
#
# Each step prints one line, its name, verdict and time; what it says itself
# (configure, make, apt...) goes to a log file, whose last lines and path
# are printed when the step fails.
#
# NCRYPTO_BUILD   build directory (default: _build in the source tree)
# NCRYPTO_JOBS    make -j (default: the number of CPUs)
# NCRYPTO_LOG     the steps' log (default: BUILD/tools-NAME.log, see nc_log_init)
# NCRYPTO_SKIP_DEPS=1  do not run tools/install-deps

nc_top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
nc_build=${NCRYPTO_BUILD:-$nc_top/_build}
nc_jobs=${NCRYPTO_JOBS:-$(nproc 2>/dev/null || echo 2)}
nc_log=/dev/null

nc_say() { echo "== $(date -u +%H:%M:%S) $*"; }

# Start this run's log (emptied): NCRYPTO_LOG or BUILD/tools-NAME.log.
nc_log_init() { # NAME
	nc_log=${NCRYPTO_LOG:-$nc_build/tools-$1.log}
	mkdir -p "$(dirname "$nc_log")" && : >"$nc_log" || {
		echo "cannot write the log $nc_log" >&2
		return 1
	}
	nc_log=$(cd "$(dirname "$nc_log")" && pwd)/$(basename "$nc_log")
}

# Run a step with its output in the log. One line on the terminal: the name
# when it starts, the verdict and time when it ends; on failure, the log's
# last lines and its path. Returns the step's status.
nc_step() { # NAME COMMAND...
	local name=$1 start status
	shift
	printf '== %s %s ... ' "$(date -u +%H:%M:%S)" "$name"
	echo "### $(date -u +%H:%M:%S) $name: $*" >>"$nc_log"
	start=$(date +%s)
	"$@" >>"$nc_log" 2>&1 </dev/null
	status=$?
	if [ "$status" -eq 0 ]; then
		echo "done in $(($(date +%s) - start))s"
		return 0
	fi
	echo "FAILED (exit $status) in $(($(date +%s) - start))s"
	echo "--- last lines of $nc_log:"
	tail -n 30 "$nc_log" | sed 's/^/  /'
	echo "--- full log: $nc_log"
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
	else
		nc_say "configure in $nc_build ... up to date"
	fi
	nc_step "make -j$nc_jobs" make -C "$nc_build" -j"$nc_jobs" || return
}

# kernel-version SERIES: the installed Debian kernel of that series.
nc_kernel() { # SERIES
	"$nc_top/tests/vm/kernel-version" "$1"
}

# Build ncrypto.ko for KVER into $nc_build/kernel/KVER (run-guest loads it
# from there), against KDIR (default: the installed kernel's
# /lib/modules/KVER/build; the debug kernel's build tree for it).
nc_build_module() { # KVER [KDIR]
	nc_step "kernel/build-module for $1" \
		"$nc_top/kernel/build-module" "${2:-/lib/modules/$1/build}" "$nc_build/kernel/$1"
}
