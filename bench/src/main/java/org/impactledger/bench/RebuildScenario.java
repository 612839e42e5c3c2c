package org.impactledger.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.impactledger.bench.LedgerClient.Command;
import org.impactledger.bench.LedgerClient.Response;

/**
 * Projection rebuild rate on the database as it is (1M events after {@code bench/seed}): first
 * waits until the read models the ledger built at start-up have caught up (that first build is a
 * row too), then rebuilds every read model together through {@code POST /api/admin/projections/rebuild}
 * ({@code BENCH_REBUILD=all}) and/or each alone through {@code POST /api/admin/projections/{name}/rebuild}
 * ({@code each}), polling
 * {@code GET /api/admin/projections} until each one's position reaches the head it was rebuilt
 * towards. Rate: events of the stream per second until caught up, per read model and for all.
 */
public final class RebuildScenario implements Scenario {

    public static final String ID = "projection-rebuild";

    private static final Pattern STATUS = Pattern.compile(
            "\\{\"name\":\"([^\"]+)\",\"running\":(true|false),\"rebuilding\":(true|false),\"position\":(-?\\d+),\"head\":(\\d+),"
                    + "\"behind\":(\\d+),\"progress\":[^,]*,\"error\":(null|\"[^\"]*\")");

    @Override
    public String id() {
        return ID;
    }

    /** One read model as {@code GET /api/admin/projections} reports it. */
    record Status(String name, long position, long head, long behind, String error) {
    }

    static Map<String, Status> statuses(LedgerClient client) {
        Response r = client.get("api/admin/projections");
        if (!r.ok()) {
            throw new IllegalStateException("GET /api/admin/projections answered " + r.reason());
        }
        return parse(r.body());
    }

    /** The read models in a {@code GET /api/admin/projections} answer (a JSON array of {@code ProjectionStatus}). */
    static Map<String, Status> parse(String body) {
        Map<String, Status> statuses = new LinkedHashMap<>();
        Matcher m = STATUS.matcher(body);
        while (m.find()) {
            statuses.put(m.group(1), new Status(m.group(1), Long.parseLong(m.group(4)), Long.parseLong(m.group(5)),
                    Long.parseLong(m.group(6)), "null".equals(m.group(7)) ? null : m.group(7)));
        }
        if (statuses.isEmpty()) {
            throw new IllegalStateException("no read model in GET /api/admin/projections: " + body);
        }
        return statuses;
    }

    @Override
    public List<ResultRow> run(BenchContext context) throws Exception {
        MillionConfig config = MillionConfig.fromEnvironment();
        LedgerClient client = context.client();
        List<ResultRow> rows = new ArrayList<>();
        long timeout = config.rebuildTimeoutSeconds() * 1_000_000_000L;

        Map<String, Status> first = statuses(client);
        long head = first.values().stream().mapToLong(Status::head).max().orElse(0);
        context.log("projection rebuild: %d read models, %d events; waiting for the build at start-up and the audit chain", first.size(), head);
        rows.addAll(startupBuild(context, first.keySet(), head, timeout));

        if (config.rebuildEach()) {
            for (String name : first.keySet()) {
                long started = System.nanoTime();
                rebuild(client, name);
                Map<String, Double> done = awaitAll(context, List.of(name), head, started, timeout);
                rows.add(row(name, head, done.get(name), "rebuilt alone"));
            }
        }
        if (config.rebuildAll()) {
            long started = System.nanoTime();
            rebuildTogether(client);
            Map<String, Double> done = awaitAll(context, first.keySet(), head, started, timeout);
            for (String name : first.keySet()) {
                rows.add(row(name + " (in all)", head, done.get(name), "rebuilt with every other read model at once; caught up after "
                        + seconds(done.get(name))));
            }
            rows.add(row("all", head, done.get(ALL), "every read model rebuilt together (POST /api/admin/projections/rebuild), "
                    + "until the last caught up"));
        }
        return rows;
    }

    private static final String ALL = "*";
    private static final Pattern LAST_CHAINED = Pattern.compile("\"lastEventIndex\"\\s*:\\s*(\\d+)");

