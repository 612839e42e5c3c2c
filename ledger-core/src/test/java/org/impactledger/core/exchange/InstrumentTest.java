package org.impactledger.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.core.exchange.ExchangeTestData.ANNA;
import static org.impactledger.core.exchange.ExchangeTestData.BOND;
import static org.impactledger.core.exchange.ExchangeTestData.BOND_TERMS;
import static org.impactledger.core.exchange.ExchangeTestData.BRUNO;
import static org.impactledger.core.exchange.ExchangeTestData.CARLA;
import static org.impactledger.core.exchange.ExchangeTestData.CLOSES;
import static org.impactledger.core.exchange.ExchangeTestData.DAY;
import static org.impactledger.core.exchange.ExchangeTestData.EUR;
import static org.impactledger.core.exchange.ExchangeTestData.ISSUER;
import static org.impactledger.core.exchange.ExchangeTestData.LISTED;
import static org.impactledger.core.exchange.ExchangeTestData.MATURITY;
import static org.impactledger.core.exchange.ExchangeTestData.OFFERING;
import static org.impactledger.core.exchange.ExchangeTestData.OPENS;
import static org.impactledger.core.exchange.ExchangeTestData.PRICE;
import static org.impactledger.core.exchange.ExchangeTestData.SHARE;
import static org.impactledger.core.exchange.ExchangeTestData.ZCZP;
import static org.impactledger.core.exchange.ExchangeTestData.allocation;
import static org.impactledger.core.exchange.ExchangeTestData.buy;
import static org.impactledger.core.exchange.ExchangeTestData.date;
import static org.impactledger.core.exchange.ExchangeTestData.eur;
import static org.impactledger.core.exchange.ExchangeTestData.events;
import static org.impactledger.core.exchange.ExchangeTestData.heldBy;
import static org.impactledger.core.exchange.ExchangeTestData.listBond;
import static org.impactledger.core.exchange.ExchangeTestData.listInstrument;
import static org.impactledger.core.exchange.ExchangeTestData.listed;
import static org.impactledger.core.exchange.ExchangeTestData.nameOf;
import static org.impactledger.core.exchange.ExchangeTestData.offeringClosed;
import static org.impactledger.core.exchange.ExchangeTestData.offeringOpened;
import static org.impactledger.core.exchange.ExchangeTestData.openOffering;
import static org.impactledger.core.exchange.ExchangeTestData.placed;
import static org.impactledger.core.exchange.ExchangeTestData.sell;
import static org.impactledger.core.exchange.ExchangeTestData.shareListed;
import static org.impactledger.core.exchange.ExchangeTestData.subscribe;
import static org.impactledger.core.exchange.ExchangeTestData.subscribed;
import static org.impactledger.core.exchange.ExchangeTestData.trade;
import static org.impactledger.core.shared.Refusal.refusal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.impactledger.core.exchange.command.CancelOffering;
import org.impactledger.core.exchange.command.CancelOrder;
import org.impactledger.core.exchange.command.CloseOffering;
import org.impactledger.core.exchange.command.DelistInstrument;
import org.impactledger.core.exchange.command.ListInstrument;
import org.impactledger.core.exchange.command.OpenOffering;
import org.impactledger.core.exchange.command.PayCoupon;
import org.impactledger.core.exchange.command.PayDividend;
import org.impactledger.core.exchange.command.PlaceOrder;
import org.impactledger.core.exchange.command.SubscribeToOffering;
import org.impactledger.core.exchange.event.IncomePaid;
import org.impactledger.core.exchange.event.IncomeShare;
import org.impactledger.core.exchange.event.InstrumentDelisted;
import org.impactledger.core.exchange.event.InstrumentListed;
import org.impactledger.core.exchange.event.OfferingCancelled;
import org.impactledger.core.exchange.event.OfferingClosed;
import org.impactledger.core.exchange.event.OrderCancelled;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OfferingId;
import org.impactledger.core.shared.OrderId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The instrument's rules (listing, offerings, order book, income), command by command, each with
 * its accepted and its refused path. Commands go through {@link InstrumentCommandsForTest}, which
 * drives the instrument's methods with a {@link RecordingSettlement}: the tests assert the
 * instrument's events and what it asked of the accounts and the issuer. The same rules against the
 * real accounts and issuer are in {@link ExchangeHandlerTest}.
 */
class InstrumentTest {

