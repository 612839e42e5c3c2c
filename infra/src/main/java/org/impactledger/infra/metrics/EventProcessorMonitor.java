package org.impactledger.infra.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * The metrics of one event processor, with the names and tags of Axon's own monitors
 * ({@code <prefix>.ingestedCounter}, {@code .successCounter}, {@code .failureCounter},
 * {@code .processedCounter}, {@code .ignoredCounter}, {@code .allTimer}, {@code .successTimer},
 * {@code .failureTimer} per processor and payload type, and the {@code .latency} gauge per processor),
 * at a cost per event that a read-model build can afford.
 *
 * <p>Axon's monitors build the tags and look every meter up in the registry again for each event
 * (five counters and four timers), and their timers keep client-side percentiles (a histogram per
 * percentile window). While the read models were built from a million events at start-up, that was
 * 17.5 % of the JVM's execution samples (JFR, bench/RESULTS.md, 2026-11-28 "fifth session").
 * Here the meters are looked up once per processor and payload type and kept; the timers keep count,
 * total and maximum, and an event a processor has no handler for is counted, not timed.
 *
 * <p>The tags are computed from the first event of each payload type, so they must depend on the
 * payload type and the processor only, as Axon's default tags ({@code payloadType}, {@code processorName}) do.
 */
final class EventProcessorMonitor implements MessageMonitor<EventMessage<?>> {

    private final String prefix;
    private final MeterRegistry registry;
    private final Function<Message<?>, Iterable<Tag>> tags;
    private final Function<Message<?>, Iterable<Tag>> latencyTags;
    private final Map<Class<?>, Meters> byPayloadType = new ConcurrentHashMap<>();
    private volatile AtomicLong latency;

    EventProcessorMonitor(String prefix, MeterRegistry registry,
                          Function<Message<?>, Iterable<Tag>> tags,
                          Function<Message<?>, Iterable<Tag>> latencyTags) {
        this.prefix = prefix;
        this.registry = registry;
        this.tags = tags;
        this.latencyTags = latencyTags;
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        Meters meters = byPayloadType.computeIfAbsent(message.getPayloadType(), type -> new Meters(Tags.of(tags.apply(message))));
        meters.counters.ingested().increment();
        latency(message).set(Math.max(0, registry.config().clock().wallTime() - message.getTimestamp().toEpochMilli()));
        long start = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                meters.handled(true, meters.successTimer, System.nanoTime() - start);
            }

            @Override
            public void reportFailure(Throwable cause) {
                meters.handled(false, meters.failureTimer, System.nanoTime() - start);
            }

            @Override
            public void reportIgnored() {
                meters.counters.ignored().increment();
            }
        };
    }

    private AtomicLong latency(EventMessage<?> message) {
        AtomicLong gauge = latency;
        if (gauge == null) {
            synchronized (this) {
                gauge = latency;
                if (gauge == null) {
                    gauge = registry.gauge(prefix + ".latency", Tags.of(latencyTags.apply(message)), new AtomicLong());
                    latency = gauge;
                }
            }
        }
        return gauge;
    }

    private final class Meters {
        final MessageCounters counters;
        final Timer allTimer;
        final Timer successTimer;
        final Timer failureTimer;

        Meters(Tags tags) {
            counters = MessageCounters.of(registry, prefix, tags);
            allTimer = registry.timer(prefix + ".allTimer", tags);
            successTimer = registry.timer(prefix + ".successTimer", tags);
            failureTimer = registry.timer(prefix + ".failureTimer", tags);
        }

        /** An event handled, with success or failure: its counter and timer, and those of every handled event. */
        void handled(boolean succeeded, Timer timer, long nanos) {
            counters.handled(succeeded);
            timer.record(nanos, TimeUnit.NANOSECONDS);
            allTimer.record(nanos, TimeUnit.NANOSECONDS);
        }
    }
}
