package org.impactledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The harness's Java side. {@code bash bench/run.sh} is the one command; it calls:
 *
 * <pre>
 * java -jar impact-ledger-bench.jar run    --base http://127.0.0.1:18080 --out results.tsv [--duration 15] [--warmup 5]
 *                                          [--clients 1,8,32] [--rate 1000] [--lanes 50] [--app-pid PID]
 *                                          [--scenarios warmup,ingest,ingest-fixed-rate,bulk-import] [--idempotency-keys true]
 *                                          [--bulk-rows 100000]
 *                                          (1M events: --scenarios projection-rebuild,report-query,audit-verify)
 * java -jar impact-ledger-bench.jar report --results results.tsv [--machine machine.txt] [--markdown out.md] [--title ...]
 * </pre>
 */
public final class Bench {

    /** The scenarios this harness can run today, by id. */
    static final Map<String, Supplier<Scenario>> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("warmup", WarmupScenario::new);
        SCENARIOS.put(IngestScenario.ID, IngestScenario::new);
        SCENARIOS.put(FixedRateScenario.ID, FixedRateScenario::new);
        SCENARIOS.put(BulkImportScenario.ID, BulkImportScenario::new);
        // the 1M-event scenarios, on a database filled by bench/seed (BENCH_SCENARIOS=million bash bench/run.sh)
        SCENARIOS.put(RebuildScenario.ID, RebuildScenario::new);
        SCENARIOS.put(ReportQueryScenario.ID, ReportQueryScenario::new);
        SCENARIOS.put(AuditVerifyScenario.ID, AuditVerifyScenario::new);
    }

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "run" -> System.exit(run(BenchConfig.parse(rest)));
            case "report" -> report(BenchConfig.options(rest));
            default -> usage();
        }
    }

    static int run(BenchConfig config) throws IOException {
        BenchContext context = new BenchContext(config, new LedgerClient(config.base(), config.requestTimeout(), BenchTokens.fromEnvironment()), System.err);
        context.log("load generator: %s; requests sent with %s", config, context.client().clientName());
        int failures = 0;
        for (String id : config.scenarios()) {
            Supplier<Scenario> scenario = SCENARIOS.get(id.trim());
            if (scenario == null) {
                throw new IllegalArgumentException("unknown scenario '" + id + "'; known: " + SCENARIOS.keySet());
            }
            List<ResultRow> rows;
            try {
                rows = scenario.get().run(context);
            } catch (Exception e) {
                failures++;
                context.log("%s failed: %s", id, e);
                rows = List.of(new ResultRow(id.trim(), "", null, null, null, null, Map.of("failed", "true"), "failed: " + e));
            }
            append(config.out(), rows);
        }
        return failures == 0 ? 0 : 1;
    }

    static void append(Path out, List<ResultRow> rows) throws IOException {
        StringBuilder text = new StringBuilder();
        rows.forEach(r -> text.append(r.toTsv()).append('\n'));
        Files.writeString(out, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static void report(Map<String, String> options) throws IOException {
        if (!options.containsKey("results")) {
            usage();
        }
        Report report = Report.read(Path.of(options.get("results")), options.containsKey("machine") ? Path.of(options.get("machine")) : null);
        System.out.print(report.text());
        if (options.containsKey("markdown")) {
            Path md = Path.of(options.get("markdown"));
            if (md.getParent() != null) {
                Files.createDirectories(md.getParent());
            }
            Files.writeString(md, report.markdown(options.getOrDefault("title", "Impact Ledger benchmark")), StandardCharsets.UTF_8);
            System.out.println("\nwritten to " + md);
        }
    }

    private static void usage() {
        System.err.println("usage: java -jar impact-ledger-bench.jar run --base URL --out FILE [options] | report --results FILE [--machine FILE] "
                + "[--markdown FILE]\n(see bench/run.sh, which runs everything with one command)");
        System.exit(2);
    }
}
