package org.impactledger.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time, to tell where a run's cycles went on a machine that the ledger, PostgreSQL and the
 * load generator share: the ledger process (from /proc/&lt;pid&gt;/stat), this generator, and
 * the whole machine's busy share (from /proc/stat). Figures are absent (null) where /proc is not.
 */
public final class CpuClock {

    private final Long appPid;
    private final int clockTicks;

    public CpuClock(Long appPid, int clockTicks) {
        this.appPid = appPid;
        this.clockTicks = clockTicks;
    }

    public Sample sample() {
        return new Sample(System.nanoTime(), appCpuNanos(), generatorCpuNanos(), machine());
    }

    private Long appCpuNanos() {
        if (appPid == null) {
            return null;
        }
        try {
            String stat = Files.readString(Path.of("/proc", appPid.toString(), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 1_000_000_000L / clockTicks;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Long generatorCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long t = os.getProcessCpuTime();
            return t < 0 ? null : t;
        }
        return null;
    }

    /** {busy ticks, total ticks} of all CPUs, or null. */
    private static long[] machine() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** One reading; {@link #since} turns two into a run's shares. */
    public record Sample(long wallNanos, Long appCpuNanos, Long generatorCpuNanos, long[] machineTicks) {

        public Usage since(Sample start) {
            double wall = (wallNanos - start.wallNanos) / 1e9;
            Double app = appCpuNanos == null || start.appCpuNanos == null ? null : (appCpuNanos - start.appCpuNanos) / 1e9;
            Double gen = generatorCpuNanos == null || start.generatorCpuNanos == null ? null
                    : (generatorCpuNanos - start.generatorCpuNanos) / 1e9;
            Double busy = null;
            if (machineTicks != null && start.machineTicks != null && machineTicks[1] > start.machineTicks[1]) {
                busy = (double) (machineTicks[0] - start.machineTicks[0]) / (machineTicks[1] - start.machineTicks[1]);
            }
            return new Usage(wall, app, gen, busy);
        }
    }

    /** CPU seconds of the ledger and the generator over a wall-clock span, and the machine's busy share (0–1). */
    public record Usage(double wallSeconds, Double appCpuSeconds, Double generatorCpuSeconds, Double machineBusy) {
    }
}
