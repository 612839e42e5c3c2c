package org.impactledger.projections.housing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.projections.housing.HousingHistory.FUND;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.impactledger.core.housing.HousingOutcomes;
import org.impactledger.core.housing.event.PropertyEvent;
import org.impactledger.core.housing.event.PropertyValuationRecorded;
import org.impactledger.core.housing.event.RentChargeCancelled;
import org.impactledger.core.housing.event.RentCollectionReversed;
import org.impactledger.core.shared.FundId;
import org.impactledger.projections.state.Recorded;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The housing report on PostgreSQL, over {@link HousingHistory}. The expected figures are worked out
 * by hand from the history's Javadoc (the arithmetic is in the comments); a last test checks the
 * report against {@link HousingOutcomes} for every prefix of the history and several dates.
 */
class HousingReportTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static final List<Recorded> events = HousingHistory.homes4All().events();
    private static HousingTables tables;

    /** The tests only read, so the history is applied once. */
    @BeforeAll
    static void history() {
        tables = new HousingTables(HousingDatabases.postgres());
        tables.reset();
        tables.applyAll(events);
    }

    @Test
    void at_the_end_of_june_by_district_and_in_total() {
        HousingReport report = tables.report("2026-06-30", NOW);

        assertThat(report.currencies()).singleElement().satisfies(eur -> {
            assertThat(eur.currency()).isEqualTo("EUR");
            assertThat(eur.districts()).extracting(HousingFigures::district).containsExactly("6", "8");
        });
        HousingFigures cigna = figures(report, "6");
        // 3 flats, A1 and A2 let: 2/3; due A1 5 × 400 + A2 4 × 520 = 4,080; collected 2,000 + 520 + 300 = 2,820
        assertThat(cigna.properties()).isEqualTo(1);
        assertThat(cigna.units()).isEqualTo(3);
        assertThat(cigna.acquisitionCost()).isEqualTo(money("420000.00"));
        assertThat(cigna.propertiesValued()).isEqualTo(1);
        assertThat(cigna.latestValuation()).isEqualTo(money("440000.00"));
        assertThat(cigna.occupiedUnits()).isEqualTo(2);
        assertThat(cigna.vacantUnits()).isEqualTo(1);
        assertThat(cigna.occupancyRate()).isEqualTo(new BigDecimal("0.6667"));
        assertThat(cigna.rentDue()).isEqualTo(money("4080.00"));
        assertThat(cigna.rentCollected()).isEqualTo(money("2820.00"));
        assertThat(cigna.arrears()).isEqualTo(money("1260.00"));
        assertThat(cigna.collectionRate()).isEqualTo(new BigDecimal("0.6912")); // 2,820 / 4,080 = 0.69117…
        // running: 400 + 520 = 920 against 620 + 780 = 1,400; discount 480; 480 / 1,400 = 0.342857…
        assertThat(cigna.monthlyRent()).isEqualTo(money("920.00"));
        assertThat(cigna.marketRent()).isEqualTo(money("1400.00"));
        assertThat(cigna.monthlyDiscount()).isEqualTo(money("480.00"));
        assertThat(cigna.averageDiscountToMarket()).isEqualTo(new BigDecimal("0.3429"));
        // A1 15 Feb → 30 Jun: 4 complete months; A2 1 Mar → 30 Jun: 4
        assertThat(cigna.householdsHoused()).isEqualTo(2);
        assertThat(cigna.monthsOfStableHousing()).isEqualTo(8);
        assertThat(cigna.exitsToAutonomy()).isZero();

        HousingFigures nizza = figures(report, "8");
        // B1 let, B2 ended on 30 Jun: 1/2; due B1 4 × 450 + B2 3 × 380 = 2,940 (July cancelled), all collected
        assertThat(nizza.occupiedUnits()).isEqualTo(1);
        assertThat(nizza.occupancyRate()).isEqualTo(new BigDecimal("0.5000"));
        assertThat(nizza.rentDue()).isEqualTo(money("2940.00"));
        assertThat(nizza.rentCollected()).isEqualTo(money("2940.00"));
        assertThat(nizza.arrears()).isEqualTo(money("0.00"));
        assertThat(nizza.collectionRate()).isEqualTo(new BigDecimal("1.0000"));
        assertThat(nizza.averageDiscountToMarket()).isEqualTo(new BigDecimal("0.3571")); // (700 − 450) / 700
        // B1 10 Mar → 30 Jun: 3; B2 1 Apr → 30 Jun (its last day): 3
        assertThat(nizza.householdsHoused()).isEqualTo(2);
        assertThat(nizza.monthsOfStableHousing()).isEqualTo(6);
        assertThat(nizza.tenanciesEnded()).containsEntry("MOVED_TO_AUTONOMOUS_HOUSING", 1).containsEntry("EVICTION", 0).hasSize(5);
        assertThat(nizza.exitsToAutonomy()).isEqualTo(1);
        assertThat(nizza.latestValuation()).isEqualTo(money("305000.00"));

        HousingFigures total = report.currencies().get(0).total();
        assertThat(total.district()).isNull();
        assertThat(total.properties()).isEqualTo(2);
        assertThat(total.units()).isEqualTo(5);
        assertThat(total.acquisitionCost()).isEqualTo(money("730000.00"));
        assertThat(total.latestValuation()).isEqualTo(money("745000.00"));
        assertThat(total.occupiedUnits()).isEqualTo(3);
        assertThat(total.occupancyRate()).isEqualTo(new BigDecimal("0.6000"));
        assertThat(total.rentDue()).isEqualTo(money("7020.00"));
        assertThat(total.rentCollected()).isEqualTo(money("5760.00"));
        assertThat(total.arrears()).isEqualTo(money("1260.00"));
        assertThat(total.collectionRate()).isEqualTo(new BigDecimal("0.8205")); // 5,760 / 7,020 = 0.82051…
        assertThat(total.monthlyDiscount()).isEqualTo(money("730.00"));
        assertThat(total.averageDiscountToMarket()).isEqualTo(new BigDecimal("0.3476")); // 730 / 2,100 = 0.347619…
        assertThat(total.householdsHoused()).isEqualTo(4);
        assertThat(total.monthsOfStableHousing()).isEqualTo(14);
        assertThat(total.exitsToAutonomy()).isEqualTo(1);
    }

    @Test
    void as_of_mid_may_counts_only_what_had_happened_by_then() {
        HousingReport report = tables.report("2026-05-15", NOW);

        HousingFigures cigna = figures(report, "6");
        // months up to May: A1 4 × 400 + A2 3 × 520 = 3,160; paid by 15 May: 1,600 + 520 + 300
        assertThat(cigna.rentDue()).isEqualTo(money("3160.00"));
        assertThat(cigna.rentCollected()).isEqualTo(money("2420.00"));
        assertThat(cigna.arrears()).isEqualTo(money("740.00"));
        assertThat(cigna.monthsOfStableHousing()).isEqualTo(5); // A1 15 Feb → 15 May: 3; A2 1 Mar → 15 May: 2
        assertThat(cigna.propertiesValued()).isZero();
        assertThat(cigna.latestValuation()).isEqualTo(money("0.00"));

        HousingFigures nizza = figures(report, "8");
        // both flats let (B2 ends on 30 Jun); the May payment of B1 is reversed only on 20 May, so it still counts
        assertThat(nizza.occupiedUnits()).isEqualTo(2);
        assertThat(nizza.occupancyRate()).isEqualTo(new BigDecimal("1.0000"));
        assertThat(nizza.rentDue()).isEqualTo(money("2110.00")); // B1 3 × 450 + B2 2 × 380
        assertThat(nizza.rentCollected()).isEqualTo(money("2110.00"));
        assertThat(nizza.averageDiscountToMarket()).isEqualTo(new BigDecimal("0.3413")); // (1,260 − 830) / 1,260 = 0.341269…
        assertThat(nizza.monthsOfStableHousing()).isEqualTo(3); // B1 10 Mar → 15 May: 2; B2 1 Apr → 15 May: 1
        assertThat(nizza.exitsToAutonomy()).isZero();
    }

    @Test
    void between_the_reversal_and_the_second_payment_the_month_is_in_arrears() {
        HousingFigures nizza = figures(tables.report("2026-05-21", NOW), "8");

        assertThat(nizza.rentDue()).isEqualTo(money("2110.00"));
        assertThat(nizza.rentCollected()).isEqualTo(money("1660.00"));
        assertThat(nizza.arrears()).isEqualTo(money("450.00"));
    }

    @Test
    void before_the_first_acquisition_the_report_is_empty_and_a_rate_without_a_denominator_is_null() {
        assertThat(tables.report("2026-01-31", NOW).currencies()).isEmpty();

        // Via Cigna is bought, A1's lease starts only on 15 Feb; February is charged (a month counts from its first day), not yet paid
        HousingFigures cigna = figures(tables.report("2026-02-10", NOW), "6");
        assertThat(cigna.units()).isEqualTo(3);
        assertThat(cigna.occupancyRate()).isEqualTo(new BigDecimal("0.0000"));
        assertThat(cigna.averageDiscountToMarket()).isNull();
        assertThat(cigna.marketRent()).isEqualTo(money("0.00"));
        assertThat(cigna.householdsHoused()).isZero();
        assertThat(cigna.rentDue()).isEqualTo(money("400.00"));
        assertThat(cigna.collectionRate()).isEqualTo(new BigDecimal("0.0000"));
    }

    @Test
    void as_known_before_the_cancellation_the_july_charge_was_still_due() {
        Instant beforeCancellation = recordedAt(RentChargeCancelled.class).minusNanos(1_000);

        HousingFigures before = figures(tables.report("2026-07-31", beforeCancellation), "8");
        HousingFigures after = figures(tables.report("2026-07-31", NOW), "8");

        assertThat(before.rentDue()).isEqualTo(money("3320.00")); // 2,940 + July's 380
        assertThat(before.arrears()).isEqualTo(money("380.00"));
        assertThat(before.occupiedUnits()).isEqualTo(2); // the end of the lease was not known yet either
        assertThat(after.rentDue()).isEqualTo(money("2940.00"));
        assertThat(after.arrears()).isEqualTo(money("0.00"));
        assertThat(after.occupiedUnits()).isEqualTo(1);
    }

    @Test
    void a_cancellation_corrects_the_charge_for_every_as_of_date_once_it_is_known() {
        // the cancellation was recorded after July; asked as of the end of July with everything known, July is not due
        assertThat(figures(tables.report("2026-07-31", NOW), "8").rentDue()).isEqualTo(money("2940.00"));
    }

    @Test
    void as_known_before_the_restatement_the_first_valuation_counts() {
        Instant beforeRestatement = events.stream().filter(r -> r.payload() instanceof PropertyValuationRecorded v
                        && v.value().amount().compareTo(new BigDecimal("440000")) == 0)
                .findFirst().orElseThrow().timestamp().minusNanos(1_000);

        HousingReport report = tables.report("2026-06-30", beforeRestatement);

        assertThat(figures(report, "6").latestValuation()).isEqualTo(money("435000.00"));
        assertThat(report.currencies().get(0).total().latestValuation()).isEqualTo(money("740000.00"));
    }

    @Test
    void as_known_before_the_reversal_was_recorded_the_returned_payment_still_counts() {
        Instant beforeReversal = recordedAt(RentCollectionReversed.class).minusNanos(1_000);

        HousingFigures nizza = figures(tables.report("2026-05-21", beforeReversal), "8");

        assertThat(nizza.rentCollected()).isEqualTo(money("2110.00"));
    }

    @Test
    void filters_by_district_and_by_fund() {
        HousingReport district = tables.report(null, "8", "2026-06-30", NOW);
        assertThat(district.district()).isEqualTo("8");
        assertThat(district.currencies().get(0).districts()).extracting(HousingFigures::district).containsExactly("8");
        assertThat(district.currencies().get(0).total().rentDue()).isEqualTo(money("2940.00"));

        assertThat(tables.report(FUND, null, "2026-06-30", NOW).currencies().get(0).total().properties()).isEqualTo(2);
        assertThat(tables.report(FundId.of("fund-other"), null, "2026-06-30", NOW).currencies()).isEmpty();
    }

    @Test
    void agrees_with_housing_outcomes_for_every_prefix_of_the_history_and_several_dates() {
        List<String> dates = List.of("2026-02-14", "2026-02-15", "2026-03-09", "2026-04-30", "2026-05-20", "2026-06-29", "2026-06-30",
                "2026-07-31", "2027-03-01");
        for (int known = 0; known < events.size(); known++) {
            List<PropertyEvent> prefix = events.subList(0, known + 1).stream().map(r -> (PropertyEvent) r.payload()).toList();
            Instant knownAt = events.get(known).timestamp();
            for (String date : dates) {
                LocalDate asOf = LocalDate.parse(date);
                HousingReport report = tables.report(date, knownAt);
                Map<String, HousingOutcomes.Summary> expected = new TreeMap<>(HousingOutcomes.byDistrict(prefix, asOf, "EUR"));
                expected.values().removeIf(s -> s.properties() == 0);
                String question = "as of " + date + " knowing " + (known + 1) + " events";
                if (expected.isEmpty()) {
                    assertThat(report.currencies()).as(question).isEmpty();
                    continue;
                }
                assertThat(report.currencies().get(0).districts()).extracting(HousingFigures::district).as(question)
                        .containsExactlyElementsOf(expected.keySet());
                for (HousingFigures figures : report.currencies().get(0).districts()) {
                    assertAgrees(figures, expected.get(figures.district()), question + " in district " + figures.district());
                }
                assertAgrees(report.currencies().get(0).total(), HousingOutcomes.summarise(prefix, asOf, "EUR"), question + " in total");
            }
        }
    }

    private static void assertAgrees(HousingFigures figures, HousingOutcomes.Summary summary, String question) {
        assertThat(figures.properties()).as(question).isEqualTo(summary.properties());
        assertThat(figures.units()).as(question).isEqualTo(summary.units());
        assertThat(figures.occupiedUnits()).as(question).isEqualTo(summary.occupiedUnits());
        assertThat(figures.householdsHoused()).as(question).isEqualTo(summary.householdsHoused());
        assertThat(figures.monthsOfStableHousing()).as(question).isEqualTo(summary.monthsOfStableHousing());
        assertThat(figures.monthlyRent()).as(question).isEqualTo(summary.monthlyRentOfActiveLeases().amount());
        assertThat(figures.marketRent()).as(question).isEqualTo(summary.marketRentOfActiveLeases().amount());
        assertThat(figures.rentDue()).as(question).isEqualTo(summary.rentDue().amount());
        assertThat(figures.rentCollected()).as(question).isEqualTo(summary.rentCollected().amount());
        assertThat(figures.exitsToAutonomy()).as(question).isEqualTo(summary.exitsToAutonomy());
        summary.tenanciesEnded().forEach((reason, count) -> assertThat(figures.tenanciesEnded().get(reason.name())).as(question).isEqualTo(count));
        assertThat(figures.tenanciesEnded().values().stream().mapToInt(Integer::intValue).sum()).as(question)
                .isEqualTo(summary.tenanciesEnded().values().stream().mapToInt(Integer::intValue).sum());
    }

    private Instant recordedAt(Class<?> eventType) {
        return events.stream().filter(r -> eventType.isInstance(r.payload())).findFirst().orElseThrow().timestamp();
    }

    private static HousingFigures figures(HousingReport report, String district) {
        return report.currencies().get(0).districts().stream().filter(f -> district.equals(f.district())).findFirst().orElseThrow();
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
