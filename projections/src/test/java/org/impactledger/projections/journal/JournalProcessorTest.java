package org.impactledger.projections.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.projections.state.LedgerHistory.CONTRACT;
import static org.impactledger.projections.state.LedgerHistory.FUND;
import static org.impactledger.projections.state.LedgerHistory.PROVIDER;
import static org.impactledger.projections.state.LedgerHistory.eur;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.impactledger.infra.axon.ReadModelErrorHandling;
import org.impactledger.core.fund.event.DistributionMade;
import org.impactledger.core.fund.event.WorkingCapitalAdvanced;
import org.impactledger.projections.state.LedgerHistory;
import org.impactledger.projections.state.Recorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The journal's tracking processor under Axon, on PostgreSQL: with the error handling of
 * {@link ReadModelErrorHandling}, an entry that does not balance stops the processor at that
 * event — nothing after it is posted — and the processor keeps retrying it, so the journal catches
 * up exactly once the rule is right. Without that configuration Axon would log the failure and post
 * the next events, leaving the entry silently missing: the second test shows that this is what the
 * configuration prevents.
 */
class JournalProcessorTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private JournalTables tables;
    private final AtomicBoolean ruleIsFaulty = new AtomicBoolean(true);
    private final List<Recorded> events = LedgerHistory.outcomeFund()
            .then(new WorkingCapitalAdvanced(FUND, "adv-2", PROVIDER, CONTRACT, eur("1000"), LocalDate.parse("2026-07-01")))
            .events();
    private final Recorded distribution = events.stream().filter(r -> r.payload() instanceof DistributionMade).findFirst().orElseThrow();
    private final Recorded laterAdvance = events.get(events.size() - 1);

    @BeforeEach
    void journalWithAFaultyDistributionRule() {
        FundPostingRules correct = new FundPostingRules();
        PostingRule dropsTheCashLineWhileFaulty = event -> {
            Optional<Posting> posting = correct.post(event);
            if (ruleIsFaulty.get() && event instanceof DistributionMade) {
                return posting.map(p -> new Posting(p.description(), p.valueDate(), p.lines().subList(0, p.lines().size() - 1)));
            }
            return posting;
        };
        tables = new JournalTables(JournalDatabases.postgres(), dropsTheCashLineWhileFaulty);
        tables.reset();
    }

    @Test
    void an_unbalanced_entry_stops_the_journal_processor_which_retries_it_until_the_rule_is_right() throws Exception {
        Configuration axon = start(true);
        try {
            assertThat(axon.eventProcessingConfiguration().listenerInvocationErrorHandler(JournalProjection.PROCESSING_GROUP))
                    .isInstanceOf(PropagatingErrorHandler.class);
            assertThat(axon.eventProcessingConfiguration().errorHandler(JournalProjection.PROCESSING_GROUP))
                    .isInstanceOf(PropagatingErrorHandler.class);
            awaitTrue(() -> tables.count("journal_entry") == 16);
            Thread.sleep(1_500); // at least one retry of the failing event has happened by now

            assertThat(tables.count("journal_entry")).isEqualTo(16);
            assertThat(entryExists(distribution)).isFalse();
            assertThat(entryExists(laterAdvance)).isFalse();

            ruleIsFaulty.set(false);
            awaitTrue(() -> tables.count("journal_entry") == 18);
            assertThat(tables.lines(JournalTables.eventId(distribution))).hasSize(5);
            assertThat(entryExists(laterAdvance)).isTrue();
        } finally {
            axon.shutdown();
        }
    }

    @Test
    void without_the_propagating_error_handler_axon_would_skip_the_entry_and_post_the_next_events() throws Exception {
        Configuration axon = start(false);
        try {
            awaitTrue(() -> entryExists(laterAdvance));

            assertThat(entryExists(distribution)).isFalse();
            assertThat(tables.count("journal_entry"))
                    .as(() -> tables.jdbc.sql("SELECT event_type, recorded_at FROM journal_entry ORDER BY recorded_at").query().listOfRows().toString())
                    .isEqualTo(17);
        } finally {
            axon.shutdown();
        }
    }

    /** An Axon configuration with an in-memory event store holding the history and the journal's tracking processor. */
    private Configuration start(boolean withJournalErrorHandling) {
        // false: no modules found on the class path (the Axon Server connector would try to connect)
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        configurer.eventProcessing()
                .registerTrackingEventProcessor(JournalProjection.PROCESSING_GROUP)
                .registerEventHandler(c -> tables.projection);
        if (withJournalErrorHandling) {
            ReadModelErrorHandling.stopOnError(configurer);
        }
        // the history is in the store before the processor starts, so it reads all of it from the tail in one go
        Configuration axon = configurer.buildConfiguration();
        List<EventMessage<?>> messages = events.stream().<EventMessage<?>>map(r -> JournalTables.message(r, Map.of())).toList();
        axon.eventStore().publish(messages);
        axon.start();
        return axon;
    }

    private boolean entryExists(Recorded r) {
        return tables.jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE entry_id = :id").param("id", JournalTables.eventId(r))
                .query(Long.class).single() == 1;
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
