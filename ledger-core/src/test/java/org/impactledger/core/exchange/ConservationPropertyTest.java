package org.impactledger.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.core.exchange.ExchangeTestData.CLOSES;
import static org.impactledger.core.exchange.ExchangeTestData.DAY;
import static org.impactledger.core.exchange.ExchangeTestData.ISSUER;
import static org.impactledger.core.exchange.ExchangeTestData.OFFERING;
import static org.impactledger.core.exchange.ExchangeTestData.SHARE;
import static org.impactledger.core.exchange.ExchangeTestData.eur;
import static org.impactledger.core.exchange.ExchangeTestData.listInstrument;
import static org.impactledger.core.exchange.ExchangeTestData.openOffering;
import static org.impactledger.core.exchange.ExchangeTestData.subscribe;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.impactledger.core.exchange.command.CancelOrder;
import org.impactledger.core.exchange.command.CloseOffering;
import org.impactledger.core.exchange.command.DepositCash;
import org.impactledger.core.exchange.command.DepositIssuerCash;
import org.impactledger.core.exchange.command.PayDividend;
import org.impactledger.core.exchange.command.PlaceOrder;
import org.impactledger.core.exchange.command.WithdrawCash;
import org.impactledger.core.exchange.event.OfferingClosed;
import org.impactledger.core.exchange.event.PurchaseSettled;
import org.impactledger.core.exchange.event.SaleSettled;
import org.impactledger.core.exchange.event.TradeExecuted;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OrderId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random order flows, each from a fixed seed so that a failure can be replayed: eight investors with
 * random deposits subscribe to an offering of 1500 units (often oversubscribed), then place random
 * buy and sell limit orders (many beyond what they hold or can pay), cancel orders (some not their
 * own), deposit and withdraw, and now and then the issuer pays a dividend. Refusals are expected and
 * counted; any other exception fails the test.
 *
 * <p>After every command: the cash on all accounts and the issuer's equals what was deposited minus
 * what was withdrawn; the units on the register equal the units issued; no cash, reservation,
 * holding or offered quantity is negative, and nobody has offered more units than they hold; each
 * open buy order has exactly quantity left × limit reserved on its investor's account, and each
 * investor's offered units are exactly what their open sell orders have left; the book is never
 * crossed. At the end, every trade has exactly one purchase and one sale settled for its amount.
 */
class ConservationPropertyTest {

    private static final int INVESTORS = 8;
    private static final int STEPS = 150;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cash_and_units_are_conserved_and_nothing_goes_negative_in_a_random_order_flow(long seed) {
        Flow flow = new Flow(new Random(seed));
        flow.openOfferingAndAllocate();
        for (int step = 0; step < STEPS; step++) {
            flow.randomStep();
            flow.assertInvariants();
        }
        flow.assertEveryTradeSettledOnBothSides();
        assertThat(flow.trades()).as("trades in the flow").isPositive();
        assertThat(flow.refusals).as("refusals in the flow").isPositive();
    }

    private static final class Flow {

        private final Random random;
        private final ExchangeForTest exchange = new ExchangeForTest();
        private final List<InvestorId> investors = new ArrayList<>();
        private BigDecimal cashIn = BigDecimal.ZERO;
        private long unitsIssued;
        private LocalDate day = DAY;
        private int orders;
        private int dividends;
        int refusals;

        Flow(Random random) {
            this.random = random;
            exchange.admitIssuer("0");
            for (int i = 1; i <= INVESTORS; i++) {
                InvestorId investor = InvestorId.of("inv-p" + i);
                investors.add(investor);
                Money deposit = investors.size() == 1 ? Money.zero("EUR") : randomAmount(1000, 9000); // the first investor starts with nothing
                exchange.openAccount(investor, deposit.amount().toPlainString());
                cashIn = cashIn.add(deposit.amount());
            }
        }

