package org.impactledger.projections.sdg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.projections.state.LedgerHistory.CONTRACT;
import static org.impactledger.projections.state.LedgerHistory.EMPLOYMENT;
import static org.impactledger.projections.state.LedgerHistory.FUND;
import static org.impactledger.projections.state.LedgerHistory.OTHER_FUND;
import static org.impactledger.projections.state.LedgerHistory.SECOND_CONTRACT;
import static org.impactledger.projections.state.LedgerHistory.TRAINING;
import static org.impactledger.projections.state.LedgerHistory.eur;
import static org.impactledger.projections.state.LedgerHistory.outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.impactledger.core.contract.PaymentRule;
import org.impactledger.core.contract.RateCardEntry;
import org.impactledger.core.contract.event.ContractSigned;
import org.impactledger.core.contract.event.OutcomePaymentApproved;
import org.impactledger.core.contract.event.OutcomePaymentExecuted;
import org.impactledger.core.contract.event.OutcomeReported;
import org.impactledger.core.contract.event.OutcomeVerified;
import org.impactledger.core.contract.event.OutcomeWithdrawn;
import org.impactledger.core.contract.event.RateCardAmended;
import org.impactledger.core.shared.BeneficiaryId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.projections.report.ReportDatabases;
import org.impactledger.projections.report.ReportHistory;
import org.impactledger.projections.report.ReportViews;
import org.impactledger.projections.report.TimeTravel;
import org.impactledger.projections.state.LedgerHistory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDG impact report read from the rows per date the projection keeps ({@link SdgImpactTotals}),
 * now and as of every business date, is the report computed from the facts, on PostgreSQL: after
 * every single event of each history, for every outcome and for each fund; through back-dated rate card amendments that move outcomes to
 * other targets, beneficiaries with outcomes in several contracts and funds, withdrawals,
 * reversals, redelivery and rebuilds. Questions the rows cannot answer (an earlier {@code knownAt},
 * other filters) go to the facts.
 */
class SdgImpactTotalsTest {

    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");
    private static final ContractId THIRD_CONTRACT = ContractId.of("contract-other-fund");

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
    void after_every_event_of_the_outcome_fund_history_the_totals_give_the_report_computed_from_the_facts() {
        int answered = replayComparing(ReportHistory.of(LedgerHistory.outcomeFund()).events(), FUND, OTHER_FUND);

        assertThat(answered).as("questions the rows answered").isGreaterThan(40);
    }

    @Test
    void after_every_housing_and_exchange_event_the_totals_give_the_report_computed_from_the_facts() {
        int answered = replayComparing(SdgHousingAndExchangeOutcomesTest.history().events(), FundId.of("F-H"), FundId.of("F-O"));

        assertThat(answered).isGreaterThan(20);
    }

    @Test
    void back_dated_amendments_shared_beneficiaries_and_withdrawals_move_the_totals_as_they_move_the_facts() {
        ReportHistory history = amendedSharedAndWithdrawn();
        int answered = replayComparing(history.events(), FUND, OTHER_FUND);

        assertThat(answered).isGreaterThan(50);
        SdgImpactReport report = views.sdgQueries.fromPeriods(everything(null)).orElseThrow();
        assertThat(report.goals()).extracting(SdgImpactReport.GoalLine::goal).contains(1, 4, 8);
    }

    @Test
    void delivered_again_or_rebuilt_after_a_reset_the_totals_give_the_same_report() {
        List<TrackedEventMessage<?>> events = ReportHistory.of(LedgerHistory.outcomeFund()).events();
        views.applyAll(events);
        SdgImpactReport once = views.sdgQueries.fromPeriods(everything(null)).orElseThrow();
        SdgImpactReport fund = views.sdgQueries.fromPeriods(everything(FUND)).orElseThrow();

        views.applyAll(events);
        assertThat(views.sdgQueries.fromPeriods(everything(null))).contains(once);

        views.sdg.reset();
        assertThat(views.rows("sdg_impact_line_period")).isZero();
        assertThat(views.rows("sdg_impact_outcome")).isZero();
        views.applyAll(events);
        assertThat(views.sdgQueries.fromPeriods(everything(null))).contains(once);
        assertThat(views.sdgQueries.fromPeriods(everything(FUND))).contains(fund);
        assertThat(once).isEqualTo(views.sdgQueries.fromFacts(everything(null)));
    }

