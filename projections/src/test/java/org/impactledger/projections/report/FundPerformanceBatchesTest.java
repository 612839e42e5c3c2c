package org.impactledger.projections.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.impactledger.projections.state.LedgerHistory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fund performance projection as a tracking processor drives it on PostgreSQL: a batch of events
 * in one batching unit of work and one transaction, its flows and running totals held until the
 * unit of work commits ({@code FundPerformanceWrites}). Whatever the batch size, the flows and totals
 * equal those of applying event by event, through distributions of several shares, reservations,
 * releases, payments and refunds; a batch delivered again, wholly or partly, changes nothing.
 */
class FundPerformanceBatchesTest {

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
    void batches_of_any_size_give_the_flows_and_totals_of_event_by_event_application() {
        for (List<TrackedEventMessage<?>> events : histories()) {
            views.assertBatchesGiveEventByEventTables(events, "perf_flow", "perf_flow_total", "perf_fund");
        }
    }

    @Test
    void a_batch_delivered_again_changes_nothing_and_a_half_applied_batch_is_completed() {
        for (List<TrackedEventMessage<?>> events : histories()) {
            views.assertRedeliveriesChangeNothing(events);
            assertThat(views.dump().get("perf_flow_total")).isNotEmpty();
        }
    }

    private static List<List<TrackedEventMessage<?>>> histories() {
        return List.of(ReportHistory.of(LedgerHistory.outcomeFund()).events(), FastReportsTest.history().events());
    }
}
