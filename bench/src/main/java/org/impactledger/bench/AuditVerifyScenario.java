package org.impactledger.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.impactledger.bench.LedgerClient.Response;

/**
 * Audit-chain verification rate on the database as it is (1M events after {@code bench/seed}):
 * waits until the ledger's audit chain covers every stored event ({@link RebuildScenario} records
 * how long that took from start-up), then times {@code GET /api/audit/verify} twice, the first call
 * after start-up and the same request again (events checked per second, and the report must say
 * valid), then downloads {@code GET /api/audit/export} to a file
 * and times the offline verifier ({@code AuditVerifier.java}, run as a single source file the way
 * an auditor runs it, with the published public key), which must print OK.
 *
 * <p>Environment: {@code BENCH_AUDIT_VERIFIER} (the verifier's source file; without it the offline
 * row is not measured), {@code BENCH_WORK} (where the export is written; deleted afterwards).
 */
public final class AuditVerifyScenario implements Scenario {

    public static final String ID = "audit-verify";

    private static final Pattern LAST_EVENT = Pattern.compile("\"lastEventIndex\"\\s*:\\s*(\\d+)");
    private static final Pattern EVENTS_CHECKED = Pattern.compile("\"eventsChecked\"\\s*:\\s*(\\d+)");
    private static final Pattern VALID = Pattern.compile("\"valid\"\\s*:\\s*(true|false)");
    private static final Pattern PEM = Pattern.compile("\"pem\"\\s*:\\s*\"([^\"]+)\"");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ResultRow> run(BenchContext context) throws Exception {
        MillionConfig config = MillionConfig.fromEnvironment();
        LedgerClient client = context.client();
        List<ResultRow> rows = new ArrayList<>();
        long storeHead = Projections.head(client);
        context.log("audit: waiting for the chain to reach global index %d", storeHead);
        long deadline = System.nanoTime() + config.rebuildTimeoutSeconds() * 1_000_000_000L;
        long chained;
        while ((chained = number(client.get("api/audit/head"), LAST_EVENT)) < storeHead) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the audit chain reached only " + chained + " of " + storeHead + " within the timeout");
            }
            Thread.sleep(500);
        }
        // twice: the first call after start-up runs while the JIT compiles the verification code (it is
        // the only scenario that runs that code); the second is a ledger that has verified before, as the
        // other scenarios measure after their warm-up. Both are recorded.
        rows.add(verify(context, "GET /api/audit/verify, first call",
                "valid; one request, send to answer; the first verification since the ledger started"));
        rows.add(verify(context, "GET /api/audit/verify, again",
                "valid; one request, send to answer; the same request right after the first"));
        String verifier = System.getenv("BENCH_AUDIT_VERIFIER");
        if (verifier != null && !verifier.isBlank()) {
            rows.add(offline(context, Path.of(verifier)));
        }
        return rows;
    }

    /** Times one {@code GET /api/audit/verify}, which must say the chain is valid. */
    private static ResultRow verify(BenchContext context, String name, String note) {
        long t0 = System.nanoTime();
        Response verify = context.client().get("api/audit/verify");
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!verify.ok()) {
            throw new IllegalStateException("GET /api/audit/verify answered " + verify.reason());
        }
        long checked = number(verify, EVENTS_CHECKED);
        Matcher valid = VALID.matcher(verify.body());
        if (!valid.find() || !"true".equals(valid.group(1))) {
            throw new IllegalStateException("the audit chain does not verify: " + verify.body());
        }
        context.log("  %s: %d events in %.1f s", name, checked, seconds);
        return row(name, checked / seconds, checked, seconds, note);
    }

    private ResultRow offline(BenchContext context, Path verifier) throws Exception {
        Path work = Path.of(System.getenv().getOrDefault("BENCH_WORK", System.getProperty("java.io.tmpdir")));
        Path export = work.resolve("audit-export.ndjson");
        Path key = work.resolve("audit-public-key.pem");
        Matcher pem = PEM.matcher(context.client().get("api/audit/public-key").body());
        if (!pem.find()) {
            throw new IllegalStateException("no public key in GET /api/audit/public-key");
        }
        Files.writeString(key, pem.group(1).replace("\\n", "\n"), StandardCharsets.US_ASCII);
        try {
            long t0 = System.nanoTime();
            download(context, "api/audit/export", export);
            double exportSeconds = (System.nanoTime() - t0) / 1e9;
            long bytes = Files.size(export);
            context.log("  export: %,d bytes in %.1f s", bytes, exportSeconds);

            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // the same launch without arguments (the JVM starts, compiles the source file, prints its usage and exits 2):
            // how much of the verifier's time is not verifying
            Path usage = work.resolve("audit-verifier-usage.out");
            long s0 = System.nanoTime();
            Process start = new ProcessBuilder(java, "-Xmx256m", verifier.toString()).redirectErrorStream(true).redirectOutput(usage.toFile()).start();
            if (!start.waitFor(120, TimeUnit.SECONDS)) {
                start.destroyForcibly();
                throw new IllegalStateException("the offline verifier did not even start in 120 s");
            }
            double startSeconds = (System.nanoTime() - s0) / 1e9;
            Files.deleteIfExists(usage);

            List<String> command = List.of(java, "-Xmx256m", verifier.toString(), export.toString(), key.toString());
            Path output = work.resolve("audit-verifier.out");
            long t1 = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(MillionConfig.fromEnvironment().rebuildTimeoutSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the offline verifier did not finish in time");
            }
            double seconds = (System.nanoTime() - t1) / 1e9;
            String printed = Files.readString(output, StandardCharsets.UTF_8).strip();
            context.log("  offline verifier (exit %d, %.1f s, of which %.1f s the JVM start and compiling the source file): %s", process.exitValue(),
                    seconds, startSeconds, printed);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("the offline verifier exited " + process.exitValue() + ": " + printed);
            }
            long events = firstNumberAfter(printed, "events");
            Map<String, String> extras = new LinkedHashMap<>();
            extras.put("events", Long.toString(events));
            extras.put("seconds", String.format(Locale.ROOT, "%.1f", seconds));
            extras.put("export_seconds", String.format(Locale.ROOT, "%.1f", exportSeconds));
            extras.put("export_mb", Long.toString(bytes / (1024 * 1024)));
            extras.put("start_and_compile_seconds", String.format(Locale.ROOT, "%.1f", startSeconds));
            return new ResultRow(ID, "offline AuditVerifier.java", events / seconds, null, null, null, extras,
                    "over the NDJSON export (" + bytes / (1024 * 1024) + " MB, downloaded in " + String.format(Locale.ROOT, "%.1f", exportSeconds)
                            + " s), with -Xmx256m; time includes the JVM start and compiling the source file (" + String.format(Locale.ROOT, "%.1f", startSeconds)
                            + " s for the same launch without arguments, so " + String.format(Locale.ROOT, "%,.0f", events / Math.max(0.001, seconds - startSeconds))
                            + " events/s without them). It printed: " + printed);
        } finally {
            Files.deleteIfExists(export);
        }
    }

    /** Streams a GET to a file (an export of 1M events does not fit a string). */
    private static void download(BenchContext context, String path, Path file) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(context.client().base().resolve(path)).timeout(Duration.ofHours(1)).GET();
        BenchTokens tokens = BenchTokens.fromEnvironment();
        if (tokens != null) {
            request.header("Authorization", "Bearer " + tokens.tokenFor("bench-auditor", "auditor"));
        }
        HttpResponse<Path> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofFile(file));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered HTTP " + response.statusCode());
        }
    }

    private static long number(Response response, Pattern pattern) {
        if (!response.ok()) {
            throw new IllegalStateException("the ledger answered " + response.reason());
        }
        Matcher m = pattern.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + response.body());
        }
        return Long.parseLong(m.group(1));
    }

    /** The number in the verifier's line next to a word ("OK: 1000000 events, ..."), or -1. */
    static long firstNumberAfter(String text, String word) {
        Matcher m = Pattern.compile("(\\d[\\d,]*)\\s+" + word).matcher(text);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
    }

    private static ResultRow row(String name, double rate, long events, double seconds, String note) {
        return new ResultRow(ID, name, rate, null, null, null,
                Map.of("events", Long.toString(events), "seconds", String.format(Locale.ROOT, "%.1f", seconds)), note);
    }

}