    private FixtureConfiguration<Instrument> fixture;
    private RecordingSettlement settlement;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Instrument.class);
        settlement = new RecordingSettlement();
        fixture.registerAnnotatedCommandHandler(new InstrumentCommandsForTest(fixture.getRepository(), settlement));
    }

    private static PlaceOrder order(PlaceOrder o, LocalDate placedOn) {
        return new PlaceOrder(o.instrumentId(), o.orderId(), o.investorId(), o.side(), o.quantity(), o.limitPrice(), placedOn);
    }

    private static IncomePaid dividendPaid(String paymentId, String amount, String recordDate, IncomeShare... shares) {
        return new IncomePaid(SHARE, ISSUER, paymentId, IncomeKind.DIVIDEND, eur(amount), 100, date(recordDate), date(recordDate).plusDays(15),
                List.of(shares));
    }

    private static PayDividend payDividend(String amount, String recordDate, String paymentDate) {
        return new PayDividend(SHARE, "DIV-2025", eur(amount), date(recordDate), date(paymentDate));
    }

    private static IncomeShare share(InvestorId investor, long units, String amount) {
        return new IncomeShare(investor, units, eur(amount));
    }

    // ================================================================ listing

    @Nested
    class Listing {

        @Test
        void lists_a_share_in_the_currency_of_its_issuer() {
            fixture.givenNoPriorActivity()
                    .when(listInstrument(SHARE, InstrumentType.SHARE))
                    .expectEvents(shareListed())
                    .expectState(share -> {
                        assertThat(share.currency()).isEqualTo(EUR);
                        assertThat(share.unitsOutstanding()).isZero();
                    });
        }

        @Test
        void lists_a_social_bond_with_its_terms() {
            fixture.givenNoPriorActivity()
                    .when(listInstrument(BOND, InstrumentType.SOCIAL_BOND))
                    .expectEvents(listed(BOND, InstrumentType.SOCIAL_BOND));
        }

        @Test
        void lists_a_zero_coupon_zero_principal_donation_instrument() {
            fixture.givenNoPriorActivity()
                    .when(listInstrument(ZCZP, InstrumentType.ZERO_COUPON_ZERO_PRINCIPAL))
                    .expectEvents(listed(ZCZP, InstrumentType.ZERO_COUPON_ZERO_PRINCIPAL));
        }

        @Test
        void refuses_a_social_bond_without_terms() {
            fixture.givenNoPriorActivity()
                    .when(listBond(null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "bondTerms", "bondTerms are required for a social bond"));
        }

        @Test
        void refuses_bond_terms_on_a_share() {
            fixture.givenNoPriorActivity()
                    .when(new ListInstrument(SHARE, ISSUER, nameOf(SHARE), InstrumentType.SHARE, BOND_TERMS, LISTED))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "bondTerms", "bondTerms apply only to a social bond, not to a SHARE"));
        }

        @Test
        void refuses_a_face_value_in_another_currency_than_the_issuers() {
            fixture.givenNoPriorActivity()
                    .when(listBond(new BondTerms(Money.of("100", "USD"), new BigDecimal("0.035"), 2, MATURITY)))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CURRENCY_MISMATCH, "bondTerms.faceValue",
                            "bondTerms.faceValue is in USD but issuer ISS-HOMES4ALL keeps its cash in EUR"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-0.01", "1.01"})
        void refuses_a_coupon_rate_that_is_not_above_0_and_at_most_1(String rate) {
            fixture.givenNoPriorActivity()
                    .when(listBond(new BondTerms(eur("100"), new BigDecimal(rate), 2, MATURITY)))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "bondTerms.couponRate",
                            "bondTerms.couponRate must be more than 0 and at most 1 (a yearly rate: 0.035 is 3.5%), was " + rate));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.000001", "1", "0.035000"})
        void accepts_a_coupon_rate_up_to_1_with_at_most_six_decimals(String rate) {
            fixture.givenNoPriorActivity()
                    .when(listBond(new BondTerms(eur("100"), new BigDecimal(rate), 2, MATURITY)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refuses_a_coupon_rate_with_seven_decimals() {
            fixture.givenNoPriorActivity()
                    .when(listBond(new BondTerms(eur("100"), new BigDecimal("0.0350001"), 2, MATURITY)))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "bondTerms.couponRate", "bondTerms.couponRate may have at most 6 decimals, was 0.0350001"));
        }

        @Test
        void refuses_three_coupons_a_year() {
            fixture.givenNoPriorActivity()
                    .when(listBond(new BondTerms(eur("100"), new BigDecimal("0.035"), 3, MATURITY)))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "bondTerms.couponsPerYear", "bondTerms.couponsPerYear must be 1, 2, 4 or 12, was 3"));
        }

        @Test
        void refuses_a_maturity_that_is_not_after_the_listing() {
            fixture.givenNoPriorActivity()
                    .when(listBond(new BondTerms(eur("100"), new BigDecimal("0.035"), 2, LISTED)))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "bondTerms.maturity", "bondTerms.maturity 2025-02-03 must be after listedOn 2025-02-03"));
        }

        @Test
        void refuses_to_list_for_a_suspended_issuer() {
            settlement.suspendIssuer();
            fixture.givenNoPriorActivity()
                    .when(listInstrument(SHARE, InstrumentType.SHARE))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null,
                            "issuer ISS-HOMES4ALL is suspended and can list no instrument until it is reinstated"));
        }

        @Test
        void refuses_a_listing_dated_before_the_issuers_admission() {
            fixture.givenNoPriorActivity()
                    .when(new ListInstrument(SHARE, ISSUER, nameOf(SHARE), InstrumentType.SHARE, null, date("2025-01-09")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "listedOn",
                            "listedOn 2025-01-09 is before 2025-01-10, when issuer ISS-HOMES4ALL was admitted"));
        }

        @Test
        void refuses_an_instrument_without_a_type() {
            fixture.givenNoPriorActivity()
                    .when(new ListInstrument(SHARE, ISSUER, nameOf(SHARE), null, null, LISTED))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "type", "type is required"));
        }

        @Test
        void refuses_an_instrument_without_a_name() {
            fixture.givenNoPriorActivity()
                    .when(new ListInstrument(SHARE, ISSUER, " ", InstrumentType.SHARE, null, LISTED))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "name", "name is required"));
        }
    }

    @Nested
    class Delisting {

        private final PlaceOrder s1 = sell("S1", ANNA, 40, "11.00");
        private final PlaceOrder b1 = buy("B1", BRUNO, 10, "9.00");

        @Test
        void delists_after_cancelling_every_resting_order_and_releasing_the_buy_reservations() {
            String reason = "merged into Homes4All Group";
            fixture.given(events(heldBy(SHARE, ANNA, 100), placed(s1, 1), placed(b1, 2)))
                    .when(new DelistInstrument(SHARE, reason, DAY))
                    .expectEvents(
                            new OrderCancelled(SHARE, s1.orderId(), ANNA, OrderSide.SELL, 40, "instrument delisted: " + reason, DAY),
                            new OrderCancelled(SHARE, b1.orderId(), BRUNO, OrderSide.BUY, 10, "instrument delisted: " + reason, DAY),
                            new InstrumentDelisted(SHARE, ISSUER, reason, DAY))
                    .expectState(share -> {
                        assertThat(share.delisted()).isTrue();
                        assertThat(share.openOrders()).isEmpty();
                        assertThat(share.units(ANNA)).isEqualTo(100);
                        assertThat(share.unitsOffered(ANNA)).isZero();
                    });
            assertThat(settlement.calls).containsExactly("release 90.00 EUR of inv-bruno for BUY_ORDER B1: instrument delisted: " + reason);
        }

        @Test
        void refuses_to_delist_while_an_offering_is_open() {
            fixture.given(shareListed(), offeringOpened(SHARE, 1000))
                    .when(new DelistInstrument(SHARE, "merged", DAY))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null, "offering OFF-1 is open; close or cancel it before delisting instrument H4A-SHARE"));
        }

        @Test
        void refuses_to_delist_twice() {
            fixture.given(shareListed(), new InstrumentDelisted(SHARE, ISSUER, "merged", DAY))
                    .when(new DelistInstrument(SHARE, "merged", DAY))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null, "instrument H4A-SHARE was delisted on 2025-03-03"));
        }

        @Test
        void refuses_orders_on_a_delisted_instrument() {
            fixture.given(events(heldBy(SHARE, ANNA, 100), new InstrumentDelisted(SHARE, ISSUER, "merged", DAY)))
                    .when(s1)
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null, "instrument H4A-SHARE was delisted on 2025-03-03"));
        }

        @Test
        void refuses_a_delisting_dated_before_the_latest_business_date() {
            fixture.given(heldBy(SHARE, ANNA, 100))
                    .when(new DelistInstrument(SHARE, "merged", date("2025-02-27")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "delistedOn",
                            "delistedOn 2025-02-27 is before 2025-02-28, the latest business date of instrument H4A-SHARE (its dates never go backwards)"));
        }
    }

    // ================================================================ primary offerings

    @Nested
    class OpeningAnOffering {

        @Test
        void opens_an_offering_of_a_size_at_a_price_for_a_window() {
            fixture.given(shareListed())
                    .when(openOffering(SHARE, 1000))
                    .expectEvents(offeringOpened(SHARE, 1000));
        }

        @Test
        void refuses_a_second_offering_while_one_is_open() {
            fixture.given(shareListed(), offeringOpened(SHARE, 1000))
                    .when(new OpenOffering(SHARE, OfferingId.of("OFF-2"), 500, PRICE, OPENS, CLOSES))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null, "offering OFF-1 is still open on instrument H4A-SHARE; close or cancel it first"));
        }

        @Test
        void refuses_an_offering_id_used_before() {
            fixture.given(heldBy(SHARE, ANNA, 10))
                    .when(new OpenOffering(SHARE, OFFERING, 500, PRICE, DAY, DAY.plusDays(10)))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.ALREADY_EXISTS, "offeringId", "offering OFF-1 already exists on instrument H4A-SHARE"));
        }

        @ParameterizedTest
        @CsvSource({"0, 'size must be a positive whole number of units, was 0'",
                "1000000001, 'size may be at most 1000000000 units, was 1000000001'"})
        void refuses_a_size_that_is_not_a_positive_number_of_units_up_to_a_billion(long size, String message) {
            fixture.given(shareListed())
                    .when(openOffering(SHARE, size))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "size", message));
        }

        @Test
        void refuses_a_price_in_another_currency() {
            fixture.given(shareListed())
                    .when(new OpenOffering(SHARE, OFFERING, 1000, Money.of("10", "CHF"), OPENS, CLOSES))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CURRENCY_MISMATCH, "price", "price is in CHF but instrument H4A-SHARE trades in EUR"));
        }

        @Test
        void refuses_a_window_that_closes_before_it_opens() {
            fixture.given(shareListed())
                    .when(new OpenOffering(SHARE, OFFERING, 1000, PRICE, OPENS, OPENS.minusDays(1)))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "closesOn", "closesOn 2025-02-09 is before opensOn 2025-02-10"));
        }

        @Test
        void refuses_a_window_that_opens_before_the_listing() {
            fixture.given(shareListed())
                    .when(new OpenOffering(SHARE, OFFERING, 1000, PRICE, LISTED.minusDays(1), CLOSES))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "opensOn",
                            "opensOn 2025-02-02 is before 2025-02-03, the latest business date of instrument H4A-SHARE (its dates never go backwards)"));
        }

        @Test
        void refuses_a_bond_offering_that_runs_to_maturity() {
            fixture.given(listed(BOND, InstrumentType.SOCIAL_BOND))
                    .when(new OpenOffering(BOND, OFFERING, 1000, eur("100"), OPENS, MATURITY))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "closesOn",
                            "closesOn 2030-02-03 is not before the maturity 2030-02-03 of bond H4A-BOND-2030"));
        }

        @Test
        void refuses_an_offering_of_a_suspended_issuer() {
            settlement.suspendIssuer();
            fixture.given(shareListed())
                    .when(openOffering(SHARE, 1000))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null,
                            "issuer ISS-HOMES4ALL is suspended: instrument H4A-SHARE takes no new offerings until the issuer is reinstated"));
        }
    }

    @Nested
    class Subscribing {

        @Test
        void a_subscription_reserves_quantity_times_price_on_the_investors_account() {
            fixture.given(shareListed(), offeringOpened(SHARE, 1000))
                    .when(subscribe(SHARE, ANNA, 300))
                    .expectEvents(subscribed(SHARE, ANNA, 300));
            assertThat(settlement.calls).containsExactly("reserve 3000.00 EUR of inv-anna for SUBSCRIPTION OFF-1");
        }

        @Test
        void refuses_a_subscription_the_investors_cash_cannot_cover() {
            settlement.refuseCashOf(ANNA);
            fixture.given(shareListed(), offeringOpened(SHARE, 1000))
                    .when(subscribe(SHARE, ANNA, 300))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.LIMIT_EXCEEDED, "quantity", "investor inv-anna cannot cover 3000.00 EUR"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2025-02-09", "2025-03-01"})
        void refuses_a_subscription_outside_the_window(String day) {
            fixture.given(shareListed(), offeringOpened(SHARE, 1000))
                    .when(new SubscribeToOffering(SHARE, OFFERING, ANNA, 10, date(day)))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "subscribedOn",
                            "subscribedOn " + day + " is outside the subscription window 2025-02-10 to 2025-02-28 of offering OFF-1"));
        }

        @Test
        void accepts_a_subscription_on_the_last_day_of_the_window() {
            fixture.given(shareListed(), offeringOpened(SHARE, 1000))
                    .when(new SubscribeToOffering(SHARE, OFFERING, ANNA, 10, CLOSES))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refuses_a_second_subscription_by_the_same_investor() {
            fixture.given(shareListed(), offeringOpened(SHARE, 1000), subscribed(SHARE, ANNA, 300))
                    .when(subscribe(SHARE, ANNA, 100))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.ALREADY_EXISTS, "investorId", "investor inv-anna has already subscribed to offering OFF-1"));
        }

        @Test
        void refuses_a_subscription_for_no_units() {
            fixture.given(shareListed(), offeringOpened(SHARE, 1000))
                    .when(subscribe(SHARE, ANNA, 0))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "quantity", "quantity must be a positive whole number of units, was 0"));
        }

        @Test
        void refuses_a_subscription_to_an_offering_that_does_not_exist() {
            fixture.given(shareListed())
                    .when(new SubscribeToOffering(SHARE, OfferingId.of("OFF-9"), ANNA, 10, OPENS))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.NOT_FOUND, "offeringId", "instrument H4A-SHARE has no offering OFF-9"));
        }

        @Test
        void refuses_a_subscription_to_a_closed_offering() {
            fixture.given(heldBy(SHARE, BRUNO, 10))
                    .when(subscribe(SHARE, ANNA, 10))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null, "offering OFF-1 is CLOSED; only an OPEN offering can be subscribed to"));
        }

        @Test
        void refuses_a_subscription_while_the_issuer_is_suspended() {
            settlement.suspendIssuer();
            fixture.given(shareListed(), offeringOpened(SHARE, 1000))
                    .when(subscribe(SHARE, ANNA, 300))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null,
                            "issuer ISS-HOMES4ALL is suspended: instrument H4A-SHARE takes no subscriptions until the issuer is reinstated"));
        }
    }

    @Nested
    class ClosingAnOffering {

        @Test
        void an_undersubscribed_offering_allocates_every_subscription_in_full_and_pays_the_issuer() {
            fixture.given(shareListed(), offeringOpened(SHARE, 1000), subscribed(SHARE, ANNA, 300), subscribed(SHARE, BRUNO, 200))
                    .when(new CloseOffering(SHARE, OFFERING, CLOSES))
                    .expectEvents(offeringClosed(SHARE, 1000, CLOSES, allocation(ANNA, 300, 300), allocation(BRUNO, 200, 200)))
                    .expectState(share -> {
                        assertThat(share.register()).containsExactly(java.util.Map.entry("inv-anna", 300L), java.util.Map.entry("inv-bruno", 200L));
                        assertThat(share.unitsOutstanding()).isEqualTo(500);
                    });
            assertThat(settlement.calls).containsExactly(
                    "settle inv-anna: 300 of 300 units, pays 3000.00 EUR, releases 0.00 EUR",
                    "settle inv-bruno: 200 of 200 units, pays 2000.00 EUR, releases 0.00 EUR",
                    "issuer ISS-HOMES4ALL receives 5000.00 EUR");
        }

        /**
         * 100 units, 150 subscribed. Exact shares: ANNA 70 × 100 / 150 = 46.67, BRUNO 33.33, CARLA
         * 20. Rounded down: 46 + 33 + 20 = 99; the unit left over goes to the largest fraction cut
         * off, ANNA's 0.67.
         */
        @Test
        void an_oversubscribed_offering_allocates_pro_rata_with_the_leftover_unit_to_the_largest_remainder() {
            fixture.given(shareListed(), offeringOpened(SHARE, 100), subscribed(SHARE, ANNA, 70), subscribed(SHARE, BRUNO, 50),
                            subscribed(SHARE, CARLA, 30))
                    .when(new CloseOffering(SHARE, OFFERING, CLOSES))
                    .expectEvents(offeringClosed(SHARE, 100, CLOSES, allocation(ANNA, 70, 47), allocation(BRUNO, 50, 33), allocation(CARLA, 30, 20)));
            assertThat(settlement.calls).containsExactly(
                    "settle inv-anna: 47 of 70 units, pays 470.00 EUR, releases 230.00 EUR",
                    "settle inv-bruno: 33 of 50 units, pays 330.00 EUR, releases 170.00 EUR",
                    "settle inv-carla: 20 of 30 units, pays 200.00 EUR, releases 100.00 EUR",
                    "issuer ISS-HOMES4ALL receives 1000.00 EUR");
        }

        /** 10 units, three subscriptions of 5: 3.33 each, 9 given, and the tenth to the earliest subscription, CARLA's. */
        @Test
        void equal_remainders_go_to_the_earlier_subscription() {
            fixture.given(shareListed(), offeringOpened(SHARE, 10), subscribed(SHARE, CARLA, 5), subscribed(SHARE, ANNA, 5),
                            subscribed(SHARE, BRUNO, 5))
                    .when(new CloseOffering(SHARE, OFFERING, CLOSES))
                    .expectEvents(offeringClosed(SHARE, 10, CLOSES, allocation(CARLA, 5, 4), allocation(ANNA, 5, 3), allocation(BRUNO, 5, 3)));
        }

        @Test
        void an_offering_nobody_subscribed_closes_without_moving_anything() {
            fixture.given(shareListed(), offeringOpened(SHARE, 100))
                    .when(new CloseOffering(SHARE, OFFERING, CLOSES))
                    .expectEvents(offeringClosed(SHARE, 100, CLOSES))
                    .expectState(share -> assertThat(share.unitsOutstanding()).isZero());
            assertThat(settlement.calls).isEmpty();
        }

        @Test
        void refuses_to_close_before_the_last_day_of_the_window() {
            fixture.given(shareListed(), offeringOpened(SHARE, 100))
                    .when(new CloseOffering(SHARE, OFFERING, CLOSES.minusDays(1)))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "closedOn",
                            "closedOn 2025-02-27 is before 2025-02-28, the last day of the subscription window of offering OFF-1"));
        }

        @Test
        void refuses_to_close_an_offering_twice() {
            fixture.given(heldBy(SHARE, ANNA, 10))
                    .when(new CloseOffering(SHARE, OFFERING, DAY))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null, "offering OFF-1 is CLOSED; only an OPEN offering can be closed"));
        }

        @Test
        void refuses_to_close_while_the_issuer_is_suspended() {
            settlement.suspendIssuer();
            fixture.given(shareListed(), offeringOpened(SHARE, 100), subscribed(SHARE, ANNA, 10))
                    .when(new CloseOffering(SHARE, OFFERING, CLOSES))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null,
                            "issuer ISS-HOMES4ALL is suspended: instrument H4A-SHARE takes no offering closings until the issuer is reinstated"));
        }

        @Test
        void cancelling_an_offering_releases_every_subscription_even_while_the_issuer_is_suspended() {
            settlement.suspendIssuer();
            LocalDate on = date("2025-02-20");
            fixture.given(shareListed(), offeringOpened(SHARE, 1000), subscribed(SHARE, ANNA, 300), subscribed(SHARE, BRUNO, 200))
                    .when(new CancelOffering(SHARE, OFFERING, "prospectus withdrawn", on))
                    .expectEvents(new OfferingCancelled(SHARE, OFFERING, "prospectus withdrawn", on))
                    .expectState(share -> assertThat(share.unitsOutstanding()).isZero());
            assertThat(settlement.calls).containsExactly(
                    "release 3000.00 EUR of inv-anna for SUBSCRIPTION OFF-1: offering OFF-1 cancelled: prospectus withdrawn",
                    "release 2000.00 EUR of inv-bruno for SUBSCRIPTION OFF-1: offering OFF-1 cancelled: prospectus withdrawn");
        }

        @Test
        void refuses_to_cancel_an_offering_without_a_reason() {
            fixture.given(shareListed(), offeringOpened(SHARE, 1000))
                    .when(new CancelOffering(SHARE, OFFERING, null, OPENS))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "reason", "reason is required"));
        }
    }

    // ================================================================ secondary market

    @Nested
    class PlacingOrders {

        private final PlaceOrder s1 = sell("S1", ANNA, 40, "11.00");

        @Test
        void a_sell_order_that_does_not_cross_rests_in_the_book_and_offers_the_units() {
            fixture.given(heldBy(SHARE, ANNA, 100))
                    .when(s1)
                    .expectEvents(placed(s1, 1))
                    .expectResultMessagePayload(new OrderOutcome(s1.orderId(), 0, 40, OrderStatus.OPEN, List.of()))
                    .expectState(share -> {
                        assertThat(share.unitsOffered(ANNA)).isEqualTo(40);
                        assertThat(share.openOrders()).extracting(OrderState::orderId).containsExactly(s1.orderId());
                    });
            assertThat(settlement.calls).isEmpty();
        }

        @Test
        void a_buy_order_reserves_quantity_times_limit_price() {
            PlaceOrder b1 = buy("B1", BRUNO, 10, "10.95");
            fixture.given(events(heldBy(SHARE, ANNA, 100), placed(s1, 1)))
                    .when(b1)
                    .expectEvents(placed(b1, 2));
            assertThat(settlement.calls).containsExactly("reserve 109.50 EUR of inv-bruno for BUY_ORDER B1");
        }

        @Test
        void an_incoming_buy_trades_at_the_resting_sell_price_and_the_buyer_keeps_the_improvement() {
            PlaceOrder b1 = buy("B1", BRUNO, 10, "11.50");
            fixture.given(events(heldBy(SHARE, ANNA, 100), placed(s1, 1)))
                    .when(b1)
                    .expectEvents(placed(b1, 2), trade(1, b1, s1, OrderSide.BUY, 10, "11.00", 0, 30))
                    .expectResultMessagePayload(new OrderOutcome(b1.orderId(), 10, 0, OrderStatus.FILLED, List.of(new OrderFill(1, 10, eur("11.00"), eur("110.00")))))
                    .expectState(share -> {
                        assertThat(share.units(ANNA)).isEqualTo(90);
                        assertThat(share.unitsOffered(ANNA)).isEqualTo(30);
                        assertThat(share.units(BRUNO)).isEqualTo(10);
                        assertThat(share.unitsOutstanding()).isEqualTo(100);
                    });
            assertThat(settlement.calls).containsExactly(
                    "reserve 115.00 EUR of inv-bruno for BUY_ORDER B1",
                    "trade 1: inv-bruno pays 110.00 EUR to inv-anna using 115.00 EUR of its reservation");
        }

        @Test
        void an_incoming_sell_trades_at_the_resting_buy_price_and_rests_with_what_is_left() {
            PlaceOrder b1 = buy("B1", BRUNO, 10, "10.50");
            PlaceOrder s2 = sell("S2", ANNA, 25, "10.00");
            fixture.given(events(heldBy(SHARE, ANNA, 100), placed(b1, 1)))
                    .when(s2)
                    .expectEvents(placed(s2, 2), trade(1, b1, s2, OrderSide.SELL, 10, "10.50", 0, 15))
                    .expectResultMessagePayload(new OrderOutcome(s2.orderId(), 10, 15, OrderStatus.OPEN, List.of(new OrderFill(1, 10, eur("10.50"), eur("105.00")))))
                    .expectState(share -> {
                        assertThat(share.units(ANNA)).isEqualTo(90);
                        assertThat(share.unitsOffered(ANNA)).isEqualTo(15);
                        assertThat(share.openOrders()).extracting(OrderState::orderId).containsExactly(s2.orderId());
                    });
            assertThat(settlement.calls).containsExactly("trade 1: inv-bruno pays 105.00 EUR to inv-anna using 105.00 EUR of its reservation");
        }

        @Test
        void a_buy_below_the_best_sell_does_not_trade() {
            PlaceOrder b1 = buy("B1", BRUNO, 10, "10.99");
            fixture.given(events(heldBy(SHARE, ANNA, 100), placed(s1, 1)))
                    .when(b1)
                    .expectEvents(placed(b1, 2));
        }

        @Test
        void refuses_to_sell_units_the_investor_does_not_hold() {
            fixture.given(heldBy(SHARE, ANNA, 100))
                    .when(sell("S1", BRUNO, 1, "10.00"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.LIMIT_EXCEEDED, "quantity", "cannot sell 1 units: investor inv-bruno holds no units of instrument H4A-SHARE"));
        }

        @Test
        void refuses_to_sell_more_units_than_the_investor_holds() {
            fixture.given(heldBy(SHARE, ANNA, 100))
                    .when(sell("S1", ANNA, 101, "10.00"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.LIMIT_EXCEEDED, "quantity", "cannot sell 101 units: investor inv-anna holds only 100 units of instrument H4A-SHARE"));
        }

        @Test
        void refuses_to_sell_units_already_offered_in_an_open_sell_order() {
            fixture.given(events(heldBy(SHARE, ANNA, 100), placed(sell("S1", ANNA, 60, "11.00"), 1)))
                    .when(sell("S2", ANNA, 41, "12.00"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.LIMIT_EXCEEDED, "quantity", "cannot sell 41 units: investor inv-anna can sell at most 40 units"
                            + " of instrument H4A-SHARE: holds 100, of which 60 already offered in open sell orders"));
        }

        @Test
        void sells_the_units_not_yet_offered() {
            PlaceOrder s2 = sell("S2", ANNA, 40, "12.00");
            fixture.given(events(heldBy(SHARE, ANNA, 100), placed(sell("S1", ANNA, 60, "11.00"), 1)))
                    .when(s2)
                    .expectEvents(placed(s2, 2))
                    .expectState(share -> assertThat(share.unitsOffered(ANNA)).isEqualTo(100));
        }

        @Test
        void refuses_a_buy_the_investors_available_cash_cannot_cover() {
            settlement.refuseCashOf(BRUNO);
            fixture.given(events(heldBy(SHARE, ANNA, 100), placed(s1, 1)))
                    .when(buy("B1", BRUNO, 10, "11.00"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.LIMIT_EXCEEDED, "quantity", "investor inv-bruno cannot cover 110.00 EUR"));
        }

        @Test
        void refuses_an_order_that_would_trade_with_the_investors_own_resting_order() {
            fixture.given(events(heldBy(SHARE, ANNA, 100), placed(s1, 1)))
                    .when(buy("B1", ANNA, 10, "11.00"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "limitPrice",
                            "BUY at 11.00 EUR would trade with investor inv-anna's own resting SELL order S1 at 11.00 EUR; cancel that order first"));
        }

        @Test
        void accepts_an_own_buy_that_does_not_cross_the_own_sell() {
            PlaceOrder b1 = buy("B1", ANNA, 10, "10.99");
            fixture.given(events(heldBy(SHARE, ANNA, 100), placed(s1, 1)))
                    .when(b1)
                    .expectEvents(placed(b1, 2));
        }

        @Test
        void refuses_orders_in_a_donation_instrument() {
            fixture.given(heldBy(ZCZP, ANNA, 10))
                    .when(new PlaceOrder(ZCZP, OrderId.of("S1"), ANNA, OrderSide.SELL, 10, eur("10"), DAY))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null, "instrument H4A-ZCZP-1 is a zero-coupon-zero-principal donation"
                            + " instrument: its units record a gift and do not trade on the secondary market"));
        }

        @Test
        void refuses_orders_while_the_issuer_is_suspended() {
            settlement.suspendIssuer();
            fixture.given(heldBy(SHARE, ANNA, 100))
                    .when(s1)
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null,
                            "issuer ISS-HOMES4ALL is suspended: instrument H4A-SHARE takes no orders until the issuer is reinstated"));
        }

        @Test
        void refuses_an_order_id_used_before() {
            fixture.given(events(heldBy(SHARE, ANNA, 100), placed(s1, 1)))
                    .when(sell("S1", ANNA, 10, "12.00"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.ALREADY_EXISTS, "orderId", "order S1 already exists on instrument H4A-SHARE"));
        }

        @Test
        void refuses_an_order_for_no_units() {
            fixture.given(heldBy(SHARE, ANNA, 100))
                    .when(sell("S1", ANNA, 0, "12.00"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "quantity", "quantity must be a positive whole number of units, was 0"));
        }

        @Test
        void refuses_an_order_without_a_side() {
            fixture.given(heldBy(SHARE, ANNA, 100))
                    .when(new PlaceOrder(SHARE, OrderId.of("S1"), ANNA, null, 10, eur("12"), DAY))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "side", "side is required"));
        }

        @Test
        void refuses_a_limit_price_in_another_currency() {
            fixture.given(heldBy(SHARE, ANNA, 100))
                    .when(new PlaceOrder(SHARE, OrderId.of("S1"), ANNA, OrderSide.SELL, 10, Money.of("12", "CHF"), DAY))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CURRENCY_MISMATCH, "limitPrice", "limitPrice is in CHF but instrument H4A-SHARE trades in EUR"));
        }

        @Test
        void refuses_a_limit_price_that_is_not_positive() {
            fixture.given(heldBy(SHARE, ANNA, 100))
                    .when(sell("S1", ANNA, 10, "0"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "limitPrice", "limitPrice must be positive, was 0.00 EUR"));
        }

        @Test
        void refuses_an_order_dated_before_the_latest_business_date() {
            fixture.given(heldBy(SHARE, ANNA, 100))
                    .when(order(s1, date("2025-02-27")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "placedOn",
                            "placedOn 2025-02-27 is before 2025-02-28, the latest business date of instrument H4A-SHARE (its dates never go backwards)"));
        }

        @Test
        void refuses_a_bond_order_from_its_maturity_on() {
            fixture.given(heldBy(BOND, ANNA, 10))
                    .when(new PlaceOrder(BOND, OrderId.of("S1"), ANNA, OrderSide.SELL, 10, eur("101"), MATURITY))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "placedOn",
                            "placedOn 2030-02-03 is not before the maturity 2030-02-03 of bond H4A-BOND-2030"));
        }
    }

    @Nested
    class CancellingOrders {

        private final PlaceOrder b1 = buy("B1", BRUNO, 10, "10.50");
        private final PlaceOrder s1 = sell("S1", ANNA, 4, "10.50");

        @Test
        void cancelling_a_partly_filled_buy_releases_the_reservation_of_what_is_left() {
            fixture.given(events(heldBy(SHARE, ANNA, 100), placed(b1, 1), placed(s1, 2), trade(1, b1, s1, OrderSide.SELL, 4, "10.50", 6, 0)))
                    .when(new CancelOrder(SHARE, b1.orderId(), BRUNO, DAY))
                    .expectEvents(new OrderCancelled(SHARE, b1.orderId(), BRUNO, OrderSide.BUY, 6, "cancelled by the investor", DAY))
                    .expectState(share -> assertThat(share.findOrder(b1.orderId())).get().extracting(OrderState::status).isEqualTo(OrderStatus.CANCELLED));
            assertThat(settlement.calls).containsExactly("release 63.00 EUR of inv-bruno for BUY_ORDER B1: cancelled by the investor");
        }

        @Test
        void cancelling_a_sell_frees_its_units_even_while_the_issuer_is_suspended() {
            settlement.suspendIssuer();
            PlaceOrder s2 = sell("S2", ANNA, 30, "12.00");
            fixture.given(events(heldBy(SHARE, ANNA, 100), placed(s2, 1)))
                    .when(new CancelOrder(SHARE, s2.orderId(), ANNA, DAY))
                    .expectEvents(new OrderCancelled(SHARE, s2.orderId(), ANNA, OrderSide.SELL, 30, "cancelled by the investor", DAY))
                    .expectState(share -> assertThat(share.unitsOffered(ANNA)).isZero());
            assertThat(settlement.calls).isEmpty();
        }

        @Test
        void refuses_to_cancel_another_investors_order() {
            fixture.given(events(heldBy(SHARE, ANNA, 100), placed(s1, 1)))
                    .when(new CancelOrder(SHARE, s1.orderId(), BRUNO, DAY))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.NOT_FOUND, "orderId", "investor inv-bruno has no order S1 on instrument H4A-SHARE"));
        }

        @Test
        void refuses_to_cancel_a_filled_order() {
            fixture.given(events(heldBy(SHARE, ANNA, 100), placed(b1, 1), placed(s1, 2), trade(1, b1, s1, OrderSide.SELL, 4, "10.50", 6, 0)))
                    .when(new CancelOrder(SHARE, s1.orderId(), ANNA, DAY))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null, "order S1 is FILLED; only an OPEN order can be cancelled"));
        }
    }

    // ================================================================ income

    @Nested
    class Income {

        /** 100.00 EUR over three single units: 33.33 each and one cent left, which goes to the first investor id. */
        @Test
        void a_dividend_is_split_by_units_with_the_leftover_cent_to_the_first_investor_id() {
            fixture.given(heldBy(SHARE, CARLA, 1, ANNA, 1, BRUNO, 1))
                    .when(payDividend("100.00", "2025-03-31", "2025-04-15"))
                    .expectEvents(new IncomePaid(SHARE, ISSUER, "DIV-2025", IncomeKind.DIVIDEND, eur("100"), 3, date("2025-03-31"), date("2025-04-15"),
                            List.of(share(ANNA, 1, "33.34"), share(BRUNO, 1, "33.33"), share(CARLA, 1, "33.33"))));
            assertThat(settlement.calls).containsExactly("issuer ISS-HOMES4ALL pays 100.00 EUR",
                    "inv-anna receives 33.34 EUR for 1 units", "inv-bruno receives 33.33 EUR for 1 units", "inv-carla receives 33.33 EUR for 1 units");
        }

        @Test
        void a_dividend_is_paid_pro_rata_to_units_held_at_the_record_date() {
            fixture.given(heldBy(SHARE, ANNA, 200, BRUNO, 100))
                    .when(payDividend("90.00", "2025-03-31", "2025-04-15"))
                    .expectEvents(new IncomePaid(SHARE, ISSUER, "DIV-2025", IncomeKind.DIVIDEND, eur("90"), 300, date("2025-03-31"), date("2025-04-15"),
                            List.of(share(ANNA, 200, "60.00"), share(BRUNO, 100, "30.00"))));
        }

        /** 100 EUR × 3.5% ÷ 2 = 1.75 EUR a unit; 300 units: 525.00 EUR. */
        @Test
        void a_coupon_pays_face_value_times_rate_over_coupons_per_year_on_every_unit() {
            fixture.given(heldBy(BOND, ANNA, 100, BRUNO, 200))
                    .when(new PayCoupon(BOND, "CPN-2025-08", date("2025-07-31"), date("2025-08-03")))
                    .expectEvents(new IncomePaid(BOND, ISSUER, "CPN-2025-08", IncomeKind.COUPON, eur("525"), 300, date("2025-07-31"), date("2025-08-03"),
                            List.of(share(ANNA, 100, "175.00"), share(BRUNO, 200, "350.00"))));
        }

        /**
         * 100 EUR × 3.33% ÷ 4 = 0.8325 EUR a unit; 7 units: 5.8275, rounded down to 5.82. Split 3:4:
         * 5.82 × 3/7 = 2.494 and 5.82 × 4/7 = 3.325; rounded down 2.49 + 3.32 = 5.81, and the cent
         * left goes to BRUNO, whose cut-off fraction (0.57 of a cent) is larger than ANNA's (0.43).
         */
        @Test
        void a_coupon_total_is_rounded_down_to_the_cent_and_split_by_largest_remainder() {
            BondTerms terms = new BondTerms(eur("100"), new BigDecimal("0.0333"), 4, MATURITY);
            fixture.given(new InstrumentListed(BOND, ISSUER, nameOf(BOND), InstrumentType.SOCIAL_BOND, EUR, terms, LISTED), offeringOpened(BOND, 7),
                            subscribed(BOND, ANNA, 3), subscribed(BOND, BRUNO, 4),
                            offeringClosed(BOND, 7, CLOSES, allocation(ANNA, 3, 3), allocation(BRUNO, 4, 4)))
                    .when(new PayCoupon(BOND, "CPN-1", date("2025-03-31"), date("2025-04-01")))
                    .expectEvents(new IncomePaid(BOND, ISSUER, "CPN-1", IncomeKind.COUPON, eur("5.82"), 7, date("2025-03-31"), date("2025-04-01"),
                            List.of(share(ANNA, 3, "2.49"), share(BRUNO, 4, "3.33"))));
        }

        @Test
        void refuses_a_coupon_that_comes_to_less_than_a_cent() {
            BondTerms terms = new BondTerms(eur("0.01"), new BigDecimal("0.01"), 12, MATURITY);
            fixture.given(new InstrumentListed(BOND, ISSUER, nameOf(BOND), InstrumentType.SOCIAL_BOND, EUR, terms, LISTED), offeringOpened(BOND, 1),
                            subscribed(BOND, ANNA, 1), offeringClosed(BOND, 1, CLOSES, allocation(ANNA, 1, 1)))
                    .when(new PayCoupon(BOND, "CPN-1", date("2025-03-31"), date("2025-04-01")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null, "one coupon on 1 units of bond H4A-BOND-2030 comes to less than a cent"));
        }

        @Test
        void refuses_a_coupon_with_a_record_date_after_maturity() {
            fixture.given(heldBy(BOND, ANNA, 100))
                    .when(new PayCoupon(BOND, "CPN-LATE", MATURITY.plusDays(1), MATURITY.plusDays(2)))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "recordDate",
                            "recordDate 2030-02-04 is after the maturity 2030-02-03 of bond H4A-BOND-2030"));
        }

        @Test
        void refuses_a_dividend_on_a_bond() {
            fixture.given(heldBy(BOND, ANNA, 100))
                    .when(new PayDividend(BOND, "DIV-2025", eur("100"), date("2025-03-31"), date("2025-04-15")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null, "only shares pay dividends; instrument H4A-BOND-2030 is a SOCIAL_BOND"));
        }

        @Test
        void refuses_any_income_on_a_donation_instrument() {
            fixture.given(heldBy(ZCZP, ANNA, 100))
                    .when(new PayCoupon(ZCZP, "CPN-1", date("2025-03-31"), date("2025-04-15")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null,
                            "only social bonds pay coupons; instrument H4A-ZCZP-1 is a ZERO_COUPON_ZERO_PRINCIPAL"));
        }

        @Test
        void refuses_a_coupon_on_a_share() {
            fixture.given(heldBy(SHARE, ANNA, 100))
                    .when(new PayCoupon(SHARE, "CPN-1", date("2025-03-31"), date("2025-04-15")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null, "only social bonds pay coupons; instrument H4A-SHARE is a SHARE"));
        }

        @Test
        void refuses_a_payment_id_used_before() {
            fixture.given(events(heldBy(SHARE, ANNA, 100), dividendPaid("DIV-2025", "50", "2025-03-31", share(ANNA, 100, "50"))))
                    .when(payDividend("50", "2025-04-30", "2025-05-15"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.ALREADY_EXISTS, "paymentId", "income payment DIV-2025 was already made on instrument H4A-SHARE"));
        }

        @Test
        void refuses_a_payment_date_before_the_record_date() {
            fixture.given(heldBy(SHARE, ANNA, 100))
                    .when(payDividend("50", "2025-03-31", "2025-03-30"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "paymentDate", "paymentDate 2025-03-30 is before the recordDate 2025-03-31"));
        }

        @Test
        void refuses_a_record_date_before_the_last_change_to_the_register() {
            PlaceOrder b1 = buy("B1", BRUNO, 10, "10.50");
            PlaceOrder s1 = sell("S1", ANNA, 10, "10.50");
            fixture.given(events(heldBy(SHARE, ANNA, 100), placed(b1, 1), placed(s1, 2), trade(1, b1, s1, OrderSide.SELL, 10, "10.50", 0, 0)))
                    .when(payDividend("50", "2025-03-02", "2025-03-15"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "recordDate", "recordDate 2025-03-02 is before 2025-03-03, the last change to"
                            + " the register of instrument H4A-SHARE (income is paid to the register as it stands, which must be the register at the record date)"));
        }

        @Test
        void refuses_a_record_date_before_that_of_the_last_payment() {
            fixture.given(events(heldBy(SHARE, ANNA, 100), dividendPaid("DIV-Q1", "50", "2025-03-31", share(ANNA, 100, "50"))))
                    .when(payDividend("50", "2025-03-30", "2025-04-15"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "recordDate",
                            "recordDate 2025-03-30 is before 2025-03-31, the record date of the last income payment on instrument H4A-SHARE"));
        }

        @Test
        void once_paid_the_register_is_fixed_through_the_record_date() {
            fixture.given(events(heldBy(SHARE, ANNA, 100), dividendPaid("DIV-Q1", "50", "2025-03-31", share(ANNA, 100, "50"))))
                    .when(order(sell("S1", ANNA, 10, "11.00"), date("2025-03-31")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "placedOn", "placedOn 2025-03-31 is not after 2025-03-31, the record date"
                            + " of the last income payment on instrument H4A-SHARE: the register is fixed through that date"));
        }

        @Test
        void trading_resumes_the_day_after_the_record_date() {
            PlaceOrder s1 = order(sell("S1", ANNA, 10, "11.00"), date("2025-04-01"));
            fixture.given(events(heldBy(SHARE, ANNA, 100), dividendPaid("DIV-Q1", "50", "2025-03-31", share(ANNA, 100, "50"))))
                    .when(s1)
                    .expectEvents(placed(s1, 1));
        }

        @Test
        void refuses_income_when_no_units_are_outstanding() {
            fixture.given(shareListed())
                    .when(payDividend("50", "2025-03-31", "2025-04-15"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null, "instrument H4A-SHARE has no units outstanding to pay income on"));
        }

        @Test
        void refuses_income_the_issuer_cannot_fund() {
            settlement.refuseIncome();
            fixture.given(heldBy(SHARE, ANNA, 100))
                    .when(payDividend("50", "2025-03-31", "2025-04-15"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.LIMIT_EXCEEDED, "amount", "issuer ISS-HOMES4ALL cannot fund 50.00 EUR"));
        }

        @Test
        void still_pays_income_to_the_holders_of_a_delisted_share() {
            fixture.given(events(heldBy(SHARE, ANNA, 100), new InstrumentDelisted(SHARE, ISSUER, "merged", DAY)))
                    .when(payDividend("50", "2025-03-31", "2025-04-15"))
                    .expectEvents(new IncomePaid(SHARE, ISSUER, "DIV-2025", IncomeKind.DIVIDEND, eur("50"), 100, date("2025-03-31"), date("2025-04-15"),
                            List.of(share(ANNA, 100, "50.00"))));
        }
    }

    // ================================================================ ownership

    /**
     * An issuer acts only on its own instruments: the acting issuer (from the authenticated
     * principal, never from the request) must be the instrument's. {@code null} is an
     * administrator, who acts for any issuer. A refusal appends nothing and asks nothing of the
     * accounts or the issuer's cash.
     */
    @Nested
    class IssuerOwnership {

        private final IssuerId other = IssuerId.of("ISS-OTHER");

        private org.hamcrest.Matcher<org.impactledger.core.shared.DomainException> notOwner(String what, InstrumentId instrument) {
            return refusal(ErrorCode.NOT_OWNER, "issuerId",
                    "issuer ISS-OTHER may not " + what + " instrument " + instrument + ", which belongs to another issuer");
        }

        @Test
        void an_issuer_lists_an_instrument_for_itself_and_not_for_another_issuer() {
            fixture.givenNoPriorActivity()
                    .when(new ListInstrument(SHARE, ISSUER, nameOf(SHARE), InstrumentType.SHARE, null, LISTED, other))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.NOT_OWNER, "issuerId",
                            "issuer ISS-OTHER may list instruments only for itself, not for issuer ISS-HOMES4ALL"));
            fixture.givenNoPriorActivity()
                    .when(new ListInstrument(SHARE, ISSUER, nameOf(SHARE), InstrumentType.SHARE, null, LISTED, ISSUER))
                    .expectEvents(shareListed());
        }

        @Test
        void another_issuer_may_not_open_an_offering_and_the_own_issuer_may() {
            fixture.given(shareListed())
                    .when(new OpenOffering(SHARE, OFFERING, 1000, PRICE, OPENS, CLOSES, other))
                    .expectNoEvents()
                    .expectException(notOwner("open offerings on", SHARE));
            fixture.given(shareListed())
                    .when(new OpenOffering(SHARE, OFFERING, 1000, PRICE, OPENS, CLOSES, ISSUER))
                    .expectEvents(offeringOpened(SHARE, 1000));
        }

        @Test
        void another_issuer_may_neither_close_nor_cancel_an_offering() {
            fixture.given(shareListed(), offeringOpened(SHARE, 1000), subscribed(SHARE, ANNA, 10))
                    .when(new CloseOffering(SHARE, OFFERING, CLOSES, other))
                    .expectNoEvents()
                    .expectException(notOwner("close offerings on", SHARE));
            fixture.given(shareListed(), offeringOpened(SHARE, 1000), subscribed(SHARE, ANNA, 10))
                    .when(new CancelOffering(SHARE, OFFERING, "prospectus withdrawn", OPENS, other))
                    .expectNoEvents()
                    .expectException(notOwner("cancel offerings on", SHARE));
            assertThat(settlement.calls).as("a refusal moves no cash").isEmpty();
            fixture.given(shareListed(), offeringOpened(SHARE, 1000), subscribed(SHARE, ANNA, 10))
                    .when(new CloseOffering(SHARE, OFFERING, CLOSES, ISSUER))
                    .expectEvents(offeringClosed(SHARE, 1000, CLOSES, allocation(ANNA, 10, 10)));
        }

        @Test
        void another_issuer_may_pay_no_income_and_may_not_delist() {
            fixture.given(heldBy(SHARE, ANNA, 100))
                    .when(new PayDividend(SHARE, "DIV-2025", eur("50.00"), date("2025-03-31"), date("2025-04-15"), other))
                    .expectNoEvents()
                    .expectException(notOwner("pay dividends on", SHARE));
            fixture.given(heldBy(SHARE, ANNA, 100))
                    .when(new DelistInstrument(SHARE, "merged", DAY, other))
                    .expectNoEvents()
                    .expectException(notOwner("delist", SHARE));
            assertThat(settlement.calls).as("a refusal moves no cash").isEmpty();
            fixture.given(heldBy(SHARE, ANNA, 100))
                    .when(new PayDividend(SHARE, "DIV-2025", eur("50.00"), date("2025-03-31"), date("2025-04-15"), ISSUER))
                    .expectEvents(new IncomePaid(SHARE, ISSUER, "DIV-2025", IncomeKind.DIVIDEND, eur("50"), 100, date("2025-03-31"), date("2025-04-15"),
                            List.of(share(ANNA, 100, "50.00"))));
        }

        @Test
        void another_issuer_may_pay_no_coupon() {
            fixture.given(heldBy(BOND, ANNA, 100))
                    .when(new PayCoupon(BOND, "CPN-1", date("2025-03-31"), date("2025-04-15"), other))
                    .expectNoEvents()
                    .expectException(notOwner("pay coupons on", BOND));
            assertThat(settlement.calls).as("a refusal moves no cash").isEmpty();
        }

        @Test
        void a_refused_issuer_learns_nothing_of_the_state_of_a_delisted_instrument() {
            fixture.given(shareListed(), new InstrumentDelisted(SHARE, ISSUER, "merged", DAY))
                    .when(new OpenOffering(SHARE, OFFERING, 1000, PRICE, DAY, DAY.plusDays(5), other))
                    .expectNoEvents()
                    .expectException(notOwner("open offerings on", SHARE));
        }
    }
}
