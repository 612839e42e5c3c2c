package org.impactledger.projections.sdg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.impactledger.projections.sdg.SdgImpactReportTest.metric;
import static org.impactledger.projections.sdg.SdgImpactReportTest.target;
import static org.impactledger.projections.state.LedgerHistory.eur;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.impactledger.core.exchange.event.IssuerOutcomeRejected;
import org.impactledger.core.exchange.event.IssuerOutcomeReported;
import org.impactledger.core.exchange.event.IssuerOutcomeVerified;
import org.impactledger.core.housing.LeaseEndReason;
import org.impactledger.core.housing.PropertyUnit;
import org.impactledger.core.housing.event.LeaseEnded;
import org.impactledger.core.housing.event.LeaseSigned;
import org.impactledger.core.housing.event.PropertyAcquired;
import org.impactledger.core.housing.event.RentChargeCancelled;
import org.impactledger.core.housing.event.RentCharged;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.HouseholdId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.core.shared.UnitId;
import org.impactledger.projections.report.ReportHistory;
import org.impactledger.projections.report.ReportViews;
import org.impactledger.projections.report.TimeTravel;
import org.impactledger.projections.sdg.SdgImpactReport.GoalLine;
import org.impactledger.projections.sdg.SdgImpactReport.MetricLine;
import org.impactledger.projections.sdg.SdgImpactReport.TargetLine;
import org.impactledger.projections.support.ProjectionTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Homes4All and exchange outcomes in the SDG impact report, on PostgreSQL in a schema of their own.
 *
 * <p>Hand count. Fund F-H owns P1: L1 (HH-1, from 2026-02-15) charged February and March; L2 (HH-2,
 * from 2026-03-01) charged March, April charged and cancelled on business date 2026-04-10, ended
 * 2026-03-31 moving to autonomous housing. Fund F-O owns P2: L3 (HH-3, from 2026-03-05) charged
 * March, evicted 2026-04-30 (not an exit to autonomy). So: 3 households housed (11.1, 1.4), 1 exit
 * to autonomy (1.2, 11.1), 4 months of stable housing (11.1). Exchange: issuer ISS-1 reports o-1
 * (JOBS, 8.5, 10, 2026-Q1) verified at 9, o-2 (JOBS, 8.5, 3, 2026-03) rejected and o-3 (CO2-T,
 * 13.2, 5, 2026) only reported.
 */
class SdgHousingAndExchangeOutcomesTest {

    private static final ProjectionTestDatabase DATABASE = new ProjectionTestDatabase("proj_sdg2_test");
    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");
    private static final FundId HOUSING_FUND = FundId.of("F-H");
    private static final FundId OTHER_FUND = FundId.of("F-O");
    private static final PropertyId P1 = PropertyId.of("P1");
    private static final PropertyId P2 = PropertyId.of("P2");
    private static final IssuerId ISSUER = IssuerId.of("ISS-1");
    private static final String HOUSED = "HOUSING.HOUSEHOLDS_HOUSED";
    private static final String EXITS = "HOUSING.EXITS_TO_AUTONOMY";
    private static final String MONTHS = "HOUSING.STABLE_HOUSING_MONTHS";

    private static ReportViews views;

    @BeforeAll
    static void database() {
        views = new ReportViews(DATABASE.postgres());
    }

    @BeforeEach
    void emptyTables() {
        views.reset();
    }

    static ReportHistory history() {
        ReportHistory h = new ReportHistory();
        h.then(new PropertyAcquired(P1, HOUSING_FUND, "Via Uno 1", "6", eur("300000"), LocalDate.parse("2026-02-01"),
                        List.of(new PropertyUnit(UnitId.of("A"), new BigDecimal("50"), 2, eur("700")),
                                new PropertyUnit(UnitId.of("B"), new BigDecimal("40"), 2, eur("600")))))
                .then(new PropertyAcquired(P2, OTHER_FUND, "Via Due 2", "8", eur("200000"), LocalDate.parse("2026-02-01"),
                        List.of(new PropertyUnit(UnitId.of("C"), new BigDecimal("45"), 2, eur("650")))))
                .then(signed(P1, "L1", "A", "HH-1", "400", "700", "2026-02-15"))
                .then(charged(P1, "L1", "2026-02"))
                .then(signed(P1, "L2", "B", "HH-2", "350", "600", "2026-03-01"))
                .then(signed(P2, "L3", "C", "HH-3", "380", "650", "2026-03-05"))
                .then(charged(P1, "L1", "2026-03"))
                .then(charged(P1, "L2", "2026-03"))
                .then(charged(P2, "L3", "2026-03"))
                .then(new LeaseEnded(P1, LeaseId.of("L2"), UnitId.of("B"), HouseholdId.of("HH-2"), LocalDate.parse("2026-03-31"),
                        LeaseEndReason.MOVED_TO_AUTONOMOUS_HOUSING, null))
                .then(charged(P1, "L2", "2026-04"))
                .on("2026-04-10")
                .then(new RentChargeCancelled(P1, LeaseId.of("L2"), "2026-04", eur("350"), "the lease had ended"))
                .then(new LeaseEnded(P2, LeaseId.of("L3"), UnitId.of("C"), HouseholdId.of("HH-3"), LocalDate.parse("2026-04-30"),
                        LeaseEndReason.EVICTION, null))
                .then(new IssuerOutcomeReported(ISSUER, OutcomeId.of("o-1"), "JOBS", "8.5", new BigDecimal("10"), "2026-Q1", "iss-ada"))
                .then(new IssuerOutcomeReported(ISSUER, OutcomeId.of("o-2"), "JOBS", "8.5", new BigDecimal("3"), "2026-03", "iss-ada"))
                .then(new IssuerOutcomeReported(ISSUER, OutcomeId.of("o-3"), "CO2-T", "13.2", new BigDecimal("5"), "2026", "iss-ada"))
                .then(new IssuerOutcomeVerified(ISSUER, OutcomeId.of("o-1"), new BigDecimal("9"), "one job was part-time", "verifier-eva"))
                .then(new IssuerOutcomeRejected(ISSUER, OutcomeId.of("o-2"), "no evidence", "verifier-eva"));
        return h;
    }

