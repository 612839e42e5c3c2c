package org.impactledger.infra.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * Axon's Micrometer metrics, with the same meter names and tags, measured by monitors that find their
 * meters once: {@link EventProcessorMonitor} for event processors, {@link BusMonitor} for the command
 * bus, the query bus, the query update emitter and the event bus.
 *
 * <p>Axon's own monitors have two costs the ledger cannot carry. Their {@code CapacityMonitor} keeps
 * every handled message's duration in a sliding time window ({@code SlidingTimeWindowReservoir}, a
 * skip list of two boxed longs per message, ten minutes long): while the ten read models were built
 * from a million events at start-up the event processors' windows held about 1.8 million entries,
 * and with a 256 MB heap the JVM spent most of its time in full collections (114 of them, 113 s).
 * And for every message their counters and timers build the tags and look each meter up in the
 * registry again, and the capacity gauge is registered anew: 4.4 % of a command's request-thread
 * time (bench/RESULTS.md, "where a command's request-thread time goes"). The ledger's own
 * {@code ledger.processor.lag} shows how far behind each processor is.
 */
public class LedgerMetricRegistry extends GlobalMetricRegistry {

    public LedgerMetricRegistry(MeterRegistry registry) {
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

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String commandBusName,
                                                                        Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return BusMonitor.withCapacity(commandBusName, getRegistry(), tagsBuilder);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String queryBusName,
                                                                       Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return BusMonitor.withCapacity(queryBusName, getRegistry(), tagsBuilder);
    }

    /** Counted and timed per payload type, as Axon does; an event bus has no capacity gauge. */
    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventBus(String eventBusName,
                                                                    Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return BusMonitor.withoutCapacity(eventBusName, getRegistry(), tagsBuilder);
    }

    // Axon's registrations without tags (axon.metrics.micrometer.dimensional false): the same monitors, the
    // meters of buses and processors tagged by payload type as Axon tags their counters (its timers have no tags)

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String eventProcessorName) {
        return registerEventProcessor(eventProcessorName, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION, message -> Tags.empty());
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String commandBusName) {
        return registerCommandBus(commandBusName, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String queryBusName) {
        return registerQueryBus(queryBusName, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventBus(String eventBusName) {
        return registerEventBus(eventBusName, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION);
    }

    // The query update emitter's registrations are private in Axon, so both ways in are routed here.

    @Override
    public MessageMonitor<? extends Message<?>> registerComponent(Class<?> componentType, String componentName) {
        return QueryUpdateEmitter.class.isAssignableFrom(componentType) ? queryUpdates(componentName)
                : super.registerComponent(componentType, componentName);
    }

    @Override
    public MessageMonitor<? extends Message<?>> registerComponentWithDefaultTags(Class<?> componentType, String componentName) {
        return QueryUpdateEmitter.class.isAssignableFrom(componentType) ? queryUpdates(componentName)
                : super.registerComponentWithDefaultTags(componentType, componentName);
    }

    private MessageMonitor<? extends Message<?>> queryUpdates(String emitterName) {
        return BusMonitor.withCapacity(emitterName, getRegistry(), TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION);
    }
}
