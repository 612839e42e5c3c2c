package org.impactledger.infra.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * The metrics of a message bus (commands, queries, query updates, published events), with the
 * names, tags and timer settings of Axon's own monitors: counters {@code <prefix>.ingestedCounter},
 * {@code .successCounter}, {@code .failureCounter}, {@code .processedCounter}, {@code .ignoredCounter},
 * timers {@code .allTimer}, {@code .successTimer}, {@code .failureTimer}, {@code .ignoredTimer}
 * (with Axon's client-side percentiles), and for handlers the gauge {@code .capacity}: the share of
 * the last ten minutes spent handling messages of that type (2.0 is two threads busy all the time).
 *
 * <p>The meters of a payload type are found in the registry once, at its first message, and kept.
 * The capacity adds each message's duration to one of sixty ten-second slots instead of keeping
 * every duration as Axon's {@code CapacityMonitor} does, so it covers the last 590 to 600 seconds.
 * The tags must depend on the payload type only, as Axon's default tags ({@code payloadType}) do.
 */
final class BusMonitor implements MessageMonitor<Message<?>> {

    static final Duration CAPACITY_WINDOW = Duration.ofMinutes(10);
    private static final int SLOTS = 60;
    /** How long a timer's percentiles keep a sample, as Axon's timers do. */
    private static final Duration PERCENTILE_EXPIRY = Duration.ofMinutes(10);

    private final String prefix;
    private final MeterRegistry registry;
    private final Function<Message<?>, Iterable<Tag>> tags;
    private final boolean capacity;
    private final Clock clock;
    private final Map<Class<?>, Meters> byPayloadType = new ConcurrentHashMap<>();

    private BusMonitor(String prefix, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags, boolean capacity) {
        this.prefix = prefix;
        this.registry = registry;
        this.tags = tags;
        this.capacity = capacity;
        this.clock = registry.config().clock();
    }

    /** A bus whose messages have handlers: counted, timed, and its capacity measured. */
    static BusMonitor withCapacity(String prefix, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags) {
        return new BusMonitor(prefix, registry, tags, true);
    }

    /** A bus that only carries messages (the event bus): counted and timed. */
    static BusMonitor withoutCapacity(String prefix, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags) {
        return new BusMonitor(prefix, registry, tags, false);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters meters = byPayloadType.computeIfAbsent(message.getPayloadType(), type -> new Meters(Tags.of(tags.apply(message))));
        meters.counters.ingested().increment();
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                meters.counters.handled(true);
                meters.timed(meters.successTimer, start);
            }

            @Override
            public void reportFailure(Throwable cause) {
                meters.counters.handled(false);
                meters.timed(meters.failureTimer, start);
            }

            @Override
            public void reportIgnored() {
                meters.counters.ignored().increment();
                meters.timed(meters.ignoredTimer, start);
            }
        };
    }

    private final class Meters {
        final MessageCounters counters;
        final Timer allTimer;
        final Timer successTimer;
        final Timer failureTimer;
        final Timer ignoredTimer;
        final BusyTime busy;

        Meters(Tags tags) {
            counters = MessageCounters.of(registry, prefix, tags);
            allTimer = timer("allTimer", tags);
            successTimer = timer("successTimer", tags);
            failureTimer = timer("failureTimer", tags);
            ignoredTimer = timer("ignoredTimer", tags);
            if (capacity) {
                busy = new BusyTime();
                Gauge.builder(prefix + ".capacity", busy, b -> b.share(clock.monotonicTime()))
                        .tags(tags).strongReference(true).register(registry);
            } else {
                busy = null;
            }
        }

        /** Axon's timer settings, so that dashboards built on its percentiles keep working. */
        private Timer timer(String name, Tags tags) {
            return Timer.builder(prefix + "." + name)
                    .distributionStatisticExpiry(PERCENTILE_EXPIRY)
                    .publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999)
                    .tags(tags)
                    .register(registry);
        }

        void timed(Timer timer, long start) {
            long now = clock.monotonicTime();
            long nanos = now - start;
            timer.record(nanos, TimeUnit.NANOSECONDS);
            allTimer.record(nanos, TimeUnit.NANOSECONDS);
            if (busy != null) {
                busy.add(now, nanos);
            }
        }
    }

    /**
     * Handling time summed per ten-second slot over the last {@link #CAPACITY_WINDOW}: a slot is
     * reused, and first cleared, when its ten seconds come round again.
     */
    static final class BusyTime {
        private static final long SLOT_NANOS = CAPACITY_WINDOW.toNanos() / SLOTS;

        private final long[] slotOf = new long[SLOTS];
        private final long[] nanos = new long[SLOTS];

        BusyTime() {
            Arrays.fill(slotOf, Long.MIN_VALUE);
        }

        synchronized void add(long now, long duration) {
            long slot = Math.floorDiv(now, SLOT_NANOS);
            int i = (int) Math.floorMod(slot, SLOTS);
            if (slotOf[i] != slot) {
                slotOf[i] = slot;
                nanos[i] = 0;
            }
            nanos[i] += duration;
        }

        /** The handling time of the slots within the window ending at {@code now}, as a share of the window. */
        synchronized double share(long now) {
            long current = Math.floorDiv(now, SLOT_NANOS);
            long total = 0;
            for (int i = 0; i < SLOTS; i++) {
                if (slotOf[i] > current - SLOTS && slotOf[i] <= current) {
                    total += nanos[i];
                }
            }
            return (double) total / CAPACITY_WINDOW.toNanos();
        }
    }
}
