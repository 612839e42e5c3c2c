package org.impactledger.projections.state.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.impactledger.projections.state.LedgerHistory.BUDGET;
import static org.impactledger.projections.state.LedgerHistory.FUND;
import static org.impactledger.projections.state.LedgerHistory.INVESTOR_A;
import static org.impactledger.projections.state.LedgerHistory.INVESTOR_B;
import static org.impactledger.projections.state.LedgerHistory.OTHER_FUND;
import static org.impactledger.projections.state.LedgerHistory.PAYER;
import static org.impactledger.projections.state.LedgerHistory.START;
import static org.impactledger.projections.state.LedgerHistory.eur;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.fund.event.CapitalCalled;
import org.impactledger.core.fund.event.CapitalCommitted;
import org.impactledger.core.fund.event.CapitalReceived;
import org.impactledger.core.fund.event.FundOpened;
import org.impactledger.core.fund.event.OutcomeBudgetCommitted;
import org.impactledger.core.fund.event.PropertyAcquisitionPaid;
import org.impactledger.core.fund.event.RentIncomeReceived;
import org.impactledger.core.fund.event.RentIncomeReversed;
import org.impactledger.core.fund.query.FindFund;
import org.impactledger.core.fund.query.FindFundBudgets;
import org.impactledger.core.fund.query.FindPayerBudgets;
import org.impactledger.core.fund.query.FindFundInvestors;
import org.impactledger.core.fund.query.ListFunds;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.projections.state.LedgerHistory;
import org.impactledger.projections.state.Page;
import org.impactledger.projections.state.StateViews;
import org.impactledger.projections.state.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fund-state read model on PostgreSQL: figures of funds, investors and outcome budgets. */
class FundStateProjectionTest {

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
    void a_fund_shows_capital_committed_called_and_paid_in_in_total_and_per_investor() {
        views.applyAll(LedgerHistory.outcomeFund().events());

        FundView fund = views.fundQueries.handle(new FindFund(FUND));
        assertThat(fund.committed()).isEqualTo(money("1000000.00"));
        assertThat(fund.called()).isEqualTo(money("500000.00"));
        assertThat(fund.paidIn()).isEqualTo(money("500000.00"));

        assertThat(views.fundQueries.handle(new FindFundInvestors(FUND))).containsExactly(
                new FundInvestorView(FUND.value(), INVESTOR_B.value(), "EUR", money("400000.00"), money("200000.00"),
                        money("200000.00"), money("18000.00"), money("2000.00")),
                new FundInvestorView(FUND.value(), INVESTOR_A.value(), "EUR", money("600000.00"), money("300000.00"),
                        money("300000.00"), money("27000.00"), money("3000.00")));
    }

    @Test
    void cash_is_paid_in_plus_outcome_payments_received_less_advances_distributions_and_refunds() {
        views.applyAll(LedgerHistory.outcomeFund().events());

        FundView fund = views.fundQueries.handle(new FindFund(FUND));
        assertThat(fund.outcomePaymentsReceived()).isEqualTo(money("4000.00"));
        assertThat(fund.advanced()).isEqualTo(money("100000.00"));
        assertThat(fund.distributed()).isEqualTo(money("50000.00"));
        assertThat(fund.refunded()).isEqualTo(money("1600.00"));
        assertThat(fund.cash()).isEqualTo(money("352400.00"));
    }

