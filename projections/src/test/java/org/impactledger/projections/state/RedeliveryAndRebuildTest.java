package org.impactledger.projections.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.impactledger.projections.state.LedgerHistory.CONTRACT;
import static org.impactledger.projections.state.LedgerHistory.FUND;
import static org.impactledger.projections.state.LedgerHistory.INVESTOR_A;
import static org.impactledger.projections.state.LedgerHistory.outcome;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.impactledger.core.contract.event.OutcomePaymentApproved;
import org.impactledger.core.contract.event.OutcomePaymentExecuted;
import org.impactledger.core.contract.event.OutcomeReported;
import org.impactledger.core.contract.query.FindContract;
import org.impactledger.core.contract.query.FindOutcome;
import org.impactledger.core.fund.event.CapitalReceived;
import org.impactledger.core.fund.event.DistributionMade;
import org.impactledger.core.fund.query.FindFund;
import org.impactledger.core.fund.query.FindFundInvestors;
import org.impactledger.projections.state.contract.OutcomeStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/**
 * Idempotence and rebuilds on PostgreSQL: an event delivered again changes no row, and emptying
 * the tables and replaying the history (what a token reset does) gives exactly the rows that the
 * incremental build gave, however often it is done.
 */
class RedeliveryAndRebuildTest {

    private static StateViews views;

    @BeforeAll
    static void database() {
        views = new StateViews(TestDatabases.postgres());
    }

    @BeforeEach
    void emptyTables() {
        views.reset();
    }

    @Test
    void applying_the_same_fund_event_twice_leaves_the_same_rows() {
        List<Recorded> events = LedgerHistory.outcomeFund().events();
        Recorded received = first(events, CapitalReceived.class);
        views.applyAll(events.subList(0, events.indexOf(received) + 1));
        Map<String, List<Map<String, Object>>> once = views.dump();

        views.apply(received);

        assertThat(views.dump()).isEqualTo(once);
        assertThat(views.fundQueries.handle(new FindFund(FUND)).paidIn()).isEqualTo(new BigDecimal("300000.00"));
        assertThat(views.fundQueries.handle(new FindFund(FUND)).cash()).isEqualTo(new BigDecimal("300000.00"));
    }

    @Test
    void applying_the_same_distribution_twice_pays_each_investor_once() {
        List<Recorded> events = LedgerHistory.outcomeFund().events();
        Recorded distribution = first(events, DistributionMade.class);
        views.applyAll(events);
        Map<String, List<Map<String, Object>>> once = views.dump();

        views.apply(distribution);

        assertThat(views.dump()).isEqualTo(once);
        assertThat(views.fundQueries.handle(new FindFundInvestors(FUND)))
                .filteredOn(i -> i.investorId().equals(INVESTOR_A.value()))
                .singleElement()
                .satisfies(i -> assertThat(i.profitDistributed()).isEqualTo(new BigDecimal("3000.00")));
    }

    @Test
    void applying_the_same_contract_events_twice_leaves_the_same_rows() {
        List<Recorded> events = LedgerHistory.outcomeFund().events();
        Recorded reported = first(events, OutcomeReported.class);
        Recorded executed = first(events, OutcomePaymentExecuted.class);
        views.applyAll(events.subList(0, events.indexOf(executed) + 1));
        Map<String, List<Map<String, Object>>> once = views.dump();

        views.apply(executed);
        views.apply(reported);

        assertThat(views.dump()).isEqualTo(once);
        assertThat(views.contractQueries.handle(new FindContract(CONTRACT)).paidTotal()).isEqualTo(new BigDecimal("2400.00"));
        assertThat(views.contractQueries.handle(new FindContract(CONTRACT)).outcomeCount()).isEqualTo(1);
    }

    @Test
    void an_older_event_delivered_late_does_not_undo_a_later_one() {
        List<Recorded> events = LedgerHistory.outcomeFund().events();
        views.applyAll(events);
        Recorded o2Approved = events.stream()
                .filter(r -> r.payload() instanceof OutcomePaymentApproved a && a.outcomeId().equals(outcome("o-2")))
                .findFirst()
                .orElseThrow();
        Map<String, List<Map<String, Object>>> before = views.dump();

        views.apply(o2Approved);

        assertThat(views.dump()).isEqualTo(before);
        assertThat(views.contractQueries.handle(new FindOutcome(CONTRACT, outcome("o-2"))).status()).isEqualTo(OutcomeStatus.VERIFIED);
    }

    @Test
    void delivering_the_whole_history_a_second_time_changes_no_row() {
        List<Recorded> events = LedgerHistory.outcomeFund().events();
        views.applyAll(events);
        Map<String, List<Map<String, Object>>> once = views.dump();

        views.applyAll(events);

        assertThat(views.dump()).isEqualTo(once);
    }

    @Test
    void rebuilding_from_scratch_gives_the_rows_of_the_incremental_build_every_time() {
        List<Recorded> events = LedgerHistory.outcomeFund().events();
        // incremental, at least once: batches of five, each delivered again from its start after a "crash"
        for (int start = 0; start < events.size(); start += 5) {
            List<Recorded> batch = events.subList(start, Math.min(start + 5, events.size()));
            views.applyAll(batch.subList(0, (batch.size() + 1) / 2));
            views.applyAll(batch);
        }
        Map<String, List<Map<String, Object>>> incremental = views.dump();
        assertThat(incremental.get("outcome_view")).hasSize(7);

        views.reset();
        assertThat(views.rows("fund_view") + views.rows("contract_view") + views.rows("outcome_view")).isZero();
        views.applyAll(events);
        Map<String, List<Map<String, Object>>> firstRebuild = views.dump();

        views.reset();
        views.applyAll(events);
        Map<String, List<Map<String, Object>>> secondRebuild = views.dump();

        assertThat(firstRebuild).isEqualTo(incremental);
        assertThat(secondRebuild).isEqualTo(incremental);
    }

    @Test
    void an_event_that_fails_half_way_changes_nothing_and_applies_in_full_when_delivered_again() {
        List<Recorded> events = LedgerHistory.outcomeFund().events();
        Recorded reported = first(events, OutcomeReported.class);
        views.applyAll(events.subList(0, events.indexOf(reported)));
        // a stray row makes the outcome insert fail after the contract's counter was already moved
        views.jdbc.sql("""
                        INSERT INTO outcome_view (contract_id, outcome_id, fund_id, beneficiary_id, metric_code, outcome_date, quantity,
                            currency, status, reported_at)
                        VALUES ('contract-employment', 'o-1', 'fund-torino', 'stray', 'X', DATE '2026-01-01', 1, 'EUR', 'REPORTED',
                            TIMESTAMP '2026-01-01 00:00:00')""").update();
        Map<String, List<Map<String, Object>>> before = views.dump();

        assertThatThrownBy(() -> views.apply(reported)).isInstanceOf(DuplicateKeyException.class);
        assertThat(views.dump()).isEqualTo(before);

        views.jdbc.sql("DELETE FROM outcome_view WHERE beneficiary_id = 'stray'").update();
        views.apply(reported);
        assertThat(views.contractQueries.handle(new FindContract(CONTRACT)).outcomeCount()).isEqualTo(1);
        assertThat(views.contractQueries.handle(new FindOutcome(CONTRACT, outcome("o-1"))).beneficiaryId()).isEqualTo("ben-1");
    }

    private static Recorded first(List<Recorded> events, Class<?> type) {
        return events.stream().filter(r -> type.isInstance(r.payload())).findFirst().orElseThrow();
    }
}
