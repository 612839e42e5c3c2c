package org.impactledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.impactledger.bench.LedgerClient.Command;
import org.impactledger.bench.LedgerClient.Response;

/**
 * N clients, each a thread of a fixed pool with its own {@link OutcomeFundLane}, each sending its
 * next command as soon as the previous one is answered, for a fixed time. Latency is send to
 * answer read. Bounded: the deadline, a cap on commands per client, and the request timeout.
 */
public final class ClosedLoop {

    static final long MAX_COMMANDS_PER_CLIENT = 10_000_000;

    private ClosedLoop() {
    }

    public static Measurement run(BenchContext context, String lanePrefix, int clients, int seconds) throws Exception {
        List<OutcomeFundLane> lanes = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            lanes.add(new OutcomeFundLane(lanePrefix + "-" + i, context.config().idempotencyKeys()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            setUp(pool, lanes, context.client());
            context.log("  %d lanes set up; waiting for the read models to catch up", clients);
            Projections.awaitCaughtUp(context.client(), context.config().settleTimeout().toNanos());
            context.log("  measuring");

            long headBefore = Projections.head(context.client());
            CpuClock cpu = new CpuClock(context.config().appPid(), context.config().clockTicks());
            CountDownLatch start = new CountDownLatch(1);
            AtomicLong lastAnswer = new AtomicLong();
            List<Future<Recorder>> results = new ArrayList<>();
            long durationNanos = seconds * 1_000_000_000L;
            long[] window = new long[1];
            for (OutcomeFundLane lane : lanes) {
                results.add(pool.submit(() -> {
                    Recorder recorder = new Recorder();
                    start.await();
                    long deadline = window[0] + durationNanos;
                    for (long n = 0; n < MAX_COMMANDS_PER_CLIENT && System.nanoTime() < deadline; n++) {
                        Command command = lane.next();
                        long t0 = System.nanoTime();
                        Response response = context.client().send(command);
                        long t1 = System.nanoTime();
                        recorder.record(command.op(), response, t1 - t0);
                        lane.completed(response.ok());
                        lastAnswer.accumulateAndGet(t1, Math::max);
                        if (Thread.currentThread().isInterrupted()) {
                            break;
                        }
                    }
                    return recorder;
                }));
            }
            CpuClock.Sample cpuStart = cpu.sample();
            window[0] = System.nanoTime();
            start.countDown();

            Recorder total = new Recorder();
            boolean complete = true;
            long waitUntil = window[0] + durationNanos + context.config().requestTimeout().toNanos() + 10_000_000_000L;
            for (Future<Recorder> f : results) {
                long left = Math.max(1, waitUntil - System.nanoTime());
                try {
                    total.merge(f.get(left, TimeUnit.NANOSECONDS));
                } catch (java.util.concurrent.TimeoutException e) {
                    complete = false;
                    f.cancel(true);
                }
            }
            CpuClock.Usage usage = cpu.sample().since(cpuStart);
            long elapsed = lastAnswer.get() > window[0] ? lastAnswer.get() - window[0] : durationNanos;
            long headAfter = Projections.head(context.client());
            double settle = Projections.awaitCaughtUp(context.client(), context.config().settleTimeout().toNanos());
            return new Measurement(clients, total, elapsed / 1e9, headBefore, headAfter, usage, settle, complete);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    static void setUp(ExecutorService pool, List<OutcomeFundLane> lanes, LedgerClient client) throws Exception {
        List<Future<?>> setups = new ArrayList<>();
        for (OutcomeFundLane lane : lanes) {
            setups.add(pool.submit(() -> lane.setUp(client)));
        }
        for (Future<?> f : setups) {
            try {
                f.get(120, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            }
        }
    }

    /**
     * A run's outcome: what the clients recorded, over how long (first send to last answer), the
     * events appended (head of the store before and after), CPU use, and how long the read models
     * took to catch up afterwards (-1: not within the settle timeout).
     */
    public record Measurement(int clients, Recorder recorder, double seconds, long headBefore, long headAfter, CpuClock.Usage cpu,
                              double settleSeconds, boolean complete) {

        public double throughput() {
            return recorder.ok() / seconds;
        }

        public Long events() {
            return headBefore < 0 || headAfter < 0 ? null : headAfter - headBefore;
        }
    }
}
