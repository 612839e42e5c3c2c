package org.impactledger.infra.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.Test;

/** Every component Axon registers with its default tags is measured by the ledger's monitors. */
class LedgerMetricRegistryTest {

    private final LedgerMetricRegistry metrics = new LedgerMetricRegistry(new SimpleMeterRegistry());

    @Test
    void buses_and_event_processors_get_the_monitors_that_find_their_meters_once() {
        assertThat(metrics.registerComponentWithDefaultTags(CommandBus.class, "commandBus")).isInstanceOf(BusMonitor.class);
        assertThat(metrics.registerComponentWithDefaultTags(QueryBus.class, "queryBus")).isInstanceOf(BusMonitor.class);
        assertThat(metrics.registerComponentWithDefaultTags(QueryUpdateEmitter.class, "queryUpdateEmitter")).isInstanceOf(BusMonitor.class);
        assertThat(metrics.registerComponentWithDefaultTags(EventBus.class, "eventStore")).isInstanceOf(BusMonitor.class);
        assertThat(metrics.registerComponentWithDefaultTags(TrackingEventProcessor.class, "journal")).isInstanceOf(EventProcessorMonitor.class);
    }

    @Test
    void so_do_they_without_tags() {
        assertThat(metrics.registerComponent(CommandBus.class, "commandBus")).isInstanceOf(BusMonitor.class);
        assertThat(metrics.registerComponent(QueryBus.class, "queryBus")).isInstanceOf(BusMonitor.class);
        assertThat(metrics.registerComponent(QueryUpdateEmitter.class, "queryUpdateEmitter")).isInstanceOf(BusMonitor.class);
        assertThat(metrics.registerComponent(EventBus.class, "eventStore")).isInstanceOf(BusMonitor.class);
        assertThat(metrics.registerComponent(TrackingEventProcessor.class, "journal")).isInstanceOf(EventProcessorMonitor.class);
    }
}
