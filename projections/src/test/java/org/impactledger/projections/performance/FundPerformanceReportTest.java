package org.impactledger.projections.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.fund.event.CapitalCommitted;
import org.impactledger.core.fund.event.ValuationRecorded;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.projections.performance.FundPerformance.BudgetUse;
import org.impactledger.projections.performance.FundPerformance.ContractUse;
import org.impactledger.projections.performance.FundPerformance.InvestorSummary;
import org.impactledger.projections.report.ReportDatabases;
import org.impactledger.projections.report.ReportHistory;
import org.impactledger.projections.report.ReportViews;
import org.impactledger.projections.report.TimeTravel;
import org.impactledger.projections.state.LedgerHistory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fund performance report on PostgreSQL, over the shared outcome-fund history
 * ({@link LedgerHistory#outcomeFund()}): two investors pay in 300,000 (2026-01-30) and 200,000
 * (2026-01-31) of 1,000,000 committed; 50,000 is distributed on 2026-06-30 (27,000 + 3,000 and
 * 18,000 + 2,000); the NAV is 460,000 at 2026-06-30, and a restated 450,000 at 2026-03-31 is recorded
 * afterwards. IRRs were computed independently by bisection (see {@code XirrTest}).
 */
class FundPerformanceReportTest {

    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    private static ReportViews views;
    private static ReportHistory history;

    @BeforeAll
    static void database() {
        views = new ReportViews(ReportDatabases.postgres());
        history = ReportHistory.of(LedgerHistory.outcomeFund());
    }

    @BeforeEach
    void build() {
        views.reset();
        views.applyAll(history.events());
    }

    private static FundPerformance fund(String asOf, Instant knownAt) {
        return views.performanceQueries.handle(new FindFundPerformance(LedgerHistory.FUND,
                new TimeTravel(asOf == null ? null : LocalDate.parse(asOf), knownAt)));
    }

    private static InvestorPerformance investor(InvestorId investor, String asOf, Instant knownAt) {
        return views.performanceQueries.handle(new FindInvestorPerformance(LedgerHistory.FUND, investor,
                new TimeTravel(asOf == null ? null : LocalDate.parse(asOf), knownAt)));
    }

    /**
     * A commitment dated in the year 10000 (accepted before input dates had a window) counts in the
     * report as of now: committed 1500.00, as the fund's state says, and not 1000.00.
     */
    @Test
    void a_commitment_dated_after_the_year_9999_counts_as_of_now() {
        ReportHistory far = ReportHistory.of(LedgerHistory.outcomeFund()
                .then(new CapitalCommitted(LedgerHistory.OTHER_FUND, LedgerHistory.INVESTOR_A, LedgerHistory.eur("1000.00"),
                        LedgerHistory.eur("1000.00"), LocalDate.parse("2026-01-10")))
                .then(new CapitalCommitted(LedgerHistory.OTHER_FUND, LedgerHistory.INVESTOR_B, LedgerHistory.eur("500.00"),
                        LedgerHistory.eur("500.00"), LocalDate.parse("+10000-01-01"))));
        views.reset();
        views.applyAll(far.events());

        FundPerformance fund = views.performanceQueries.handle(new FindFundPerformance(LedgerHistory.OTHER_FUND, new TimeTravel(null, LATER)));
        assertThat(fund.committed()).isEqualTo(new BigDecimal("1500.00"));
        FundPerformance before = views.performanceQueries.handle(new FindFundPerformance(LedgerHistory.OTHER_FUND,
                new TimeTravel(LocalDate.parse("9999-12-31"), LATER)));
        assertThat(before.committed()).isEqualTo(new BigDecimal("1000.00"));
    }

    @Test
    void the_fund_shows_its_capital_multiples_and_irr_from_contributions_distributions_and_the_latest_valuation() {
        FundPerformance fund = fund(null, LATER);

        assertThat(fund.currency()).isEqualTo("EUR");
        assertThat(fund.committed()).isEqualTo(new BigDecimal("1000000.00"));
        assertThat(fund.paidIn()).isEqualTo(new BigDecimal("500000.00"));
        assertThat(fund.distributed()).isEqualTo(new BigDecimal("50000.00"));
        assertThat(fund.returnOfCapital()).isEqualTo(new BigDecimal("45000.00"));
        assertThat(fund.profit()).isEqualTo(new BigDecimal("5000.00"));
        // the valuation dated 2026-06-30 is the latest by valuation date, although the restated one was recorded after it
        assertThat(fund.valuation().valuationDate()).isEqualTo(LocalDate.parse("2026-06-30"));
        assertThat(fund.residualValue()).isEqualTo(new BigDecimal("460000.00"));
        // DPI 50,000 / 500,000; RVPI 460,000 / 500,000
        assertThat(fund.dpi()).isEqualTo(new BigDecimal("0.1000"));
        assertThat(fund.rvpi()).isEqualTo(new BigDecimal("0.9200"));
        assertThat(fund.tvpi()).isEqualTo(new BigDecimal("1.0200"));
        assertThat(fund.irr().rate()).isEqualByComparingTo("0.049165");
        assertThat(fund.cashFlows()).extracting(CashFlow::date, CashFlow::kind, CashFlow::amount).containsExactly(
                tuple(LocalDate.parse("2026-01-30"), "CONTRIBUTION", new BigDecimal("-300000.00")),
                tuple(LocalDate.parse("2026-01-31"), "CONTRIBUTION", new BigDecimal("-200000.00")),
                tuple(LocalDate.parse("2026-06-30"), "DISTRIBUTION", new BigDecimal("50000.00")),
                tuple(LocalDate.parse("2026-06-30"), "RESIDUAL_VALUE", new BigDecimal("460000.00")));
        assertThat(fund.cashFlows()).allSatisfy(f -> assertThat(f.eventId()).startsWith("evt-"));
    }

    @Test
    void fund_flows_outcome_payments_against_caps_and_budgets_and_cost_per_verified_outcome() {
        FundPerformance fund = fund(null, LATER);

        // cash = 500,000 + 4,000 received − 100,000 advanced − 50,000 distributed − 1,600 refunded
        assertThat(fund.fundFlows()).isEqualTo(new FundPerformance.FundFlows(new BigDecimal("100000.00"), new BigDecimal("4000.00"),
                new BigDecimal("1600.00"), new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("352400.00")));
        // employment: 2,400 + 800 + 1,600 reserved − 800 released − 1,600 refunded = 2,400 approved; training: 1,200 approved, unpaid
        assertThat(fund.contracts()).extracting(ContractUse::contractId, ContractUse::cap, ContractUse::approved, ContractUse::paid,
                ContractUse::remaining).containsExactly(
                tuple("contract-employment", new BigDecimal("200000.00"), new BigDecimal("2400.00"), new BigDecimal("2400.00"),
                        new BigDecimal("197600.00")),
                tuple("contract-training", new BigDecimal("50000.00"), new BigDecimal("1200.00"), new BigDecimal("0.00"),
                        new BigDecimal("48800.00")));
        assertThat(fund.budgets()).containsExactly(new BudgetUse("budget-comune", "payer-comune-torino", new BigDecimal("250000.00"),
                new BigDecimal("1200.00"), new BigDecimal("2400.00"), new BigDecimal("246400.00")));
        // four verified outcomes (employment o-1, o-2, o-3; training o-1); 2,400 paid / 4
        assertThat(fund.outcomes()).isEqualTo(new FundPerformance.OutcomeCost(4, new BigDecimal("2400.00"), new BigDecimal("600.00")));
        assertThat(fund.investors()).containsExactly(
                new InvestorSummary("inv-banca", new BigDecimal("400000.00"), new BigDecimal("200000.00"), new BigDecimal("20000.00"),
                        new BigDecimal("184000.00")),
                new InvestorSummary("inv-fondazione", new BigDecimal("600000.00"), new BigDecimal("300000.00"), new BigDecimal("30000.00"),
                        new BigDecimal("276000.00")));
    }

    @Test
    void an_investor_sees_its_own_flows_and_its_pro_rata_part_of_the_net_asset_value() {
        InvestorPerformance a = investor(LedgerHistory.INVESTOR_A, null, LATER);

        assertThat(a.committed()).isEqualTo(new BigDecimal("600000.00"));
        assertThat(a.paidIn()).isEqualTo(new BigDecimal("300000.00"));
        assertThat(a.distributed()).isEqualTo(new BigDecimal("30000.00"));
        assertThat(a.returnOfCapital()).isEqualTo(new BigDecimal("27000.00"));
        assertThat(a.profit()).isEqualTo(new BigDecimal("3000.00"));
        // 460,000 × 300,000 / 500,000
        assertThat(a.residualValue()).isEqualTo(new BigDecimal("276000.00"));
        assertThat(a.residualShare().investorPaidIn()).isEqualTo(new BigDecimal("300000.00"));
        assertThat(a.residualShare().fundPaidIn()).isEqualTo(new BigDecimal("500000.00"));
        assertThat(a.dpi()).isEqualTo(new BigDecimal("0.1000"));
        assertThat(a.rvpi()).isEqualTo(new BigDecimal("0.9200"));
        assertThat(a.tvpi()).isEqualTo(new BigDecimal("1.0200"));
        assertThat(a.irr().rate()).isEqualByComparingTo("0.049031");
        assertThat(a.cashFlows()).extracting(CashFlow::kind, CashFlow::investorId, CashFlow::amount).containsExactly(
                tuple("CONTRIBUTION", "inv-fondazione", new BigDecimal("-300000.00")),
                tuple("DISTRIBUTION", "inv-fondazione", new BigDecimal("30000.00")),
                tuple("RESIDUAL_VALUE", "inv-fondazione", new BigDecimal("276000.00")));
    }

    /**
     * What an investor reads of the fund's report: the fund's IRR, and cash flows that give it: its own
     * contribution named, the other investor's unnamed, the distribution and the NAV as the fund's.
     */
    @Test
    void read_by_one_investor_the_fund_report_names_only_its_flows_and_its_flows_still_give_the_funds_irr() {
        FundPerformance fund = fund(null, LATER);

        FundPerformance read = fund.readBy(LedgerHistory.INVESTOR_A.value()::equals);

        assertThat(read.cashFlows()).extracting(CashFlow::date, CashFlow::kind, CashFlow::investorId, CashFlow::amount).containsExactly(
                tuple(LocalDate.parse("2026-01-30"), "CONTRIBUTION", "inv-fondazione", new BigDecimal("-300000.00")),
                tuple(LocalDate.parse("2026-01-31"), "CONTRIBUTION", null, new BigDecimal("-200000.00")),
                tuple(LocalDate.parse("2026-06-30"), "DISTRIBUTION", null, new BigDecimal("50000.00")),
                tuple(LocalDate.parse("2026-06-30"), "RESIDUAL_VALUE", null, new BigDecimal("460000.00")));
        assertThat(read.cashFlows().get(1).eventId()).isNull();
        assertThat(read.irr()).isEqualTo(fund.irr());
        assertThat(Xirr.solve(read.cashFlows().stream().map(f -> new DatedFlow(f.date(), f.amount())).toList())).isEqualTo(fund.irr());
        assertThat(read.irr().rate()).isCloseTo(IndependentXirr.of(read.cashFlows()), within(new BigDecimal("0.000001")));
        assertThat(read.investors()).extracting(InvestorSummary::investorId).containsExactly("inv-fondazione");
        assertThat(read.toString()).doesNotContain("inv-banca");
        // the fund's figures stay the fund's
        assertThat(read.paidIn()).isEqualTo(fund.paidIn());
        assertThat(read.residualValue()).isEqualTo(fund.residualValue());
        assertThat(read.fundFlows()).isEqualTo(fund.fundFlows());
        // a reader who sees every investor reads the report as it is
        assertThat(fund.readBy(investor -> true)).isEqualTo(fund);
    }

    /** Other investors paying in on the same day are one unnamed flow of that day: no one's contribution can be told apart. */
    @Test
    void the_contributions_of_investors_a_reader_may_not_see_are_summed_per_date_into_one_unnamed_flow() {
        LocalDate day1 = LocalDate.parse("2026-01-30");
        LocalDate day2 = LocalDate.parse("2026-02-27");
        LocalDate valued = LocalDate.parse("2026-12-31");
        List<CashFlow> flows = List.of(new CashFlow(day1, CashFlow.CONTRIBUTION, "inv-a", new BigDecimal("-100.00"), "e-1"),
                new CashFlow(day1, CashFlow.CONTRIBUTION, "inv-b", new BigDecimal("-200.00"), "e-2"),
                new CashFlow(day2, CashFlow.CONTRIBUTION, "inv-c", new BigDecimal("-50.00"), "e-3"),
                new CashFlow(valued, CashFlow.RESIDUAL_VALUE, null, new BigDecimal("400.00"), "e-4"));
        XirrResult irr = Xirr.solve(flows.stream().map(f -> new DatedFlow(f.date(), f.amount())).toList());
        FundPerformance fund = new FundPerformance("f", "F", "EUR", null, LATER, null, new BigDecimal("350.00"), null, null, null,
                new BigDecimal("400.00"), null, null, null, null, irr, flows, null, null, List.of(), List.of(), List.of(
                new InvestorSummary("inv-a", null, new BigDecimal("100.00"), null, null),
                new InvestorSummary("inv-b", null, new BigDecimal("200.00"), null, null),
                new InvestorSummary("inv-c", null, new BigDecimal("50.00"), null, null)));

        FundPerformance byA = fund.readBy("inv-a"::equals);
        FundPerformance byNobody = fund.readBy(investor -> false);

        assertThat(byA.cashFlows()).extracting(CashFlow::date, CashFlow::investorId, CashFlow::amount, CashFlow::eventId).containsExactly(
                tuple(day1, "inv-a", new BigDecimal("-100.00"), "e-1"),
                tuple(day1, null, new BigDecimal("-200.00"), null),
                tuple(day2, null, new BigDecimal("-50.00"), null),
                tuple(valued, null, new BigDecimal("400.00"), "e-4"));
        assertThat(byNobody.cashFlows()).extracting(CashFlow::date, CashFlow::investorId, CashFlow::amount).containsExactly(
                tuple(day1, null, new BigDecimal("-300.00")),
                tuple(day2, null, new BigDecimal("-50.00")),
                tuple(valued, null, new BigDecimal("400.00")));
        assertThat(byA.investors()).extracting(InvestorSummary::investorId).containsExactly("inv-a");
        assertThat(byNobody.investors()).isEmpty();
        for (FundPerformance read : List.of(byA, byNobody)) {
            assertThat(Xirr.solve(read.cashFlows().stream().map(f -> new DatedFlow(f.date(), f.amount())).toList())).isEqualTo(irr);
            assertThat(read.irr()).isEqualTo(irr);
        }
    }

    /** Should a flow of another kind ever name an investor, its unnamed sum keeps that kind. */
    @Test
    void an_unnamed_sum_keeps_the_kind_of_the_flows_it_sums() {
        LocalDate day = LocalDate.parse("2026-06-30");
        List<CashFlow> flows = List.of(new CashFlow(day, CashFlow.CONTRIBUTION, "inv-b", new BigDecimal("-100.00"), "e-1"),
                new CashFlow(day, CashFlow.DISTRIBUTION, "inv-b", new BigDecimal("30.00"), "e-2"),
                new CashFlow(day, CashFlow.DISTRIBUTION, "inv-c", new BigDecimal("20.00"), "e-2"));
        FundPerformance fund = new FundPerformance("f", "F", "EUR", null, LATER, null, null, null, null, null, null, null, null, null, null,
                XirrResult.none(Xirr.NO_SIGN_CHANGE, 0), flows, null, null, List.of(), List.of(), List.of());

        assertThat(fund.readBy("inv-a"::equals).cashFlows()).extracting(CashFlow::kind, CashFlow::investorId, CashFlow::amount).containsExactly(
                tuple(CashFlow.CONTRIBUTION, null, new BigDecimal("-100.00")),
                tuple(CashFlow.DISTRIBUTION, null, new BigDecimal("50.00")));
    }

    @Test
    void as_of_a_date_before_the_distribution_the_restated_valuation_is_the_residual_value() {
        FundPerformance fund = fund("2026-04-30", LATER);

        assertThat(fund.valuation().valuationDate()).isEqualTo(LocalDate.parse("2026-03-31"));
        assertThat(fund.residualValue()).isEqualTo(new BigDecimal("450000.00"));
        assertThat(fund.distributed()).isEqualTo(new BigDecimal("0.00"));
        assertThat(fund.dpi()).isEqualTo(new BigDecimal("0.0000"));
        assertThat(fund.rvpi()).isEqualTo(new BigDecimal("0.9000"));
        assertThat(fund.tvpi()).isEqualTo(new BigDecimal("0.9000"));
        assertThat(fund.irr().rate()).isEqualByComparingTo("-0.475467");
    }

    @Test
    void as_known_before_the_restated_valuation_was_recorded_there_is_no_residual_value_and_no_irr() {
        Instant restated = history.events().stream().filter(e -> e.getPayload() instanceof ValuationRecorded v
                && v.asOf().equals(LocalDate.parse("2026-03-31"))).findFirst().orElseThrow().getTimestamp();

        FundPerformance fund = fund("2026-04-30", restated.minusNanos(1000));

        assertThat(fund.valuation()).isNull();
        assertThat(fund.residualValue()).isNull();
        assertThat(fund.dpi()).isEqualTo(new BigDecimal("0.0000"));
        assertThat(fund.rvpi()).isNull();
        assertThat(fund.tvpi()).isNull();
        assertThat(fund.irr().rate()).isNull();
        assertThat(fund.irr().reason()).isEqualTo("no sign change in flows");
        assertThat(investor(LedgerHistory.INVESTOR_B, "2026-04-30", restated.minusNanos(1000)).residualValue()).isNull();
    }

    @Test
    void as_of_dates_around_a_refunded_payment_differ_in_paid_by_exactly_the_refund() {
        // o-3's 1,600 was received with value date 2026-05-02 and refunded with value date 2026-05-20
        FundPerformance before = fund("2026-05-19", LATER);
        FundPerformance after = fund("2026-05-20", LATER);

        ContractUse employmentBefore = before.contracts().get(0);
        ContractUse employmentAfter = after.contracts().get(0);
        assertThat(employmentBefore.paid()).isEqualTo(new BigDecimal("4000.00"));
        assertThat(employmentBefore.paid().subtract(employmentAfter.paid())).isEqualByComparingTo("1600.00");
        assertThat(employmentBefore.approved().subtract(employmentAfter.approved())).isEqualByComparingTo("1600.00");
        assertThat(before.budgets().get(0).paid().subtract(after.budgets().get(0).paid())).isEqualByComparingTo("1600.00");
        assertThat(before.budgets().get(0).reserved()).isEqualTo(after.budgets().get(0).reserved());
        assertThat(before.fundFlows().cash().subtract(after.fundFlows().cash())).isEqualByComparingTo("1600.00");
    }

    @Test
    void an_unknown_fund_or_an_investor_without_flows_in_the_fund_has_no_report() {
        assertThat(views.performanceQueries.handle(new FindFundPerformance(FundId.of("fund-nowhere"), new TimeTravel(null, LATER))))
                .isNull();
        assertThat(investor(InvestorId.of("inv-stranger"), null, LATER)).isNull();
        assertThat(views.performanceQueries.handle(new FindInvestorPerformance(LedgerHistory.OTHER_FUND, LedgerHistory.INVESTOR_A,
                new TimeTravel(null, LATER)))).isNull();
    }

    @Test
    void a_fund_with_nothing_paid_in_has_no_multiples_and_no_irr() {
        FundPerformance bari = views.performanceQueries.handle(new FindFundPerformance(LedgerHistory.OTHER_FUND,
                new TimeTravel(null, LATER)));

        assertThat(bari.paidIn()).isEqualTo(new BigDecimal("0.00"));
        assertThat(bari.dpi()).isNull();
        assertThat(bari.tvpi()).isNull();
        assertThat(bari.irr().reason()).isEqualTo("fewer than two flows");
        assertThat(bari.outcomes().costPerVerifiedOutcome()).isNull();
    }
}
