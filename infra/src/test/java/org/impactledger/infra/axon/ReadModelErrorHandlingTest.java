package org.impactledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A read model whose handler fails on an event, under real Axon tracking processors: with the
 * ledger's error handling ({@link ReadModelErrorHandling}, registered as the default of every
 * processing group, none named) the processor stops at that event, applies nothing after it, and
 * retries it until the fault is gone; without it Axon logs the failure and moves on, so the read
 * model silently lacks the event for good — what the ledger's fund-state and fund-performance read
 * models could do before.
 */
class ReadModelErrorHandlingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private Configuration configuration;
    private final AtomicBoolean faulty = new AtomicBoolean(true);
    private final Ledger ledger = new Ledger();

    @AfterEach
    void shutDown() {
        if (configuration != null) {
            configuration.shutdown();
        }
    }

    @Test
    void a_failing_event_stops_the_read_model_there_and_is_applied_once_the_fault_is_gone() throws Exception {
        start(true);
        publish("commit-1000", "commit-500-in-year-10000", "commit-250");
        awaitTrue(() -> processor().processingStatus().values().stream().anyMatch(s -> s.isErrorState()));
        Thread.sleep(1_500); // a retry of the failing event has happened by now

        assertThat(ledger.applied).containsExactly("commit-1000");
        assertThat(processor().isRunning()).as("retrying, not halted").isTrue();

        faulty.set(false);
        awaitTrue(() -> ledger.applied.size() == 3);
        assertThat(ledger.applied).containsExactly("commit-1000", "commit-500-in-year-10000", "commit-250");
    }

    @Test
    void without_it_axon_would_skip_the_failing_event_and_apply_the_next_ones() throws Exception {
        start(false);
        publish("commit-1000", "commit-500-in-year-10000", "commit-250");
        awaitTrue(() -> ledger.applied.contains("commit-250"));

        assertThat(ledger.applied).containsExactly("commit-1000", "commit-250");
    }

    @ProcessingGroup("fund-performance")
    final class Ledger {
        final List<String> applied = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(String event) {
            if (faulty.get() && event.contains("year-10000")) {
                throw new IllegalStateException("cannot apply " + event);
            }
            applied.add(event);
        }
    }

    private void start(boolean withLedgerErrorHandling) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        configurer.eventProcessing()
                .registerTrackingEventProcessor("fund-performance", Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing())
                .registerEventHandler(c -> ledger);
        if (withLedgerErrorHandling) {
            ReadModelErrorHandling.stopOnError(configurer);
        }
        configuration = configurer.start();
    }

    private void publish(String... payloads) {
        for (String payload : payloads) {
            configuration.eventStore().publish(List.of(GenericEventMessage.asEventMessage(payload)));
        }
    }

    private StreamingEventProcessor processor() {
        return configuration.eventProcessingConfiguration().eventProcessor("fund-performance", StreamingEventProcessor.class).orElseThrow();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + PATIENCE);
            }
            Thread.sleep(50);
        }
    }
}
