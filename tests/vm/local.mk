# Guest tests: tests/vm/guest-suite inside QEMU guests booting the Debian 6.1
# and 6.12 kernels, each without and with fips=1, and a self-test of the
# harness (it must catch a kernel warning, a leak, a hang). They run after the host
# tests (the guest logs depend on the host logs) and need root, qemu and the
# kernel packages that tools/install-deps installs.

tests_vm_guest_tests = \
	tests/vm/harness.test \
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
	tests/vm/kernel-version
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
.PHONY: clean-local-tests-vm
