package org.impactledger.projections.sdg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.impactledger.projections.report.ReportDatabases;
import org.impactledger.projections.report.ReportHistory;
import org.impactledger.projections.report.ReportViews;
import org.impactledger.projections.state.LedgerHistory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDG impact projection as a tracking processor drives it on PostgreSQL: a batch of events in
 * one batching unit of work and one transaction, its writes held until the unit of work commits
 * ({@link SdgImpactWrites}). Whatever the batch size, every table (facts, rate cards, contracts,
 * outcome totals, report cells) equals what applying the events one by one gives, through
 * back-dated amendments, shared beneficiaries, withdrawals, housing and exchange outcomes; a batch
 * delivered again, wholly or partly, alone or with new events, changes nothing.
 */
class SdgImpactBatchesTest {

    private static ReportViews views;

    @BeforeAll
    static void database() {
        views = new ReportViews(ReportDatabases.postgres());
    }

    @BeforeEach
    void emptyTables() {
        views.reset();
    }

    @Test
    void batches_of_any_size_give_the_tables_of_event_by_event_application() {
        for (List<TrackedEventMessage<?>> events : histories()) {
            views.assertBatchesGiveEventByEventTables(events, "sdg_outcome_fact", "sdg_impact_line_period");
        }
    }

    @Test
    void a_batch_delivered_again_changes_nothing() {
        List<TrackedEventMessage<?>> events = SdgImpactTotalsTest.amendedSharedAndWithdrawn().events();
        views.inBatches(events, 10);
        Map<String, List<Map<String, Object>>> once = views.dump();

        views.inBatch(events.subList(5, 25));
        assertThat(views.dump()).isEqualTo(once);

        views.inBatches(events, 7);
        assertThat(views.dump()).isEqualTo(once);
    }

    @Test
    void a_batch_that_repeats_applied_events_before_new_ones_applies_only_the_new_ones() {
        for (List<TrackedEventMessage<?>> events : histories()) {
            views.assertRedeliveriesChangeNothing(events);
        }
    }

    /**
     * On H2 too (the database of the README's run command), with the other report projections: the
     * batch's reads ahead (array parameters, UNNEST) and the payment lists' numbering (MERGE).
     */
    @Test
    void on_h2_batches_of_any_size_give_the_tables_of_event_by_event_application() {
        ReportViews h2 = new ReportViews(ReportDatabases.h2("sdg_batches"));
        for (List<TrackedEventMessage<?>> events : histories()) {
            h2.assertBatchesGiveEventByEventTables(events, "sdg_outcome_fact", "sdg_impact_outcome",
                    "sdg_impact_line_period");
        }
    }

    private static List<List<TrackedEventMessage<?>>> histories() {
        return List.of(ReportHistory.of(LedgerHistory.outcomeFund()).events(), SdgImpactTotalsTest.amendedSharedAndWithdrawn().events(),
                SdgHousingAndExchangeOutcomesTest.history().events());
    }
}