    @Test
    void an_earlier_knownAt_or_another_filter_is_answered_from_the_facts() {
        ReportHistory history = ReportHistory.of(LedgerHistory.outcomeFund());
        views.applyAll(history.events());
        Instant lastRecorded = history.events().get(history.events().size() - 1).getTimestamp();
        Instant beforeLastOutcomeFact = history.events().stream()
                .filter(e -> e.getPayload() instanceof OutcomeReported r && r.contractId().equals(SECOND_CONTRACT))
                .findFirst().orElseThrow().getTimestamp();

        List<SdgImpactQuery> factQuestions = new ArrayList<>(List.of(
                new SdgImpactQuery(null, null, null, null, null, null, new TimeTravel(null, beforeLastOutcomeFact.minusNanos(1000))),
                new SdgImpactQuery(null, FUND, null, null, null, null, new TimeTravel(null, beforeLastOutcomeFact))));
        factQuestions.addAll(otherFilters(new TimeTravel(null, LATER)));
        assertAnsweredFromTheFacts(factQuestions);
        // as known exactly at the last recorded event (the facts' recorded_at <= knownAt), the rows answer
        SdgImpactQuery atLast = new SdgImpactQuery(null, null, null, null, null, null, new TimeTravel(null, lastRecorded));
        assertThat(views.sdgQueries.fromPeriods(atLast)).contains(views.sdgQueries.fromFacts(atLast));
    }

    @Test
    void as_of_every_business_date_after_every_event_the_rows_per_date_give_the_report_computed_from_the_facts() {
        for (ReportHistory history : List.of(backDated(amendedSharedAndWithdrawn(), 7), backDated(amendedSharedAndWithdrawn(), 11),
                backDated(SdgHousingAndExchangeOutcomesTest.history(), 5))) {
            views.reset();
            List<TrackedEventMessage<?>> events = history.events();
            int answered = 0;
            for (TrackedEventMessage<?> event : events) {
                views.apply(event);
                List<LocalDate> dates = views.jdbc.sql("SELECT DISTINCT business_date FROM sdg_outcome_fact ORDER BY business_date")
                        .query(LocalDate.class).list();
                TreeSet<LocalDate> asOfs = new TreeSet<>();
                dates.forEach(d -> {
                    asOfs.add(d);
                    asOfs.add(d.minusDays(1));
                    asOfs.add(d.withDayOfMonth(1));
                });
                asOfs.add(LocalDate.parse("2099-12-31"));
                for (FundId fund : Arrays.asList(null, FUND, OTHER_FUND, FundId.of("F-H"), FundId.of("F-O"))) {
                    for (LocalDate asOf : asOfs) {
                        SdgImpactQuery query = new SdgImpactQuery(null, fund, null, null, null, null, new TimeTravel(asOf, LATER));
                        assertThat(views.sdgQueries.fromPeriods(query)).as("fund %s as of %s after %s", fund, asOf, event.getPayload())
                                .contains(views.sdgQueries.fromFacts(query));
                        answered++;
                    }
                }
            }
            assertThat(answered).isGreaterThan(500);
        }
    }