    private static LeaseSigned signed(PropertyId property, String lease, String unit, String household, String rent, String market,
                                      String start) {
        return new LeaseSigned(property, property.equals(P1) ? HOUSING_FUND : OTHER_FUND, LeaseId.of(lease), UnitId.of(unit),
                HouseholdId.of(household), 2, eur(rent), eur(market), LocalDate.parse(start));
    }

    private static RentCharged charged(PropertyId property, String lease, String period) {
        return new RentCharged(property, LeaseId.of(lease), period, eur("400"));
    }

    private static SdgImpactReport report(Programme programme, FundId fund, LocalDate asOf, Instant knownAt) {
        return views.sdgQueries.handle(new SdgImpactQuery(programme, fund, null, null, null, null, new TimeTravel(asOf, knownAt)));
    }

    @Test
    void households_housed_exits_to_autonomy_and_months_of_stable_housing_count_under_their_sdg_targets() {
        views.applyAll(history().events());

        SdgImpactReport report = report(Programme.HOMES4ALL, null, null, LATER);

        assertThat(report.goals()).extracting(GoalLine::goal, GoalLine::verifiedOutcomes, GoalLine::distinctBeneficiaries)
                .containsExactly(tuple(1, 4L, 3L), tuple(11, 8L, 3L));
        assertThat(target(report, "11.1").metrics()).containsExactly(
                new MetricLine(EXITS, null, 1, new BigDecimal("1"), 1, null, null, null),
                new MetricLine(HOUSED, null, 3, new BigDecimal("3"), 3, null, null, null),
                new MetricLine(MONTHS, null, 4, new BigDecimal("4"), 3, null, null, null));
        assertThat(target(report, "1.2").metrics()).extracting(MetricLine::metricCode, MetricLine::verifiedOutcomes)
                .containsExactly(tuple(EXITS, 1L));
        assertThat(target(report, "1.4").metrics()).extracting(MetricLine::metricCode, MetricLine::verifiedOutcomes)
                .containsExactly(tuple(HOUSED, 3L));
        // 3 housed + 1 exit + 4 months, once each; no outcome payment, so no money line
        assertThat(report.totals().verifiedOutcomes()).isEqualTo(8);
        assertThat(report.totals().distinctBeneficiaries()).isEqualTo(3);
        assertThat(report.totals().money()).isEmpty();
        assertThat(target(report, "11.1").money()).isEmpty();
    }

    @Test
    void the_fund_filter_follows_the_fund_of_the_lease_and_the_payer_filter_leaves_housing_out() {
        views.applyAll(history().events());

        SdgImpactReport fund = report(Programme.HOMES4ALL, HOUSING_FUND, null, LATER);
        // L1 and L2 housed, L2's exit, months L1/02, L1/03 and L2/03
        assertThat(metric(fund, "11.1", HOUSED).verifiedOutcomes()).isEqualTo(2);
        assertThat(metric(fund, "11.1", EXITS).verifiedOutcomes()).isEqualTo(1);
        assertThat(metric(fund, "11.1", MONTHS).verifiedQuantity()).isEqualByComparingTo("3");
        assertThat(fund.totals().verifiedOutcomes()).isEqualTo(6);
        assertThat(fund.totals().distinctBeneficiaries()).isEqualTo(2);

        SdgImpactReport payer = views.sdgQueries.handle(new SdgImpactQuery(null, null, null, PayerId.of("city-of-turin"), null, null,
                new TimeTravel(null, LATER)));
        assertThat(payer.totals().verifiedOutcomes()).isZero();
    }

