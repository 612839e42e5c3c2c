package org.impactledger.infra.axon;

import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Axon's event processing configuration, with every tracking processor (the read models) built around a
 * {@link ReadModelHandlerInvoker}. Axon's Spring Boot configuration defines this bean only when the application has
 * none, and still registers the processors of {@code axon.eventhandling.processors.*} on it.
 */
public class LedgerEventProcessingModule extends EventProcessingModule {

    @Override
    protected EventProcessor trackingEventProcessor(String name, EventHandlerInvoker eventHandlerInvoker,
                                                    TrackingEventProcessorConfiguration config,
                                                    StreamableMessageSource<TrackedEventMessage<?>> source) {
        return super.trackingEventProcessor(name, new ReadModelHandlerInvoker(eventHandlerInvoker), config, source);
    }
}
