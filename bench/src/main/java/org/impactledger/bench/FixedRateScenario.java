package org.impactledger.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.impactledger.bench.LedgerClient.Command;
import org.impactledger.bench.LedgerClient.Response;

/**
 * Command ingest at a fixed offered rate (open loop, as wrk2 does it): L lanes, each with its own
 * fund and contract, share the schedule: command k of lane j is due at
 * {@code t0 + (k·L + j) / rate}. A lane sends each command at its due time, or at once if it is
 * late, and its latency is measured from the due time, not from the send, so that a slow answer
 * counts against every command it delayed (no coordinated omission). At the end of the window a
 * lane stops; commands due but never sent are counted as missed. The rate is sustained when every
 * due command was sent and at least 99% of them were accepted.
 */
public final class FixedRateScenario implements Scenario {

    public static final String ID = "ingest-fixed-rate";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ResultRow> run(BenchContext context) throws Exception {
        BenchConfig config = context.config();
        int lanesCount = config.lanes();
        int rate = config.rate();
        int seconds = config.durationSeconds();
        context.log("ingest at a fixed rate: %d commands/s over %d lanes for %d s", rate, lanesCount, seconds);
        List<OutcomeFundLane> lanes = new ArrayList<>();
        for (int i = 0; i < lanesCount; i++) {
            lanes.add(new OutcomeFundLane(config.runToken() + "-r" + rate + "-" + i, config.idempotencyKeys()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(lanesCount);
        try {
            ClosedLoop.setUp(pool, lanes, context.client());
            Projections.awaitCaughtUp(context.client(), config.settleTimeout().toNanos());
            context.log("  measuring");
            long headBefore = Projections.head(context.client());
            CpuClock cpu = new CpuClock(config.appPid(), config.clockTicks());

            long scheduledTotal = (long) rate * seconds;
            CountDownLatch start = new CountDownLatch(1);
            long[] t0 = new long[1];
            AtomicLong lastAnswer = new AtomicLong();
            AtomicLong sent = new AtomicLong();
            AtomicLong missed = new AtomicLong();
            List<Future<Recorder>> results = new ArrayList<>();
            for (int j = 0; j < lanesCount; j++) {
                int lane = j;
                OutcomeFundLane workload = lanes.get(j);
                results.add(pool.submit(() -> {
                    Recorder recorder = new Recorder();
                    start.await();
                    long end = t0[0] + seconds * 1_000_000_000L;
                    long due = dueCount(scheduledTotal, lanesCount, lane);
                    long k = 0;
                    for (; k < due; k++) {
                        long scheduled = t0[0] + Math.round((k * lanesCount + lane) * 1e9 / rate);
                        long now;
                        while ((now = System.nanoTime()) < scheduled && !Thread.currentThread().isInterrupted()) {
                            LockSupport.parkNanos(scheduled - now);
                        }
                        if (now >= end || Thread.currentThread().isInterrupted()) {
                            break;
                        }
                        Command command = workload.next();
                        Response response = context.client().send(command);
                        long answered = System.nanoTime();
                        sent.incrementAndGet();
                        recorder.record(command.op(), response, answered - scheduled);
                        workload.completed(response.ok());
                        lastAnswer.accumulateAndGet(answered, Math::max);
                    }
                    missed.addAndGet(due - k);
                    return recorder;
                }));
            }
            CpuClock.Sample cpuStart = cpu.sample();
            t0[0] = System.nanoTime() + 50_000_000L;
            start.countDown();

            Recorder total = new Recorder();
            boolean complete = true;
            long waitUntil = t0[0] + seconds * 1_000_000_000L + config.requestTimeout().toNanos() + 10_000_000_000L;
            for (Future<Recorder> f : results) {
                try {
                    total.merge(f.get(Math.max(1, waitUntil - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (java.util.concurrent.TimeoutException e) {
                    complete = false;
                    f.cancel(true);
                }
            }
            CpuClock.Usage usage = cpu.sample().since(cpuStart);
            long headAfter = Projections.head(context.client());
            double settle = Projections.awaitCaughtUp(context.client(), config.settleTimeout().toNanos());

            double window = Math.max(seconds, (lastAnswer.get() - t0[0]) / 1e9);
            double achieved = total.ok() / window;
            boolean sustained = complete && missed.get() == 0 && total.ok() >= 0.99 * scheduledTotal;
            Latencies.Summary s = total.all().summary();
            Map<String, String> extras = new LinkedHashMap<>();
            extras.put("offered_per_s", Integer.toString(rate));
            extras.put("lanes", Integer.toString(lanesCount));
            extras.put("scheduled", Long.toString(scheduledTotal));
            extras.put("sent", Long.toString(sent.get()));
            extras.put("missed", Long.toString(missed.get()));
            extras.put("ok", Long.toString(total.ok()));
            extras.put("errors", Long.toString(total.errorCount()));
            extras.put("sustained", Boolean.toString(sustained));
            extras.put("seconds", IngestScenario.fmt(window));
            if (headBefore >= 0 && headAfter >= 0) {
                extras.put("events", Long.toString(headAfter - headBefore));
                extras.put("events_per_s", IngestScenario.fmt((headAfter - headBefore) / window));
            }
            IngestScenario.cpu(extras, usage, total.ok());
            extras.put("settle_s", IngestScenario.fmt(settle));
            if (s != null) {
                extras.put("max_ms", IngestScenario.fmt(s.max()));
            }
            String note = total.errorSummary();
            if (!complete) {
                note = (note.isEmpty() ? "" : note + ", ") + "some lanes did not finish in time and were cancelled";
            }
            context.log("  offered %d/s: accepted %.1f/s, sent %d of %d due, missed %d, %d errors; p50 %s p95 %s p99 %s ms (from due time); "
                            + "sustained: %s", rate, achieved, sent.get(), scheduledTotal, missed.get(), total.errorCount(),
                    s == null ? "-" : IngestScenario.fmt(s.p50()), s == null ? "-" : IngestScenario.fmt(s.p95()),
                    s == null ? "-" : IngestScenario.fmt(s.p99()), sustained ? "yes" : "no");
            return List.of(new ResultRow(ID, lanesCount + " lanes", achieved, s == null ? null : s.p50(), s == null ? null : s.p95(),
                    s == null ? null : s.p99(), extras, note));
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** How many of the {@code total} scheduled commands fall to lane {@code j} of {@code lanes}. */
    static long dueCount(long total, int lanes, int j) {
        return total <= j ? 0 : (total - j + lanes - 1) / lanes;
    }
}
