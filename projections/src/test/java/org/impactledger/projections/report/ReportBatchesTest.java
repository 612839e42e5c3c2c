package org.impactledger.projections.report;

import static org.assertj.core.api.Assertions.assertThat;

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
                    "payment_audit_list", "payment_audit_day", "perf_flow", "perf_flow_total", "perf_flow_period", "perf_fund");
        }
    }

    @Test
    void a_batch_delivered_again_changes_nothing_and_a_half_applied_batch_is_completed() {
        for (List<TrackedEventMessage<?>> events : histories()) {
            views.assertRedeliveriesChangeNothing(events);
        }
    }

    /**
     * The tables a batch looks its events up in (by event id, all at once) keep planner statistics
     * from their first rows: without any, PostgreSQL kept a plan made on the empty table and scanned
     * the whole table at every batch (4.6 ms a batch on perf_flow at 14,500 rows under live load).
     */
    @Test
    void the_tables_looked_up_by_event_id_are_analyzed_from_their_first_rows() {
        assertThat(reltuples("perf_flow")).isEqualTo(-1);
        assertThat(reltuples("payment_audit_step")).isEqualTo(-1);
        views.inBatch(ReportHistory.of(LedgerHistory.outcomeFund()).events());
        assertThat(reltuples("perf_flow")).isPositive();
        assertThat(reltuples("payment_audit_step")).isPositive();
    }

    private static double reltuples(String table) {
        return views.jdbc.sql("SELECT reltuples FROM pg_class WHERE oid = to_regclass(:table)").param("table", table).query(Double.class)
                .single();
    }

    private static List<List<TrackedEventMessage<?>>> histories() {
        return List.of(ReportHistory.of(LedgerHistory.outcomeFund()).events(), FastReportsTest.history().events());
    }
}
