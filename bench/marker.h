/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Instruction-count windows for ncrypto-bench --insn-windows.
 *
 * The insn_count QEMU TCG plugin (tools/insn-count builds it) counts the
 * guest instructions a vCPU executes between a start and a stop marker
 * placed in user code:
 *
 *   BENCH_INSN_START()   xchg %bx,%bx   bytes 66 87 db
 *   BENCH_INSN_STOP()    xchg %cx,%cx   bytes 66 87 c9
 *
 * Each exchanges a register with itself: no flags, no memory, no lock, so
 * both are no-ops on any x86-64 CPU and the program runs the same without
 * the plugin. The bytes are emitted literally because an assembler may pick
 * another encoding of the same xchg, which the plugin would not recognise.
 * The "memory" clobber keeps the compiler from moving loads and stores
 * across a marker; the measured work sits behind calls anyway.
 */
#ifndef NCRYPTO_BENCH_MARKER_H
#define NCRYPTO_BENCH_MARKER_H

#if defined(__x86_64__)
#define BENCH_HAVE_INSN_MARKERS 1
#define BENCH_INSN_START() __asm__ __volatile__(".byte 0x66, 0x87, 0xdb" ::: "memory")
#define BENCH_INSN_STOP() __asm__ __volatile__(".byte 0x66, 0x87, 0xc9" ::: "memory")
#else
/* The plugin and its markers are x86-64 only: --insn-windows refuses. */
#define BENCH_HAVE_INSN_MARKERS 0
#define BENCH_INSN_START() do { } while (0)
#define BENCH_INSN_STOP() do { } while (0)
#endif

#endif
