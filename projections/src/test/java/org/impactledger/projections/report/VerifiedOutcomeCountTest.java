package org.impactledger.projections.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.projections.state.LedgerHistory.CONTRACT;
import static org.impactledger.projections.state.LedgerHistory.FUND;
import static org.impactledger.projections.state.LedgerHistory.OTHER_FUND;
import static org.impactledger.projections.state.LedgerHistory.PAYER;
import static org.impactledger.projections.state.LedgerHistory.PROVIDER;
import static org.impactledger.projections.state.LedgerHistory.SECOND_CONTRACT;
import static org.impactledger.projections.state.LedgerHistory.TRAINING;
import static org.impactledger.projections.state.LedgerHistory.eur;
import static org.impactledger.projections.state.LedgerHistory.outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.impactledger.core.contract.PaymentRule;
import org.impactledger.core.contract.RateCardEntry;
import org.impactledger.core.contract.event.ContractSigned;
import org.impactledger.core.contract.event.OutcomeReported;
import org.impactledger.core.contract.event.OutcomeVerified;
import org.impactledger.core.contract.event.OutcomeWithdrawn;
import org.impactledger.core.shared.BeneficiaryId;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.projections.performance.FindFundPerformance;
import org.impactledger.projections.performance.FundPerformance;
import org.impactledger.projections.state.JdbcValues;
import org.impactledger.projections.state.LedgerHistory;
import org.impactledger.projections.support.MigrationScripts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fund performance's verified outcomes read from the count the {@code sdg-impact} processor keeps
 * per fund ({@code sdg_fund_verified}) are exactly those counted from the SDG facts in bounds
 * ({@link org.impactledger.projections.performance.FundPerformanceQueries#flowByFlowPerformance}),
 * on PostgreSQL and H2: after every event and at every point of both time axes, on a history where
 * verifications are back-dated, corrected to zero by a withdrawal, verified with a zero quantity
 * and then again, in two funds; the fast answer really comes from the count; and the migration's
 * upgrade of stored facts gives the count the events give.
 */
class VerifiedOutcomeCountTest {

    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");
    private static final ContractId BARI_CONTRACT = ContractId.of("contract-bari-verified");
    private static final BudgetId BARI_BUDGET = BudgetId.of("budget-bari-verified");

    private static ReportViews postgres;
    private static List<TrackedEventMessage<?>> events;

    @BeforeAll
    static void database() {
        postgres = new ReportViews(ReportDatabases.postgres());
        events = history().events();
    }

    /**
     * The shared outcome-fund history (verified: o-1, o-2, o-3 of the employment contract and o-1 of
     * the training contract; o-5 withdrawn unverified), then: o-6 verified, back-dated to 2026-05-15;
     * o-3, verified and refunded, withdrawn on 2026-09-01 (its verification corrected to zero); o-1
     * verified again on 2026-09-10 (already counted); o-8 verified with a zero quantity, verified
     * again with 2 on 2026-10-01, then withdrawn on 2026-10-20; in the other fund two outcomes, one
     * verified on 2026-10-05, one reported only.
     */
    static ReportHistory history() {
        ReportHistory h = ReportHistory.of(LedgerHistory.outcomeFund());
        h.on("2026-05-15").then(new OutcomeVerified(CONTRACT, outcome("o-6"), BigDecimal.ONE, "back-dated", "verifier-anna"));
        h.on("2026-09-01").then(new OutcomeWithdrawn(CONTRACT, outcome("o-3"), "job lost, claim withdrawn", "provider-dario"));
        h.on("2026-09-10").then(new OutcomeVerified(CONTRACT, outcome("o-1"), new BigDecimal("8"), "checked twice", "verifier-anna"));
        h.on("2026-09-20").then(report(SECOND_CONTRACT, FUND, "o-8"))
                .on("2026-09-21").then(new OutcomeVerified(SECOND_CONTRACT, outcome("o-8"), BigDecimal.ZERO, "nothing found", "verifier-elena"))
                .on("2026-10-01").then(new OutcomeVerified(SECOND_CONTRACT, outcome("o-8"), new BigDecimal("2"), "found", "verifier-elena"))
                .on("2026-10-20").then(new OutcomeWithdrawn(SECOND_CONTRACT, outcome("o-8"), "duplicate", "provider-dario"));
        h.on("2026-10-01").then(new ContractSigned(BARI_CONTRACT, OTHER_FUND, PROVIDER, BARI_BUDGET, PAYER, "Formazione Bari",
                        LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31"), eur("40000"), List.of(
                        new RateCardEntry(TRAINING, "Hour of certified training", eur("300"), List.of("4.4"),
                                PaymentRule.ONCE_PER_BENEFICIARY_PER_PERIOD))))
                .then(report(BARI_CONTRACT, OTHER_FUND, "o-1"))
                .then(report(BARI_CONTRACT, OTHER_FUND, "o-2"))
                .on("2026-10-05").then(new OutcomeVerified(BARI_CONTRACT, outcome("o-1"), new BigDecimal("0.5"), null, "verifier-elena"));
        return h;
    }

    private static OutcomeReported report(ContractId contract, FundId fund, String outcomeId) {
        return new OutcomeReported(contract, fund, outcome(outcomeId), BeneficiaryId.of("ben-" + contract.value() + "-" + outcomeId), TRAINING,
                "2026-Q4", LocalDate.parse("2026-10-05"), BigDecimal.ONE, "s3://evidence/" + outcomeId + ".pdf",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "provider-dario");
    }

    private static void same(ReportViews views, FindFundPerformance query) {
        FundPerformance fast = views.performanceQueries.handle(query);
        assertThat(fast).as("%s", query).isEqualTo(views.performanceQueries.flowByFlowPerformance(query));
    }

    private static long verified(ReportViews views, FundId fund, TimeTravel time) {
        return views.performanceQueries.handle(new FindFundPerformance(fund, time)).outcomes().verifiedOutcomes();
    }

    /** The business dates of the facts, and the day before each. */
    private static List<LocalDate> asOfs(ReportViews views) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        views.jdbc.sql("SELECT DISTINCT business_date FROM sdg_outcome_fact").query(LocalDate.class).list()
                .forEach(d -> dates.addAll(List.of(d, d.minusDays(1))));
        List<LocalDate> asOfs = new ArrayList<>();
        asOfs.add(null);
        asOfs.addAll(dates);
        return asOfs;
    }

    private static void afterEveryEventTheFastCountIsTheCountedOne(ReportViews views) {
        views.reset();
        for (TrackedEventMessage<?> event : events) {
            views.apply(event);
            for (TimeTravel time : List.of(new TimeTravel(null, LATER), new TimeTravel(null, event.getTimestamp()),
                    new TimeTravel(LocalDate.parse("2026-09-15"), LATER), new TimeTravel(LocalDate.parse("2026-05-14"), LATER))) {
                for (FundId fund : List.of(FUND, OTHER_FUND)) {
                    same(views, new FindFundPerformance(fund, time));
                }
            }
        }
        TimeTravel now = new TimeTravel(null, LATER);
        // o-1, o-2, o-6 and the training contract's o-1; o-3 and o-8 corrected to zero
        assertThat(verified(views, FUND, now)).isEqualTo(4);
        assertThat(verified(views, OTHER_FUND, now)).isEqualTo(1);
        assertThat(views.jdbc.sql("SELECT fund_id, verified_outcomes, last_business_date FROM sdg_fund_verified ORDER BY fund_id")
                .query().listOfRows()).hasSize(2);
    }

    @Test
    void after_every_event_the_kept_count_gives_the_report_the_facts_give_on_postgres() {
        afterEveryEventTheFastCountIsTheCountedOne(postgres);
    }

    @Test
    void after_every_event_the_kept_count_gives_the_report_the_facts_give_on_h2() {
        afterEveryEventTheFastCountIsTheCountedOne(new ReportViews(ReportDatabases.h2("verified_count")));
    }

    @Test
    void along_both_time_axes_the_report_equals_the_counted_one() {
        postgres.reset();
        postgres.applyAll(events);
        List<LocalDate> asOfs = asOfs(postgres);
        for (TrackedEventMessage<?> event : events) {
            Instant at = event.getTimestamp().truncatedTo(ChronoUnit.MICROS);
            for (Instant knownAt : List.of(at.minusNanos(1000), at, at.plusNanos(1000))) {
                for (LocalDate asOf : asOfs) {
                    for (FundId fund : List.of(FUND, OTHER_FUND)) {
                        same(postgres, new FindFundPerformance(fund, new TimeTravel(asOf, knownAt)));
                    }
                }
            }
        }
        // before the withdrawal of o-3 (business date 2026-09-01) it still counts; as known before o-6's verification, o-6 does not
        assertThat(verified(postgres, FUND, new TimeTravel(LocalDate.parse("2026-08-31"), LATER))).isEqualTo(5);
        Instant o6Verified = events.stream().filter(e -> e.getPayload() instanceof OutcomeVerified v && v.outcomeId().equals(outcome("o-6")))
                .findFirst().orElseThrow().getTimestamp();
        assertThat(verified(postgres, FUND, new TimeTravel(null, o6Verified.minusSeconds(1)))).isEqualTo(4);
        assertThat(verified(postgres, FUND, new TimeTravel(null, o6Verified))).isEqualTo(5);
    }

    @Test
    void the_fast_count_comes_from_the_kept_table_and_an_uncovered_question_counts_the_facts() {
        postgres.reset();
        postgres.applyAll(events);
        TimeTravel now = new TimeTravel(null, LATER);
        FindFundPerformance query = new FindFundPerformance(FUND, now);
        FundPerformance before = postgres.performanceQueries.handle(query);

        // changed behind the projection's back: the counted way sees it, the kept count does not
        postgres.jdbc.sql("UPDATE sdg_outcome_fact SET verified_delta = 0 WHERE contract_id = :contractId AND outcome_id = 'o-6'")
                .param("contractId", CONTRACT.value()).update();
        assertThat(postgres.performanceQueries.handle(query)).isEqualTo(before);
        assertThat(before.outcomes().verifiedOutcomes()).isEqualTo(4);
        assertThat(postgres.performanceQueries.flowByFlowPerformance(query).outcomes().verifiedOutcomes()).isEqualTo(3);

        // an asOf before the fund's latest change of a verified quantity (2026-10-20) is counted from the facts:
        // o-1, o-2 and the training contract's o-1 (o-3 withdrawn, o-8 verified with zero only, o-6 changed above)
        TimeTravel earlier = new TimeTravel(LocalDate.parse("2026-09-30"), LATER);
        assertThat(verified(postgres, FUND, earlier)).isEqualTo(3);
        assertThat(postgres.performanceQueries.handle(new FindFundPerformance(FUND, earlier)))
                .isEqualTo(postgres.performanceQueries.flowByFlowPerformance(new FindFundPerformance(FUND, earlier)));
    }

    @Test
    void counting_only_the_facts_that_move_a_verified_quantity_gives_the_count_over_every_fact() {
        postgres.reset();
        List<Instant> recorded = new ArrayList<>();
        for (TrackedEventMessage<?> event : events) {
            postgres.apply(event);
            recorded.add(event.getTimestamp());
        }
        int questions = 0;
        for (LocalDate asOf : asOfs(postgres)) {
            for (Instant knownAt : List.of(LATER, recorded.get(recorded.size() / 2), recorded.get(recorded.size() - 3))) {
                TimeTravel time = new TimeTravel(asOf, knownAt);
                for (FundId fund : List.of(FUND, OTHER_FUND)) {
                    assertThat(postgres.performanceQueries.flowByFlowPerformance(new FindFundPerformance(fund, time)).outcomes().verifiedOutcomes())
                            .as("%s %s", fund, time).isEqualTo(countedOverEveryFact(fund, time));
                    questions++;
                }
            }
        }
        assertThat(questions).isGreaterThan(60);
        // on PostgreSQL those facts have an index of their own (V212) that holds every column the count reads (V213)
        String index = postgres.jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_sdg_fact_fund_verified' AND schemaname = current_schema()")
                .query(String.class).single();
        assertThat(index).contains("(fund_id, business_date)").contains("INCLUDE (programme, recorded_at, contract_id, outcome_id, verified_delta)")
                .contains("WHERE (verified_delta <> ");
    }

    /** The verified outcomes of the fund in bounds, summed over every fact (those with a zero delta too). */
    private static long countedOverEveryFact(FundId fund, TimeTravel time) {
        return postgres.jdbc.sql("""
                        SELECT COUNT(*) FROM (
                            SELECT contract_id, outcome_id FROM sdg_outcome_fact
                            WHERE fund_id = :fundId AND programme = 'OUTCOME_FUND' AND business_date <= :asOf AND recorded_at <= :knownAt
                            GROUP BY contract_id, outcome_id
                            HAVING SUM(verified_delta) > 0) verified""")
                .param("fundId", fund.value())
                .param("asOf", time.asOfOrEndOfTime())
                .param("knownAt", JdbcValues.utc(time.knownAt()))
                .query(Long.class)
                .single();
    }

    @Test
    void the_migration_counts_stored_facts_as_the_events_do() {
        postgres.reset();
        postgres.applyAll(events);
        List<Map<String, Object>> kept = postgres.jdbc.sql("SELECT * FROM sdg_fund_verified ORDER BY fund_id").query().listOfRows();
        String upgrade = MigrationScripts.statements("V200__sdg_fund_verified.sql", "INSERT INTO sdg_fund_verified").get(0);
        postgres.jdbc.sql("DELETE FROM sdg_fund_verified").update();
        postgres.jdbc.sql(upgrade).update();

        assertThat(postgres.jdbc.sql("SELECT * FROM sdg_fund_verified ORDER BY fund_id").query().listOfRows()).isEqualTo(kept).hasSize(2);
    }
}
