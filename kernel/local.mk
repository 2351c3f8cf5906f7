# kernel/: ncrypto.ko, built by kernel/build-module against $(LINUX_DIR)
# (configure --with-linux=DIR). The ABI header <linux/ncrypto.h> is
# installed by libncrypto/local.mk together with the library's headers.

kernel_sources = \
	kernel/Kbuild \
	kernel/compat/Kbuild.include \
	kernel/compat/compat.h \
	kernel/ncr_aead.c \
	kernel/ncr_alg.c kernel/ncr_alg.h \
	kernel/ncr_buf.c kernel/ncr_buf.h \
	kernel/ncr_cipher.c \
	kernel/ncr_class.h \
	kernel/ncr_crypt.c kernel/ncr_crypt.h \
	kernel/ncr_ctx.c kernel/ncr_ctx.h \
	kernel/ncr_hash.c \
	kernel/ncr_key.c kernel/ncr_key.h \
	kernel/ncr_key_tfm.c \
	kernel/ncr_keyparts.c kernel/ncr_keyparts.h \
	kernel/ncr_kpp.c kernel/ncr_kpp.h \
	kernel/ncr_pkey.c kernel/ncr_pkey.h \
	kernel/ncr_pkey_x25519.c \
	kernel/ncr_pk_env.c \
	kernel/ncr_keytype.c kernel/ncr_keytype.h \
	kernel/ncr_mac.c \
	kernel/ncr_main.c \
	kernel/ncr_nonce.c kernel/ncr_nonce.h \
	kernel/ncr_op.c kernel/ncr_op.h \
	kernel/ncr_params.c kernel/ncr_params.h \
	kernel/ncr_pin.c kernel/ncr_pin.h \
	kernel/ncr_rng.c kernel/ncr_rng.h \
	kernel/ncr_session.c kernel/ncr_session.h \
	kernel/ncr_shash.c kernel/ncr_shash.h \
	kernel/ncr_stats.c kernel/ncr_stats.h \
	kernel/ncr_uapi.c kernel/ncr_uapi.h \
	kernel/uapi/linux/ncrypto.h
EXTRA_DIST += $(kernel_sources) kernel/build-module kernel/README.md dkms.conf

# make distcheck installs as an ordinary user into a scratch prefix: point
# the module there too instead of at the running system's /lib/modules.
AM_DISTCHECK_CONFIGURE_FLAGS = KMODDIR='$${libdir}/modules'

# Kbuild writes its objects next to a copy of the sources in kernel/build/
# (the source tree may be read-only); the module is then kernel/ncrypto.ko.
kernel_outdir = kernel/build

all-local: all-kernel-module
clean-local: clean-local-kernel
install-exec-local: install-kernel-module
uninstall-local: uninstall-kernel-module
.PHONY: all-kernel-module clean-local-kernel install-kernel-module \
	uninstall-kernel-module

clean-local-kernel:
	-rm -rf $(kernel_outdir) $(kernel_outdir).log kernel/ncrypto.ko

if BUILD_KERNEL_MODULE
all-kernel-module: kernel/ncrypto.ko

kernel/ncrypto.ko: $(kernel_sources) kernel/build-module
	@$(MKDIR_P) kernel
	$(AM_V_GEN)$(srcdir)/kernel/build-module $(LINUX_DIR) $(kernel_outdir) \
		>$(kernel_outdir).log 2>&1 || { cat $(kernel_outdir).log; exit 1; }
	$(AM_V_at)cp $(kernel_outdir)/ncrypto.ko $@

# The kernel release is UTS_RELEASE: Debian's include/config/kernel.release
# says 6.1.192 where the modules live in /lib/modules/6.1.0-56-amd64.
# KMODDIR (configure variable) overrides the destination; by default the
# module goes where distributions expect out-of-tree modules, and depmod
# runs when that is the live system.
install-kernel-module: kernel/ncrypto.ko
	@release=`sed -n 's/^#define UTS_RELEASE "\(.*\)"$$/\1/p' $(LINUX_DIR)/include/generated/utsrelease.h`; \
	test -n "$$release" || { echo "no UTS_RELEASE in $(LINUX_DIR)" >&2; exit 1; }; \
	dir='$(KMODDIR)'; test -n "$$dir" || dir=/lib/modules/$$release/updates; \
	echo " $(MKDIR_P) '$(DESTDIR)$$dir'"; \
	$(MKDIR_P) "$(DESTDIR)$$dir" || exit 1; \
	echo " $(INSTALL_DATA) kernel/ncrypto.ko '$(DESTDIR)$$dir'"; \
	$(INSTALL_DATA) kernel/ncrypto.ko "$(DESTDIR)$$dir/ncrypto.ko" || exit 1; \
	if test -z '$(DESTDIR)' && test -z '$(KMODDIR)' && test "`id -u`" = 0; then \
		echo " depmod -a $$release"; depmod -a $$release || :; \
	fi

uninstall-kernel-module:
	@release=`sed -n 's/^#define UTS_RELEASE "\(.*\)"$$/\1/p' $(LINUX_DIR)/include/generated/utsrelease.h`; \
	test -n "$$release" || { echo "no UTS_RELEASE in $(LINUX_DIR)" >&2; exit 1; }; \
	dir='$(KMODDIR)'; test -n "$$dir" || dir=/lib/modules/$$release/updates; \
	echo " rm -f '$(DESTDIR)$$dir/ncrypto.ko'"; \
	rm -f "$(DESTDIR)$$dir/ncrypto.ko"; \
	if test -z '$(DESTDIR)' && test -z '$(KMODDIR)' && test "`id -u`" = 0; then \
		depmod -a $$release || :; \
	fi
else
all-kernel-module install-kernel-module uninstall-kernel-module:
	@:
endif
