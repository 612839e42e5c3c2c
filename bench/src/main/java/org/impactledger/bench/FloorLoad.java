package org.impactledger.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.impactledger.bench.LedgerClient.Command;
import org.impactledger.bench.LedgerClient.Response;

/**
 * The closed loop of bench/floor.sh against the floor service (bench/floor), not the ledger: each
 * client a provider POSTing one outcome report after another to its own contract, with a bearer
 * token, for a warm-up and then a measured time per client count. Prints one tab-separated line per
 * client count: {@code floor <clients> <per second> <p50> <p95> <p99> <service CPU ms per request>
 * <service cores> <generator cores> <machine busy> <errors>}.
 *
 * <pre>
 * java -cp impact-ledger-bench.jar org.impactledger.bench.FloorLoad --base http://127.0.0.1:18095 --clients 1,8,32
 *      --warmup 60 --duration 20 --app-pid PID [--clock-ticks 100]
 * </pre>
 */
public final class FloorLoad {

    private FloorLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchConfig.options(args);
        URI base = URI.create(options.getOrDefault("base", "http://127.0.0.1:18095/"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "60"));
        int duration = Integer.parseInt(options.getOrDefault("duration", "20"));
        Long pid = options.containsKey("app-pid") ? Long.valueOf(options.get("app-pid")) : null;
        int ticks = Integer.parseInt(options.getOrDefault("clock-ticks", "100"));
        BenchTokens tokens = BenchTokens.fromEnvironment();
        if (tokens == null) {
            throw new IllegalArgumentException("BENCH_JWT_KEY must name the private key whose public half the floor service checks");
        }
        LedgerClient client = new LedgerClient(base, Duration.ofSeconds(30), tokens);
        System.err.println("floor: requests sent with " + client.clientName());
        List<Integer> counts = new ArrayList<>();
        for (String c : options.getOrDefault("clients", "1,8,32").split(",")) {
            counts.add(Integer.parseInt(c.trim()));
        }
        int maxClients = counts.stream().mapToInt(Integer::intValue).max().orElse(1);
        System.err.printf(Locale.ROOT, "floor: warm-up %d s at %d clients%n", warmup, maxClients);
        loop(client, "w", maxClients, warmup, null);
        for (int clients : counts) {
            System.err.printf(Locale.ROOT, "floor: %d client(s) for %d s%n", clients, duration);
            CpuClock cpu = new CpuClock(pid, ticks);
            CpuClock.Sample start = cpu.sample();
            long[] measured = new long[1];
            Recorder recorder = loop(client, "m" + clients, clients, duration, measured);
            CpuClock.Usage usage = cpu.sample().since(start);
            Latencies.Summary s = recorder.all().summary();
            double seconds = measured[0] / 1e9;
            double perSecond = recorder.ok() / seconds;
            System.out.printf(Locale.ROOT, "floor\t%d\t%.1f\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d%s%n", clients, perSecond,
                    s == null ? "" : fmt(s.p50()), s == null ? "" : fmt(s.p95()), s == null ? "" : fmt(s.p99()),
                    usage.appCpuSeconds() == null || recorder.ok() == 0 ? "" : fmt(usage.appCpuSeconds() * 1000 / recorder.ok()),
                    usage.appCpuSeconds() == null ? "" : fmt(usage.appCpuSeconds() / usage.wallSeconds()),
                    usage.generatorCpuSeconds() == null ? "" : fmt(usage.generatorCpuSeconds() / usage.wallSeconds()),
                    usage.machineBusy() == null ? "" : fmt(usage.machineBusy()), recorder.errorCount(),
                    recorder.errorCount() == 0 ? "" : "\t" + recorder.errorSummary());
        }
    }

    /** {@code clients} threads sending for {@code seconds}; {@code measured[0]} gets the window's nanoseconds. */
    private static Recorder loop(LedgerClient client, String run, int clients, int seconds, long[] measured) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            long[] window = new long[1];
            long durationNanos = seconds * 1_000_000_000L;
            List<Future<Recorder>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String contract = "floor-" + run + "-" + i;
                String actor = "provider-floor-" + i;
                results.add(pool.submit(() -> {
                    Recorder recorder = new Recorder();
                    start.await();
                    long deadline = window[0] + durationNanos;
                    for (long n = 0; System.nanoTime() < deadline; n++) {
                        Command command = new Command(Op.REPORT_OUTCOME, "floor/contracts/" + contract + "/outcomes", actor, "provider", null,
                                body(contract, n));
                        long t0 = System.nanoTime();
                        Response response = client.send(command);
                        recorder.record(command.op(), response, System.nanoTime() - t0);
                    }
                    return recorder;
                }));
            }
            window[0] = System.nanoTime();
            start.countDown();
            Recorder total = new Recorder();
            for (Future<Recorder> f : results) {
                total.merge(f.get(seconds + 60L, TimeUnit.SECONDS));
            }
            if (measured != null) {
                measured[0] = System.nanoTime() - window[0];
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same fields the ledger's outcome report carries, about as long. */
    static String body(String contract, long n) {
        return "{\"outcomeId\":\"o-" + n + "\",\"beneficiaryId\":\"ben-" + contract + "-" + n + "\",\"metricCode\":\"HOUSED-6M\","
                + "\"period\":\"2026-Q3\",\"outcomeDate\":\"2026-08-01\",\"quantity\":1,"
                + "\"evidenceReference\":\"case-file://" + contract + "/o-" + n + "\","
                + "\"evidenceSha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
                + "\"note\":\"tenancy contract and six rent receipts checked\"}";
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
