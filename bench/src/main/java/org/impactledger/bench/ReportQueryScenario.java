package org.impactledger.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.impactledger.bench.LedgerClient.Response;

/**
 * Report query latency on the database as it is (1M events after {@code bench/seed}, read models
 * caught up): for each main report and read endpoint in turn, {@code BENCH_QUERY_CLIENTS} clients
 * in a closed loop for {@code BENCH_QUERY_DURATION} seconds, each request for a fund, contract or
 * page picked at random among those the ledger lists. Latency is send to answer read, of 2xx
 * answers; any other answer is counted as an error by reason. Before any endpoint is measured, a
 * first round runs each for {@code BENCH_QUERY_ROUND_WARMUP} seconds, not recorded: on two cores
 * the JIT compiler is still busy a minute after the start, and the first endpoint measured (fund
 * performance) had a p95 of 22.7 ms after its own 5 s of warm-up and 24.0 ms after 20 s, against
 * 7.64 ms after 90 s (bench/RESULTS.md, twenty-fifth session).
 */
public final class ReportQueryScenario implements Scenario {

    public static final String ID = "report-query";

    private static final Pattern FUND = Pattern.compile("\"fundId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CONTRACT = Pattern.compile("\"contractId\"\\s*:\\s*\"([^\"]+)\"");

    @Override
    public String id() {
        return ID;
    }

    /** The ids the queries pick from. */
    record Ids(List<String> funds, List<String> contracts) {

        String fund(SplittableRandom r) {
            return funds.get(r.nextInt(funds.size()));
        }

        String contract(SplittableRandom r) {
            return contracts.get(r.nextInt(contracts.size()));
        }
    }

    /** The endpoints measured, by name, each a function from random choices to a path. */
    static Map<String, Function<SplittableRandom, String>> endpoints(Ids ids) {
        Map<String, Function<SplittableRandom, String>> e = new LinkedHashMap<>();
        e.put("fund performance", r -> "api/reports/fund-performance/" + ids.fund(r));
        e.put("SDG impact (all)", r -> "api/reports/sdg-impact");
        e.put("SDG impact (one fund)", r -> "api/reports/sdg-impact?fundId=" + ids.fund(r));
        e.put("outcome-payment audit (fund page)", r -> "api/reports/outcome-payments?fundId=" + ids.fund(r) + "&page=" + r.nextInt(4) + "&size=50");
        e.put("outcome-payment audit (all, deep page)", r -> "api/reports/outcome-payments?page=" + r.nextInt(200) + "&size=50");
        e.put("trial balance", r -> "api/funds/" + ids.fund(r) + "/trial-balance");
        // the first page (default limit) of the materialised reconciliation, as the finance office opens it
        e.put("NRRP reconciliation", r -> "api/reports/nrrp-reconciliation");
        e.put("fund state", r -> "api/funds/" + ids.fund(r));
        e.put("contract state", r -> "api/contracts/" + ids.contract(r));
        e.put("outcomes list (page of 25)", r -> "api/contracts/" + ids.contract(r) + "/outcomes?page=" + r.nextInt(4) + "&size=25");
        // an auditor's questions about the past: answered from the recorded facts, not from the running totals
        e.put("fund performance (as of a past date)", r -> "api/reports/fund-performance/" + ids.fund(r) + "?asOf=" + pastDate(r));
        e.put("investor performance", r -> {
            String fund = ids.fund(r);
            return "api/reports/fund-performance/" + fund + "/investors/" + investorOf(fund, r);
        });
        e.put("SDG impact (all, as of a past date)", r -> "api/reports/sdg-impact?asOf=" + pastDate(r));
        e.put("SDG impact (one fund, as of a past date)", r -> "api/reports/sdg-impact?fundId=" + ids.fund(r) + "&asOf=" + pastDate(r));
        e.put("outcome-payment audit (fund, as of a past date)",
                r -> "api/reports/outcome-payments?fundId=" + ids.fund(r) + "&asOf=" + pastDate(r) + "&page=0&size=50");
        e.put("outcome-payment audit (all, as of a past date)", r -> "api/reports/outcome-payments?asOf=" + pastDate(r) + "&page=" + r.nextInt(20)
                + "&size=50");
        e.put("trial balance (as of a past date)", r -> "api/funds/" + ids.fund(r) + "/trial-balance?asOf=" + pastDate(r));
        e.put("journal (page of 50)", r -> "api/funds/" + ids.fund(r) + "/journal?page=" + r.nextInt(20) + "&size=50");
        e.put("fund payments list (page of 50)", r -> "api/funds/" + ids.fund(r) + "/payments?page=" + r.nextInt(10) + "&size=50");
        return e;
    }

    /** A day within the seeded history (bench/seed: 2024-01-15 to 2026-10-31). */
    static String pastDate(SplittableRandom r) {
        return java.time.LocalDate.of(2024, 6, 1).plusDays(r.nextInt(850)).toString();
    }

    /** One of the three investors bench/seed commits to fund {@code bench-fund-<p>}: {@code bench-investor-<p % 40>-<1..3>}. */
    static String investorOf(String fund, SplittableRandom r) {
        String number = fund.substring(fund.lastIndexOf('-') + 1);
        int p = number.matches("[0-9]{1,6}") ? Integer.parseInt(number) : 0;
        return "bench-investor-" + (p % 40) + "-" + (1 + r.nextInt(3));
    }

