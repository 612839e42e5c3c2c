package org.impactledger.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.core.exchange.ExchangeTestData.ADMITTED;
import static org.impactledger.core.exchange.ExchangeTestData.ANNA;
import static org.impactledger.core.exchange.ExchangeTestData.BRUNO;
import static org.impactledger.core.exchange.ExchangeTestData.CLOSES;
import static org.impactledger.core.exchange.ExchangeTestData.DAY;
import static org.impactledger.core.exchange.ExchangeTestData.EUR;
import static org.impactledger.core.exchange.ExchangeTestData.OFFERING;
import static org.impactledger.core.exchange.ExchangeTestData.PRICE;
import static org.impactledger.core.exchange.ExchangeTestData.SHARE;
import static org.impactledger.core.exchange.ExchangeTestData.accountOpened;
import static org.impactledger.core.exchange.ExchangeTestData.allocation;
import static org.impactledger.core.exchange.ExchangeTestData.buy;
import static org.impactledger.core.exchange.ExchangeTestData.date;
import static org.impactledger.core.exchange.ExchangeTestData.deposited;
import static org.impactledger.core.exchange.ExchangeTestData.eur;
import static org.impactledger.core.exchange.ExchangeTestData.offeringClosed;
import static org.impactledger.core.exchange.ExchangeTestData.sell;
import static org.impactledger.core.exchange.ExchangeTestData.trade;
import static org.impactledger.core.shared.Refusal.refusal;
import static org.impactledger.core.exchange.ReservationPurpose.BUY_ORDER;
import static org.impactledger.core.exchange.ReservationPurpose.SUBSCRIPTION;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.impactledger.core.exchange.AccountTestCommands.ReceiveIncome;
import org.impactledger.core.exchange.AccountTestCommands.ReleaseCash;
import org.impactledger.core.exchange.AccountTestCommands.ReserveCash;
import org.impactledger.core.exchange.AccountTestCommands.SettlePurchase;
import org.impactledger.core.exchange.AccountTestCommands.SettleSale;
import org.impactledger.core.exchange.AccountTestCommands.SettleSubscription;
import org.impactledger.core.exchange.command.DepositCash;
import org.impactledger.core.exchange.command.OpenAccount;
import org.impactledger.core.exchange.command.PlaceOrder;
import org.impactledger.core.exchange.command.WithdrawCash;
import org.impactledger.core.exchange.event.AccountOpened;
import org.impactledger.core.exchange.event.CashReleased;
import org.impactledger.core.exchange.event.CashReserved;
import org.impactledger.core.exchange.event.CashWithdrawn;
import org.impactledger.core.exchange.event.IncomePaid;
import org.impactledger.core.exchange.event.IncomeReceived;
import org.impactledger.core.exchange.event.IncomeShare;
import org.impactledger.core.exchange.event.OfferingClosed;
import org.impactledger.core.exchange.event.PurchaseSettled;
import org.impactledger.core.exchange.event.SaleSettled;
import org.impactledger.core.exchange.event.SubscriptionSettled;
import org.impactledger.core.exchange.event.TradeExecuted;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * An investor's cash account: deposits and withdrawals, and the reservations and settlements an
 * instrument asks for (driven here the way {@link ExchangeHandler}'s settlement does).
 */
class AccountTest {

    private static final PlaceOrder B1 = buy("B1", ANNA, 10, "12.00");
    private static final PlaceOrder S1 = sell("S1", BRUNO, 10, "11.50");
    /** ANNA's buy at 12.00 traded with BRUNO's resting sell at 11.50. */
    private static final TradeExecuted TRADE = trade(1, B1, S1, OrderSide.BUY, 10, "11.50", 0, 0);

    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerAnnotatedCommandHandler(new AccountTestCommands.Handler(fixture.getRepository()));
    }

    private static CashReserved reserved(ReservationPurpose purpose, String reference, String amount) {
        return new CashReserved(ANNA, SHARE, purpose, reference, eur(amount));
    }

    private static ReserveCash reserve(ReservationPurpose purpose, String reference, String amount) {
        return new ReserveCash(ANNA, SHARE, purpose, reference, eur(amount), "quantity");
    }

    @Nested
    class OpeningAndCash {

        @Test
        void opens_an_account_in_one_currency_with_no_cash() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccount(ANNA, EUR, ADMITTED))
                    .expectEvents(new AccountOpened(ANNA, EUR, ADMITTED))
                    .expectState(account -> assertThat(account.available()).isEqualTo(eur("0")));
        }

        @Test
        void refuses_an_account_in_a_malformed_currency() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccount(ANNA, "eur", ADMITTED))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "currency", "currency must be an ISO 4217 code of three upper-case letters"));
        }

        @Test
        void refuses_an_account_without_an_opening_date() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccount(ANNA, EUR, null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "openedOn", "openedOn is required"));
        }

        @Test
        void takes_a_deposit() {
            fixture.given(accountOpened(ANNA))
                    .when(new DepositCash(ANNA, eur("1000"), "SEPA-inv-anna", ADMITTED))
                    .expectEvents(deposited(ANNA, "1000"))
                    .expectState(account -> assertThat(account.cash()).isEqualTo(eur("1000")));
        }

        @Test
        void refuses_a_deposit_in_another_currency() {
            fixture.given(accountOpened(ANNA))
                    .when(new DepositCash(ANNA, Money.of("1000", "USD"), "SEPA-inv-anna", ADMITTED))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CURRENCY_MISMATCH, "amount", "amount is in USD but the account of investor inv-anna is kept in EUR"));
        }

        @Test
        void refuses_a_deposit_without_a_bank_reference() {
            fixture.given(accountOpened(ANNA))
                    .when(new DepositCash(ANNA, eur("1000"), null, ADMITTED))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "bankReference", "bankReference is required"));
        }

        @Test
        void withdraws_up_to_the_available_cash() {
            fixture.given(accountOpened(ANNA), deposited(ANNA, "1000"), reserved(BUY_ORDER, "B1", "400"))
                    .when(new WithdrawCash(ANNA, eur("600"), "SEPA-OUT-1", DAY))
                    .expectEvents(new CashWithdrawn(ANNA, eur("600"), "SEPA-OUT-1", DAY))
                    .expectState(account -> {
                        assertThat(account.cash()).isEqualTo(eur("400"));
                        assertThat(account.available()).isEqualTo(eur("0"));
                    });
        }

        @Test
        void refuses_to_withdraw_cash_reserved_for_an_open_order() {
            fixture.given(accountOpened(ANNA), deposited(ANNA, "1000"), reserved(BUY_ORDER, "B1", "400"))
                    .when(new WithdrawCash(ANNA, eur("600.01"), "SEPA-OUT-1", DAY))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.LIMIT_EXCEEDED, "amount", "withdrawal of 600.01 EUR exceeds the available cash of investor"
                            + " inv-anna, 600.00 EUR (cash 1000.00 EUR, of which 400.00 EUR reserved for open orders and subscriptions)"));
        }
    }

    @Nested
    class Reservations {

        @Test
        void reserves_available_cash_for_a_buy_order() {
            fixture.given(accountOpened(ANNA), deposited(ANNA, "1000"))
                    .when(reserve(BUY_ORDER, "B1", "1000"))
                    .expectEvents(reserved(BUY_ORDER, "B1", "1000"))
                    .expectState(account -> {
                        assertThat(account.reserved()).isEqualTo(eur("1000"));
                        assertThat(account.available()).isEqualTo(eur("0"));
                        assertThat(account.reservedFor(SHARE, BUY_ORDER, "B1")).contains(eur("1000"));
                    });
        }

        @Test
        void refuses_to_reserve_beyond_available_cash_counting_what_is_already_reserved() {
            fixture.given(accountOpened(ANNA), deposited(ANNA, "1000"), reserved(SUBSCRIPTION, "OFF-1", "700"))
                    .when(reserve(BUY_ORDER, "B1", "300.01"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.LIMIT_EXCEEDED, "quantity", "buy order B1 on H4A-SHARE needs 300.01 EUR but investor inv-anna"
                            + " has only 300.00 EUR available (cash 1000.00 EUR, of which 700.00 EUR reserved for open orders and subscriptions)"));
        }

        @Test
        void refuses_a_reservation_for_an_instrument_in_another_currency() {
            fixture.given(accountOpened(ANNA), deposited(ANNA, "1000"))
                    .when(new ReserveCash(ANNA, SHARE, BUY_ORDER, "B1", Money.of("10", "CHF"), "limitPrice"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CURRENCY_MISMATCH, null,
                            "instrument H4A-SHARE trades in CHF but the account of investor inv-anna is kept in EUR"));
        }

        @Test
        void refuses_a_second_reservation_for_the_same_order() {
            fixture.given(accountOpened(ANNA), deposited(ANNA, "1000"), reserved(BUY_ORDER, "B1", "100"))
                    .when(reserve(BUY_ORDER, "B1", "100"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null, "investor inv-anna already has cash reserved for buy order B1 on H4A-SHARE"));
        }

        @Test
        void releases_a_reservation() {
            fixture.given(accountOpened(ANNA), deposited(ANNA, "1000"), reserved(BUY_ORDER, "B1", "400"))
                    .when(new ReleaseCash(ANNA, SHARE, BUY_ORDER, "B1", eur("400"), "cancelled by the investor"))
                    .expectEvents(new CashReleased(ANNA, SHARE, BUY_ORDER, "B1", eur("400"), "cancelled by the investor"))
                    .expectState(account -> {
                        assertThat(account.available()).isEqualTo(eur("1000"));
                        assertThat(account.reservedFor(SHARE, BUY_ORDER, "B1")).isEmpty();
                    });
        }

        @Test
        void refuses_to_release_more_than_is_reserved() {
            fixture.given(accountOpened(ANNA), deposited(ANNA, "1000"), reserved(BUY_ORDER, "B1", "400"))
                    .when(new ReleaseCash(ANNA, SHARE, BUY_ORDER, "B1", eur("400.01"), "cancelled"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null, "400.01 EUR is more than the 400.00 EUR reserved for buy order B1 on H4A-SHARE"));
        }
    }

    @Nested
    class Settling {

        @Test
        void a_purchase_pays_the_trade_price_and_frees_the_price_improvement() {
            fixture.given(accountOpened(ANNA), deposited(ANNA, "1000"), reserved(BUY_ORDER, "B1", "120"))
                    .when(new SettlePurchase(ANNA, TRADE, eur("120")))
                    .expectEvents(new PurchaseSettled(ANNA, SHARE, B1.orderId(), 1, 10, eur("11.50"), eur("115"), eur("120"), DAY))
                    .expectState(account -> {
                        assertThat(account.cash()).isEqualTo(eur("885"));
                        assertThat(account.reserved()).isEqualTo(eur("0"));
                        assertThat(account.available()).isEqualTo(eur("885"));
                    });
        }

        @Test
        void a_partial_purchase_keeps_the_rest_of_the_reservation() {
            TradeExecuted partial = trade(1, B1, S1, OrderSide.BUY, 4, "11.50", 6, 6);
            fixture.given(accountOpened(ANNA), deposited(ANNA, "1000"), reserved(BUY_ORDER, "B1", "120"))
                    .when(new SettlePurchase(ANNA, partial, eur("48")))
                    .expectSuccessfulHandlerExecution()
                    .expectState(account -> {
                        assertThat(account.cash()).isEqualTo(eur("954"));
                        assertThat(account.reservedFor(SHARE, BUY_ORDER, "B1")).contains(eur("72"));
                    });
        }

        @Test
        void refuses_to_settle_a_purchase_with_no_reservation_behind_it() {
            fixture.given(accountOpened(ANNA), deposited(ANNA, "1000"))
                    .when(new SettlePurchase(ANNA, TRADE, eur("120")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null, "investor inv-anna has no cash reserved for buy order B1 on H4A-SHARE"));
        }

        @Test
        void a_sale_receives_the_trade_amount() {
            fixture.given(accountOpened(BRUNO))
                    .when(new SettleSale(BRUNO, TRADE))
                    .expectEvents(new SaleSettled(BRUNO, SHARE, S1.orderId(), 1, 10, eur("11.50"), eur("115"), DAY))
                    .expectState(account -> assertThat(account.cash()).isEqualTo(eur("115")));
        }

        @Test
        void refuses_to_settle_the_other_side_of_a_trade() {
            fixture.given(accountOpened(ANNA))
                    .when(new SettleSale(ANNA, TRADE))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null, "the movement is for investor inv-bruno, not inv-anna"));
        }

        @Test
        void a_subscription_settles_by_paying_for_the_allocated_units_and_releasing_the_rest() {
            OfferingClosed closing = offeringClosed(SHARE, 60, CLOSES, allocation(ANNA, 100, 60));
            fixture.given(accountOpened(ANNA), deposited(ANNA, "1000"), reserved(SUBSCRIPTION, "OFF-1", "1000"))
                    .when(new SettleSubscription(ANNA, closing, closing.allocations().get(0)))
                    .expectEvents(new SubscriptionSettled(ANNA, SHARE, OFFERING, 100, 60, PRICE, eur("600"), eur("400"), CLOSES))
                    .expectState(account -> {
                        assertThat(account.cash()).isEqualTo(eur("400"));
                        assertThat(account.available()).isEqualTo(eur("400"));
                    });
        }

        @Test
        void receives_income_for_the_units_held_at_the_record_date() {
            IncomeShare share = new IncomeShare(ANNA, 100, eur("33.34"));
            IncomePaid payment = new IncomePaid(SHARE, ExchangeTestData.ISSUER, "DIV-1", IncomeKind.DIVIDEND, eur("100"), 300,
                    date("2025-06-30"), date("2025-07-15"), List.of(share));
            fixture.given(accountOpened(ANNA))
                    .when(new ReceiveIncome(ANNA, payment, share))
                    .expectEvents(new IncomeReceived(ANNA, SHARE, "DIV-1", IncomeKind.DIVIDEND, 100, eur("33.34"), date("2025-06-30"), date("2025-07-15")))
                    .expectState(account -> assertThat(account.cash()).isEqualTo(eur("33.34")));
        }
    }
}