    @Test
    void a_cancelled_rent_charge_takes_its_month_back_from_the_cancellation_on() {
        ReportHistory history = history();
        views.applyAll(history.events());
        TrackedEventMessage<?> cancellation = history.first(RentChargeCancelled.class);

        // the April month is dated 2026-04-01, its cancellation 2026-04-10
        assertThat(metric(report(Programme.HOMES4ALL, null, LocalDate.parse("2026-03-31"), LATER), "11.1", MONTHS).verifiedQuantity())
                .isEqualByComparingTo("4");
        assertThat(metric(report(Programme.HOMES4ALL, null, LocalDate.parse("2026-04-05"), LATER), "11.1", MONTHS).verifiedQuantity())
                .isEqualByComparingTo("5");
        assertThat(metric(report(Programme.HOMES4ALL, null, LocalDate.parse("2026-04-10"), LATER), "11.1", MONTHS).verifiedQuantity())
                .isEqualByComparingTo("4");
        // as known just before the cancellation was recorded, April still counted
        Instant beforeCancellation = cancellation.getTimestamp().minusSeconds(1);
        assertThat(metric(report(Programme.HOMES4ALL, null, null, beforeCancellation), "11.1", MONTHS).verifiedQuantity())
                .isEqualByComparingTo("5");
        // as of 2026-03-01: L1 housed (02-15) and L2 (03-01); L1's February (dated 02-15) and March, L2's March;
        // L3's March month is dated its start, 03-05
        SdgImpactReport early = report(Programme.HOMES4ALL, null, LocalDate.parse("2026-03-01"), LATER);
        assertThat(metric(early, "11.1", HOUSED).verifiedOutcomes()).isEqualTo(2);
        assertThat(metric(early, "11.1", MONTHS).verifiedQuantity()).isEqualByComparingTo("3");
        assertThat(early.goals()).extracting(GoalLine::goal).containsExactly(1, 11);
        assertThat(target(early, "1.4").verifiedOutcomes()).isEqualTo(2);
        assertThat(early.goals().get(0).targets()).extracting(TargetLine::target).containsExactly("1.4");
    }

    @Test
    void issuer_outcomes_count_once_verified_with_the_issuer_as_the_contract_and_rejected_ones_never() {
        ReportHistory history = history();
        views.applyAll(history.events());

        SdgImpactReport exchange = report(Programme.EXCHANGE, null, null, LATER);
        assertThat(exchange.goals()).extracting(GoalLine::goal, GoalLine::verifiedOutcomes).containsExactly(tuple(8, 1L), tuple(13, 0L));
        assertThat(metric(exchange, "8.5", "JOBS")).isEqualTo(new MetricLine("JOBS", null, 1, new BigDecimal("9"), 0,
                null, null, null));
        assertThat(metric(exchange, "13.2", "CO2-T").verifiedOutcomes()).isZero();
        assertThat(exchange.totals().verifiedOutcomes()).isEqualTo(1);
        assertThat(exchange.totals().distinctBeneficiaries()).isZero();

        SdgImpactReport byIssuer = views.sdgQueries.handle(new SdgImpactQuery(null, null, ContractId.of("ISS-1"), null, null, null,
                new TimeTravel(null, LATER)));
        assertThat(byIssuer.totals().verifiedOutcomes()).isEqualTo(1);
        // o-1's period 2026-Q1 ends on 2026-03-31, its outcome date
        SdgImpactReport secondQuarter = views.sdgQueries.handle(SdgImpactQuery.parse("EXCHANGE", null, null, null, "2026-Q2", "2026-Q2",
                new TimeTravel(null, LATER)));
        assertThat(secondQuarter.totals().verifiedOutcomes()).isZero();
        // a fund filter leaves the exchange out: issuers have no fund
        assertThat(report(Programme.EXCHANGE, HOUSING_FUND, null, LATER).goals()).isEmpty();
        // known before the verification: reported only
        Instant beforeVerification = history.first(IssuerOutcomeVerified.class).getTimestamp().minusSeconds(1);
        assertThat(report(Programme.EXCHANGE, null, null, beforeVerification).totals().verifiedOutcomes()).isZero();
    }

    @Test
    void the_programmes_do_not_mix_and_an_unfiltered_report_counts_them_all() {
        views.applyAll(history().events());

        assertThat(report(Programme.OUTCOME_FUND, null, null, LATER).goals()).isEmpty();
        assertThat(report(null, null, null, LATER).totals().verifiedOutcomes()).isEqualTo(8 + 1);
    }

    @Test
    void redelivered_events_write_nothing_and_a_replay_after_a_reset_rebuilds_the_same_rows() {
        List<TrackedEventMessage<?>> events = history().events();
        views.applyAll(events);
        Map<String, List<Map<String, Object>>> first = views.dump();
        // housing: 3 housed + 1 exit + 5 months charged + 1 cancellation; exchange: 3 reported + 1 verified
        assertThat(views.rows("sdg_outcome_fact")).isEqualTo(14);

        views.applyAll(events);
        assertThat(views.dump()).isEqualTo(first);

        views.reset();
        assertThat(views.rows("sdg_outcome_fact")).isZero();
        views.applyAll(events);
        assertThat(views.dump()).isEqualTo(first);
    }
}