    @Test
    void the_rows_per_date_answer_now_or_as_of_a_date_as_known_after_the_last_recorded_event_with_no_filter_but_the_fund() {
        ReportHistory history = backDated(amendedSharedAndWithdrawn(), 3);
        views.applyAll(history.events());
        Instant lastRecorded = history.last().getTimestamp();
        LocalDate asOf = LocalDate.parse("2026-06-15");

        for (LocalDate date : Arrays.asList(asOf, null)) {
            SdgImpactQuery atLast = new SdgImpactQuery(null, FUND, null, null, null, null, new TimeTravel(date, lastRecorded));
            assertThat(views.sdgQueries.fromPeriods(atLast)).contains(views.sdgQueries.fromFacts(atLast));
            assertThat(views.sdgQueries.handle(atLast)).isEqualTo(views.sdgQueries.fromFacts(atLast));
        }
        List<SdgImpactQuery> factQuestions = new ArrayList<>(List.of(
                new SdgImpactQuery(null, null, null, null, null, null, new TimeTravel(asOf, lastRecorded.minusNanos(1000)))));
        factQuestions.addAll(otherFilters(new TimeTravel(asOf, LATER)));
        assertAnsweredFromTheFacts(factQuestions);
        // the report really comes from the rows: emptied, they give a report with no outcome
        views.jdbc.sql("DELETE FROM sdg_impact_line_period").update();
        SdgImpactQuery now = new SdgImpactQuery(null, null, null, null, null, null, new TimeTravel(LocalDate.parse("2099-12-31"), LATER));
        assertThat(views.sdgQueries.fromFacts(now).totals().verifiedOutcomes()).isPositive();
        assertThat(views.sdgQueries.handle(now).totals().verifiedOutcomes()).isZero();
    }

    /**
     * The same events with business dates drawn (seeded) from dates across 2026, so that facts arrive
     * back-dated before the outcome's earlier facts, on the same date as others and across months.
     */
    static ReportHistory backDated(ReportHistory history, long seed) {
        Random random = new Random(seed);
        String[] dates = {"2026-01-31", "2026-02-01", "2026-03-15", "2026-04-20", "2026-04-30", "2026-05-01", "2026-06-15", "2026-07-31",
                "2026-09-01", "2026-11-30"};
        ReportHistory dated = new ReportHistory();
        for (TrackedEventMessage<?> event : history.events()) {
            dated.on(dates[random.nextInt(dates.length)]).then(event.getPayload());
        }
        return dated;
    }

