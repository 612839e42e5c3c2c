package org.impactledger.bench;

import java.util.Arrays;

/**
 * Latencies in nanoseconds, every one kept (a run of the harness records at most a few hundred
 * thousand), sorted once for exact percentiles by the nearest-rank method. Bounded: past
 * {@link #MAX_SAMPLES} further samples are counted as dropped, never silently.
 */
public final class Latencies {

    public static final int MAX_SAMPLES = 4_000_000;

    private long[] values = new long[1024];
    private int size;
    private long dropped;

    public void add(long nanos) {
        if (size == values.length) {
            if (size >= MAX_SAMPLES) {
                dropped++;
                return;
            }
            values = Arrays.copyOf(values, Math.min(MAX_SAMPLES, size * 2));
        }
        values[size++] = nanos;
    }

    public void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
        dropped += other.dropped;
    }

    public int size() {
        return size;
    }

    public long dropped() {
        return dropped;
    }

    public Summary summary() {
        if (size == 0) {
            return null;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return new Summary(size, ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99)),
                ms(sorted[size - 1]), sum / size / 1e6);
    }

    /** Nearest rank: the smallest value with at least p percent of the samples at or below it. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Percentiles and maximum in milliseconds. */
    public record Summary(int count, double p50, double p95, double p99, double max, double mean) {
    }
}