    @Test
    void a_housing_fund_pays_properties_from_cash_and_receives_rent_net_of_reversed_collections() {
        PropertyId property = PropertyId.of("prop-cigna-14");
        LeaseId lease = LeaseId.of("lease-1");
        LedgerHistory history = new LedgerHistory()
                .then(new FundOpened(FUND, "Homes4All Torino", "EUR", "Homes4All SGR", new BigDecimal("1.20")))
                .then(new CapitalCommitted(FUND, INVESTOR_A, eur("600000"), eur("600000"), LocalDate.parse("2026-01-10")))
                .then(new CapitalCalled(FUND, "call-1", INVESTOR_A, eur("500000"), LocalDate.parse("2026-01-31")))
                .then(new CapitalReceived(FUND, "call-1", INVESTOR_A, eur("500000"), LocalDate.parse("2026-01-30"), "BNK-IN-1"))
                .then(new PropertyAcquisitionPaid(FUND, property, eur("420000"), LocalDate.parse("2026-02-20")))
                .then(new RentIncomeReceived(FUND, property, lease, "coll-1", "2026-03", eur("400"), LocalDate.parse("2026-03-05"), "R-1"))
                .then(new RentIncomeReceived(FUND, property, lease, "coll-2", "2026-04", eur("250.50"), LocalDate.parse("2026-04-05"), "R-2"))
                .then(new RentIncomeReversed(FUND, property, lease, "coll-2", "2026-04", eur("250.50"), "returned by the bank",
                        LocalDate.parse("2026-04-20")));
        views.applyAll(history.events());
        views.applyAll(history.events()); // delivered again: nothing changes

        FundView fund = views.fundQueries.handle(new FindFund(FUND));
        assertThat(fund.propertyAcquisitions()).isEqualTo(money("420000.00"));
        assertThat(fund.rentIncome()).isEqualTo(money("400.00"));
        // 500,000.00 paid in − 420,000.00 + 400.00 + 250.50 − 250.50
        assertThat(fund.cash()).isEqualTo(money("80400.00"));
    }

    @Test
    void a_budget_is_reserved_by_approvals_paid_on_receipt_and_freed_by_a_release_or_a_refund() {
        views.applyAll(LedgerHistory.outcomeFund().events());

        List<BudgetView> budgets = views.fundQueries.handle(new FindFundBudgets(FUND));
        assertThat(budgets).containsExactly(new BudgetView(FUND.value(), BUDGET.value(), PAYER.value(), "EUR",
                money("250000.00"), money("1200.00"), money("2400.00"), "D11B21000190006", "M5C2I1.3"));
        assertThat(budgets.get(0).available()).isEqualTo(money("246400.00"));
    }

    @Test
    void a_payer_is_known_by_the_budgets_it_committed_in_any_fund_and_a_payer_without_one_is_not() {
        views.applyAll(LedgerHistory.outcomeFund().then(new OutcomeBudgetCommitted(OTHER_FUND, BudgetId.of("budget-bari"), PAYER,
                eur("1000"), null, LocalDate.parse("2026-03-01"))).events());

        assertThat(views.fundQueries.handle(new FindPayerBudgets(PAYER)))
                .extracting(BudgetView::fundId, BudgetView::budgetId, BudgetView::committed)
                .containsExactly(tuple(OTHER_FUND.value(), "budget-bari", money("1000.00")), tuple(FUND.value(), BUDGET.value(), money("250000.00")));
        assertThat(views.fundQueries.handle(new FindPayerBudgets(PayerId.of("payer-nowhere")))).isEmpty();
    }

    @Test
    void a_second_commitment_under_the_same_budget_adds_to_it_and_a_budget_without_nrrp_has_no_tag() {
        LedgerHistory history = new LedgerHistory()
                .then(new FundOpened(FUND, "Fondo", "EUR", "Impact SGR", new BigDecimal("1.30")))
                .then(new OutcomeBudgetCommitted(FUND, BUDGET, PAYER, eur("1000"), null, LocalDate.parse("2026-02-01")))
                .then(new OutcomeBudgetCommitted(FUND, BUDGET, PAYER, eur("500.50"), null, LocalDate.parse("2026-03-01")));
        views.applyAll(history.events());

        assertThat(views.fundQueries.handle(new FindFundBudgets(FUND))).singleElement().satisfies(budget -> {
            assertThat(budget.committed()).isEqualTo(money("1500.50"));
            assertThat(budget.nrrpCup()).isNull();
            assertThat(budget.nrrpMeasure()).isNull();
        });
    }

