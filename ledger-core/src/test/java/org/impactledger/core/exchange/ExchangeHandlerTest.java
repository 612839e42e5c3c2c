package org.impactledger.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.core.exchange.ExchangeTestData.ANNA;
import static org.impactledger.core.exchange.ExchangeTestData.BOND;
import static org.impactledger.core.exchange.ExchangeTestData.BRUNO;
import static org.impactledger.core.exchange.ExchangeTestData.CARLA;
import static org.impactledger.core.exchange.ExchangeTestData.CLOSES;
import static org.impactledger.core.exchange.ExchangeTestData.DAY;
import static org.impactledger.core.exchange.ExchangeTestData.ISSUER;
import static org.impactledger.core.exchange.ExchangeTestData.LISTED;
import static org.impactledger.core.exchange.ExchangeTestData.OFFERING;
import static org.impactledger.core.exchange.ExchangeTestData.OPENS;
import static org.impactledger.core.exchange.ExchangeTestData.SHARE;
import static org.impactledger.core.exchange.ExchangeTestData.ZCZP;
import static org.impactledger.core.exchange.ExchangeTestData.buy;
import static org.impactledger.core.exchange.ExchangeTestData.date;
import static org.impactledger.core.exchange.ExchangeTestData.eur;
import static org.impactledger.core.exchange.ExchangeTestData.listInstrument;
import static org.impactledger.core.exchange.ExchangeTestData.nameOf;
import static org.impactledger.core.exchange.ExchangeTestData.openOffering;
import static org.impactledger.core.exchange.ExchangeTestData.placed;
import static org.impactledger.core.exchange.ExchangeTestData.sell;
import static org.impactledger.core.exchange.ExchangeTestData.subscribe;
import static org.impactledger.core.exchange.ExchangeTestData.trade;

import java.util.List;
import org.impactledger.core.exchange.command.CancelOrder;
import org.impactledger.core.exchange.command.CloseOffering;
import org.impactledger.core.exchange.command.DelistInstrument;
import org.impactledger.core.exchange.command.ListInstrument;
import org.impactledger.core.exchange.command.PayDividend;
import org.impactledger.core.exchange.command.PlaceOrder;
import org.impactledger.core.exchange.command.ReinstateIssuer;
import org.impactledger.core.exchange.command.SuspendIssuer;
import org.impactledger.core.exchange.event.CashReserved;
import org.impactledger.core.exchange.event.IncomeFunded;
import org.impactledger.core.exchange.event.OfferingProceedsReceived;
import org.impactledger.core.exchange.event.PurchaseSettled;
import org.impactledger.core.exchange.event.SaleSettled;
import org.impactledger.core.exchange.event.SubscriptionSettled;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.OfferingId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ExchangeHandler} against the real instrument, accounts and issuer on an in-memory event
 * store: what each stream holds after a command that spans them, and that a refusal on any side
 * appends nothing to any stream.
 */
class ExchangeHandlerTest {

    private ExchangeForTest exchange;

    @BeforeEach
    void setUp() {
        exchange = new ExchangeForTest();
    }

    private static void assertRefusal(DomainException refusal, ErrorCode code, String field, String message) {
        assertThat(refusal.code()).isEqualTo(code);
        assertThat(refusal.field()).isEqualTo(field);
        assertThat(refusal.getMessage()).isEqualTo(message);
    }

    // ---------------------------------------------------------------- listing

    @Test
    void refuses_to_list_for_an_issuer_that_was_never_admitted() {
        ListInstrument command = new ListInstrument(SHARE, IssuerId.of("ISS-NOBODY"), nameOf(SHARE), InstrumentType.SHARE, null, LISTED);

        assertRefusal(exchange.refusalOf(command), ErrorCode.NOT_FOUND, "issuerId", "no issuer ISS-NOBODY");
        assertThat(exchange.allEvents()).isEmpty();
    }

    @Test
    void refuses_to_list_an_instrument_id_twice() {
        exchange.admitIssuer("0");
        exchange.send(listInstrument(SHARE, InstrumentType.SHARE));

        assertRefusal(exchange.refusalOf(listInstrument(SHARE, InstrumentType.SHARE)), ErrorCode.ALREADY_EXISTS, "instrumentId",
                "instrument H4A-SHARE is already listed");
        assertThat(exchange.stream(SHARE)).hasSize(1);
    }

