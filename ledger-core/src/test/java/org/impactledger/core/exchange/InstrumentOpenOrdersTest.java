package org.impactledger.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.core.exchange.ExchangeTestData.ANNA;
import static org.impactledger.core.exchange.ExchangeTestData.BRUNO;
import static org.impactledger.core.exchange.ExchangeTestData.CARLA;
import static org.impactledger.core.exchange.ExchangeTestData.DAY;
import static org.impactledger.core.exchange.ExchangeTestData.SHARE;
import static org.impactledger.core.exchange.ExchangeTestData.buy;
import static org.impactledger.core.exchange.ExchangeTestData.placed;
import static org.impactledger.core.exchange.ExchangeTestData.sell;
import static org.impactledger.core.exchange.ExchangeTestData.shareListed;
import static org.impactledger.core.exchange.ExchangeTestData.trade;
import static org.impactledger.core.shared.EventReplay.apply;
import static org.impactledger.core.shared.EventReplay.replayed;

import java.util.ArrayList;
import java.util.List;
import org.impactledger.core.exchange.command.PlaceOrder;
import org.impactledger.core.exchange.event.OrderCancelled;
import org.junit.jupiter.api.Test;

/**
 * The book of open orders an instrument keeps once it has looked at it follows every placement,
 * fill and cancellation: after each event it lists the same open orders as an instrument loaded
 * from the same events, which finds them among all its orders.
 */
class InstrumentOpenOrdersTest {

    @Test
    void keeps_the_open_orders_through_placements_fills_and_cancellations() {
        PlaceOrder s1 = sell("S1", ANNA, 100, "10.50");
        PlaceOrder s2 = sell("S2", BRUNO, 50, "10.40");
        PlaceOrder b1 = buy("B1", CARLA, 120, "10.50");
        PlaceOrder b2 = buy("B2", CARLA, 30, "10.00");
        List<Object> history = new ArrayList<>(List.of(shareListed(), placed(s1, 1)));
        Instrument instrument = replayed(Instrument::new, history);
        assertThat(instrument.openOrders()).extracting(o -> o.orderId().value()).containsExactly("S1"); // the book is built here

        Object[][] steps = {
                {placed(s2, 2), List.of("S1", "S2")},
                {placed(b1, 3), List.of("S1", "S2", "B1")},
                {trade(1, b1, s2, OrderSide.BUY, 50, "10.40", 70, 0), List.of("S1", "B1")},
                {trade(2, b1, s1, OrderSide.BUY, 70, "10.50", 0, 30), List.of("S1")},
                {placed(b2, 4), List.of("S1", "B2")},
                {new OrderCancelled(SHARE, s1.orderId(), ANNA, OrderSide.SELL, 30, "cancelled by the investor", DAY), List.of("B2")}};
        for (Object[] step : steps) {
            apply(instrument, step[0]);
            history.add(step[0]);
            assertThat(instrument.openOrders()).as("after %s", step[0]).extracting(o -> o.orderId().value()).isEqualTo(step[1]);
            assertThat(instrument.openOrders()).isEqualTo(replayed(Instrument::new, history).openOrders());
        }
        assertThat(instrument.openOrders().get(0).remaining()).isEqualTo(30);
    }
}
