package org.impactledger.projections.report;

import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.impactledger.projections.state.LedgerHistory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The payment audit and fund performance projections as a tracking processor drives them on
 * PostgreSQL: a batch of events in one batching unit of work and one transaction, their writes held
 * until the unit of work commits ({@code PaymentAuditWrites}: steps, listed payments and counts;
 * {@code FundPerformanceWrites}: flows and running totals). Whatever the batch size, the tables equal
 * those of applying event by event, through reversals, approvals again, distributions of several
 * shares, reservations, releases and refunds; a batch delivered again, wholly or partly, alone or
 * with new events, changes nothing. (The other report tables are compared too: they must come out
 * the same whatever the batching.)
 */
class ReportBatchesTest {

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
            views.assertBatchesGiveEventByEventTables(events, "payment_audit_step", "payment_audit_payment", "payment_audit_count",
                    "payment_audit_list", "perf_flow", "perf_flow_total", "perf_fund");
        }
    }

    @Test
    void a_batch_delivered_again_changes_nothing_and_a_half_applied_batch_is_completed() {
        for (List<TrackedEventMessage<?>> events : histories()) {
            views.assertRedeliveriesChangeNothing(events);
        }
    }

    private static List<List<TrackedEventMessage<?>>> histories() {
        return List.of(ReportHistory.of(LedgerHistory.outcomeFund()).events(), FastReportsTest.history().events());
    }
}