    @Test
    void refuses_a_command_on_an_instrument_that_was_never_listed() {
        PlaceOrder order = new PlaceOrder(InstrumentId.of("H4A-NOPE"), sell("S1", ANNA, 1, "10").orderId(), ANNA, OrderSide.SELL, 1, eur("10"), DAY);

        assertRefusal(exchange.refusalOf(order), ErrorCode.NOT_FOUND, "instrumentId", "no instrument H4A-NOPE");
    }

    // ---------------------------------------------------------------- primary offerings

    @Test
    void closing_an_oversubscribed_offering_pays_the_issuer_settles_each_subscriber_and_issues_the_units() {
        exchange.admitIssuer("0").openAccount(ANNA, "1000").openAccount(BRUNO, "1000").openAccount(CARLA, "1000");
        exchange.send(listInstrument(SHARE, InstrumentType.SHARE));
        exchange.send(openOffering(SHARE, 100));
        exchange.send(subscribe(SHARE, ANNA, 70));
        exchange.send(subscribe(SHARE, BRUNO, 50));
        exchange.send(subscribe(SHARE, CARLA, 30));

        exchange.send(new CloseOffering(SHARE, OFFERING, CLOSES));

        assertThat(exchange.stream(ISSUER)).last().isEqualTo(new OfferingProceedsReceived(ISSUER, SHARE, OFFERING, eur("1000"), CLOSES));
        assertThat(exchange.stream(ANNA)).last()
                .isEqualTo(new SubscriptionSettled(ANNA, SHARE, OFFERING, 70, 47, eur("10"), eur("470"), eur("230"), CLOSES));
        assertThat(exchange.issuer(ISSUER, Issuer::cash)).isEqualTo(eur("1000"));
        assertThat(exchange.account(ANNA, Account::available)).isEqualTo(eur("530"));
        assertThat(exchange.account(BRUNO, Account::available)).isEqualTo(eur("670"));
        assertThat(exchange.account(CARLA, Account::available)).isEqualTo(eur("800"));
        assertThat(exchange.instrument(SHARE, Instrument::register)).containsExactly(
                java.util.Map.entry("inv-anna", 47L), java.util.Map.entry("inv-bruno", 33L), java.util.Map.entry("inv-carla", 20L));
    }

    @Test
    void refuses_a_subscription_beyond_available_cash_and_appends_nothing_anywhere() {
        exchange.admitIssuer("0").openAccount(ANNA, "100");
        exchange.send(listInstrument(SHARE, InstrumentType.SHARE));
        exchange.send(openOffering(SHARE, 100));
        List<Object> before = exchange.allEvents();

        assertRefusal(exchange.refusalOf(subscribe(SHARE, ANNA, 11)), ErrorCode.LIMIT_EXCEEDED, "quantity",
                "the subscription to offering OFF-1 on H4A-SHARE needs 110.00 EUR but investor inv-anna has only 100.00 EUR available");
        assertThat(exchange.allEvents()).isEqualTo(before);
    }

    /**
     * A zero-coupon-zero-principal instrument settles like any offering, but for good: the
     * subscribers' cash becomes the issuer's, and their units are the record of the gift.
     */
    @Test
    void a_donation_offering_gives_the_cash_to_the_issuer_and_leaves_the_donors_units_that_record_the_gift() {
        exchange.admitIssuer("0").openAccount(ANNA, "500");
        exchange.listHeldBy(ZCZP, ANNA, 50);

        assertThat(exchange.issuer(ISSUER, Issuer::cash)).isEqualTo(eur("500"));
        assertThat(exchange.account(ANNA, Account::cash)).isEqualTo(eur("0"));
        assertThat(exchange.units(ZCZP, ANNA)).isEqualTo(50);
    }

    // ---------------------------------------------------------------- orders

    @Test
    void a_trade_settles_the_units_and_both_sides_cash_in_one_unit_of_work() {
        exchange.admitIssuer("0").openAccount(ANNA, "1000").openAccount(BRUNO, "1000");
        exchange.listHeldBy(SHARE, BRUNO, 100);
        PlaceOrder s1 = sell("S1", BRUNO, 40, "11.00");
        PlaceOrder b1 = buy("B1", ANNA, 10, "11.50");
        exchange.send(s1);

        OrderOutcome outcome = exchange.send(b1);

        assertThat(outcome).isEqualTo(new OrderOutcome(b1.orderId(), 10, 0, OrderStatus.FILLED,
                List.of(new OrderFill(1, 10, eur("11.00"), eur("110.00")))));
        assertThat(exchange.stream(SHARE)).endsWith(placed(b1, 2), trade(1, b1, s1, OrderSide.BUY, 10, "11.00", 0, 30));
        assertThat(exchange.stream(ANNA)).endsWith(
                new CashReserved(ANNA, SHARE, ReservationPurpose.BUY_ORDER, "B1", eur("115")),
                new PurchaseSettled(ANNA, SHARE, b1.orderId(), 1, 10, eur("11"), eur("110"), eur("115"), DAY));
        assertThat(exchange.stream(BRUNO)).last().isEqualTo(new SaleSettled(BRUNO, SHARE, s1.orderId(), 1, 10, eur("11"), eur("110"), DAY));
        assertThat(exchange.account(ANNA, Account::cash)).isEqualTo(eur("890"));
        assertThat(exchange.account(ANNA, Account::available)).isEqualTo(eur("890"));
        assertThat(exchange.account(BRUNO, Account::cash)).isEqualTo(eur("110"));
        assertThat(exchange.units(SHARE, ANNA)).isEqualTo(10);
        assertThat(exchange.units(SHARE, BRUNO)).isEqualTo(90);
    }

