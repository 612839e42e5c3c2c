package org.impactledger.projections.sdg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.projections.report.ReportDatabases;
import org.impactledger.projections.report.ReportHistory;
import org.impactledger.projections.report.ReportViews;
import org.impactledger.projections.report.TimeTravel;
import org.impactledger.projections.sdg.SdgImpactReport.Amounts;
import org.impactledger.projections.sdg.SdgImpactReport.GoalLine;
import org.impactledger.projections.sdg.SdgImpactReport.MetricLine;
import org.impactledger.projections.sdg.SdgImpactReport.TargetLine;
import org.impactledger.projections.state.LedgerHistory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDG impact report on PostgreSQL, over the shared outcome-fund history ({@link LedgerHistory#outcomeFund()}).
 *
 * <p>Hand count. Employment contract: EMP-6M serves 8.5 and 10.2 until the amendment of 2026-07-01,
 * then 8.5 only; TRAIN-H serves 4.4. o-1 (TRAIN-H, ben-1, 8 hours) verified, approved and paid 2,400;
 * o-2 (EMP-6M, ben-2, 1) verified, its approval of 800 reversed; o-3 (EMP-6M, ben-3, 2) verified,
 * 1,600 paid then reversed; o-4 (TRAIN-H) rejected; o-5 (TRAIN-H) withdrawn unverified; o-6 (EMP-6M,
 * 2026-07-10) only reported. Training contract: o-1 (TRAIN-H, ben-9, 4 hours) verified and approved
 * 1,200, unpaid.
 */
class SdgImpactReportTest {

    private static ReportViews views;

    @BeforeAll
    static void database() {
        views = new ReportViews(ReportDatabases.postgres());
    }

    @BeforeEach
    void emptyTables() {
        views.reset();
    }

    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    private static SdgImpactReport report(SdgImpactQuery query) {
        return views.sdgQueries.handle(query);
    }

    private static SdgImpactQuery all(LocalDate asOf, Instant knownAt) {
        return new SdgImpactQuery(null, null, null, null, null, null, new TimeTravel(asOf, knownAt));
    }

    @Test
    void each_outcome_counts_under_every_target_of_its_rate_card_version_and_once_in_the_totals() {
        views.applyAll(ReportHistory.of(LedgerHistory.outcomeFund()).events());

        SdgImpactReport report = report(all(null, LATER));

        assertThat(report.goals()).extracting(GoalLine::goal, GoalLine::label)
                .containsExactly(tuple(4, "Quality education"), tuple(8, "Decent work and economic growth"), tuple(10, "Reduced inequalities"));
        // 4.4 TRAIN-H: o-1 and the training contract's o-1 verified (8 + 4 hours); o-4 and o-5 not; paid 2,400 / 12 hours = 200
        assertThat(metric(report, "4.4", "TRAIN-H")).isEqualTo(new MetricLine("TRAIN-H", "EUR", 2, new BigDecimal("12"), 2,
                new BigDecimal("3600.00"), new BigDecimal("2400.00"), new BigDecimal("200.00")));
        // 8.5 EMP-6M: o-2 and o-3 verified (1 + 2), both payments reversed (nothing paid: cost 0 / 3 = 0.00),
        // o-6 (after the amendment, 8.5 only) unverified
        assertThat(metric(report, "8.5", "EMP-6M")).isEqualTo(new MetricLine("EMP-6M", "EUR", 2, new BigDecimal("3"), 2,
                new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("0.00")));
        // 10.2 EMP-6M: the same two outcomes; o-6 is priced by the amended card, which no longer serves 10.2
        assertThat(metric(report, "10.2", "EMP-6M")).isEqualTo(new MetricLine("EMP-6M", "EUR", 2, new BigDecimal("3"), 2,
                new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("0.00")));
        TargetLine education = target(report, "4.4");
        assertThat(education.label()).isEqualTo("More youth and adults with skills for employment and entrepreneurship");
        assertThat(education.money()).containsExactly(new Amounts("EUR", new BigDecimal("3600.00"), new BigDecimal("2400.00"),
                new BigDecimal("1200.00")));

        // six verified outcomes on the tree's lines, four distinct ones in the totals: paid 2,400 / 4 = 600
        assertThat(report.goals().stream().mapToLong(GoalLine::verifiedOutcomes).sum()).isEqualTo(6);
        assertThat(report.totals().verifiedOutcomes()).isEqualTo(4);
        assertThat(report.totals().distinctBeneficiaries()).isEqualTo(4);
        assertThat(report.totals().money()).containsExactly(new Amounts("EUR", new BigDecimal("3600.00"), new BigDecimal("2400.00"),
                new BigDecimal("600.00")));
        assertThat(report.attribution()).contains("attribution, not summation");
    }

    @Test
    void as_of_a_date_before_a_reversal_the_payment_counts_and_after_it_the_figures_drop_by_exactly_the_reversed_amount() {
        views.applyAll(ReportHistory.of(LedgerHistory.outcomeFund()).events());

        // o-3's 1,600 was paid with value date 2026-05-02 and reversed with value date 2026-05-20
        MetricLine before = metric(report(all(LocalDate.parse("2026-05-19"), LATER)), "8.5", "EMP-6M");
        MetricLine after = metric(report(all(LocalDate.parse("2026-05-20"), LATER)), "8.5", "EMP-6M");

        assertThat(before.moneyPaid()).isEqualByComparingTo("1600.00");
        assertThat(before.moneyApproved()).isEqualByComparingTo("1600.00");
        assertThat(before.costPerVerifiedOutcome()).isEqualByComparingTo("533.33");
        assertThat(before.moneyPaid().subtract(after.moneyPaid())).isEqualByComparingTo("1600.00");
        assertThat(before.moneyApproved().subtract(after.moneyApproved())).isEqualByComparingTo("1600.00");
        assertThat(after.verifiedOutcomes()).isEqualTo(before.verifiedOutcomes());
    }

    @Test
    void as_known_before_the_reversal_was_recorded_the_payment_still_counts() {
        ReportHistory history = ReportHistory.of(LedgerHistory.outcomeFund());
        views.applyAll(history.events());
        Instant reversalRecorded = history.events().stream()
                .filter(e -> e.getPayload() instanceof org.impactledger.core.contract.event.OutcomePaymentReversed r && r.wasExecuted())
                .findFirst().orElseThrow().getTimestamp();

        MetricLine knownBefore = metric(report(all(null, reversalRecorded.minusNanos(1000))), "8.5", "EMP-6M");
        MetricLine knownAt = metric(report(all(null, reversalRecorded)), "8.5", "EMP-6M");

        assertThat(knownBefore.moneyPaid()).isEqualByComparingTo("1600.00");
        assertThat(knownAt.moneyPaid()).isEqualByComparingTo("0.00");
    }

    @Test
    void nothing_recorded_yet_gives_an_empty_tree_and_zero_totals() {
        views.applyAll(ReportHistory.of(LedgerHistory.outcomeFund()).events());

        SdgImpactReport report = report(all(null, LedgerHistory.START.minusSeconds(1)));

        assertThat(report.goals()).isEmpty();
        assertThat(report.totals().verifiedOutcomes()).isZero();
        assertThat(report.totals().money()).isEmpty();
    }

    @Test
    void filters_by_contract_fund_payer_and_outcome_period_select_the_outcomes_they_name() {
        views.applyAll(ReportHistory.of(LedgerHistory.outcomeFund()).events());
        TimeTravel now = new TimeTravel(null, LATER);

        SdgImpactReport training = report(new SdgImpactQuery(null, null, LedgerHistory.SECOND_CONTRACT, null, null, null, now));
        assertThat(training.totals().verifiedOutcomes()).isEqualTo(1);
        assertThat(training.goals()).extracting(GoalLine::goal).containsExactly(4);

        SdgImpactReport otherFund = report(new SdgImpactQuery(null, FundId.of("fund-bari"), null, null, null, null, now));
        assertThat(otherFund.goals()).isEmpty();

        SdgImpactReport payer = report(new SdgImpactQuery(Programme.OUTCOME_FUND, LedgerHistory.FUND, null, LedgerHistory.PAYER, null, null, now));
        assertThat(payer.totals().verifiedOutcomes()).isEqualTo(4);
        // every outcome of the history is this fund's and this payer's: the same tree, each attributed by its rate card
        assertThat(payer.goals()).isEqualTo(report(all(null, LATER)).goals()).isNotEmpty();
        assertThat(report(new SdgImpactQuery(null, null, null, LedgerHistory.PAYER, null, null, now)).goals()).isEqualTo(payer.goals());
        SdgImpactReport otherPayer = report(new SdgImpactQuery(null, null, null, PayerId.of("payer-regione"), null, null, now));
        assertThat(otherPayer.totals().verifiedOutcomes()).isZero();

        // 2026-Q2 = outcome dates 2026-04-01 .. 2026-06-30: o-3 (verified), o-4, o-5
        SdgImpactQuery secondQuarter = SdgImpactQuery.parse(null, null, null, null, "2026-Q2", "2026-Q2", now);
        assertThat(secondQuarter.periodFrom()).isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(secondQuarter.periodTo()).isEqualTo(LocalDate.parse("2026-06-30"));
        SdgImpactReport quarter = report(secondQuarter);
        assertThat(quarter.totals().verifiedOutcomes()).isEqualTo(1);
        assertThat(metric(quarter, "8.5", "EMP-6M").verifiedQuantity()).isEqualByComparingTo("2");
        assertThat(metric(quarter, "4.4", "TRAIN-H").verifiedOutcomes()).isZero();
        assertThat(metric(quarter, "4.4", "TRAIN-H").costPerVerifiedOutcome()).as("nothing verified: no cost").isNull();
    }

    @Test
    void withdrawing_a_verified_outcome_takes_back_its_verified_quantity() {
        LedgerHistory h = LedgerHistory.outcomeFund();
        h.reported(LedgerHistory.CONTRACT, "o-7", "ben-7", LedgerHistory.TRAINING, "2026-Q3", "2026-08-01", "6")
                .then(new org.impactledger.core.contract.event.OutcomeVerified(LedgerHistory.CONTRACT, LedgerHistory.outcome("o-7"),
                        new BigDecimal("6"), null, "verifier-anna"));
        ReportHistory history = ReportHistory.of(h);
        views.applyAll(history.events());
        Instant verified = history.last().getTimestamp();
        assertThat(metric(report(all(null, verified)), "4.4", "TRAIN-H").verifiedQuantity()).isEqualByComparingTo("18");

        views.applyAll(ReportHistory.of(h.then(new org.impactledger.core.contract.event.OutcomeWithdrawn(LedgerHistory.CONTRACT,
                LedgerHistory.outcome("o-7"), "duplicate of o-1", "provider-dario"))).events());

        MetricLine afterWithdrawal = metric(report(all(null, LATER)), "4.4", "TRAIN-H");
        assertThat(afterWithdrawal.verifiedQuantity()).isEqualByComparingTo("12");
        assertThat(afterWithdrawal.verifiedOutcomes()).isEqualTo(2);
        assertThat(metric(report(all(null, verified)), "4.4", "TRAIN-H").verifiedQuantity()).isEqualByComparingTo("18");
    }

    @Test
    void bad_filter_values_are_refused_naming_the_field() {
        TimeTravel now = new TimeTravel(null, LATER);
        assertRefused(() -> SdgImpactQuery.parse("SOCIAL_BONDS", null, null, null, null, null, now), ErrorCode.UNKNOWN_CODE, "programme");
        assertRefused(() -> SdgImpactQuery.parse(null, "bad fund", null, null, null, null, now), ErrorCode.INVALID_VALUE, "fundId");
        assertRefused(() -> SdgImpactQuery.parse(null, null, "c/1", null, null, null, now), ErrorCode.INVALID_VALUE, "contractId");
        assertRefused(() -> SdgImpactQuery.parse(null, null, null, "p?", null, null, now), ErrorCode.INVALID_VALUE, "payerId");
        assertRefused(() -> SdgImpactQuery.parse(null, null, null, null, "2026-Q5", null, now), ErrorCode.INVALID_VALUE, "periodFrom");
        assertRefused(() -> SdgImpactQuery.parse(null, null, null, null, null, "2026-13", now), ErrorCode.INVALID_VALUE, "periodTo");
        assertRefused(() -> SdgImpactQuery.parse(null, null, null, null, "2026-07", "2026-Q2", now), ErrorCode.DATE_OUT_OF_RANGE, "periodTo");
        assertThat(SdgImpactQuery.parse(null, " ", "", null, null, null, now))
                .extracting(SdgImpactQuery::fundId, SdgImpactQuery::contractId).containsExactly(null, null);
        assertThat(SdgImpactQuery.parse(" outcome_fund ", null, null, null, "2026", "2026-03-15", now))
                .extracting(SdgImpactQuery::programme, SdgImpactQuery::periodFrom, SdgImpactQuery::periodTo)
                .containsExactly(Programme.OUTCOME_FUND, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-15"));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    static TargetLine target(SdgImpactReport report, String code) {
        return report.goals().stream().flatMap(g -> g.targets().stream()).filter(t -> t.target().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no target " + code + " in " + report));
    }

    static MetricLine metric(SdgImpactReport report, String target, String metric) {
        List<MetricLine> lines = target(report, target).metrics().stream().filter(m -> m.metricCode().equals(metric)).toList();
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }
}
