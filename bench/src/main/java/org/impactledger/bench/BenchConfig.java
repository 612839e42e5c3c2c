package org.impactledger.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The settings of one run of the load generator, from {@code --name value} arguments. */
public record BenchConfig(URI base, Path out, int durationSeconds, int warmupSeconds, List<Integer> clients, int rate, int lanes,
                          boolean idempotencyKeys, Long appPid, int clockTicks, Duration requestTimeout, Duration settleTimeout,
                          List<String> scenarios, String runToken, int bulkRows) {

    static final int MAX_CLIENTS = 256;
    static final int MAX_DURATION_SECONDS = 3600;

    public static BenchConfig parse(String[] args) {
        Map<String, String> a = options(args);
        String base = a.getOrDefault("base", "http://127.0.0.1:18080/");
        return new BenchConfig(
                URI.create(base.endsWith("/") ? base : base + "/"),
                Path.of(a.getOrDefault("out", "bench-results.tsv")),
                bounded(a, "duration", 15, 1, MAX_DURATION_SECONDS),
                bounded(a, "warmup", 5, 0, MAX_DURATION_SECONDS),
                clientCounts(a.getOrDefault("clients", "1,8,32")),
                bounded(a, "rate", 1000, 1, 100_000),
                bounded(a, "lanes", 50, 1, MAX_CLIENTS),
                Boolean.parseBoolean(a.getOrDefault("idempotency-keys", "true")),
                a.containsKey("app-pid") && !a.get("app-pid").isBlank() ? Long.valueOf(a.get("app-pid")) : null,
                bounded(a, "clock-ticks", 100, 1, 100_000),
                Duration.ofSeconds(bounded(a, "request-timeout", 30, 1, 600)),
                Duration.ofSeconds(bounded(a, "settle-timeout", 120, 1, 3600)),
                List.of(a.getOrDefault("scenarios", "warmup,ingest,ingest-fixed-rate," + BulkImportScenario.ID).split(",")),
                a.getOrDefault("run-token", Long.toString(System.currentTimeMillis(), 36)),
                bounded(a, "bulk-rows", 100_000, 1, 10_000_000));
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static int bounded(Map<String, String> a, String name, int fallback, int min, int max) {
        int value = a.containsKey(name) ? Integer.parseInt(a.get(name).trim()) : fallback;
        if (value < min || value > max) {
            throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static List<Integer> clientCounts(String text) {
        List<Integer> counts = new ArrayList<>();
        for (String part : text.trim().split("[,\\s]+")) {
            int n = Integer.parseInt(part);
            if (n < 1 || n > MAX_CLIENTS) {
                throw new IllegalArgumentException("client counts must be between 1 and " + MAX_CLIENTS + ", was " + n);
            }
            counts.add(n);
        }
        return List.copyOf(counts);
    }

    @Override
    public String toString() {
        return "base=" + base + " duration=" + durationSeconds + "s warmup=" + warmupSeconds + "s clients=" + clients + " rate=" + rate
                + "/s lanes=" + lanes + " idempotency-keys=" + idempotencyKeys + " scenarios=" + scenarios + " run=" + runToken
                + " app-pid=" + appPid + " bulk-rows=" + bulkRows;
    }
}
