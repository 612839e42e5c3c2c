package org.impactledger.bench;

import java.util.Arrays;
import java.util.List;
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
 *   <li>{@code BENCH_QUERY_ROUND_WARMUP=5}: seconds of each endpoint's loop in a first round over every endpoint
 *       measured, before any is measured, not recorded (0: no such round). The ledger has just started and built
 *       its read models, and on two cores the JIT compiler was still compiling about 850 methods a second a
 *       minute into the queries; the first endpoints measured paid for it (bench/RESULTS.md, twenty-fifth
 *       session);</li>
 *   <li>{@code BENCH_REBUILD=all}: {@code all} rebuilds every read model at once,
 *       {@code each} one after the other, {@code each,all} both, {@code startup} none (only the build
 *       at start-up, which is every read model built from zero side by side, is measured);</li>
 *   <li>{@code BENCH_REBUILD_TIMEOUT=3600}: seconds a rebuild (or the audit chain build) may take;</li>
 *   <li>{@code BENCH_QUERY_ONLY} (unset: every endpoint): comma-separated parts of the report-query endpoints'
 *       names; only the endpoints whose name contains one of them are measured (for A/B runs of a few).</li>
 * </ul>
 */
record MillionConfig(int queryClients, int queryDurationSeconds, int queryWarmupSeconds, int queryRoundWarmupSeconds, int rebuildTimeoutSeconds,
                     boolean rebuildEach, boolean rebuildAll, List<String> queryOnly) {

    static MillionConfig fromEnvironment() {
        return from(System.getenv());
    }

    static MillionConfig from(Map<String, String> env) {
        String rebuild = env.getOrDefault("BENCH_REBUILD", "all");
        return new MillionConfig(
                bounded(env, "BENCH_QUERY_CLIENTS", 4, 1, BenchConfig.MAX_CLIENTS),
                bounded(env, "BENCH_QUERY_DURATION", 20, 1, BenchConfig.MAX_DURATION_SECONDS),
                bounded(env, "BENCH_QUERY_WARMUP", 5, 0, BenchConfig.MAX_DURATION_SECONDS),
                bounded(env, "BENCH_QUERY_ROUND_WARMUP", 5, 0, BenchConfig.MAX_DURATION_SECONDS),
                bounded(env, "BENCH_REBUILD_TIMEOUT", 3600, 1, 24 * 3600),
                rebuild.contains("each"),
                rebuild.contains("all"),
                Arrays.stream(env.getOrDefault("BENCH_QUERY_ONLY", "").split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList());
    }

    /** Whether the report-query endpoint of this name is measured in this run. */
    boolean measures(String endpoint) {
        return queryOnly.isEmpty() || queryOnly.stream().anyMatch(endpoint::contains);
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
