package org.impactledger.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.core.exchange.ExchangeTestData.ANNA;
import static org.impactledger.core.exchange.ExchangeTestData.BRUNO;
import static org.impactledger.core.exchange.ExchangeTestData.CARLA;
import static org.impactledger.core.exchange.ExchangeTestData.DARIO;
import static org.impactledger.core.exchange.ExchangeTestData.DAY;
import static org.impactledger.core.exchange.ExchangeTestData.ELENA;
import static org.impactledger.core.exchange.ExchangeTestData.SHARE;
import static org.impactledger.core.exchange.ExchangeTestData.buy;
import static org.impactledger.core.exchange.ExchangeTestData.eur;
import static org.impactledger.core.exchange.ExchangeTestData.sell;
import static org.impactledger.core.exchange.ExchangeTestData.trade;
import static org.impactledger.core.exchange.OrderSide.BUY;
import static org.impactledger.core.exchange.OrderSide.SELL;

import java.util.List;
import java.util.Map;
import org.impactledger.core.exchange.command.CancelOrder;
import org.impactledger.core.exchange.command.PlaceOrder;
import org.impactledger.core.exchange.event.TradeExecuted;
import org.impactledger.core.shared.InvestorId;
import org.junit.jupiter.api.Test;

/**
 * A sequence of orders worked out by hand, run through the real handler, instrument and accounts.
 *
 * <p>Start: a first offering at 10.00 EUR left ANNA with 400 units, BRUNO and CARLA with 300 each
 * (each had deposited 5000.00 EUR, so ANNA has 1000.00 and BRUNO and CARLA 2000.00 left); DARIO and
 * ELENA deposit 3000.00 EUR each. Every order is placed on {@link ExchangeTestData#DAY}; the
 * sequence number is the order's time priority.
 *
 * <pre>
 * step  order                               book after the step (asks low→high, bids high→low; price/left/seq)
 *  1    S1 ANNA  sell 100 @ 10.50  rests    asks 10.50/100/1
 *  2    S2 BRUNO sell  50 @ 10.40  rests    asks 10.40/50/2, 10.50/100/1
 *  3    S3 CARLA sell  80 @ 10.50  rests    asks 10.40/50/2, 10.50/100/1, 10.50/80/3      (S3 behind S1: same price, later)
 *  4    B1 DARIO buy  120 @ 10.50  T1, T2   asks 10.50/30/1, 10.50/80/3                   (B1 filled)
 *  5    B2 ELENA buy   60 @ 10.45  rests    bids 10.45/60/5                               (10.45 does not reach 10.50)
 *  6    B3 DARIO buy   40 @ 10.45  rests    bids 10.45/60/5, 10.45/40/6                   (B3 behind B2: same price, later)
 *  7    S4 BRUNO sell  80 @ 10.45  T3, T4   bids 10.45/20/6                               (S4 filled)
 *  8    S5 CARLA sell  30 @ 10.40  T5       asks 10.40/10/8, 10.50/30/1, 10.50/80/3       (B3 filled; 10 of S5 rest)
 *  9    B4 ELENA buy  100 @ 10.50  T6-T8    asks 10.50/20/3                               (B4 filled)
 * 10    CARLA cancels S3 (20 left)          empty
 *
 * trade  buy (buyer)  sell (seller)  aggressor  units  price  amount   buy left  sell left   why
 * T1     B1 DARIO     S2 BRUNO       BUY          50   10.40   520.00       70        0      best ask is the lowest: 10.40
 * T2     B1 DARIO     S1 ANNA        BUY          70   10.50   735.00        0       30      at 10.50, S1 (seq 1) before S3 (seq 3)
 * T3     B2 ELENA     S4 BRUNO       SELL         60   10.45   627.00        0       20      at 10.45, B2 (seq 5) before B3 (seq 6)
 * T4     B3 DARIO     S4 BRUNO       SELL         20   10.45   209.00       20        0      partial fill of B3
 * T5     B3 DARIO     S5 CARLA       SELL         20   10.45   209.00        0       10      at the resting bid 10.45, above S5's limit 10.40
 * T6     B4 ELENA     S5 CARLA       BUY          10   10.40   104.00       90        0      best ask 10.40
 * T7     B4 ELENA     S1 ANNA        BUY          30   10.50   315.00       60        0      at 10.50, S1 still before S3
 * T8     B4 ELENA     S3 CARLA       BUY          60   10.50   630.00        0       20      partial fill of S3
 * </pre>
 *
 * End: units ANNA 400 − 70 − 30 = 300, BRUNO 300 − 50 − 60 − 20 = 170, CARLA 300 − 20 − 10 − 60 = 210,
 * DARIO 50 + 70 + 20 + 20 = 160, ELENA 60 + 10 + 30 + 60 = 160 (1000 in all). Cash ANNA 1000 + 735 + 315 =
 * 2050.00, BRUNO 2000 + 520 + 627 + 209 = 3356.00, CARLA 2000 + 209 + 104 + 630 = 2943.00, DARIO 3000 − 520 −
 * 735 − 209 − 209 = 1327.00, ELENA 3000 − 627 − 104 − 315 − 630 = 1324.00 (11 000.00 in all, with the
 * issuer's 10 000.00 the 21 000.00 deposited). B1 reserved 120 × 10.50 = 1260.00 and paid 1255.00: the 5.00
 * of price improvement is DARIO's again as soon as B1 is filled.
 */
