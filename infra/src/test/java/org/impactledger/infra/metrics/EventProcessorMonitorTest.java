package org.impactledger.infra.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

/**
 * The event processors' meters keep Axon's names and tags, are built once per payload type, and an
 * event without a handler is counted but not timed.
 */
class EventProcessorMonitorTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicInteger tagsBuilt = new AtomicInteger();
    private final EventProcessorMonitor monitor = new EventProcessorMonitor("eventProcessor", registry,
            message -> {
                tagsBuilt.incrementAndGet();
                return Tags.of("processorName", "fund-state", "payloadType", message.getPayloadType().getSimpleName());
            },
            message -> Tags.of("processorName", "fund-state"));

    @Test
    void handled_failed_and_ignored_events_are_counted_and_timed_per_payload_type() {
        monitor.onMessageIngested(event("a", 1L)).reportSuccess();
        monitor.onMessageIngested(event("b", 2L)).reportSuccess();
        monitor.onMessageIngested(event("c", 3L)).reportFailure(new IllegalStateException("boom"));
        monitor.onMessageIngested(event("d", 4)).reportIgnored();

        Tags longs = Tags.of("processorName", "fund-state", "payloadType", "Long");
        Tags integers = Tags.of("processorName", "fund-state", "payloadType", "Integer");
        assertThat(registry.get("eventProcessor.ingestedCounter").tags(longs).counter().count()).isEqualTo(3);
        assertThat(registry.get("eventProcessor.successCounter").tags(longs).counter().count()).isEqualTo(2);
        assertThat(registry.get("eventProcessor.failureCounter").tags(longs).counter().count()).isEqualTo(1);
        assertThat(registry.get("eventProcessor.processedCounter").tags(longs).counter().count()).isEqualTo(3);
        assertThat(registry.get("eventProcessor.successTimer").tags(longs).timer().count()).isEqualTo(2);
        assertThat(registry.get("eventProcessor.failureTimer").tags(longs).timer().count()).isEqualTo(1);
        assertThat(registry.get("eventProcessor.allTimer").tags(longs).timer().count()).isEqualTo(3);
        assertThat(registry.get("eventProcessor.ignoredCounter").tags(integers).counter().count()).isEqualTo(1);
        assertThat(registry.get("eventProcessor.allTimer").tags(integers).timer().count()).isZero();
        assertThat(registry.find("eventProcessor.ignoredTimer").meters()).isEmpty();
    }

    @Test
    void meters_are_looked_up_once_per_payload_type_and_latency_is_the_age_of_the_last_event() {
        for (int i = 0; i < 100; i++) {
            monitor.onMessageIngested(event("e" + i, (long) i)).reportSuccess();
        }
        monitor.onMessageIngested(event("old", "text", Instant.now().minusSeconds(60))).reportSuccess();

        assertThat(tagsBuilt).hasValue(2);
        double latency = registry.get("eventProcessor.latency").tags("processorName", "fund-state").gauge().value();
        assertThat(latency).isBetween(59_000.0, 120_000.0);
    }

    private static GenericEventMessage<Object> event(String id, Object payload) {
        return event(id, payload, Instant.now());
    }

    private static GenericEventMessage<Object> event(String id, Object payload, Instant timestamp) {
        return new GenericEventMessage<>(id, payload, java.util.Map.of(), timestamp);
    }

}
