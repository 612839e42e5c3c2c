package org.impactledger.infra.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * {@code ledger.processor.lag}: how many events each read model is behind the head of the event
 * store (head position minus the slowest segment's position), per processor. Axon's own
 * {@code eventProcessor.latency} says how old the last handled event was; this says how much work
 * is left, which is what to watch during a rebuild.
 */
public class ProcessorLagMetrics implements MeterBinder {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ProcessorLagMetrics(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("ledger.processor.lag", streaming, this::lag)
                        .tag("processor", name)
                        .description("events between the head of the event store and the processor's slowest segment")
                        .baseUnit("events")
                        .register(registry);
            }
        });
    }

    private double lag(StreamingEventProcessor processor) {
        long slowest = ProcessorPositions.slowest(processor);
        if (slowest == Long.MIN_VALUE) {
            return Double.NaN;
        }
        return Math.max(0, ProcessorPositions.head(eventStore) - slowest);
    }
}
