package org.impactledger.infra.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.List;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;

/**
 * Axon's Micrometer metrics, without the capacity monitor on event processors.
 *
 * <p>Axon's {@code CapacityMonitor} keeps every handled message's duration in a sliding time window
 * ({@code SlidingTimeWindowReservoir}, a skip list of two boxed longs per message), per processor. While
 * the ten read models were built from a million events at start-up it held about 1.8 million entries:
 * with a 256 MB heap the old generation filled up and the JVM spent most of its time in full collections
 * (114 of them, 113 s), and without a heap limit the process grew to 5.9 GB. Counters, timers and
 * latency per processor stay; the ledger's own {@code ledger.processor.lag} shows how far behind each is.
 */
public class EventProcessorMetricRegistry extends GlobalMetricRegistry {

    public EventProcessorMetricRegistry(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String eventProcessorName,
                                                                          Function<Message<?>, Iterable<Tag>> tagsBuilder,
                                                                          Function<Message<?>, Iterable<Tag>> latencyTagsBuilder) {
        MeterRegistry registry = getRegistry();
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(eventProcessorName, registry, tagsBuilder),
                EventProcessorLatencyMonitor.builder().meterNamePrefix(eventProcessorName).meterRegistry(registry)
                        .tagsBuilder(latencyTagsBuilder).build(),
                MessageCountingMonitor.buildMonitor(eventProcessorName, registry, tagsBuilder)));
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String eventProcessorName,
                                                                          Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return registerEventProcessor(eventProcessorName, tagsBuilder, tagsBuilder);
    }
}
