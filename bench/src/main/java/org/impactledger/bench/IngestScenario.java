package org.impactledger.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command ingest over HTTP, closed loop, at each client count: the outcome lifecycle and capital
 * flows of {@link OutcomeFundLane}, each client on its own fund and contract. Throughput counts
 * accepted (2xx) commands only; failures are counted by reason.
 */
public final class IngestScenario implements Scenario {

    public static final String ID = "ingest";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ResultRow> run(BenchContext context) throws Exception {
        List<ResultRow> rows = new ArrayList<>();
        for (int clients : context.config().clients()) {
            context.log("ingest: %d client(s) for %d s", clients, context.config().durationSeconds());
            String prefix = context.config().runToken() + "-i" + clients;
            ClosedLoop.Measurement m;
            try {
                m = ClosedLoop.run(context, prefix, clients, context.config().durationSeconds());
            } catch (Exception e) {
                rows.add(new ResultRow(ID, Integer.toString(clients), null, null, null, null, Map.of("failed", "true"),
                        "failed: " + e.getMessage()));
                context.log("  failed: %s", e.getMessage());
                continue;
            }
            rows.add(row(ID, m));
            rows.addAll(perCommand(m));
            context.log("  %s", describe(m));
        }
        return rows;
    }

    static ResultRow row(String scenario, ClosedLoop.Measurement m) {
        Latencies.Summary s = m.recorder().all().summary();
        Map<String, String> extras = new LinkedHashMap<>();
        extras.put("ok", Long.toString(m.recorder().ok()));
        extras.put("errors", Long.toString(m.recorder().errorCount()));
        extras.put("seconds", fmt(m.seconds()));
        if (m.events() != null) {
            extras.put("events", Long.toString(m.events()));
            extras.put("events_per_s", fmt(m.events() / m.seconds()));
        }
        cpu(extras, m.cpu(), m.recorder().ok());
        extras.put("settle_s", fmt(m.settleSeconds()));
        if (m.recorder().all().dropped() > 0) {
            extras.put("dropped_samples", Long.toString(m.recorder().all().dropped()));
        }
        String note = m.recorder().errorSummary();
        if (!m.complete()) {
            note = (note.isEmpty() ? "" : note + ", ") + "some clients did not finish in time and were cancelled";
        }
        return new ResultRow(scenario, Integer.toString(m.clients()), m.throughput(), s == null ? null : s.p50(),
                s == null ? null : s.p95(), s == null ? null : s.p99(), extras, note);
    }

    static void cpu(Map<String, String> extras, CpuClock.Usage usage, long commands) {
        if (usage.appCpuSeconds() != null && commands > 0) {
            extras.put("app_cpu_ms_per_cmd", fmt(usage.appCpuSeconds() * 1000 / commands));
            extras.put("app_cpu_cores", fmt(usage.appCpuSeconds() / usage.wallSeconds()));
        }
        if (usage.generatorCpuSeconds() != null) {
            extras.put("generator_cpu_cores", fmt(usage.generatorCpuSeconds() / usage.wallSeconds()));
        }
        if (usage.machineBusy() != null) {
            extras.put("machine_busy", fmt(usage.machineBusy()));
        }
    }

    static List<ResultRow> perCommand(ClosedLoop.Measurement m) {
        List<ResultRow> rows = new ArrayList<>();
        m.recorder().byOp().forEach((op, latencies) -> {
            Latencies.Summary s = latencies.summary();
            if (s != null) {
                rows.add(new ResultRow(ID + ".op", Integer.toString(m.clients()), s.count() / m.seconds(), s.p50(), s.p95(), s.p99(),
                        Map.of("op", op.name(), "ok", Integer.toString(s.count()), "max_ms", fmt(s.max())), ""));
            }
        });
        return rows;
    }

    static String describe(ClosedLoop.Measurement m) {
        Latencies.Summary s = m.recorder().all().summary();
        return String.format(Locale.ROOT, "%d clients: %.1f commands/s accepted, %d errors%s; p50 %s p95 %s p99 %s ms; %s events; "
                        + "read models caught up %s s after",
                m.clients(), m.throughput(), m.recorder().errorCount(),
                m.recorder().errorCount() > 0 ? " (" + m.recorder().errorSummary() + ")" : "",
                s == null ? "-" : fmt(s.p50()), s == null ? "-" : fmt(s.p95()), s == null ? "-" : fmt(s.p99()),
                m.events() == null ? "?" : m.events().toString(), fmt(m.settleSeconds()));
    }

    static String fmt(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