    @Test
    void the_latest_valuation_by_date_stays_even_when_a_back_dated_one_is_recorded_after_it() {
        views.applyAll(LedgerHistory.outcomeFund().events());

        FundView fund = views.fundQueries.handle(new FindFund(FUND));
        assertThat(fund.latestNav()).isEqualTo(money("460000.00"));
        assertThat(fund.latestNavDate()).isEqualTo(LocalDate.parse("2026-06-30"));
    }

    @Test
    void a_fund_keeps_its_terms_and_the_time_of_its_opening_event_rather_than_the_clock() {
        views.applyAll(LedgerHistory.outcomeFund().events());

        FundView fund = views.fundQueries.handle(new FindFund(FUND));
        assertThat(fund.name()).isEqualTo("Fondo Esiti Torino");
        assertThat(fund.currency()).isEqualTo("EUR");
        assertThat(fund.manager()).isEqualTo("Impact SGR");
        assertThat(fund.returnCapMultiple()).isEqualTo(new BigDecimal("1.3"));
        assertThat(fund.openedAt()).isEqualTo(START);
        assertThat(fund.lastEventIndex()).isEqualTo(19);
    }

    @Test
    void an_investors_commitment_is_the_running_total_carried_by_the_event() {
        LedgerHistory history = new LedgerHistory()
                .then(new FundOpened(FUND, "Fondo", "EUR", "Impact SGR", new BigDecimal("1.30")))
                .then(new CapitalCommitted(FUND, INVESTOR_A, eur("100"), eur("100"), LocalDate.parse("2026-01-01")))
                .then(new CapitalCommitted(FUND, INVESTOR_A, eur("50"), eur("150"), LocalDate.parse("2026-01-02")))
                .then(new CapitalReceived(FUND, "call-1", INVESTOR_B, eur("10"), LocalDate.parse("2026-01-03"), "BNK"));
        views.applyAll(history.events());

        assertThat(views.fundQueries.handle(new FindFundInvestors(FUND)))
                .extracting(FundInvestorView::investorId, FundInvestorView::committed, FundInvestorView::paidIn, FundInvestorView::uncalled)
                .containsExactly(
                        tuple(INVESTOR_B.value(), money("0.00"), money("10.00"), money("0.00")),
                        tuple(INVESTOR_A.value(), money("150.00"), money("0.00"), money("150.00")));
        assertThat(views.fundQueries.handle(new FindFund(FUND)).committed()).isEqualTo(money("150.00"));
    }

    @Test
    void an_unknown_fund_is_answered_with_null_and_with_empty_lists() {
        views.applyAll(LedgerHistory.outcomeFund().events());

        FundId unknown = FundId.of("fund-nowhere");
        assertThat(views.fundQueries.handle(new FindFund(unknown))).isNull();
        assertThat(views.fundQueries.handle(new FindFundInvestors(unknown))).isEmpty();
        assertThat(views.fundQueries.handle(new FindFundBudgets(unknown))).isEmpty();
    }

    @Test
    void an_event_for_a_fund_that_was_never_opened_is_skipped() {
        views.apply(new LedgerHistory()
                .then(new CapitalReceived(FundId.of("fund-ghost"), "call-1", INVESTOR_A, eur("10"), LocalDate.parse("2026-01-03"), "BNK"))
                .last());

        assertThat(views.rows("fund_view")).isZero();
        assertThat(views.rows("fund_investor_view")).isZero();
    }

    @Test
    void funds_are_listed_by_id_in_pages_of_at_most_two_hundred() {
        views.applyAll(LedgerHistory.outcomeFund().events());

        Page<FundView> all = views.fundQueries.handle(new ListFunds(0, 1000));
        assertThat(all.size()).isEqualTo(200);
        assertThat(all.total()).isEqualTo(2);
        assertThat(all.items()).extracting(FundView::fundId).containsExactly(OTHER_FUND.value(), FUND.value());

        Page<FundView> second = views.fundQueries.handle(new ListFunds(1, 1));
        assertThat(second.items()).extracting(FundView::fundId).containsExactly(FUND.value());
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(1);
        assertThat(second.total()).isEqualTo(2);

        assertThat(views.fundQueries.handle(new ListFunds(5, 10)).items()).isEmpty();
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