    @Test
    void refuses_a_buy_beyond_available_cash_counting_cash_reserved_on_another_instrument() {
        exchange.admitIssuer("0").openAccount(ANNA, "1000").openAccount(BRUNO, "1000");
        exchange.listHeldBy(SHARE, BRUNO, 100);
        exchange.send(listInstrument(BOND, InstrumentType.SOCIAL_BOND));
        exchange.send(new org.impactledger.core.exchange.command.OpenOffering(BOND, OfferingId.of("OFF-BOND"), 100, eur("100"), DAY, DAY.plusDays(14)));
        exchange.send(new org.impactledger.core.exchange.command.SubscribeToOffering(BOND, OfferingId.of("OFF-BOND"), ANNA, 5, DAY));
        exchange.send(sell("S1", BRUNO, 100, "10.00"));
        List<Object> before = exchange.allEvents();

        DomainException refusal = exchange.refusalOf(buy("B1", ANNA, 60, "10.00"));

        assertRefusal(refusal, ErrorCode.LIMIT_EXCEEDED, "quantity", "buy order B1 on H4A-SHARE needs 600.00 EUR but investor inv-anna has only"
                + " 500.00 EUR available (cash 1000.00 EUR, of which 500.00 EUR reserved for open orders and subscriptions)");
        assertThat(exchange.allEvents()).isEqualTo(before);
        assertThat(exchange.send(buy("B2", ANNA, 50, "10.00")) instanceof OrderOutcome o && o.filled() == 50).isTrue();
    }

    @Test
    void refuses_to_sell_units_not_held_and_appends_nothing_anywhere() {
        exchange.admitIssuer("0").openAccount(ANNA, "1000").openAccount(BRUNO, "1000");
        exchange.listHeldBy(SHARE, BRUNO, 100);
        exchange.send(buy("B1", ANNA, 10, "10.00"));
        List<Object> before = exchange.allEvents();

        assertRefusal(exchange.refusalOf(sell("S1", BRUNO, 101, "10.00")), ErrorCode.LIMIT_EXCEEDED, "quantity",
                "cannot sell 101 units: investor inv-bruno holds only 100 units of instrument H4A-SHARE");
        assertThat(exchange.allEvents()).isEqualTo(before);
    }

    @Test
    void refuses_a_buy_from_an_investor_without_an_account() {
        exchange.admitIssuer("0").openAccount(BRUNO, "1000");
        exchange.listHeldBy(SHARE, BRUNO, 100);
        List<Object> before = exchange.allEvents();

        assertRefusal(exchange.refusalOf(buy("B1", InvestorId.of("inv-zeno"), 10, "10.00")), ErrorCode.NOT_FOUND, "investorId",
                "investor inv-zeno has no exchange account");
        assertThat(exchange.allEvents()).isEqualTo(before);
    }

    @Test
    void cancelling_a_buy_makes_its_cash_available_again() {
        exchange.admitIssuer("0").openAccount(ANNA, "1000").openAccount(BRUNO, "1000");
        exchange.listHeldBy(SHARE, BRUNO, 100);
        exchange.send(buy("B1", ANNA, 10, "10.00"));
        assertThat(exchange.account(ANNA, Account::available)).isEqualTo(eur("900"));

        exchange.send(new CancelOrder(SHARE, buy("B1", ANNA, 10, "10.00").orderId(), ANNA, DAY));

        assertThat(exchange.account(ANNA, Account::available)).isEqualTo(eur("1000"));
        assertThat(exchange.instrument(SHARE, Instrument::openOrders)).isEmpty();
    }

