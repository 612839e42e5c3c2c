package org.impactledger.core.housing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.impactledger.core.housing.HousingTestData.date;
import static org.impactledger.core.housing.HousingTestData.eur;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.impactledger.core.housing.HousingOutcomes.Metric;
import org.impactledger.core.housing.HousingOutcomes.RentDiscount;
import org.impactledger.core.housing.HousingOutcomes.Summary;
import org.impactledger.core.housing.event.LeaseEnded;
import org.impactledger.core.housing.event.LeaseSigned;
import org.impactledger.core.housing.event.PropertyAcquired;
import org.impactledger.core.housing.event.PropertyEvent;
import org.impactledger.core.housing.event.PropertyValuationRecorded;
import org.impactledger.core.housing.event.RentChargeCancelled;
import org.impactledger.core.housing.event.RentCharged;
import org.impactledger.core.housing.event.RentCollected;
import org.impactledger.core.housing.event.RentCollectionReversed;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.HouseholdId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.core.shared.UnitId;
import org.impactledger.core.taxonomy.SdgTarget;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class HousingOutcomesTest {

    // ================================================================ SDG mapping

    @Nested
    class MappingToSdgTargets {

        @Test
        void maps_households_housed_to_adequate_housing_and_access_to_basic_services() {
            assertThat(codes(Metric.HOUSEHOLDS_HOUSED)).containsExactly("11.1", "1.4");
        }

        @Test
        void maps_months_of_stable_housing_to_adequate_housing() {
            assertThat(codes(Metric.MONTHS_OF_STABLE_HOUSING)).containsExactly("11.1");
        }

        @Test
        void maps_the_rent_discount_to_affordable_housing_and_poverty() {
            assertThat(codes(Metric.RENT_DISCOUNT)).containsExactly("11.1", "1.2");
        }

        @Test
        void maps_exits_to_autonomy_to_poverty_and_adequate_housing() {
            assertThat(codes(Metric.EXITS_TO_AUTONOMY)).containsExactly("1.2", "11.1");
        }

        @ParameterizedTest
        @EnumSource(Metric.class)
        void gives_each_metric_a_code_a_rate_card_would_accept(Metric metric) {
            assertThat(metric.code()).matches("[A-Z0-9][A-Z0-9_.-]{0,39}").startsWith("HOUSING.");
            assertThat(metric.description()).isNotBlank();
            assertThat(metric.sdgTargets()).isNotEmpty().allSatisfy(t -> assertThat(t.sdgGoal().number()).isIn(1, 11));
        }

        private List<String> codes(Metric metric) {
            return metric.sdgTargets().stream().map(SdgTarget::code).toList();
        }
    }

    // ================================================================ one lease

    @Nested
    class MonthsOfStableHousing {

        @ParameterizedTest(name = "lease from {0} to {1}, as of {2}: {3} months")
        @CsvSource(nullValues = "-", value = {
                "2025-01-15, -,          2025-02-13, 0",
                "2025-01-15, -,          2025-02-14, 1",
                "2025-01-31, -,          2025-02-27, 0",
                "2025-01-31, -,          2025-02-28, 1",
                "2025-02-01, -,          2025-02-28, 1",
                "2025-02-01, -,          2025-02-01, 0",
                "2025-02-01, -,          2025-01-31, 0",
                "2024-02-29, -,          2025-02-28, 12",
                "2025-02-01, 2025-11-30, 2026-06-30, 10",
                "2025-02-01, 2025-11-30, 2025-11-29, 9",
                "2025-02-01, 2025-02-01, 2025-12-31, 0",
        })
        void counts_complete_months_from_the_start_to_the_end_of_the_earlier_of_the_as_of_date_and_the_last_day(
                String start, String end, String asOf, long expected) {
            assertThat(HousingOutcomes.completeMonths(date(start), end == null ? null : date(end), date(asOf))).isEqualTo(expected);
        }
    }

    @Nested
    class RentDiscounts {

        @Test
        void gives_the_discount_per_month_and_as_a_percentage_of_market_rent() {
            RentDiscount discount = new RentDiscount(eur("400.00"), eur("620.00"));
            assertThat(discount.perMonth()).isEqualTo(eur("220.00"));
            assertThat(discount.percent()).isEqualByComparingTo("35.48");
        }

        @Test
        void rounds_the_percentage_half_up_to_two_decimals() {
            assertThat(new RentDiscount(eur("799.96"), eur("800.00")).percent()).isEqualTo(new BigDecimal("0.01"));
        }

        @Test
        void gives_no_discount_for_a_rent_at_market() {
            RentDiscount discount = new RentDiscount(eur("620.00"), eur("620.00"));
            assertThat(discount.perMonth()).isEqualTo(eur("0.00"));
            assertThat(discount.percent()).isEqualTo(new BigDecimal("0.00"));
        }

        @Test
        void takes_the_discount_of_a_signed_lease_from_its_event() {
            LeaseSigned signed = HousingTestData.lease("L-1").rent("500.00").market("780.00").signed();
            assertThat(HousingOutcomes.discount(signed)).isEqualTo(new RentDiscount(eur("500.00"), eur("780.00")));
        }

        @Test
        void refuses_a_market_rent_that_is_not_positive() {
            assertThatThrownBy(() -> new RentDiscount(eur("0.00"), eur("0.00")))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                        assertThat(e.field()).isEqualTo("marketRent");
                        assertThat(e.getMessage()).isEqualTo("marketRent must be positive, was 0.00 EUR");
                    });
        }

        @Test
        void refuses_a_rent_and_a_market_rent_in_two_currencies() {
            assertThatThrownBy(() -> new RentDiscount(eur("400.00"), Money.of("620.00", "CHF")))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CURRENCY_MISMATCH);
                        assertThat(e.getMessage()).isEqualTo("cannot combine CHF with EUR");
                    });
        }

        @Test
        void averages_discounts_weighted_by_market_rent() {
            List<RentDiscount> discounts = List.of(new RentDiscount(eur("400.00"), eur("620.00")), new RentDiscount(eur("600.00"), eur("900.00")));
            // (220 + 300) / (620 + 900) = 34.21%, not the plain mean of 35.48% and 33.33%
            assertThat(HousingOutcomes.averageDiscountPercent(discounts)).contains(new BigDecimal("34.21"));
        }

        @Test
        void has_no_average_without_discounts() {
            assertThat(HousingOutcomes.averageDiscountPercent(List.of())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(LeaseEndReason.class)
    void counts_only_a_move_to_autonomous_housing_as_an_exit_to_autonomy(LeaseEndReason reason) {
        assertThat(HousingOutcomes.isExitToAutonomy(reason)).isEqualTo(reason == LeaseEndReason.MOVED_TO_AUTONOMOUS_HOUSING);
    }

    // ================================================================ a history

    /**
     * Two properties: Via Cigna 14 in district 6 (three flats) and Via Nizza 50 in district 8 (two).
     * Five households housed; one left for autonomous housing on 30 November, one was evicted on
     * 30 September; a third household moved into the freed flat on 10 December.
     */
    @Nested
    class SummarisingAHistory {

        private static final PropertyId CIGNA = PropertyId.of("P-VIA-CIGNA-14");
        private static final PropertyId NIZZA = PropertyId.of("P-VIA-NIZZA-50");
        private static final FundId FUND = FundId.of("F-HOMES4ALL");

        private final List<PropertyEvent> history = new ArrayList<>();

        SummarisingAHistory() {
            history.add(new PropertyAcquired(CIGNA, FUND, "Via Cigna 14", "6", eur("420000"), date("2025-01-15"), List.of(
                    new PropertyUnit(UnitId.of("U-1"), new BigDecimal("48.50"), 2, eur("620")),
                    new PropertyUnit(UnitId.of("U-2"), new BigDecimal("65"), 3, eur("780")),
                    new PropertyUnit(UnitId.of("U-3"), new BigDecimal("32"), 1, eur("450")))));
            history.add(signed(CIGNA, "L-1", "U-1", "HH-0001", "400", "620", "2025-02-01"));
            history.add(new PropertyAcquired(NIZZA, FUND, "Via Nizza 50", "8", eur("390000"), date("2025-03-01"), List.of(
                    new PropertyUnit(UnitId.of("U-1"), new BigDecimal("55"), 2, eur("700")),
                    new PropertyUnit(UnitId.of("U-2"), new BigDecimal("80"), 4, eur("900")))));
            history.add(signed(CIGNA, "L-2", "U-2", "HH-0002", "500", "780", "2025-03-15"));
            history.add(signed(NIZZA, "L-1", "U-1", "HH-0004", "450", "700", "2025-04-01"));
            history.add(signed(NIZZA, "L-2", "U-2", "HH-0005", "600", "900", "2025-05-01"));
            history.add(new PropertyValuationRecorded(CIGNA, FUND, eur("430000"), date("2025-06-30"), "appraisal"));
            history.add(ended(NIZZA, "L-1", "U-1", "HH-0004", "2025-09-30", LeaseEndReason.EVICTION));
            history.add(new RentCharged(NIZZA, LeaseId.of("L-2"), "2025-10", eur("600")));
            history.add(new RentChargeCancelled(NIZZA, LeaseId.of("L-2"), "2025-10", eur("600"), "charged to the wrong lease"));
            history.add(new RentCharged(CIGNA, LeaseId.of("L-2"), "2025-11", eur("500")));
            history.add(collected(CIGNA, "L-2", "C-1", "2025-11", "500", "2025-11-05"));
            history.add(ended(CIGNA, "L-1", "U-1", "HH-0001", "2025-11-30", LeaseEndReason.MOVED_TO_AUTONOMOUS_HOUSING));
            history.add(new RentCharged(CIGNA, LeaseId.of("L-2"), "2025-12", eur("500")));
            history.add(new RentCharged(NIZZA, LeaseId.of("L-2"), "2025-12", eur("600")));
            history.add(collected(NIZZA, "L-2", "C-1", "2025-12", "600", "2025-12-03"));
            history.add(collected(CIGNA, "L-2", "C-2", "2025-12", "300", "2025-12-05"));
            history.add(signed(CIGNA, "L-3", "U-1", "HH-0003", "420", "650", "2025-12-10"));
            history.add(reversed(NIZZA, "L-2", "C-1", "2025-12", "600", "2025-12-15"));
            history.add(collected(CIGNA, "L-2", "C-3", "2025-12", "200", "2025-12-20"));
            history.add(new RentCharged(CIGNA, LeaseId.of("L-2"), "2026-01", eur("500")));
            history.add(reversed(CIGNA, "L-2", "C-3", "2025-12", "200", "2026-01-10"));
        }

        @Test
        void summarises_the_year_end() {
            Summary summary = HousingOutcomes.summarise(history, date("2025-12-31"), "EUR");

            assertThat(summary.properties()).isEqualTo(2);
            assertThat(summary.units()).isEqualTo(5);
            assertThat(summary.occupiedUnits()).isEqualTo(3);
            assertThat(summary.occupancyPercent()).contains(new BigDecimal("60.00"));
            assertThat(summary.householdsHoused()).isEqualTo(5);
            assertThat(summary.activeLeases()).isEqualTo(3);
            // 10 (L-1 Cigna, Feb-Nov) + 9 (L-2 Cigna, from 15 Mar) + 0 (L-3 Cigna, from 10 Dec) + 6 (L-1 Nizza, Apr-Sep) + 8 (L-2 Nizza, May-Dec)
            assertThat(summary.monthsOfStableHousing()).isEqualTo(33);
            assertThat(summary.monthlyRentOfActiveLeases()).isEqualTo(eur("1520.00"));
            assertThat(summary.marketRentOfActiveLeases()).isEqualTo(eur("2330.00"));
            assertThat(summary.monthlyDiscount()).isEqualTo(eur("810.00"));
            assertThat(summary.averageDiscountPercent()).contains(new BigDecimal("34.76"));
            assertThat(summary.tenanciesEnded()).isEqualTo(Map.of(LeaseEndReason.MOVED_TO_AUTONOMOUS_HOUSING, 1, LeaseEndReason.EVICTION, 1));
            assertThat(summary.exitsToAutonomy()).isEqualTo(1);
        }

        @Test
        void counts_rent_due_up_to_the_as_of_month_and_collections_paid_and_not_reversed_by_then() {
            Summary summary = HousingOutcomes.summarise(history, date("2025-12-31"), "EUR");

            // due: Cigna Nov 500 + Dec 500, Nizza Dec 600; not Nizza Oct (cancelled) nor Cigna Jan 2026 (a later month)
            assertThat(summary.rentDue()).isEqualTo(eur("1600.00"));
            // collected: Cigna 500 + 300 + 200 (its reversal on 10 January comes later); Nizza's 600 was reversed on 15 December
            assertThat(summary.rentCollected()).isEqualTo(eur("1000.00"));
            assertThat(summary.arrears()).isEqualTo(eur("600.00"));
            assertThat(summary.collectionPercent()).contains(new BigDecimal("62.50"));
        }

        @Test
        void counts_a_reversal_from_its_date() {
            Summary summary = HousingOutcomes.summarise(history, date("2026-01-31"), "EUR");

            assertThat(summary.rentDue()).isEqualTo(eur("2100.00"));
            assertThat(summary.rentCollected()).isEqualTo(eur("800.00"));
            assertThat(summary.arrears()).isEqualTo(eur("1300.00"));
        }

        @Test
        void counts_a_lease_ending_on_the_as_of_date_as_ended() {
            Summary summary = HousingOutcomes.summarise(history, date("2025-11-30"), "EUR");

            assertThat(summary.activeLeases()).isEqualTo(2);
            assertThat(summary.householdsHoused()).isEqualTo(4);
            assertThat(summary.exitsToAutonomy()).isEqualTo(1);
            assertThat(summary.monthsOfStableHousing()).isEqualTo(10 + 8 + 6 + 7);
            assertThat(summary.rentDue()).isEqualTo(eur("500.00"));
            assertThat(summary.rentCollected()).isEqualTo(eur("500.00"));
        }

        @Test
        void counts_a_lease_whose_end_date_is_after_the_as_of_date_as_running() {
            Summary summary = HousingOutcomes.summarise(history, date("2025-11-29"), "EUR");

            assertThat(summary.activeLeases()).isEqualTo(3);
            assertThat(summary.exitsToAutonomy()).isZero();
            assertThat(summary.tenanciesEnded()).isEqualTo(Map.of(LeaseEndReason.EVICTION, 1));
        }

        @Test
        void leaves_out_properties_not_yet_acquired_and_leases_not_yet_started() {
            Summary summary = HousingOutcomes.summarise(history, date("2025-02-28"), "EUR");

            assertThat(summary.properties()).isEqualTo(1);
            assertThat(summary.units()).isEqualTo(3);
            assertThat(summary.occupiedUnits()).isEqualTo(1);
            assertThat(summary.occupancyPercent()).contains(new BigDecimal("33.33"));
            assertThat(summary.householdsHoused()).isEqualTo(1);
            assertThat(summary.monthsOfStableHousing()).isEqualTo(1);
        }

        @Test
        void reports_the_quantity_of_each_metric_for_the_sdg_report() {
            Summary summary = HousingOutcomes.summarise(history, date("2025-12-31"), "EUR");

            assertThat(summary.quantity(Metric.HOUSEHOLDS_HOUSED)).isEqualByComparingTo("5");
            assertThat(summary.quantity(Metric.MONTHS_OF_STABLE_HOUSING)).isEqualByComparingTo("33");
            assertThat(summary.quantity(Metric.RENT_DISCOUNT)).isEqualByComparingTo("810.00");
            assertThat(summary.quantity(Metric.EXITS_TO_AUTONOMY)).isEqualByComparingTo("1");
        }

        @Test
        void summarises_by_district() {
            Map<String, Summary> byDistrict = HousingOutcomes.byDistrict(history, date("2025-12-31"), "EUR");

            assertThat(byDistrict).containsOnlyKeys("6", "8");
            Summary barriera = byDistrict.get("6");
            assertThat(barriera.units()).isEqualTo(3);
            assertThat(barriera.occupiedUnits()).isEqualTo(2);
            assertThat(barriera.householdsHoused()).isEqualTo(3);
            assertThat(barriera.monthsOfStableHousing()).isEqualTo(19);
            assertThat(barriera.averageDiscountPercent()).contains(new BigDecimal("35.66"));
            assertThat(barriera.exitsToAutonomy()).isEqualTo(1);
            assertThat(barriera.rentDue()).isEqualTo(eur("1000.00"));
            assertThat(barriera.rentCollected()).isEqualTo(eur("1000.00"));
            Summary sanSalvario = byDistrict.get("8");
            assertThat(sanSalvario.units()).isEqualTo(2);
            assertThat(sanSalvario.occupiedUnits()).isEqualTo(1);
            assertThat(sanSalvario.householdsHoused()).isEqualTo(2);
            assertThat(sanSalvario.monthsOfStableHousing()).isEqualTo(14);
            assertThat(sanSalvario.averageDiscountPercent()).contains(new BigDecimal("33.33"));
            assertThat(sanSalvario.tenanciesEnded()).isEqualTo(Map.of(LeaseEndReason.EVICTION, 1));
            assertThat(sanSalvario.arrears()).isEqualTo(eur("600.00"));
        }

        @Test
        void summarises_no_history_without_percentages() {
            Summary summary = HousingOutcomes.summarise(List.of(), date("2025-12-31"), "EUR");

            assertThat(summary.units()).isZero();
            assertThat(summary.occupancyPercent()).isEmpty();
            assertThat(summary.averageDiscountPercent()).isEmpty();
            assertThat(summary.collectionPercent()).isEmpty();
            assertThat(summary.arrears()).isEqualTo(eur("0.00"));
        }

        @Test
        void refuses_a_history_in_which_a_lease_ends_without_being_signed() {
            List<PropertyEvent> broken = List.of(history.get(0), ended(CIGNA, "L-9", "U-1", "HH-0009", "2025-06-30", LeaseEndReason.OTHER));

            assertThatThrownBy(() -> HousingOutcomes.summarise(broken, date("2025-12-31"), "EUR"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("lease L-9 of property P-VIA-CIGNA-14 ends but was never signed");
        }

        private LeaseSigned signed(PropertyId property, String lease, String unit, String household, String rent, String market, String start) {
            return new LeaseSigned(property, FUND, LeaseId.of(lease), UnitId.of(unit), HouseholdId.of(household), 2, eur(rent), eur(market),
                    date(start));
        }

        private LeaseEnded ended(PropertyId property, String lease, String unit, String household, String endDate, LeaseEndReason reason) {
            return new LeaseEnded(property, LeaseId.of(lease), UnitId.of(unit), HouseholdId.of(household), date(endDate), reason,
                    reason == LeaseEndReason.OTHER ? "test" : null);
        }

        private RentCollected collected(PropertyId property, String lease, String collectionId, String period, String amount, String paid) {
            return new RentCollected(property, LeaseId.of(lease), collectionId, period, eur(amount), date(paid), "SEPA-" + collectionId,
                    eur("0"));
        }

        private RentCollectionReversed reversed(PropertyId property, String lease, String collectionId, String period, String amount,
                                                String reversedOn) {
            return new RentCollectionReversed(property, LeaseId.of(lease), collectionId, period, eur(amount), "returned by the bank",
                    date(reversedOn), eur(amount));
        }
    }
}