    /**
     * The outcome-fund history with an outcome of ben-1 under a second contract and another fund,
     * back-dated rate card amendments (two on the same date), a withdrawal and a new payment.
     */
    static ReportHistory amendedSharedAndWithdrawn() {
        LedgerHistory h = LedgerHistory.outcomeFund();
        // ben-1 also has an outcome under the training contract, and one in another fund
        h.reported(SECOND_CONTRACT, "o-2", "ben-1", TRAINING, "2026-Q2", "2026-04-20", "3")
                .then(new OutcomeVerified(SECOND_CONTRACT, outcome("o-2"), new BigDecimal("3"), null, "verifier-elena"))
                .then(new ContractSigned(THIRD_CONTRACT, OTHER_FUND, LedgerHistory.PROVIDER, LedgerHistory.BUDGET, LedgerHistory.PAYER,
                        "Formazione Bari", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), eur("50000"), List.of(
                        new RateCardEntry(TRAINING, "Hour of certified training", eur("300"), List.of("4.4", "8.6"),
                                PaymentRule.ONCE_PER_BENEFICIARY_PER_PERIOD))))
                .then(new OutcomeReported(THIRD_CONTRACT, OTHER_FUND, outcome("x-1"), BeneficiaryId.of("ben-1"), TRAINING, "2026-Q2",
                        LocalDate.parse("2026-04-21"), new BigDecimal("2"), "s3://evidence/x-1.pdf",
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "provider-dario"))
                .then(new OutcomeVerified(THIRD_CONTRACT, outcome("x-1"), new BigDecimal("2"), null, "verifier-elena"))
                // back-dated to before every outcome: o-1..o-5 move to new targets (TRAIN-H 4.4 and 8.6; EMP-6M 8.5 and 1.2)
                .then(new RateCardAmended(CONTRACT, "amend-0", LocalDate.parse("2026-02-01"), List.of(
                        new RateCardEntry(TRAINING, "Hour of certified training", eur("300"), List.of("8.6", "4.4"),
                                PaymentRule.ONCE_PER_BENEFICIARY_PER_PERIOD),
                        new RateCardEntry(EMPLOYMENT, "Six months in employment", eur("800"), List.of("1.2", "8.5"),
                                PaymentRule.ONCE_PER_BENEFICIARY))))
                // the same date again: the later amendment wins
                .then(new RateCardAmended(CONTRACT, "amend-0b", LocalDate.parse("2026-02-01"), List.of(
                        new RateCardEntry(TRAINING, "Hour of certified training", eur("300"), List.of("8.6"),
                                PaymentRule.ONCE_PER_BENEFICIARY_PER_PERIOD))))
                // ben-1's first outcome is withdrawn: ben-1 still counts on 4.4 through the training contract
                .then(new OutcomeWithdrawn(CONTRACT, outcome("o-1"), "duplicate", "provider-dario"))
                .then(new OutcomeVerified(CONTRACT, outcome("o-6"), new BigDecimal("1.5"), null, "verifier-anna"))
                .then(new OutcomePaymentApproved(CONTRACT, outcome("o-6"), FUND, LedgerHistory.BUDGET, LedgerHistory.PAYER,
                        BeneficiaryId.of("ben-6"), EMPLOYMENT, "2026-Q3", LocalDate.parse("2026-07-10"), new BigDecimal("1.5"), eur("900"),
                        eur("1350"), List.of("8.5"), "payer-carla"))
                .then(new OutcomePaymentExecuted(CONTRACT, outcome("o-6"), FUND, eur("1350"), "BNK-OUT-6", LocalDate.parse("2026-08-01"),
                        "treasurer-bruno"));
        return ReportHistory.of(h);
    }

    /** Applies the events one by one; after each, compares both answers for every outcome and for each fund. Returns how many the rows gave. */
    private static int replayComparing(List<TrackedEventMessage<?>> events, FundId... funds) {
        List<FundId> scopes = new ArrayList<>(Arrays.asList(funds));
        scopes.add(0, null);
        int answered = 0;
        for (TrackedEventMessage<?> event : events) {
            views.apply(event);
            for (FundId fund : scopes) {
                SdgImpactQuery query = everything(fund);
                // answered from the rows even before the scope has an outcome (then with no line, as from the facts)
                assertThat(views.sdgQueries.fromPeriods(query)).as("fund %s after event %s", fund, event.getPayload())
                        .contains(views.sdgQueries.fromFacts(query));
                answered++;
                assertThat(views.sdgQueries.handle(query)).isEqualTo(views.sdgQueries.fromFacts(query));
            }
        }
        return answered;
    }

    private static SdgImpactQuery everything(FundId fund) {
        return new SdgImpactQuery(null, fund, null, null, null, null, new TimeTravel(null, LATER));
    }

    /** The same question filtered by programme, contract, payer, first period and last period: none the rows per date answer. */
    private static List<SdgImpactQuery> otherFilters(TimeTravel time) {
        return List.of(
                new SdgImpactQuery(Programme.OUTCOME_FUND, null, null, null, null, null, time),
                new SdgImpactQuery(null, null, CONTRACT, null, null, null, time),
                new SdgImpactQuery(null, null, null, PayerId.of("payer-comune-torino"), null, null, time),
                new SdgImpactQuery(null, null, null, null, LocalDate.parse("2026-04-01"), null, time),
                new SdgImpactQuery(null, null, null, null, null, LocalDate.parse("2026-06-30"), time));
    }

    private static void assertAnsweredFromTheFacts(List<SdgImpactQuery> questions) {
        for (SdgImpactQuery query : questions) {
            assertThat(views.sdgQueries.fromPeriods(query)).as("%s", query).isEmpty();
            assertThat(views.sdgQueries.handle(query)).isEqualTo(views.sdgQueries.fromFacts(query));
        }
    }
}