    @Test
    void a_suspension_stops_orders_until_the_issuer_is_reinstated() {
        exchange.admitIssuer("0").openAccount(BRUNO, "1000");
        exchange.listHeldBy(SHARE, BRUNO, 100);
        exchange.send(new SuspendIssuer(ISSUER, "accounts not filed", DAY));

        assertRefusal(exchange.refusalOf(sell("S1", BRUNO, 10, "10.00")), ErrorCode.INVALID_STATE, null,
                "issuer ISS-HOMES4ALL is suspended: instrument H4A-SHARE takes no orders until the issuer is reinstated");

        exchange.send(new ReinstateIssuer(ISSUER, "accounts filed", DAY.plusDays(7)));
        assertThat(exchange.<OrderOutcome>send(sell("S1", BRUNO, 10, "10.00")).remaining()).isEqualTo(10);
    }

    @Test
    void delisting_cancels_resting_orders_and_releases_the_buyers_cash() {
        exchange.admitIssuer("0").openAccount(ANNA, "1000").openAccount(BRUNO, "1000");
        exchange.listHeldBy(SHARE, BRUNO, 100);
        exchange.send(buy("B1", ANNA, 10, "9.00"));
        exchange.send(sell("S1", BRUNO, 10, "11.00"));

        exchange.send(new DelistInstrument(SHARE, "merged", DAY));

        assertThat(exchange.account(ANNA, Account::available)).isEqualTo(eur("1000"));
        assertThat(exchange.unitsOffered(SHARE, BRUNO)).isZero();
        assertThat(exchange.instrument(SHARE, Instrument::delisted)).isTrue();
    }

    // ---------------------------------------------------------------- income

    @Test
    void a_dividend_moves_the_issuers_cash_to_the_holders_in_one_unit_of_work() {
        exchange.admitIssuer("0").openAccount(ANNA, "10").openAccount(BRUNO, "10").openAccount(CARLA, "10");
        exchange.listHeldBy(SHARE, CARLA, 1, ANNA, 1, BRUNO, 1);
        exchange.send(new org.impactledger.core.exchange.command.DepositIssuerCash(ISSUER, eur("70"), "SEPA-DIV", DAY)); // 30 proceeds + 70

        exchange.send(new PayDividend(SHARE, "DIV-1", eur("100"), date("2025-03-31"), date("2025-04-15")));

        assertThat(exchange.stream(ISSUER)).last()
                .isEqualTo(new IncomeFunded(ISSUER, SHARE, "DIV-1", IncomeKind.DIVIDEND, eur("100"), date("2025-04-15")));
        assertThat(exchange.issuer(ISSUER, Issuer::cash)).isEqualTo(eur("0"));
        assertThat(exchange.account(ANNA, Account::cash)).isEqualTo(eur("33.34"));
        assertThat(exchange.account(BRUNO, Account::cash)).isEqualTo(eur("33.33"));
        assertThat(exchange.account(CARLA, Account::cash)).isEqualTo(eur("33.33"));
    }

    @Test
    void refuses_a_dividend_the_issuer_cannot_fund_and_moves_nothing() {
        exchange.admitIssuer("0").openAccount(ANNA, "50");
        exchange.listHeldBy(SHARE, ANNA, 5);
        List<Object> before = exchange.allEvents();

        assertRefusal(exchange.refusalOf(new PayDividend(SHARE, "DIV-1", eur("100"), date("2025-03-31"), date("2025-04-15"))),
                ErrorCode.LIMIT_EXCEEDED, "amount",
                "paying dividend DIV-1 of 100.00 EUR exceeds the cash of issuer ISS-HOMES4ALL, 50.00 EUR; the issuer must deposit 50.00 EUR first");
        assertThat(exchange.allEvents()).isEqualTo(before);
    }

    @Test
    void an_investor_who_subscribed_in_the_window_is_settled_at_the_close_on_or_after_its_last_day() {
        exchange.admitIssuer("0").openAccount(ANNA, "100");
        exchange.send(listInstrument(SHARE, InstrumentType.SHARE));
        exchange.send(openOffering(SHARE, 10));
        exchange.send(new org.impactledger.core.exchange.command.SubscribeToOffering(SHARE, OFFERING, ANNA, 10, OPENS));

        exchange.send(new CloseOffering(SHARE, OFFERING, CLOSES.plusDays(3)));

        assertThat(exchange.account(ANNA, Account::cash)).isEqualTo(eur("0"));
        assertThat(exchange.instrument(SHARE, Instrument::unitsOutstanding)).isEqualTo(10);
    }
}
