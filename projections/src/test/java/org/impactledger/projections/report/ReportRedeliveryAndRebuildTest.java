package org.impactledger.projections.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.impactledger.projections.payments.PaymentAuditProjection;
import org.impactledger.projections.performance.FundPerformanceProjection;
import org.impactledger.projections.sdg.SdgImpactProjection;
import org.impactledger.projections.state.LedgerHistory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Idempotence and rebuilds of the three report projections on PostgreSQL: an event delivered
 * again changes no row, and emptying the tables and replaying the history (what a token reset
 * does) gives exactly the rows of the incremental build, however often it is done.
 */
class ReportRedeliveryAndRebuildTest {

    private static ReportViews views;
    private static List<TrackedEventMessage<?>> events;

    @BeforeAll
    static void database() {
        views = new ReportViews(ReportDatabases.postgres());
        events = ReportHistory.of(LedgerHistory.outcomeFund()).events();
    }

    @BeforeEach
    void emptyTables() {
        views.reset();
    }

    @Test
    void each_event_delivered_twice_in_a_row_leaves_the_rows_of_a_single_delivery() {
        views.applyAll(events);
        Map<String, List<Map<String, Object>>> once = views.dump();
        views.reset();

        for (TrackedEventMessage<?> event : events) {
            views.apply(event);
            views.apply(event);
        }

        assertThat(views.dump()).isEqualTo(once);
    }

    @Test
    void delivering_the_whole_history_a_second_time_changes_no_row() {
        views.applyAll(events);
        Map<String, List<Map<String, Object>>> once = views.dump();

        views.applyAll(events);

        assertThat(views.dump()).isEqualTo(once);
    }

    @Test
    void rebuilding_from_scratch_gives_the_rows_of_the_incremental_build_every_time() {
        // incremental, at least once: batches of five, each delivered again from its start after a "crash"
        for (int start = 0; start < events.size(); start += 5) {
            List<TrackedEventMessage<?>> batch = events.subList(start, Math.min(start + 5, events.size()));
            views.applyAll(batch.subList(0, (batch.size() + 1) / 2));
            views.applyAll(batch);
        }
        Map<String, List<Map<String, Object>>> incremental = views.dump();
        // outcome facts: 7 reports, 4 verifications, 1 withdrawal, 4 approvals, 2 transfers, 2 reversals;
        // fund flows: 2 commitments, 2 contributions, 1 budget, 1 advance, 4 reservations, 1 release, 2 receipts, 1 refund,
        // 2 distribution shares; audit steps: the outcome facts (a rejection is no step)
        assertThat(views.rows("sdg_contract")).isEqualTo(2);
        assertThat(views.rows("sdg_outcome_fact")).isEqualTo(20);
        assertThat(views.rows("perf_flow")).isEqualTo(16);
        assertThat(views.rows("perf_valuation")).isEqualTo(2);
        assertThat(views.rows("payment_audit_step")).isEqualTo(20);

        views.reset();
        assertThat(views.dump().values()).allSatisfy(rows -> assertThat(rows).isEmpty());
        views.applyAll(events);
        Map<String, List<Map<String, Object>>> firstRebuild = views.dump();
        views.reset();
        views.applyAll(events);
        Map<String, List<Map<String, Object>>> secondRebuild = views.dump();

        assertThat(firstRebuild).isEqualTo(incremental);
        assertThat(secondRebuild).isEqualTo(incremental);
    }

    @Test
    void a_replay_after_a_token_reset_records_the_same_global_positions_as_the_first_build() {
        views.applyAll(events);
        Map<String, List<Map<String, Object>>> firstBuild = views.dump();
        TrackingToken tokenAtReset = new GlobalSequenceTrackingToken(events.size());

        views.reset();
        // during a replay Axon hands the handlers a ReplayToken wrapping the event's own position
        views.applyAll(events.stream().map(e -> e.withTrackingToken(ReplayToken.createReplayToken(tokenAtReset, e.trackingToken())))
                .toList());

        assertThat(views.dump()).isEqualTo(firstBuild);
        assertThat(views.jdbc.sql("SELECT COUNT(*) FROM payment_audit_step WHERE global_position IS NULL").query(Long.class).single())
                .isZero();
    }

    @Test
    void a_report_asked_as_known_at_a_moment_gives_the_same_answer_after_later_events_arrive() {
        int half = events.size() / 2;
        Instant moment = events.get(half - 1).getTimestamp();
        views.applyAll(events.subList(0, half));
        Object early = views.sdgQueries.handle(new org.impactledger.projections.sdg.SdgImpactQuery(null, null, null, null, null, null,
                new TimeTravel(null, moment)));

        views.applyAll(events.subList(half, events.size()));

        assertThat(views.sdgQueries.handle(new org.impactledger.projections.sdg.SdgImpactQuery(null, null, null, null, null, null,
                new TimeTravel(null, moment)))).isEqualTo(early);
    }

    @Test
    void each_report_is_built_by_its_own_named_processing_group() {
        assertThat(SdgImpactProjection.class.getAnnotation(ProcessingGroup.class).value()).isEqualTo("sdg-impact");
        assertThat(FundPerformanceProjection.class.getAnnotation(ProcessingGroup.class).value()).isEqualTo("fund-performance");
        assertThat(PaymentAuditProjection.class.getAnnotation(ProcessingGroup.class).value()).isEqualTo("payment-audit");
    }
}