class MatchingSequenceTest {

    private static final PlaceOrder S1 = sell("S1", ANNA, 100, "10.50");
    private static final PlaceOrder S2 = sell("S2", BRUNO, 50, "10.40");
    private static final PlaceOrder S3 = sell("S3", CARLA, 80, "10.50");
    private static final PlaceOrder B1 = buy("B1", DARIO, 120, "10.50");
    private static final PlaceOrder B2 = buy("B2", ELENA, 60, "10.45");
    private static final PlaceOrder B3 = buy("B3", DARIO, 40, "10.45");
    private static final PlaceOrder S4 = sell("S4", BRUNO, 80, "10.45");
    private static final PlaceOrder S5 = sell("S5", CARLA, 30, "10.40");
    private static final PlaceOrder B4 = buy("B4", ELENA, 100, "10.50");

    private static final List<TradeExecuted> EXPECTED_TRADES = List.of(
            trade(1, B1, S2, BUY, 50, "10.40", 70, 0),
            trade(2, B1, S1, BUY, 70, "10.50", 0, 30),
            trade(3, B2, S4, SELL, 60, "10.45", 0, 20),
            trade(4, B3, S4, SELL, 20, "10.45", 20, 0),
            trade(5, B3, S5, SELL, 20, "10.45", 0, 10),
            trade(6, B4, S5, BUY, 10, "10.40", 90, 0),
            trade(7, B4, S1, BUY, 30, "10.50", 60, 0),
            trade(8, B4, S3, BUY, 60, "10.50", 0, 20));

    private final ExchangeForTest exchange = new ExchangeForTest();

    private OrderOutcome place(PlaceOrder order) {
        return exchange.send(order);
    }

    private List<String> book() {
        return exchange.instrument(SHARE, Instrument::openOrders).stream()
                .map(o -> o.orderId() + " " + o.side() + " " + o.remaining() + " @ " + o.limitPrice().amount()).toList();
    }

    private List<TradeExecuted> trades() {
        return exchange.stream(SHARE).stream().filter(TradeExecuted.class::isInstance).map(TradeExecuted.class::cast).toList();
    }

