package org.impactledger.infra.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;

/**
 * Axon's Micrometer metrics, with event processors measured by {@link EventProcessorMonitor}.
 *
 * <p>Axon's own set for event processors has two costs a read-model build cannot carry. Its
 * {@code CapacityMonitor} keeps every handled message's duration in a sliding time window
 * ({@code SlidingTimeWindowReservoir}, a skip list of two boxed longs per message), per processor: while
 * the ten read models were built from a million events at start-up it held about 1.8 million entries,
 * and with a 256 MB heap the JVM spent most of its time in full collections (114 of them, 113 s). Its
 * counters and timers look their meters up again for every event (see {@link EventProcessorMonitor}).
 * The meters keep Axon's names and tags; the ledger's own {@code ledger.processor.lag} shows how far
 * behind each processor is.
 */
public class EventProcessorMetricRegistry extends GlobalMetricRegistry {

    public EventProcessorMetricRegistry(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String eventProcessorName,
                                                                          Function<Message<?>, Iterable<Tag>> tagsBuilder,
                                                                          Function<Message<?>, Iterable<Tag>> latencyTagsBuilder) {
        return new EventProcessorMonitor(eventProcessorName, getRegistry(), tagsBuilder, latencyTagsBuilder);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String eventProcessorName,
                                                                          Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return registerEventProcessor(eventProcessorName, tagsBuilder, tagsBuilder);
    }
}
