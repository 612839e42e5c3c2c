package org.impactledger.core.housing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.core.housing.HousingTestData.ACQUIRED;
import static org.impactledger.core.housing.HousingTestData.ADDRESS;
import static org.impactledger.core.housing.HousingTestData.FUND;
import static org.impactledger.core.housing.HousingTestData.PRICE;
import static org.impactledger.core.housing.HousingTestData.PROPERTY;
import static org.impactledger.core.housing.HousingTestData.U1;
import static org.impactledger.core.housing.HousingTestData.U2;
import static org.impactledger.core.housing.HousingTestData.acquire;
import static org.impactledger.core.housing.HousingTestData.acquired;
import static org.impactledger.core.housing.HousingTestData.date;
import static org.impactledger.core.housing.HousingTestData.eur;
import static org.impactledger.core.housing.HousingTestData.flat1;
import static org.impactledger.core.housing.HousingTestData.flat2;
import static org.impactledger.core.housing.HousingTestData.lease;
import static org.impactledger.core.housing.HousingTestData.propertyWith;
import static org.impactledger.core.housing.HousingTestData.unit;
import static org.impactledger.core.shared.Refusal.refusal;

import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.impactledger.core.housing.HousingTestData.LeaseSpec;
import org.impactledger.core.housing.command.AcquireProperty;
import org.impactledger.core.housing.command.CollectRent;
import org.impactledger.core.housing.command.RecordPropertyValuation;
import org.impactledger.core.housing.event.PropertyAcquired;
import org.impactledger.core.housing.event.PropertyValuationRecorded;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.UnitId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The property's rules, command by command, each with its accepted and its refused path. Commands
 * that production sends through {@link HousingFundHandler} (acquisition, rent collection and its
 * reversal) go here through {@link PropertyFundForTest}, which drives the same property methods.
 */
class PropertyTest {

    private FixtureConfiguration<Property> fixture;

