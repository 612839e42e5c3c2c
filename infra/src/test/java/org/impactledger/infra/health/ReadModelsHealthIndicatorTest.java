package org.impactledger.infra.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The indicator against real Axon tracking processors (on Axon's in-memory event storage: what is
 * checked is the processors' states, not storage): a handler that throws an exception keeps its
 * processor retrying, a processing loop that dies on an {@link Error} halts it, and only the halt
 * makes the node DOWN.
 */
class ReadModelsHealthIndicatorTest {

    private Configuration configuration;

    @AfterEach
    void shutDown() {
        if (configuration != null) {
            configuration.shutdown();
        }
    }

    @Test
    void upWhileEveryProcessorRunsDownWhenOneHalted() {
        start();
        assertThat(health().getStatus()).isEqualTo(Status.UP);
        assertThat(details("quiet")).containsEntry("state", "running");

        publish("boom-error");
        waitFor(() -> processor("fragile").isError() && !processor("fragile").isRunning());

        Health health = health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(details("fragile")).containsEntry("state", "halted").containsKey("error");
        assertThat(details("quiet")).containsEntry("state", "running");
    }

    @Test
    void aProcessorRetryingAfterAnExceptionIsReportedButKeepsTheNodeUp() {
        start();
        publish("boom-exception");
        waitFor(() -> processor("fragile").processingStatus().values().stream().anyMatch(s -> s.isErrorState()));

        Health health = health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(details("fragile")).containsEntry("state", "retrying");
        assertThat((String) details("fragile").get("error")).contains("exception on purpose");
    }

    @Test
    void aProcessorStoppedOnPurposeChangesNothing() {
        start();
        processor("quiet").shutDown();

        assertThat(health().getStatus()).isEqualTo(Status.UP);
        assertThat(details("quiet")).containsEntry("state", "stopped").doesNotContainKey("error");
    }

    static final class Quiet {
        @EventHandler
        void on(String event) {
        }
    }

    static final class Fragile {
        @EventHandler
        void on(String event) {
            if ("boom-error".equals(event)) {
                throw new AssertionError("an Error on purpose");
            }
            if ("boom-exception".equals(event)) {
                throw new IllegalStateException("an exception on purpose");
            }
        }
    }

    private void start() {
        Quiet quiet = new Quiet();
        Fragile fragile = new Fragile();
        DefaultConfigurer configurer = (DefaultConfigurer) DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        configurer.eventProcessing()
                .registerTrackingEventProcessor("quiet", org.axonframework.config.Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing())
                .registerTrackingEventProcessor("fragile", org.axonframework.config.Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing())
                .registerEventHandler(c -> quiet)
                .assignHandlerInstancesMatching("quiet", handler -> handler == quiet)
                .registerEventHandler(c -> fragile)
                .assignHandlerInstancesMatching("fragile", handler -> handler == fragile)
                .registerListenerInvocationErrorHandler("fragile", c -> PropagatingErrorHandler.instance())
                .registerErrorHandler("fragile", c -> PropagatingErrorHandler.instance());
        configuration = configurer.start();
        waitFor(() -> processor("quiet").isRunning() && processor("fragile").isRunning());
    }

    private void publish(String payload) {
        configuration.eventStore().publish(List.of(GenericEventMessage.asEventMessage(payload)));
    }

    private StreamingEventProcessor processor(String name) {
        return processing().eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    private EventProcessingConfiguration processing() {
        return configuration.eventProcessingConfiguration();
    }

    private Health health() {
        return new ReadModelsHealthIndicator(processing()).health(true);
    }

    @SuppressWarnings("unchecked")
    private java.util.Map<String, Object> details(String processor) {
        return (java.util.Map<String, Object>) health().getDetails().get(processor);
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 20 s");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
