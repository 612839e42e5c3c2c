package org.impactledger.infra.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;

/**
 * A bus's meters keep Axon's names, tags and counting rules, are found once per payload type, and
 * the capacity is the handling time of the last ten minutes as a share of them.
 */
class BusMonitorTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final AtomicInteger tagsBuilt = new AtomicInteger();
    private final BusMonitor monitor = BusMonitor.withCapacity("commandBus", registry, message -> {
        tagsBuilt.incrementAndGet();
        return TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION.apply(message);
    });

    @Test
    void messages_handled_failed_and_ignored_are_counted_and_timed_as_axon_counts_them() {
        handle(monitor, 1L, 5).reportSuccess();
        handle(monitor, 2L, 7).reportSuccess();
        handle(monitor, 3L, 11).reportFailure(new IllegalStateException("refused"));
        handle(monitor, "text", 13).reportIgnored();

        Tags longs = Tags.of("payloadType", "Long");
        Tags strings = Tags.of("payloadType", "String");
        assertThat(count("commandBus.ingestedCounter", longs)).isEqualTo(3);
        assertThat(count("commandBus.successCounter", longs)).isEqualTo(2);
        assertThat(count("commandBus.failureCounter", longs)).isEqualTo(1);
        assertThat(count("commandBus.processedCounter", longs)).isEqualTo(3);
        assertThat(registry.get("commandBus.successTimer").tags(longs).timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(12);
        assertThat(registry.get("commandBus.failureTimer").tags(longs).timer().count()).isEqualTo(1);
        assertThat(registry.get("commandBus.allTimer").tags(longs).timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(23);
        assertThat(count("commandBus.ignoredCounter", strings)).isEqualTo(1);
        assertThat(count("commandBus.processedCounter", strings)).isZero();
        assertThat(registry.get("commandBus.ignoredTimer").tags(strings).timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(13);
        assertThat(registry.get("commandBus.allTimer").tags(strings).timer().count()).isEqualTo(1);
    }

    @Test
    void the_meters_of_a_payload_type_are_found_once_with_axons_percentiles() {
        for (int i = 0; i < 100; i++) {
            handle(monitor, (long) i, 1).reportSuccess();
        }
        handle(monitor, "once", 1).reportSuccess();

        assertThat(tagsBuilt).hasValue(2);
        assertThat(registry.get("commandBus.allTimer").tags("payloadType", "Long").timer().takeSnapshot().percentileValues())
                .hasSize(6);
    }

    @Test
    void capacity_is_the_handling_time_of_the_last_ten_minutes_as_a_share_of_them() {
        // 30 messages of 2 s each, one a minute, ending at 2 s, 62 s, ... 1742 s. At 1800 s the window is
        // the current ten-second slot and the 59 before it (from 1210 s): the last 9 messages, 18 s of 600.
        for (int minute = 0; minute < 30; minute++) {
            handle(monitor, (long) minute, 2_000).reportSuccess();
            clock.add(Duration.ofSeconds(58));
        }
        assertThat(capacity()).isCloseTo(18.0 / 600, offset(1e-9));

        clock.add(Duration.ofMinutes(11));
        assertThat(capacity()).isZero();

        // two threads busy at once count twice
        MonitorCallback first = monitor.onMessageIngested(GenericCommandMessage.asCommandMessage(1L));
        MonitorCallback second = monitor.onMessageIngested(GenericCommandMessage.asCommandMessage(2L));
        clock.add(Duration.ofSeconds(60));
        first.reportSuccess();
        second.reportFailure(new IllegalStateException("refused"));
        assertThat(capacity()).isCloseTo(120.0 / 600, offset(1e-9));
    }

    @Test
    void an_event_bus_is_counted_and_timed_without_a_capacity_gauge() {
        BusMonitor events = BusMonitor.withoutCapacity("eventBus", registry, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION);
        handle(events, 1L, 3).reportSuccess();

        assertThat(count("eventBus.successCounter", Tags.of("payloadType", "Long"))).isEqualTo(1);
        assertThat(registry.find("eventBus.capacity").meters()).isEmpty();
    }

    private double capacity() {
        return registry.get("commandBus.capacity").tags("payloadType", "Long").gauge().value();
    }

    private double count(String name, Tags tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private MonitorCallback handle(BusMonitor bus, Object payload, long millis) {
        Message<?> message = GenericCommandMessage.asCommandMessage(payload);
        MonitorCallback callback = bus.onMessageIngested(message);
        clock.add(Duration.ofMillis(millis));
        return callback;
    }
}
