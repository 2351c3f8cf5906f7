# Guest tests: tests/vm/guest-suite inside QEMU guests booting the Debian 6.1
# and 6.12 kernels, each without and with fips=1, and the debug kernel that
# tests/vm/debug-kernel builds (KASAN, KFENCE, kmemleak, lockdep, UBSAN), and
# a self-test of the harness (it must catch a kernel warning, a leak, a hang,
# and on the debug kernel a use-after-free, an out-of-bounds index and a
# kmemleak report). They run after the host tests (the guest logs depend on
# the host logs) and need root, qemu and the packages that
# tools/install-deps installs.

tests_vm_guest_tests = \
	tests/vm/harness.test \
	tests/vm/guest-debug.test \
	tests/vm/guest-6.1.test \
	tests/vm/guest-6.1-fips.test \
	tests/vm/guest-6.12.test \
	tests/vm/guest-6.12-fips.test
if BUILD_TESTS
TESTS += $(tests_vm_guest_tests)
endif

tests_vm_scripts = \
	tests/vm/run-guest \
	tests/vm/init \
	tests/vm/guest-job \
	tests/vm/guest-suite \
	tests/vm/guest-test \
	tests/vm/guest-lib.sh \
	tests/vm/kernel-version \
	tests/vm/debug-kernel \
	tests/vm/debug-kernel.config
EXTRA_DIST += $(tests_vm_guest_tests) $(tests_vm_scripts)

# Host tests first: a broken library shows up in seconds, not after a boot.
if BUILD_TESTS
$(tests_vm_guest_tests:.test=.log): $(tests_host_programs:=.log)
endif

# What the guest tests leave in the build tree: the modules built per kernel,
# the initramfs cache and the guests' results.
clean-local: clean-local-tests-vm
clean-local-tests-vm:
	-rm -rf tests/vm/cache tests/vm/results
	-rm -rf kernel/[0-9]*-amd64 kernel/.[0-9]*-amd64.lock
	-rm -rf kernel/[0-9]*-ncrypto-debug kernel/.[0-9]*-ncrypto-debug.lock
.PHONY: clean-local-tests-vm