    @Test
    void matches_the_hand_worked_sequence_by_price_then_time_with_partial_fills_at_the_resting_price() {
        exchange.admitIssuer("0").openAccount(ANNA, "5000").openAccount(BRUNO, "5000").openAccount(CARLA, "5000")
                .openAccount(DARIO, "3000").openAccount(ELENA, "3000");
        exchange.listHeldBy(SHARE, ANNA, 400, BRUNO, 300, CARLA, 300);

        assertThat(place(S1)).isEqualTo(new OrderOutcome(S1.orderId(), 0, 100, OrderStatus.OPEN, List.of()));
        assertThat(place(S2)).isEqualTo(new OrderOutcome(S2.orderId(), 0, 50, OrderStatus.OPEN, List.of()));
        assertThat(place(S3)).isEqualTo(new OrderOutcome(S3.orderId(), 0, 80, OrderStatus.OPEN, List.of()));

        assertThat(place(B1)).isEqualTo(new OrderOutcome(B1.orderId(), 120, 0, OrderStatus.FILLED,
                List.of(new OrderFill(1, 50, eur("10.40"), eur("520.00")),
                        new OrderFill(2, 70, eur("10.50"), eur("735.00")))));
        assertThat(trades()).containsExactlyElementsOf(EXPECTED_TRADES.subList(0, 2));
        assertThat(book()).containsExactly("S1 SELL 30 @ 10.50", "S3 SELL 80 @ 10.50");
        assertThat(exchange.account(DARIO, Account::available)).isEqualTo(eur("1745.00"));
        assertThat(exchange.account(DARIO, Account::reserved)).isEqualTo(eur("0"));

        assertThat(place(B2)).isEqualTo(new OrderOutcome(B2.orderId(), 0, 60, OrderStatus.OPEN, List.of()));
        assertThat(place(B3)).isEqualTo(new OrderOutcome(B3.orderId(), 0, 40, OrderStatus.OPEN, List.of()));

        assertThat(place(S4)).isEqualTo(new OrderOutcome(S4.orderId(), 80, 0, OrderStatus.FILLED,
                List.of(new OrderFill(3, 60, eur("10.45"), eur("627.00")),
                        new OrderFill(4, 20, eur("10.45"), eur("209.00")))));
        assertThat(trades()).containsExactlyElementsOf(EXPECTED_TRADES.subList(0, 4));
        assertThat(book()).containsExactly("S1 SELL 30 @ 10.50", "S3 SELL 80 @ 10.50", "B3 BUY 20 @ 10.45");

        assertThat(place(S5)).isEqualTo(new OrderOutcome(S5.orderId(), 20, 10, OrderStatus.OPEN,
                List.of(new OrderFill(5, 20, eur("10.45"), eur("209.00")))));
        assertThat(book()).containsExactly("S1 SELL 30 @ 10.50", "S3 SELL 80 @ 10.50", "S5 SELL 10 @ 10.40");

        assertThat(place(B4)).isEqualTo(new OrderOutcome(B4.orderId(), 100, 0, OrderStatus.FILLED,
                List.of(new OrderFill(6, 10, eur("10.40"), eur("104.00")),
                        new OrderFill(7, 30, eur("10.50"), eur("315.00")),
                        new OrderFill(8, 60, eur("10.50"), eur("630.00")))));
        assertThat(trades()).containsExactlyElementsOf(EXPECTED_TRADES);
        assertThat(book()).containsExactly("S3 SELL 20 @ 10.50");
        assertThat(exchange.unitsOffered(SHARE, CARLA)).isEqualTo(20);

        exchange.send(new CancelOrder(SHARE, S3.orderId(), CARLA, DAY));
        assertThat(book()).isEmpty();

        assertThat(exchange.instrument(SHARE, Instrument::register)).containsExactly(
                Map.entry("inv-anna", 300L), Map.entry("inv-bruno", 170L), Map.entry("inv-carla", 210L),
                Map.entry("inv-dario", 160L), Map.entry("inv-elena", 160L));
        assertThat(exchange.unitsOffered(SHARE, CARLA)).isZero();
        assertCash(ANNA, "2050.00");
        assertCash(BRUNO, "3356.00");
        assertCash(CARLA, "2943.00");
        assertCash(DARIO, "1327.00");
        assertCash(ELENA, "1324.00");
    }

    private void assertCash(InvestorId investor, String cash) {
        assertThat(exchange.account(investor, Account::cash)).as("cash of %s", investor).isEqualTo(eur(cash));
        assertThat(exchange.account(investor, Account::available)).as("available cash of %s", investor).isEqualTo(eur(cash));
    }
}