    private final LeaseSpec lease = lease("L-1");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Property.class);
        fixture.registerAnnotatedCommandHandler(new PropertyFundForTest(fixture.getRepository()));
    }

    // ================================================================ acquiring

    @Nested
    class Acquiring {

        @Test
        void acquires_a_property_in_a_turin_district_with_its_units_all_vacant() {
            fixture.givenNoPriorActivity()
                    .when(acquire())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(acquired())
                    .expectState(property -> {
                        assertThat(property.fundId()).isEqualTo(FUND);
                        assertThat(property.district()).isEqualTo("6");
                        assertThat(property.currency()).isEqualTo("EUR");
                        assertThat(property.activeLease(U1)).isEmpty();
                    });
        }

        @Test
        void records_the_district_number_without_surrounding_spaces() {
            fixture.givenNoPriorActivity()
                    .when(acquire(" 6 ", HousingTestData.units()))
                    .expectEvents(acquired());
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "2", "3", "4", "5", "6", "7", "8"})
        void accepts_each_of_the_eight_circoscrizioni(String district) {
            fixture.givenNoPriorActivity()
                    .when(acquire(district, HousingTestData.units()))
                    .expectEvents(new PropertyAcquired(PROPERTY, FUND, ADDRESS, district, PRICE, ACQUIRED, HousingTestData.units()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Aurora", "VI", "6a", "-1", "100"})
        void refuses_a_district_that_is_not_a_district_number(String district) {
            fixture.givenNoPriorActivity()
                    .when(acquire(district, HousingTestData.units()))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "district",
                            "district must be the number of one of Turin's 8 circoscrizioni, 1 to 8; was '" + district + "'"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "9", "10"})
        void refuses_a_district_turin_does_not_have(String district) {
            fixture.givenNoPriorActivity()
                    .when(acquire(district, HousingTestData.units()))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.UNKNOWN_CODE, "district", "Turin has no circoscrizione " + district
                            + ": district must be the number of one of Turin's 8 circoscrizioni, 1 to 8"));
        }

        @Test
        void refuses_a_property_without_a_district() {
            fixture.givenNoPriorActivity()
                    .when(acquire(" ", HousingTestData.units()))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "district", "district is required"));
        }

        @Test
        void refuses_a_property_without_a_fund() {
            fixture.givenNoPriorActivity()
                    .when(new AcquireProperty(PROPERTY, null, ADDRESS, "6", PRICE, ACQUIRED, HousingTestData.units()))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "fundId", "fundId is required"));
        }

        @Test
        void refuses_a_property_without_an_address_label() {
            fixture.givenNoPriorActivity()
                    .when(new AcquireProperty(PROPERTY, FUND, "  ", "6", PRICE, ACQUIRED, HousingTestData.units()))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "addressLabel", "addressLabel is required"));
        }

        @Test
        void accepts_an_address_label_of_200_characters_and_refuses_201() {
            fixture.givenNoPriorActivity()
                    .when(new AcquireProperty(PROPERTY, FUND, "a".repeat(200), "6", PRICE, ACQUIRED, HousingTestData.units()))
                    .expectSuccessfulHandlerExecution();
            fixture.givenNoPriorActivity()
                    .when(new AcquireProperty(PROPERTY, FUND, "a".repeat(201), "6", PRICE, ACQUIRED, HousingTestData.units()))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "addressLabel", "addressLabel may have at most 200 characters, had 201"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1"})
        void refuses_an_acquisition_price_that_is_not_positive(String price) {
            fixture.givenNoPriorActivity()
                    .when(new AcquireProperty(PROPERTY, FUND, ADDRESS, "6", eur(price), ACQUIRED, HousingTestData.units()))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "acquisitionPrice", "acquisitionPrice must be positive, was " + eur(price)));
        }

        @Test
        void refuses_a_property_without_an_acquisition_date() {
            fixture.givenNoPriorActivity()
                    .when(new AcquireProperty(PROPERTY, FUND, ADDRESS, "6", PRICE, null, HousingTestData.units()))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "acquiredOn", "acquiredOn is required"));
        }

        @Test
        void refuses_a_property_without_units() {
            fixture.givenNoPriorActivity()
                    .when(acquire(List.of()))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "units", "units must list at least one unit"));
        }

        @Test
        void refuses_a_unit_listed_twice() {
            fixture.givenNoPriorActivity()
                    .when(acquire(List.of(flat1(), flat2(), unit(U1, "30", 1, eur("400")))))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "units[2].unitId", "unit U-1 appears more than once in units"));
        }

        @Test
        void refuses_an_empty_entry_in_the_units() {
            fixture.givenNoPriorActivity()
                    .when(acquire(Arrays.asList(flat1(), null)))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "units[1]", "units[1] is required"));
        }

        @Test
        void refuses_a_unit_without_an_id() {
            fixture.givenNoPriorActivity()
                    .when(acquire(List.of(flat1(), unit(null, "30", 1, eur("400")))))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "units[1].unitId", "units[1].unitId is required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-12.5"})
        void refuses_a_floor_area_that_is_not_positive(String area) {
            fixture.givenNoPriorActivity()
                    .when(acquire(List.of(unit(U1, area, 2, eur("620")))))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "units[0].areaSqm", "units[0].areaSqm must be positive, was " + area));
        }

        @Test
        void refuses_a_floor_area_with_more_than_two_decimals() {
            fixture.givenNoPriorActivity()
                    .when(acquire(List.of(unit(U1, "48.505", 2, eur("620")))))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "units[0].areaSqm", "units[0].areaSqm 48.505 has more than 2 decimals"));
        }

        @Test
        void refuses_a_unit_without_a_floor_area() {
            fixture.givenNoPriorActivity()
                    .when(acquire(List.of(unit(U1, null, 2, eur("620")))))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "units[0].areaSqm", "units[0].areaSqm is required"));
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 20})
        void accepts_from_one_to_twenty_rooms(int rooms) {
            List<PropertyUnit> units = List.of(unit(U1, "48.50", rooms, eur("620")));
            fixture.givenNoPriorActivity()
                    .when(acquire(units))
                    .expectEvents(acquired(units));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 21})
        void refuses_a_number_of_rooms_outside_one_to_twenty(int rooms) {
            fixture.givenNoPriorActivity()
                    .when(acquire(List.of(flat1(), unit(U2, "65", rooms, eur("780")))))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "units[1].rooms", "units[1].rooms must be from 1 to 20, was " + rooms));
        }

        @Test
        void refuses_a_market_rent_in_another_currency_than_the_price() {
            fixture.givenNoPriorActivity()
                    .when(acquire(List.of(flat1(), unit(U2, "65", 3, Money.of("780", "CHF")))))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CURRENCY_MISMATCH, "units[1].marketRent",
                            "units[1].marketRent is in CHF but the acquisition price is in EUR"));
        }

        @Test
        void refuses_a_market_rent_that_is_not_positive() {
            fixture.givenNoPriorActivity()
                    .when(acquire(List.of(flat1(), unit(U2, "65", 3, eur("0")))))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "units[1].marketRent", "units[1].marketRent must be positive, was 0.00 EUR"));
        }

        @Test
        void refuses_a_unit_without_a_market_rent() {
            fixture.givenNoPriorActivity()
                    .when(acquire(List.of(unit(U1, "48.50", 2, null))))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "units[0].marketRent", "units[0].marketRent is required"));
        }
    }

    // ================================================================ valuations

    @Nested
    class Valuing {

        @Test
        void records_a_valuation_with_its_date_and_method_for_the_fund() {
            fixture.given(acquired())
                    .when(new RecordPropertyValuation(PROPERTY, eur("445000.00"), date("2025-12-31"), "independent appraisal"))
                    .expectEvents(new PropertyValuationRecorded(PROPERTY, FUND, eur("445000.00"), date("2025-12-31"), "independent appraisal"));
        }

        @Test
        void accepts_a_valuation_on_the_acquisition_date() {
            fixture.given(acquired())
                    .when(new RecordPropertyValuation(PROPERTY, PRICE, ACQUIRED, "acquisition price"))
                    .expectEvents(new PropertyValuationRecorded(PROPERTY, FUND, PRICE, ACQUIRED, "acquisition price"));
        }

        @Test
        void refuses_a_valuation_dated_before_the_acquisition() {
            fixture.given(acquired())
                    .when(new RecordPropertyValuation(PROPERTY, PRICE, date("2025-01-14"), "appraisal"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "asOf",
                            "asOf 2025-01-14 is before property P-VIA-CIGNA-14 was acquired on 2025-01-15"));
        }

        @Test
        void refuses_a_value_that_is_not_positive() {
            fixture.given(acquired())
                    .when(new RecordPropertyValuation(PROPERTY, eur("0"), date("2025-12-31"), "appraisal"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "value", "value must be positive, was 0.00 EUR"));
        }

        @Test
        void refuses_a_value_in_another_currency_than_the_property() {
            fixture.given(acquired())
                    .when(new RecordPropertyValuation(PROPERTY, Money.of("445000", "USD"), date("2025-12-31"), "appraisal"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CURRENCY_MISMATCH, "value", "value is in USD but property P-VIA-CIGNA-14 is accounted in EUR"));
        }

        @Test
        void refuses_a_valuation_without_a_method() {
            fixture.given(acquired())
                    .when(new RecordPropertyValuation(PROPERTY, PRICE, date("2025-12-31"), ""))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "method", "method is required"));
        }

        @Test
        void refuses_a_valuation_without_a_date() {
            fixture.given(acquired())
                    .when(new RecordPropertyValuation(PROPERTY, PRICE, null, "appraisal"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "asOf", "asOf is required"));
        }
    }

    // ================================================================ signing leases

    @Nested
    class SigningALease {

        @Test
        void lets_a_vacant_unit_to_a_household_below_market_rent() {
            fixture.given(acquired())
                    .when(lease.sign())
                    .expectEvents(lease.signed())
                    .expectState(property -> assertThat(property.activeLease(U1)).contains(LeaseId.of("L-1")));
        }

        @Test
        void accepts_a_rent_equal_to_the_market_rent() {
            LeaseSpec atMarket = lease("L-1").rent("620.00").market("620.00");
            fixture.given(acquired())
                    .when(atMarket.sign())
                    .expectEvents(atMarket.signed());
        }

        @Test
        void refuses_a_rent_above_the_market_rent() {
            fixture.given(acquired())
                    .when(lease("L-1").rent("620.01").market("620.00").sign())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.LIMIT_EXCEEDED, "monthlyRent",
                            "monthlyRent 620.01 EUR exceeds the market rent of 620.00 EUR: Homes4All lets at or below market rent"));
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 20})
        void accepts_a_household_of_one_to_twenty_people(int size) {
            LeaseSpec spec = lease("L-1").size(size);
            fixture.given(acquired())
                    .when(spec.sign())
                    .expectEvents(spec.signed());
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -2, 21})
        void refuses_a_household_size_outside_one_to_twenty(int size) {
            fixture.given(acquired())
                    .when(lease("L-1").size(size).sign())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "householdSize", "householdSize must be from 1 to 20, was " + size));
        }

        @Test
        void refuses_a_rent_that_is_not_positive() {
            fixture.given(acquired())
                    .when(lease("L-1").rent("0").sign())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "monthlyRent", "monthlyRent must be positive, was 0.00 EUR"));
        }

        @Test
        void refuses_a_lease_without_a_market_rent() {
            fixture.given(acquired())
                    .when(lease("L-1").market((Money) null).sign())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "marketRent", "marketRent is required"));
        }

        @Test
        void refuses_a_market_rent_in_another_currency_than_the_property() {
            fixture.given(acquired())
                    .when(lease("L-1").market(Money.of("620", "USD")).sign())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CURRENCY_MISMATCH, "marketRent",
                            "marketRent is in USD but property P-VIA-CIGNA-14 is accounted in EUR"));
        }

        @Test
        void refuses_a_start_before_the_acquisition() {
            fixture.given(acquired())
                    .when(lease("L-1").from("2025-01-14").sign())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "startDate",
                            "startDate 2025-01-14 is before property P-VIA-CIGNA-14 was acquired on 2025-01-15"));
        }

        @Test
        void accepts_a_start_on_the_acquisition_date() {
            LeaseSpec spec = lease("L-1").from("2025-01-15");
            fixture.given(acquired())
                    .when(spec.sign())
                    .expectEvents(spec.signed());
        }

        @Test
        void refuses_a_lease_without_a_start_date() {
            fixture.given(acquired())
                    .when(lease("L-1").from(null).sign())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "startDate", "startDate is required"));
        }

        @Test
        void refuses_a_lease_without_a_household() {
            fixture.given(acquired())
                    .when(lease("L-1").household(null).sign())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "householdId", "householdId is required"));
        }

        @Test
        void refuses_a_lease_without_a_unit() {
            fixture.given(acquired())
                    .when(lease("L-1").unit(null).sign())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "unitId", "unitId is required"));
        }

        @Test
        void refuses_a_unit_the_property_does_not_have() {
            fixture.given(acquired())
                    .when(lease("L-1").unit(UnitId.of("U-9")).sign())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.NOT_FOUND, "unitId", "property P-VIA-CIGNA-14 has no unit U-9"));
        }

        @Test
        void refuses_a_lease_id_used_before() {
            fixture.given(propertyWith(lease.signed()))
                    .when(lease("L-1").unit(U2).household("HH-0002").sign())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.ALREADY_EXISTS, "leaseId", "lease L-1 already exists in property P-VIA-CIGNA-14"));
        }

        @Test
        void refuses_a_second_lease_on_a_unit_that_is_let() {
            fixture.given(propertyWith(lease.signed()))
                    .when(lease("L-2").household("HH-0002").from("2025-09-01").sign())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "unitId",
                            "unit U-1 is let under lease L-1 since 2025-02-01; a unit holds one lease at a time, so end that lease first"));
        }

        @Test
        void lets_another_unit_to_another_household_at_the_same_time() {
            LeaseSpec second = lease("L-2").unit(U2).household("HH-0002").rent("500.00").market("780.00");
            fixture.given(propertyWith(lease.signed()))
                    .when(second.sign())
                    .expectEvents(second.signed());
        }

        @Test
        void refuses_a_new_lease_starting_on_the_last_day_of_the_previous_one() {
            fixture.given(propertyWith(lease.signed(), lease.ended("2025-06-30", LeaseEndReason.MOVED_ELSEWHERE, null)))
                    .when(lease("L-2").household("HH-0002").from("2025-06-30").sign())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "startDate",
                            "startDate 2025-06-30 must be after 2025-06-30, the last day of the previous lease on unit U-1"));
        }

        @Test
        void lets_the_unit_again_from_the_day_after_the_previous_lease_ended() {
            LeaseSpec next = lease("L-2").household("HH-0002").from("2025-07-01");
            fixture.given(propertyWith(lease.signed(), lease.ended("2025-06-30", LeaseEndReason.MOVED_ELSEWHERE, null)))
                    .when(next.sign())
                    .expectEvents(next.signed())
                    .expectState(property -> assertThat(property.activeLease(U1)).contains(LeaseId.of("L-2")));
        }

        @Test
        void refuses_a_household_that_already_holds_a_lease_in_the_property() {
            fixture.given(propertyWith(lease.signed()))
                    .when(lease("L-2").unit(U2).sign())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "householdId",
                            "household HH-0001 already holds lease L-1 on unit U-1 in property P-VIA-CIGNA-14; end it first"));
        }

        @Test
        void moves_a_household_to_a_larger_unit_once_its_first_lease_has_ended() {
            LeaseSpec larger = lease("L-2").unit(U2).market("780.00").from("2025-07-01");
            fixture.given(propertyWith(lease.signed(), lease.ended("2025-06-30", LeaseEndReason.MOVED_ELSEWHERE, "moved to U-2")))
                    .when(larger.sign())
                    .expectEvents(larger.signed());
        }

        @Test
        void refuses_a_lease_for_a_property_never_acquired() {
            fixture.givenNoPriorActivity()
                    .when(lease.sign())
                    .expectNoEvents()
                    .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
        }
    }

    // ================================================================ charging rent

    @Nested
    class ChargingRent {

        @Test
        void charges_the_monthly_rent_for_a_month_of_the_tenancy() {
            fixture.given(propertyWith(lease.signed()))
                    .when(lease.charge("2025-03"))
                    .expectEvents(lease.charged("2025-03"))
                    .expectState(property -> {
                        assertThat(property.outstanding(lease.id(), "2025-03")).isEqualTo(eur("400.00"));
                        assertThat(property.arrears(lease.id())).isEqualTo(eur("400.00"));
                    });
        }

        @Test
        void charges_the_month_in_which_the_lease_starts() {
            LeaseSpec midMonth = lease("L-1").from("2025-02-15");
            fixture.given(propertyWith(midMonth.signed()))
                    .when(midMonth.charge("2025-02"))
                    .expectEvents(midMonth.charged("2025-02"));
        }

        @Test
        void refuses_a_month_before_the_lease_started() {
            fixture.given(propertyWith(lease.signed()))
                    .when(lease.charge("2025-01"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "period", "period 2025-01 is before lease L-1 started on 2025-02-01"));
        }

        @Test
        void refuses_a_month_charged_before() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-03")))
                    .when(lease.charge("2025-03"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.ALREADY_EXISTS, "period", "rent for 2025-03 is already charged on lease L-1 (400.00 EUR)"));
        }

        @Test
        void charges_a_month_again_after_its_charge_was_cancelled() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-03"), lease.cancelled("2025-03", "charged twice by the batch")))
                    .when(lease.charge("2025-03"))
                    .expectEvents(lease.charged("2025-03"));
        }

        @Test
        void charges_the_month_in_which_the_lease_ended() {
            fixture.given(propertyWith(lease.signed(), lease.ended("2025-07-15", LeaseEndReason.MOVED_TO_AUTONOMOUS_HOUSING, null)))
                    .when(lease.charge("2025-07"))
                    .expectEvents(lease.charged("2025-07"));
        }

        @Test
        void refuses_a_month_after_the_lease_ended() {
            fixture.given(propertyWith(lease.signed(), lease.ended("2025-07-15", LeaseEndReason.MOVED_TO_AUTONOMOUS_HOUSING, null)))
                    .when(lease.charge("2025-08"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "period", "period 2025-08 is after lease L-1 ended on 2025-07-15"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2025-3", "2025-13", "2025-00", "03/2025", "2025-03-01", "2025-Q1"})
        void refuses_a_period_that_is_not_a_month(String period) {
            fixture.given(propertyWith(lease.signed()))
                    .when(lease.charge(period))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "period", "period '" + period + "' must be a month written yyyy-MM, e.g. 2025-03"));
        }

        @Test
        void refuses_a_charge_without_a_period() {
            fixture.given(propertyWith(lease.signed()))
                    .when(lease.charge(null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "period", "period is required"));
        }

        @Test
        void refuses_a_lease_the_property_does_not_have() {
            fixture.given(propertyWith(lease.signed()))
                    .when(lease("L-9").charge("2025-03"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.NOT_FOUND, "leaseId", "property P-VIA-CIGNA-14 has no lease L-9"));
        }
    }

    // ================================================================ collecting rent

    @Nested
    class CollectingRent {

        @Test
        void collects_part_of_a_month_and_leaves_the_rest_in_arrears() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-03")))
                    .when(lease.collect("C-1", "2025-03", "250.00", "2025-03-05"))
                    .expectEvents(lease.collected("C-1", "2025-03", "250.00", "2025-03-05", "150.00"))
                    .expectState(property -> assertThat(property.arrears(lease.id())).isEqualTo(eur("150.00")));
        }

        @Test
        void collects_the_rest_of_a_month_in_a_second_payment() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-03"), lease.collected("C-1", "2025-03", "250.00", "2025-03-05", "150.00")))
                    .when(lease.collect("C-2", "2025-03", "150.00", "2025-03-20"))
                    .expectEvents(lease.collected("C-2", "2025-03", "150.00", "2025-03-20", "0.00"))
                    .expectState(property -> assertThat(property.outstanding(lease.id(), "2025-03")).isEqualTo(eur("0.00")));
        }

        @Test
        void refuses_more_than_is_outstanding_for_the_month() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-03"), lease.collected("C-1", "2025-03", "250.00", "2025-03-05", "150.00")))
                    .when(lease.collect("C-2", "2025-03", "150.01", "2025-03-20"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.LIMIT_EXCEEDED, "amount", "collection of 150.01 EUR exceeds the 150.00 EUR outstanding"
                            + " for 2025-03 on lease L-1 (due 400.00 EUR, collected 250.00 EUR)"));
        }

        @Test
        void refuses_a_payment_for_a_month_already_paid_in_full() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-03"), lease.collected("C-1", "2025-03", "400.00", "2025-03-05", "0.00")))
                    .when(lease.collect("C-2", "2025-03", "0.01", "2025-03-20"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.LIMIT_EXCEEDED, "amount", "collection of 0.01 EUR exceeds the 0.00 EUR outstanding"
                            + " for 2025-03 on lease L-1 (due 400.00 EUR, collected 400.00 EUR)"));
        }

        @Test
        void refuses_a_payment_for_a_month_not_charged() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-03")))
                    .when(lease.collect("C-1", "2025-04", "400.00", "2025-04-05"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "period", "rent for 2025-04 is not charged on lease L-1; charge it before collecting"));
        }

        @Test
        void refuses_a_collection_id_used_before() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-03"), lease.charged("2025-04"),
                            lease.collected("C-1", "2025-03", "400.00", "2025-03-05", "0.00")))
                    .when(lease.collect("C-1", "2025-04", "400.00", "2025-04-05"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.ALREADY_EXISTS, "collectionId", "rent collection C-1 is already recorded in property P-VIA-CIGNA-14"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-10"})
        void refuses_an_amount_that_is_not_positive(String amount) {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-03")))
                    .when(lease.collect("C-1", "2025-03", amount, "2025-03-05"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "amount", "amount must be positive, was " + eur(amount)));
        }

        @Test
        void refuses_an_amount_in_another_currency_than_the_property() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-03")))
                    .when(new CollectRent(PROPERTY, lease.id(), "C-1", "2025-03", Money.of("400", "CHF"), date("2025-03-05"), "SEPA-C-1"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CURRENCY_MISMATCH, "amount", "amount is in CHF but property P-VIA-CIGNA-14 is accounted in EUR"));
        }

        @Test
        void refuses_a_payment_dated_before_the_acquisition() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-02")))
                    .when(lease.collect("C-1", "2025-02", "400.00", "2025-01-10"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "paymentDate",
                            "paymentDate 2025-01-10 is before property P-VIA-CIGNA-14 was acquired on 2025-01-15"));
        }

        @Test
        void refuses_a_payment_without_a_bank_reference() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-03")))
                    .when(new CollectRent(PROPERTY, lease.id(), "C-1", "2025-03", eur("400"), date("2025-03-05"), " "))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "bankReference", "bankReference is required"));
        }

        @Test
        void refuses_a_payment_without_a_collection_id() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-03")))
                    .when(new CollectRent(PROPERTY, lease.id(), null, "2025-03", eur("400"), date("2025-03-05"), "SEPA-1"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "collectionId", "collectionId is required"));
        }

        @Test
        void collects_arrears_after_the_lease_ended() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-06"),
                            lease.ended("2025-06-30", LeaseEndReason.MOVED_ELSEWHERE, null)))
                    .when(lease.collect("C-1", "2025-06", "400.00", "2025-09-10"))
                    .expectEvents(lease.collected("C-1", "2025-06", "400.00", "2025-09-10", "0.00"));
        }
    }

    // ================================================================ reversing a collection

    @Nested
    class ReversingACollection {

        /** After the acquisition: a lease, March charged, and 250.00 of its 400.00 collected. */
        private final List<Object> paid = List.of(lease.signed(), lease.charged("2025-03"),
                lease.collected("C-1", "2025-03", "250.00", "2025-03-05", "150.00"));

        @Test
        void reverses_a_collection_and_its_amount_is_outstanding_again() {
            fixture.given(propertyWith(paid))
                    .when(lease.reverse("C-1", "direct debit returned unpaid", "2025-03-12"))
                    .expectEvents(lease.reversed("C-1", "2025-03", "250.00", "direct debit returned unpaid", "2025-03-12", "400.00"))
                    .expectState(property -> assertThat(property.arrears(lease.id())).isEqualTo(eur("400.00")));
        }

        @Test
        void accepts_a_reversal_on_the_payment_date() {
            fixture.given(propertyWith(paid))
                    .when(lease.reverse("C-1", "recorded on the wrong lease", "2025-03-05"))
                    .expectEvents(lease.reversed("C-1", "2025-03", "250.00", "recorded on the wrong lease", "2025-03-05", "400.00"));
        }

        @Test
        void refuses_a_reversal_dated_before_the_payment() {
            fixture.given(propertyWith(paid))
                    .when(lease.reverse("C-1", "recorded on the wrong lease", "2025-03-04"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "reversedOn",
                            "reversedOn 2025-03-04 is before the payment date 2025-03-05 of rent collection C-1"));
        }

        @Test
        void refuses_to_reverse_a_collection_twice() {
            fixture.given(propertyWith(paid, lease.reversed("C-1", "2025-03", "250.00", "returned", "2025-03-12", "400.00")))
                    .when(lease.reverse("C-1", "returned", "2025-03-13"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "collectionId", "rent collection C-1 was already reversed"));
        }

        @Test
        void refuses_a_collection_the_property_does_not_have() {
            fixture.given(propertyWith(paid))
                    .when(lease.reverse("C-9", "returned", "2025-03-12"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.NOT_FOUND, "collectionId", "property P-VIA-CIGNA-14 has no rent collection C-9"));
        }

        @Test
        void refuses_a_reversal_without_a_reason() {
            fixture.given(propertyWith(paid))
                    .when(lease.reverse("C-1", "", "2025-03-12"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "reason", "reason is required"));
        }

        @Test
        void refuses_a_reversal_without_a_date() {
            fixture.given(propertyWith(paid))
                    .when(lease.reverse("C-1", "returned", null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "reversedOn", "reversedOn is required"));
        }

        @Test
        void collects_the_reversed_amount_again_under_a_new_collection() {
            fixture.given(propertyWith(paid, lease.reversed("C-1", "2025-03", "250.00", "returned", "2025-03-12", "400.00")))
                    .when(lease.collect("C-2", "2025-03", "400.00", "2025-03-20"))
                    .expectEvents(lease.collected("C-2", "2025-03", "400.00", "2025-03-20", "0.00"));
        }
    }

    // ================================================================ cancelling a charge

    @Nested
    class CancellingACharge {

        @Test
        void cancels_a_month_charged_in_error() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-03")))
                    .when(lease.cancel("2025-03", "household had not moved in yet"))
                    .expectEvents(lease.cancelled("2025-03", "household had not moved in yet"))
                    .expectState(property -> assertThat(property.arrears(lease.id())).isEqualTo(eur("0.00")));
        }

        @Test
        void refuses_a_month_not_charged() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-03")))
                    .when(lease.cancel("2025-04", "typo"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "period", "rent for 2025-04 is not charged on lease L-1; there is nothing to cancel"));
        }

        @Test
        void refuses_a_month_with_money_collected_against_it() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-03"), lease.collected("C-1", "2025-03", "250.00", "2025-03-05", "150.00")))
                    .when(lease.cancel("2025-03", "typo"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "period",
                            "rent for 2025-03 on lease L-1 has 250.00 EUR collected; reverse its collections before cancelling the charge"));
        }

        @Test
        void cancels_a_month_whose_collections_were_all_reversed() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-03"), lease.collected("C-1", "2025-03", "250.00", "2025-03-05", "150.00"),
                            lease.reversed("C-1", "2025-03", "250.00", "wrong lease", "2025-03-06", "400.00")))
                    .when(lease.cancel("2025-03", "typo"))
                    .expectEvents(lease.cancelled("2025-03", "typo"));
        }

        @Test
        void refuses_a_cancellation_without_a_reason() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-03")))
                    .when(lease.cancel("2025-03", null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "reason", "reason is required"));
        }
    }

    // ================================================================ ending a lease

    @Nested
    class EndingALease {

        @Test
        void ends_a_lease_with_its_reason_and_the_unit_is_vacant() {
            fixture.given(propertyWith(lease.signed()))
                    .when(lease.end("2026-01-31", LeaseEndReason.MOVED_TO_AUTONOMOUS_HOUSING, null))
                    .expectEvents(lease.ended("2026-01-31", LeaseEndReason.MOVED_TO_AUTONOMOUS_HOUSING, null))
                    .expectState(property -> assertThat(property.activeLease(U1)).isEmpty());
        }

        @ParameterizedTest
        @EnumSource(value = LeaseEndReason.class, names = "OTHER", mode = EnumSource.Mode.EXCLUDE)
        void records_each_reason_without_a_note(LeaseEndReason reason) {
            fixture.given(propertyWith(lease.signed()))
                    .when(lease.end("2026-01-31", reason, null))
                    .expectEvents(lease.ended("2026-01-31", reason, null));
        }

        @Test
        void records_a_blank_note_as_none() {
            fixture.given(propertyWith(lease.signed()))
                    .when(lease.end("2026-01-31", LeaseEndReason.EVICTION, "  "))
                    .expectEvents(lease.ended("2026-01-31", LeaseEndReason.EVICTION, null));
        }

        @Test
        void accepts_other_with_a_note() {
            fixture.given(propertyWith(lease.signed()))
                    .when(lease.end("2026-01-31", LeaseEndReason.OTHER, "unit uninhabitable after water damage"))
                    .expectEvents(lease.ended("2026-01-31", LeaseEndReason.OTHER, "unit uninhabitable after water damage"));
        }

        @Test
        void refuses_other_without_a_note() {
            fixture.given(propertyWith(lease.signed()))
                    .when(lease.end("2026-01-31", LeaseEndReason.OTHER, null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "note", "note is required when the reason is OTHER"));
        }

        @Test
        void refuses_a_note_longer_than_200_characters() {
            fixture.given(propertyWith(lease.signed()))
                    .when(lease.end("2026-01-31", LeaseEndReason.MOVED_ELSEWHERE, "n".repeat(201)))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "note", "note may have at most 200 characters, had 201"));
        }

        @Test
        void refuses_an_end_without_a_reason() {
            fixture.given(propertyWith(lease.signed()))
                    .when(lease.end("2026-01-31", null, null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "reason", "reason is required"));
        }

        @Test
        void refuses_an_end_without_a_date() {
            fixture.given(propertyWith(lease.signed()))
                    .when(lease.end(null, LeaseEndReason.MOVED_ELSEWHERE, null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "endDate", "endDate is required"));
        }

        @Test
        void refuses_an_end_before_the_start() {
            fixture.given(propertyWith(lease.signed()))
                    .when(lease.end("2025-01-31", LeaseEndReason.MOVED_ELSEWHERE, null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "endDate", "endDate 2025-01-31 is before lease L-1 started on 2025-02-01"));
        }

        @Test
        void accepts_an_end_on_the_start_date() {
            fixture.given(propertyWith(lease.signed()))
                    .when(lease.end("2025-02-01", LeaseEndReason.OTHER, "household declined the flat on moving day"))
                    .expectEvents(lease.ended("2025-02-01", LeaseEndReason.OTHER, "household declined the flat on moving day"));
        }

        @Test
        void refuses_to_end_a_lease_twice() {
            fixture.given(propertyWith(lease.signed(), lease.ended("2025-06-30", LeaseEndReason.MOVED_ELSEWHERE, null)))
                    .when(lease.end("2025-07-31", LeaseEndReason.EVICTION, null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "leaseId", "lease L-1 already ended on 2025-06-30 (MOVED_ELSEWHERE)"));
        }

        @Test
        void refuses_an_end_before_a_month_already_charged() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-07"), lease.charged("2025-08")))
                    .when(lease.end("2025-07-15", LeaseEndReason.MOVED_ELSEWHERE, null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "endDate",
                            "rent for 2025-08 is charged on lease L-1, after the endDate 2025-07-15; cancel that charge first"));
        }

        @Test
        void ends_a_lease_in_its_last_charged_month_once_later_charges_are_cancelled() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-07"), lease.charged("2025-08"), lease.cancelled("2025-08", "household left in July")))
                    .when(lease.end("2025-07-15", LeaseEndReason.MOVED_ELSEWHERE, null))
                    .expectEvents(lease.ended("2025-07-15", LeaseEndReason.MOVED_ELSEWHERE, null));
        }

        @Test
        void keeps_the_arrears_of_an_ended_lease() {
            fixture.given(propertyWith(lease.signed(), lease.charged("2025-06"), lease.collected("C-1", "2025-06", "100.00", "2025-06-05", "300.00")))
                    .when(lease.end("2025-06-30", LeaseEndReason.EVICTION, null))
                    .expectEvents(lease.ended("2025-06-30", LeaseEndReason.EVICTION, null))
                    .expectState(property -> assertThat(property.arrears(lease.id())).isEqualTo(eur("300.00")));
        }
    }
}
