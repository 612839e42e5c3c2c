package org.impactledger.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.impactledger.bench.LedgerClient.Response;

/**
 * Bulk outcome import: one provider file of {@code --bulk-rows} outcomes (CSV, one new beneficiary
 * per row), generated while it is streamed to {@code POST /api/contracts/{id}/outcomes/imports}, on a
 * fresh contract of its own. Throughput is accepted outcomes over the wall-clock time from the first
 * byte sent to the answer (the import is synchronous: the answer comes when every row is recorded).
 * Then the read models' catch-up time is measured, and the same file is sent again, which must record
 * nothing (its time is reported too).
 *
 * <p>Before it, a warm-up import of half as many rows into another contract, reported apart (the
 * "cold" rate): in a fresh JVM the JIT compiler took 0.3-0.4 of the machine's two cores during a
 * 100,000-row import, so the first import measures the compiler as much as the ledger. The measured
 * import starts once the read models have caught up with the warm-up.
 */
public final class BulkImportScenario implements Scenario {

    public static final String ID = "bulk-import";
    private static final Pattern NUMBER = Pattern.compile("\"%s\"\\s*:\\s*(\\d+)");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    static final String HEADER = "outcomeId,beneficiaryId,metricCode,period,outcomeDate,quantity,evidenceReference,evidenceSha256\n";
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ResultRow> run(BenchContext context) throws Exception {
        int rows = context.config().bulkRows();
        double cold = warmUp(context, Math.max(1, rows / 2));
        String laneId = context.config().runToken() + "-bulk";
        OutcomeFundLane lane = new OutcomeFundLane(laneId, false);
        lane.setUp(context.client());
        String path = "api/contracts/" + laneId + "-sib/outcomes/imports";
        Duration timeout = Duration.ofSeconds(Math.max(60, context.config().settleTimeout().toSeconds()) + rows / 500);
        context.log("bulk import: %,d outcomes in one CSV file, streamed", rows);
        if (Projections.awaitCaughtUp(context.client(), context.config().settleTimeout().toNanos()) < 0) {
            context.log("  (read models had not caught up with earlier scenarios before the import)");
        }
        context.log("  measuring");

        long headBefore = Projections.head(context.client());
        CpuClock clock = new CpuClock(context.config().appPid(), context.config().clockTicks());
        CpuClock.Sample start = clock.sample();
        Response first = context.client().upload(path, "provider-" + laneId, "provider", "text/csv", () -> new OutcomeCsv(laneId, rows), timeout);
        CpuClock.Usage usage = clock.sample().since(start);
        if (!first.ok()) {
            throw new IllegalStateException("the import answered " + first.reason() + ": " + OutcomeFundLane.abbreviate(String.valueOf(first.body())));
        }
        long accepted = number(first.body(), "accepted");
        long rejected = number(first.body(), "rejected");
        double seconds = usage.wallSeconds();
        double settle = Projections.awaitCaughtUp(context.client(), context.config().settleTimeout().toNanos());
        long headAfter = Projections.head(context.client());

        long againStart = System.nanoTime();
        Response second = context.client().upload(path, "provider-" + laneId, "provider", "text/csv", () -> new OutcomeCsv(laneId, rows), timeout);
        double againSeconds = (System.nanoTime() - againStart) / 1e9;
        long headAgain = Projections.head(context.client());

        Map<String, String> extras = new LinkedHashMap<>();
        extras.put("rows", Integer.toString(rows));
        extras.put("ok", Long.toString(accepted));
        extras.put("errors", Long.toString(rejected));
        extras.put("seconds", IngestScenario.fmt(seconds));
        if (headBefore >= 0 && headAfter >= 0) {
            extras.put("events", Long.toString(headAfter - headBefore));
            extras.put("events_per_s", IngestScenario.fmt((headAfter - headBefore) / seconds));
        }
        IngestScenario.cpu(extras, usage, accepted);
        extras.put("settle_s", IngestScenario.fmt(settle));
        extras.put("cold_rows", Integer.toString(Math.max(1, rows / 2)));
        extras.put("cold_per_s", IngestScenario.fmt(cold));
        extras.put("reimport_s", IngestScenario.fmt(againSeconds));
        extras.put("reimport_status", second.ok() ? status(second.body()) : second.reason());
        if (headAgain >= 0 && headAfter >= 0) {
            extras.put("reimport_events", Long.toString(headAgain - headAfter));
        }
        double throughput = accepted / seconds;
        context.log("  %,d accepted, %,d rejected in %.2f s: %,.0f outcomes/s; read models caught up %.2f s after; the same file again: %s in %.2f s, "
                        + "%s new events", accepted, rejected, seconds, throughput, settle, extras.get("reimport_status"), againSeconds,
                extras.getOrDefault("reimport_events", "?"));
        String note = rejected > 0 ? rejected + " rows rejected" : "";
        return List.of(new ResultRow(ID, "", throughput, null, null, null, extras, note));
    }

    /** Imports {@code rows} outcomes into a contract of its own, unmeasured but for its rate, and waits for the read models. */
    private static double warmUp(BenchContext context, int rows) throws Exception {
        String laneId = context.config().runToken() + "-bulk-warm";
        OutcomeFundLane lane = new OutcomeFundLane(laneId, false);
        lane.setUp(context.client());
        Duration timeout = Duration.ofSeconds(Math.max(60, context.config().settleTimeout().toSeconds()) + rows / 500);
        context.log("bulk import warm-up: %,d outcomes into another contract (JIT compilation)", rows);
        long started = System.nanoTime();
        Response warm = context.client().upload("api/contracts/" + laneId + "-sib/outcomes/imports", "provider-" + laneId, "provider",
                "text/csv", () -> new OutcomeCsv(laneId, rows), timeout);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!warm.ok()) {
            throw new IllegalStateException("the warm-up import answered " + warm.reason() + ": " + OutcomeFundLane.abbreviate(String.valueOf(warm.body())));
        }
        double rate = number(warm.body(), "accepted") / seconds;
        context.log("  %,.0f outcomes/s (cold)", rate);
        return rate;
    }

    private static long number(String body, String name) {
        Matcher m = Pattern.compile(String.format(Locale.ROOT, NUMBER.pattern(), name)).matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String status(String body) {
        Matcher m = STATUS.matcher(body);
        return m.find() ? m.group(1) : "?";
    }

    /** The file, produced row by row as it is read: never in memory whole. */
    static final class OutcomeCsv extends InputStream {
        private final String lane;
        private final int rows;
        private int next = -1;
        private byte[] chunk = new byte[0];
        private int position;

        OutcomeCsv(String lane, int rows) {
            this.lane = lane;
            this.rows = rows;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return chunk[position++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - position);
            System.arraycopy(chunk, position, b, off, n);
            position += n;
            return n;
        }

        private boolean fill() {
            while (position >= chunk.length) {
                if (next >= rows) {
                    return false;
                }
                StringBuilder text = new StringBuilder(64 * 1024);
                if (next < 0) {
                    text.append(HEADER);
                    next = 0;
                }
                for (int i = 0; i < 256 && next < rows; i++, next++) {
                    text.append("b-").append(next).append(",ben-").append(lane).append('-').append(next)
                            .append(",HOUSED-6M,2026-Q3,2026-08-01,1,case-file://").append(lane).append('/').append(next).append(',')
                            .append(SHA).append('\n');
                }
                chunk = text.toString().getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            return true;
        }
    }
}