    /**
     * What the ledger does by itself when it starts on a filled database with empty read models and
     * no audit chain: builds every read model and chains every event, side by side. Seconds from the
     * process start ({@code BENCH_APP_STARTED_MS}, set by run.sh) when known, else from now; rows only
     * for what was not already done when the generator first looked (a reused database).
     */
    private static List<ResultRow> startupBuild(BenchContext context, Iterable<String> names, long head, long timeout) throws InterruptedException {
        String startedMs = System.getenv("BENCH_APP_STARTED_MS");
        long startedNanos = System.nanoTime() - (startedMs == null || startedMs.isBlank() ? 0
                : Math.max(0, System.currentTimeMillis() - Long.parseLong(startedMs.trim())) * 1_000_000L);
        List<ResultRow> rows = new ArrayList<>();
        Map<String, Status> now = statuses(context.client());
        boolean projectionsPending = now.values().stream().anyMatch(s -> s.position() < head);
        boolean chainPending = lastChained(context.client()) < head;
        Double chainSeconds = null;
        String reused = "1".equals(System.getenv("BENCH_DB_REUSED"))
                ? "; DATABASE REUSED: part of this may have been built before this start, so it is not a full build" : "";
        if (projectionsPending) {
            Map<String, Double> done = awaitAll(context, names, head, startedNanos, timeout);
            rows.add(row("start-up build (all)", head, done.get(ALL), "every read model built from an empty database by the ledger at "
                    + "start-up, side by side with the audit chain; seconds from process start" + reused));
        }
        if (chainPending) {
            while (lastChained(context.client()) < head) {
                if (System.nanoTime() - startedNanos > timeout) {
                    throw new IllegalStateException("the audit chain had not reached " + head + " within the timeout");
                }
                Thread.sleep(500);
            }
            chainSeconds = (System.nanoTime() - startedNanos) / 1e9;
            rows.add(new ResultRow(AuditVerifyScenario.ID, "chain build at start-up", head / chainSeconds, null, null, null,
                    Map.of("events", Long.toString(head), "seconds", String.format(java.util.Locale.ROOT, "%.1f", chainSeconds)),
                    "the ledger's audit scheduler chaining every event from an empty chain, side by side with the read-model build; "
                            + "seconds from process start; a build, not a verification" + reused));
        }
        return rows;
    }

    private static long lastChained(LedgerClient client) {
        Response r = client.get("api/audit/head");
        Matcher m = LAST_CHAINED.matcher(r.ok() ? r.body() : "");
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static void rebuild(LedgerClient client, String name) {
        Response r = client.send(new Command(null, "api/admin/projections/" + name + "/rebuild", "bench-admin", "admin", null, null));
        if (r.status() != 202) {
            throw new IllegalStateException("POST rebuild of " + name + " answered " + r.reason());
        }
    }

    /** Every read model at once: they start together and read the event store once. */
    private static void rebuildTogether(LedgerClient client) {
        Response r = client.send(new Command(null, "api/admin/projections/rebuild", "bench-admin", "admin", null, null));
        if (r.status() != 202) {
            throw new IllegalStateException("POST rebuild of every read model answered " + r.reason());
        }
    }

    /** Seconds from {@code started} until each named read model reached {@code head}; {@code ALL} for the last of them. */
    private static Map<String, Double> awaitAll(BenchContext context, Iterable<String> names, long head, long started, long timeout)
            throws InterruptedException {
        Map<String, Double> done = new LinkedHashMap<>();
        java.util.Set<String> errors = new java.util.HashSet<>();
        List<String> pending = new ArrayList<>();
        names.forEach(pending::add);
        long lastLog = System.nanoTime();
        while (!pending.isEmpty()) {
            if (System.nanoTime() - started > timeout) {
                throw new IllegalStateException("read models " + pending + " had not caught up after " + timeout / 1_000_000_000L + " s");
            }
            Map<String, Status> now = statuses(context.client());
            double elapsed = (System.nanoTime() - started) / 1e9;
            for (String name : List.copyOf(pending)) {
                Status s = now.get(name);
                if (s != null && s.error() != null && errors.add(name + s.error())) {
                    // Axon retries a failed batch (with back-off); a rebuild that never recovers ends at the timeout
                    context.log("  read model %s reports an error (Axon retries): %s", name, s.error());
                }
                if (s != null && s.position() >= head) {
                    done.put(name, elapsed);
                    pending.remove(name);
                }
            }
            if (System.nanoTime() - lastLog > 10_000_000_000L) {
                lastLog = System.nanoTime();
                StringBuilder progress = new StringBuilder();
                for (String name : pending) {
                    progress.append(' ').append(name).append('=').append(now.get(name).position());
                }
                context.log("  %.0f s: %d of %d caught up;%s", elapsed, done.size(), done.size() + pending.size(), progress);
            }
            Thread.sleep(pending.isEmpty() ? 0 : 200);
        }
        done.put(ALL, done.values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
        return done;
    }

    private static ResultRow row(String name, long events, double seconds, String note) {
        return new ResultRow(ID, name, events / seconds, null, null, null,
                Map.of("events", Long.toString(events), "seconds", String.format(java.util.Locale.ROOT, "%.1f", seconds)), note);
    }

    private static String seconds(Double s) {
        return s == null ? "?" : String.format(java.util.Locale.ROOT, "%.1f s", s);
    }
}