    @Override
    public List<ResultRow> run(BenchContext context) throws Exception {
        MillionConfig config = MillionConfig.fromEnvironment();
        Ids ids = new Ids(list(context.client(), "api/funds?size=200", FUND), list(context.client(), "api/contracts?size=200", CONTRACT));
        if (ids.funds().isEmpty() || ids.contracts().isEmpty()) {
            throw new IllegalStateException("the ledger lists no fund or no contract to query");
        }
        long events = Projections.head(context.client());
        context.log("report queries: %d clients, %d s per endpoint after %d s not recorded, %d funds and %d contracts to pick from, %d events stored",
                config.queryClients(), config.queryDurationSeconds(), config.queryWarmupSeconds(), ids.funds().size(), ids.contracts().size(),
                events);
        Map<String, Function<SplittableRandom, String>> measured = new LinkedHashMap<>(endpoints(ids));
        measured.keySet().removeIf(name -> !config.measures(name));
        // one pool of clients for the whole scenario: the first round and each endpoint's loops run on it in turn
        ExecutorService pool = Executors.newFixedThreadPool(config.queryClients());
        try {
            if (config.queryRoundWarmupSeconds() > 0) {
                context.log("report queries: a first round of %d s per endpoint over the %d endpoints, not recorded",
                        config.queryRoundWarmupSeconds(), measured.size());
                for (Map.Entry<String, Function<SplittableRandom, String>> endpoint : measured.entrySet()) {
                    loop(context, endpoint.getKey(), endpoint.getValue(), config.queryClients(), config.queryRoundWarmupSeconds(), pool, 7L, true);
                }
            }
            List<ResultRow> rows = new ArrayList<>();
            for (Map.Entry<String, Function<SplittableRandom, String>> endpoint : measured.entrySet()) {
                rows.add(measure(context, endpoint.getKey(), endpoint.getValue(), config.queryClients(), config.queryDurationSeconds(),
                        config.queryWarmupSeconds(), events, pool));
            }
            return rows;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /**
     * {@code clients} closed loops on {@code pool} for {@code seconds}, each client's choices drawn from its own seed
     * ({@code seedFactor} × client + the endpoint's name); {@code discard}: wait for them here and keep nothing.
     */
    private static List<Future<Result>> loop(BenchContext context, String name, Function<SplittableRandom, String> path, int clients,
                                             int seconds, ExecutorService pool, long seedFactor, boolean discard) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<Result>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(seedFactor * c + name.hashCode());
            futures.add(pool.submit(() -> {
                Result result = new Result();
                for (long n = 0; n < ClosedLoop.MAX_COMMANDS_PER_CLIENT && System.nanoTime() < deadline; n++) {
                    String p = path.apply(random);
                    long t0 = System.nanoTime();
                    Response response = context.client().get(p);
                    long t1 = System.nanoTime();
                    if (response.ok()) {
                        result.latencies.add(t1 - t0);
                    } else {
                        result.errors.merge(response.reason(), 1L, Long::sum);
                    }
                }
                return result;
            }));
        }
        if (!discard) {
            return futures;
        }
        for (Future<Result> f : futures) {
            f.get(seconds + context.config().requestTimeout().toSeconds() + 10, TimeUnit.SECONDS);
        }
        return List.of();
    }

    private static ResultRow measure(BenchContext context, String name, Function<SplittableRandom, String> path, int clients, int seconds,
                                     int warmupSeconds, long events, ExecutorService pool) throws Exception {
        // the same loop, not recorded: the first answers of an endpoint pay for class loading and the JIT's compilation
        loop(context, name, path, clients, warmupSeconds, pool, 17L, true);
        long start = System.nanoTime();
        List<Future<Result>> futures = loop(context, name, path, clients, seconds, pool, 31L, false);
        Result total = new Result();
        for (Future<Result> f : futures) {
            Result r = f.get(seconds + context.config().requestTimeout().toSeconds() + 10, TimeUnit.SECONDS);
            total.latencies.addAll(r.latencies);
            r.errors.forEach((k, v) -> total.errors.merge(k, v, Long::sum));
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Latencies.Summary s = total.latencies.summary();
        long errors = total.errors.values().stream().mapToLong(Long::longValue).sum();
        context.log("  %-40s %6d answers, p50 %s p95 %s p99 %s ms, %d errors %s", name, total.latencies.size(),
                s == null ? "-" : Report.ms(s.p50()), s == null ? "-" : Report.ms(s.p95()), s == null ? "-" : Report.ms(s.p99()), errors,
                total.errors.isEmpty() ? "" : total.errors.toString());
        Map<String, String> extras = new LinkedHashMap<>();
        extras.put("ok", Integer.toString(total.latencies.size()));
        extras.put("errors", Long.toString(errors));
        extras.put("events", Long.toString(events));
        extras.put("query_clients", Integer.toString(clients));
        if (s != null) {
            extras.put("max_ms", String.format(java.util.Locale.ROOT, "%.3f", s.max()));
        }
        if (s == null) {
            extras.put("failed", "true");
        }
        return new ResultRow(ID, name, total.latencies.size() / elapsed, s == null ? null : s.p50(), s == null ? null : s.p95(),
                s == null ? null : s.p99(), extras, total.errors.isEmpty() ? "" : name + " errors: " + total.errors);
    }

    private static final class Result {
        final Latencies latencies = new Latencies();
        final Map<String, Long> errors = new LinkedHashMap<>();
    }

    private static List<String> list(LedgerClient client, String path, Pattern id) {
        Response r = client.get(path);
        if (!r.ok()) {
            throw new IllegalStateException("GET " + path + " answered " + r.reason());
        }
        List<String> ids = new ArrayList<>();
        Matcher m = id.matcher(r.body());
        while (m.find()) {
            if (!ids.contains(m.group(1))) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }
}
