package org.impactledger.bench;

import java.util.Map;

/**
 * Settings of the 1M-event scenarios (projection rebuild, report queries, audit verification),
 * read from the environment that {@code bench/run.sh} passes on, so that {@link BenchConfig} and
 * the ingest scenarios' arguments stay as they are:
 *
 * <ul>
 *   <li>{@code BENCH_QUERY_CLIENTS=4}: clients of the closed report-query loop;</li>
 *   <li>{@code BENCH_QUERY_DURATION=20}: seconds of queries per endpoint;</li>
 *   <li>{@code BENCH_QUERY_WARMUP=5}: seconds of the same loop before each endpoint's measured seconds, not
 *       recorded (class loading and the JIT's compilation of the endpoint's code);</li>
 *   <li>{@code BENCH_REBUILD=all}: {@code all} rebuilds every read model at once,
 *       {@code each} one after the other, {@code each,all} both, {@code startup} none (only the build
 *       at start-up, which is every read model built from zero side by side, is measured);</li>
 *   <li>{@code BENCH_REBUILD_TIMEOUT=3600}: seconds a rebuild (or the audit chain build) may take.</li>
 * </ul>
 */
record MillionConfig(int queryClients, int queryDurationSeconds, int queryWarmupSeconds, int rebuildTimeoutSeconds, boolean rebuildEach, boolean rebuildAll) {

    static MillionConfig fromEnvironment() {
        return from(System.getenv());
    }

    static MillionConfig from(Map<String, String> env) {
        String rebuild = env.getOrDefault("BENCH_REBUILD", "all");
        return new MillionConfig(
                bounded(env, "BENCH_QUERY_CLIENTS", 4, 1, BenchConfig.MAX_CLIENTS),
                bounded(env, "BENCH_QUERY_DURATION", 20, 1, BenchConfig.MAX_DURATION_SECONDS),
                bounded(env, "BENCH_QUERY_WARMUP", 5, 0, BenchConfig.MAX_DURATION_SECONDS),
                bounded(env, "BENCH_REBUILD_TIMEOUT", 3600, 1, 24 * 3600),
                rebuild.contains("each"),
                rebuild.contains("all"));
    }

    private static int bounded(Map<String, String> env, String name, int fallback, int min, int max) {
        String text = env.get(name);
        int value = text == null || text.isBlank() ? fallback : Integer.parseInt(text.trim());
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
