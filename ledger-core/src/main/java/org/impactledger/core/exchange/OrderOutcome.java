package org.impactledger.core.exchange;

import java.util.List;
import org.impactledger.core.shared.OrderId;

/** What became of a placed order right away: how much traded (and in which trades, in order), and how much rests in the book. */
public record OrderOutcome(OrderId orderId, long filled, long remaining, OrderStatus status, List<OrderFill> fills) {

    public OrderOutcome {
        fills = List.copyOf(fills);
    }
}