        void openOfferingAndAllocate() {
            exchange.send(listInstrument(SHARE, InstrumentType.SHARE));
            exchange.send(openOffering(SHARE, 1500));
            for (InvestorId investor : investors) {
                attempt(subscribe(SHARE, investor, 1 + random.nextInt(400)));
            }
            exchange.send(new CloseOffering(SHARE, OFFERING, CLOSES));
            OfferingClosed closed = (OfferingClosed) exchange.stream(SHARE).get(exchange.stream(SHARE).size() - 1);
            unitsIssued = closed.allocated();
        }

        void randomStep() {
            int roll = random.nextInt(100);
            InvestorId investor = investors.get(random.nextInt(investors.size()));
            if (roll < 40) {
                place(investor, OrderSide.BUY);
            } else if (roll < 80) {
                place(investor, OrderSide.SELL);
            } else if (roll < 90) {
                cancelSomeOrder(investor);
            } else if (roll < 93) {
                Money amount = randomAmount(1, 2000);
                if (attempt(new WithdrawCash(investor, amount, "OUT-" + orders, day))) {
                    cashIn = cashIn.subtract(amount.amount());
                }
            } else if (roll < 96) {
                Money amount = randomAmount(1, 2000);
                if (attempt(new DepositCash(investor, amount, "IN-" + orders, day))) {
                    cashIn = cashIn.add(amount.amount());
                }
            } else {
                payDividend();
            }
            if (random.nextInt(10) == 0) {
                day = day.plusDays(1);
            }
        }

        private void place(InvestorId investor, OrderSide side) {
            orders++;
            long quantity = 1 + random.nextInt(side == OrderSide.BUY ? 80 : 150);
            // bids from 9.00 to 10.50 and asks from 9.50 to 11.00, in steps of 0.05: they often cross
            Money lowest = side == OrderSide.BUY ? eur("9.00") : eur("9.50");
            Money limit = lowest.plus(eur("0.05").times(BigDecimal.valueOf(random.nextInt(31))));
            attempt(new PlaceOrder(SHARE, OrderId.of("O-" + orders), investor, side, quantity, limit, day));
        }

        /** Cancels a random open order, usually in the name of its investor, sometimes in someone else's (refused). */
        private void cancelSomeOrder(InvestorId investor) {
            List<OrderState> open = exchange.instrument(SHARE, Instrument::openOrders);
            if (open.isEmpty()) {
                return;
            }
            OrderState order = open.get(random.nextInt(open.size()));
            InvestorId by = random.nextInt(4) > 0 ? order.investorId() : investor;
            attempt(new CancelOrder(SHARE, order.orderId(), by, day));
        }

        /** The issuer tops up its cash and pays a dividend to the register as of today; trading resumes tomorrow. */
        private void payDividend() {
            Money amount = randomAmount(1, 500);
            exchange.send(new DepositIssuerCash(ISSUER, amount, "DIV-FUNDING-" + dividends, day));
            cashIn = cashIn.add(amount.amount());
            dividends++;
            attempt(new PayDividend(SHARE, "DIV-" + dividends, amount, day, day.plusDays(10)));
            day = day.plusDays(1);
        }

        private boolean attempt(Object command) {
            try {
                exchange.send(command);
                return true;
            } catch (DomainException refused) {
                refusals++;
                return false;
            }
        }

        private Money randomAmount(int minEuros, int maxEuros) {
            long cents = minEuros * 100L + (long) random.nextInt((maxEuros - minEuros) * 100 + 1);
            return Money.of(BigDecimal.valueOf(cents, 2), "EUR");
        }

        /** What one account shows, read in one load. */
        private record AccountView(Money cash, Money reserved, Money available, Map<String, Optional<Money>> reservedForOrders) {
        }

        /** What the instrument shows, read in one load. */
        private record InstrumentView(List<OrderState> open, Map<String, Long> register, Map<String, Long> offered, long unitsOutstanding) {
        }

