package org.impactledger.bench;

import java.util.Map;

/**
 * Every figure issue 7 asks for, in the order the report prints them, with its target. A pending
 * entry is one the ledger cannot be measured on yet: the report prints it as "not yet measured —
 * feature pending", never with a figure. When its scenario lands, set {@code pending} to false and
 * teach {@link #judge} its target.
 */
public enum Catalogue {

    PGBENCH("pgbench-append", "PostgreSQL durable single-row append (pgbench baseline)", false),
    INGEST(IngestScenario.ID, "Command ingest over HTTP (outcome lifecycle + capital flows, closed loop)", false),
    INGEST_FIXED_RATE(FixedRateScenario.ID, "Command ingest at a fixed rate (open loop, latency from due time)", false),
    BULK_IMPORT(BulkImportScenario.ID, "Bulk outcome import (one CSV file streamed over HTTP)", false),
    PROJECTION_REBUILD(RebuildScenario.ID, "Projection rebuild at 1M events", false),
    REPORT_QUERY(ReportQueryScenario.ID, "Report query latency at 1M events", false),
    AUDIT_VERIFY(AuditVerifyScenario.ID, "Audit-chain verification", false),
    RESIDENT_MEMORY("resident-memory", "Resident memory of the application (VmRSS)", false),
    STARTUP("startup", "Start to ready (process start until /actuator/health is UP)", false);

    static final double INGEST_RATIO_TARGET = 0.5;
    static final String INGEST_TARGET_CLIENTS = "8";
    static final double FIXED_RATE = 1000;
    static final double FIXED_RATE_P99_MS = 25;
    static final double RSS_TARGET_MB = 512;
    static final long RSS_TARGET_EVENTS = 1_000_000;
    static final double STARTUP_TARGET_S = 10;
    static final double BULK_TARGET_PER_S = 50_000;
    static final double REBUILD_TARGET_PER_S = 50_000;
    static final double REPORT_P95_MS = 20;
    static final double AUDIT_VERIFY_TARGET_PER_S = 200_000;
    static final long AT_SCALE_EVENTS = 1_000_000;

    private final String id;
    private final String title;
    private final boolean pending;

