package org.impactledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a run's results file into the table of figures: each against its target, each ledger
 * throughput as a ratio to PostgreSQL's own durable append rate at the same client count, every
 * pending scenario as "not yet measured — feature pending". Also the per-command latencies and
 * where the CPU went, for whoever profiles next.
 */
public final class Report {

    static final String PENDING = "not yet measured — feature pending";

    private final List<ResultRow> rows;
    private final Map<String, String> machine;

    public Report(List<ResultRow> rows, Map<String, String> machine) {
        this.rows = rows;
        this.machine = machine;
    }

    public static Report read(Path results, Path machineFile) throws IOException {
        List<ResultRow> rows = new ArrayList<>();
        if (Files.exists(results)) {
            for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(ResultRow.fromTsv(line));
                }
            }
        }
        Map<String, String> machine = new LinkedHashMap<>();
        if (machineFile != null && Files.exists(machineFile)) {
            for (String line : Files.readAllLines(machineFile, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    machine.put(line.substring(0, colon).trim(), line.substring(colon + 2).trim());
                }
            }
        }
        return new Report(rows, machine);
    }

    /** The main table: one line per measured row, one per scenario not measured. */
    public Table figures() {
        Map<String, Double> baseline = new HashMap<>();
        for (ResultRow r : rows) {
            if (r.scenario().equals(Catalogue.PGBENCH.id()) && r.throughput() != null) {
                baseline.put(r.clients(), r.throughput());
            }
        }
        Table table = new Table("Scenario", ">Clients", ">Throughput/s", ">p50 ms", ">p95 ms", ">p99 ms", ">× pgbench", "Figure",
                "Target", "Met?");
        for (Catalogue c : Catalogue.values()) {
            List<ResultRow> mine = rows.stream().filter(r -> r.scenario().equals(c.id())).toList();
            if (mine.isEmpty()) {
                table.row(c.title(), "", "", "", "", "", "", c.pending() ? PENDING : "not measured in this run", c.target(null), "—");
                continue;
            }
            for (ResultRow r : mine) {
                Double base = baseline.get(r.clients());
                Double ratio = c == Catalogue.INGEST && base != null && r.throughput() != null && base > 0 ? r.throughput() / base : null;
                table.row(c.title(), r.clients(), r.throughput() == null ? "" : count(r.throughput()), ms(r.p50()), ms(r.p95()), ms(r.p99()),
                        ratio == null ? "" : String.format(Locale.ROOT, "%.2f×", ratio),
                        r.extras().containsKey("failed") ? "failed (see notes)" : c.figure(r), c.target(r), c.judge(r, ratio));
            }
        }
        return table;
    }

    /** Notes rows carry: errors by reason, failures. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (ResultRow r : rows) {
            Catalogue c = Catalogue.byId(r.scenario());
            if (c != null && !r.note().isBlank()) {
                notes.add(c.title() + (r.clients().isBlank() ? "" : " (" + r.clients() + ")") + ": " + r.note());
            }
        }
        return notes;
    }

    /** Where a load run's time and CPU went. */
    public Table diagnostics() {
        Table t = new Table("Scenario", ">Clients", ">Accepted", ">Errors", ">Events", ">Events/s", ">Ledger CPU ms/command (bulk: /outcome)",
                ">Ledger CPU (cores)", ">Generator CPU (cores)", ">Machine busy", ">Read models caught up after (s)");
        for (ResultRow r : rows) {
            if (r.scenario().equals(IngestScenario.ID) || r.scenario().equals(FixedRateScenario.ID) || r.scenario().equals(BulkImportScenario.ID)) {
                if (r.extras().containsKey("failed")) {
                    continue;
                }
                Double settle = r.extraNumber("settle_s");
                t.row(r.scenario(), r.clients(), count(r.extraNumber("ok")), count(r.extraNumber("errors")), count(r.extraNumber("events")),
                        count(r.extraNumber("events_per_s")), decimal(r.extraNumber("app_cpu_ms_per_cmd")),
                        decimal(r.extraNumber("app_cpu_cores")), decimal(r.extraNumber("generator_cpu_cores")),
                        r.extraNumber("machine_busy") == null ? "" : Math.round(r.extraNumber("machine_busy") * 100) + " %",
                        settle == null ? "" : settle < 0 ? "not within the timeout" : decimal(settle));
            }
        }
        return t;
    }

    /** Latency of each command of the ingest mix, per client count. */
    public Table perCommand() {
        Table t = new Table(">Clients", "Command", ">Accepted/s", ">p50 ms", ">p95 ms", ">p99 ms", ">max ms");
        for (ResultRow r : rows) {
            if (r.scenario().equals(IngestScenario.ID + ".op")) {
                t.row(r.clients(), r.extra("op"), count(r.throughput()), ms(r.p50()), ms(r.p95()), ms(r.p99()), ms(r.extraNumber("max_ms")));
            }
        }
        return t;
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(figures().render());
        List<String> notes = notes();
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    public String markdown(String heading) {
        StringBuilder md = new StringBuilder("# ").append(heading).append("\n\n");
        machine.forEach((k, v) -> md.append("- **").append(k).append("**: ").append(v).append('\n'));
        md.append("\n## Figures\n\n").append(figures().render());
        md.append("\n× pgbench: ledger commands accepted per second divided by pgbench's durable single-row appends per second "
                + "at the same client count. Latencies are of accepted (2xx) commands; closed-loop latency is send to answer, "
                + "fixed-rate latency is due time to answer.\n");
        List<String> notes = notes();
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        Table diagnostics = diagnostics();
        if (!diagnostics.isEmpty()) {
            md.append("\n## Where the time went\n\n").append(diagnostics.render());
            md.append("\nCPU in cores: CPU seconds per wall-clock second (the machine has ").append(machine.getOrDefault("cores", "?"))
                    .append("). Machine busy: all processes, including PostgreSQL, the generator and anything else running.\n");
        }
        Table perCommand = perCommand();
        if (!perCommand.isEmpty()) {
            md.append("\n## Ingest latency per command\n\n").append(perCommand.render());
        }
        return md.toString();
    }

    static String ms(Double v) {
        if (v == null) {
            return "";
        }
        return String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }

    static String count(Double v) {
        if (v == null) {
            return "";
        }
        return v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String decimal(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.2f", v);
    }
}