        void assertInvariants() {
            Money cash = exchange.issuer(ISSUER, Issuer::cash);
            assertThat(cash.isNegative()).as("issuer cash %s", cash).isFalse();
            InstrumentView share = exchange.instrument(SHARE, i -> {
                Map<String, Long> offered = new HashMap<>();
                investors.forEach(investor -> offered.put(investor.value(), i.unitsOffered(investor)));
                return new InstrumentView(i.openOrders(), i.register(), offered, i.unitsOutstanding());
            });
            Map<String, Long> offeredBySellOrders = new HashMap<>();
            for (OrderState order : share.open()) {
                if (order.side() == OrderSide.SELL) {
                    offeredBySellOrders.merge(order.investorId().value(), order.remaining(), Long::sum);
                }
            }
            for (InvestorId investor : investors) {
                List<OrderState> buys = share.open().stream().filter(o -> o.side() == OrderSide.BUY && o.investorId().equals(investor)).toList();
                AccountView account = exchange.account(investor, a -> {
                    Map<String, Optional<Money>> perOrder = new HashMap<>();
                    buys.forEach(o -> perOrder.put(o.orderId().value(), a.reservedFor(SHARE, ReservationPurpose.BUY_ORDER, o.orderId().value())));
                    return new AccountView(a.cash(), a.reserved(), a.available(), perOrder);
                });
                assertThat(account.cash().isNegative() || account.reserved().isNegative() || account.available().isNegative())
                        .as("%s: %s", investor, account).isFalse();
                cash = cash.plus(account.cash());

                Money reservedForOrders = Money.zero("EUR");
                for (OrderState order : buys) {
                    Money expected = Checks.times(order.limitPrice(), order.remaining());
                    assertThat(account.reservedForOrders().get(order.orderId().value())).as("reservation of %s", order.orderId()).contains(expected);
                    reservedForOrders = reservedForOrders.plus(expected);
                }
                assertThat(account.reserved()).as("cash reserved by %s", investor).isEqualTo(reservedForOrders);

                long units = share.register().getOrDefault(investor.value(), 0L);
                long unitsOffered = share.offered().get(investor.value());
                assertThat(unitsOffered).as("units offered by %s", investor).isEqualTo(offeredBySellOrders.getOrDefault(investor.value(), 0L));
                assertThat(units).as("units held by %s", investor).isGreaterThanOrEqualTo(unitsOffered).isGreaterThanOrEqualTo(0);
            }
            assertThat(cash.amount()).as("cash on the accounts and the issuer's").isEqualByComparingTo(cashIn);
            assertThat(share.register().values().stream().mapToLong(Long::longValue).sum()).as("units on the register").isEqualTo(unitsIssued);
            assertThat(share.unitsOutstanding()).as("units outstanding").isEqualTo(unitsIssued);
            share.open().stream().filter(o -> o.side() == OrderSide.BUY).map(OrderState::limitPrice).max(Money::compareTo).ifPresent(bestBid ->
                    share.open().stream().filter(o -> o.side() == OrderSide.SELL).map(OrderState::limitPrice).min(Money::compareTo).ifPresent(bestAsk ->
                            assertThat(bestBid).as("best bid below best ask").isLessThan(bestAsk)));
        }

        void assertEveryTradeSettledOnBothSides() {
            List<Object> events = exchange.allEvents();
            Map<Long, Money> trades = new HashMap<>();
            Map<Long, Money> purchases = new HashMap<>();
            Map<Long, Money> sales = new HashMap<>();
            for (Object event : events) {
                if (event instanceof TradeExecuted t) {
                    assertThat(trades.put(t.tradeNumber(), t.amount())).isNull();
                } else if (event instanceof PurchaseSettled p) {
                    assertThat(purchases.put(p.tradeNumber(), p.amount())).isNull();
                } else if (event instanceof SaleSettled s) {
                    assertThat(sales.put(s.tradeNumber(), s.amount())).isNull();
                }
            }
            assertThat(purchases).isEqualTo(trades);
            assertThat(sales).isEqualTo(trades);
        }

        long trades() {
            return exchange.stream(SHARE).stream().filter(TradeExecuted.class::isInstance).count();
        }
    }
}