    Catalogue(String id, String title, boolean pending) {
        this.id = id;
        this.title = title;
        this.pending = pending;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public boolean pending() {
        return pending;
    }

    /** The target as the issue states it, for a row of this scenario (some targets hold at one client count only). */
    public String target(ResultRow row) {
        return switch (this) {
            case PGBENCH -> "baseline";
            case INGEST -> row == null || INGEST_TARGET_CLIENTS.equals(row.clients()) ? "≥ 0.50 × pgbench at 8 clients" : "—";
            case INGEST_FIXED_RATE -> "1,000/s sustained, p99 ≤ 25 ms";
            case BULK_IMPORT -> "≥ 50,000 outcomes/s";
            case PROJECTION_REBUILD -> "≥ 50,000 events/s";
            case REPORT_QUERY -> "p95 ≤ 20 ms";
            case AUDIT_VERIFY -> "≥ 200,000 events/s";
            case RESIDENT_MEMORY -> "≤ 512 MB at 1M events";
            case STARTUP -> "≤ 10 s";
        };
    }

    /** Whether the row meets the target: "yes", "no", "—" (no target for this row) or why it is not judged. */
    public String judge(ResultRow row, Double ratio) {
        if (row.extras().containsKey("failed")) {
            return "not measured (failed)";
        }
        return switch (this) {
            case PGBENCH -> "—";
            case INGEST -> !INGEST_TARGET_CLIENTS.equals(row.clients()) ? "—"
                    : ratio == null ? "not judged (no baseline)" : yesNo(ratio >= INGEST_RATIO_TARGET);
            case INGEST_FIXED_RATE -> {
                Double offered = row.extraNumber("offered_per_s");
                if (offered == null || offered != FIXED_RATE) {
                    yield "not judged (offered " + (offered == null ? "?" : Report.count(offered)) + "/s)";
                }
                yield yesNo("true".equals(row.extra("sustained")) && row.p99() != null && row.p99() <= FIXED_RATE_P99_MS);
            }
            case RESIDENT_MEMORY -> {
                Double rss = row.extraNumber("rss_mb");
                Double events = row.extraNumber("events");
                if (rss == null) {
                    yield "not measured";
                }
                if (events != null && events >= RSS_TARGET_EVENTS) {
                    yield yesNo(rss <= RSS_TARGET_MB);
                }
                yield rss > RSS_TARGET_MB ? "no (above already at " + (events == null ? "?" : Report.count(events)) + " events)"
                        : "not judged (" + (events == null ? "?" : Report.count(events)) + " events, target is at 1M)";
            }
            case STARTUP -> {
                Double s = row.extraNumber("seconds");
                yield s == null ? "not measured" : yesNo(s <= STARTUP_TARGET_S);
            }
            case BULK_IMPORT -> row.throughput() == null ? "not measured" : yesNo(row.throughput() >= BULK_TARGET_PER_S);
            case PROJECTION_REBUILD -> atScale(row, row.throughput() != null && row.throughput() >= REBUILD_TARGET_PER_S);
            case REPORT_QUERY -> atScale(row, row.p95() != null && row.p95() <= REPORT_P95_MS && "0".equals(row.extra("errors")));
            case AUDIT_VERIFY -> row.clients().startsWith("chain build") ? "—"
                    : atScale(row, row.throughput() != null && row.throughput() >= AUDIT_VERIFY_TARGET_PER_S);
            default -> "—";
        };
    }

    /**
     * The start-up figure: the seconds alone for one start; for several ({@code starts}, seconds separated by
     * {@code /} in the order they ran) their median with every start beside it, so the spread is in the table.
     */
    static String startup(double median, String starts) {
        String[] each = starts == null || starts.isBlank() ? new String[0] : starts.split("/");
        if (each.length < 2) {
            return Report.decimal(median) + " s";
        }
        StringBuilder all = new StringBuilder();
        for (String one : each) {
            all.append(all.length() == 0 ? "" : ", ").append(Report.decimal(Double.parseDouble(one)));
        }
        return "median " + Report.decimal(median) + " s of " + each.length + " starts (" + all + " s)";
    }

    /** The figure that is neither a throughput nor a latency: events/s, offered rate, memory, seconds. */
    public String figure(ResultRow row) {
        Map<String, String> x = row.extras();
        return switch (this) {
            case PGBENCH -> x.containsKey("row_bytes") ? "rows of " + Report.count(row.extraNumber("row_bytes")) + " B" : "";
            case INGEST -> x.containsKey("events_per_s") ? Report.count(row.extraNumber("events_per_s")) + " events/s" : "";
            case INGEST_FIXED_RATE -> x.containsKey("offered_per_s")
                    ? "offered " + Report.count(row.extraNumber("offered_per_s")) + "/s; missed " + x.getOrDefault("missed", "?")
                    + "; sustained: " + ("true".equals(x.get("sustained")) ? "yes" : "no") : "";
            case RESIDENT_MEMORY -> x.containsKey("rss_mb") ? Report.count(row.extraNumber("rss_mb")) + " MB (peak "
                    + Report.count(row.extraNumber("hwm_mb")) + " MB) at " + Report.count(row.extraNumber("events")) + " events" : "";
            case STARTUP -> x.containsKey("seconds") ? startup(row.extraNumber("seconds"), x.get("starts")) : "";
            case BULK_IMPORT -> x.containsKey("ok") ? Report.count(row.extraNumber("ok")) + " outcomes in " + Report.decimal(row.extraNumber("seconds"))
                    + " s; same file again: " + x.getOrDefault("reimport_status", "?") + ", " + x.getOrDefault("reimport_events", "?")
                    + " new events" + (x.containsKey("cold_per_s") ? "; after a warm-up import of " + Report.count(row.extraNumber("cold_rows"))
                    + " at " + Report.count(row.extraNumber("cold_per_s")) + " outcomes/s (cold JVM)" : "") : "";
            case PROJECTION_REBUILD, AUDIT_VERIFY -> x.containsKey("seconds") ? Report.count(row.extraNumber("events")) + " events in "
                    + Report.decimal(row.extraNumber("seconds")) + " s" : "";
            case REPORT_QUERY -> x.containsKey("ok") ? Report.count(row.extraNumber("ok")) + " answers, " + x.getOrDefault("errors", "?")
                    + " errors, " + x.getOrDefault("query_clients", "?") + " clients, " + Report.count(row.extraNumber("events")) + " events" : "";
            default -> "";
        };
    }

    /** A 1M-event target is judged only when the store held that many events. */
    private static String atScale(ResultRow row, boolean met) {
        Double events = row.extraNumber("events");
        if (events == null || events < AT_SCALE_EVENTS) {
            return "not judged (" + (events == null ? "?" : Report.count(events)) + " events, target is at 1M)";
        }
        return yesNo(met);
    }

    public static Catalogue byId(String id) {
        for (Catalogue c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }

    private static String yesNo(boolean met) {
        return met ? "yes" : "no";
    }
}
