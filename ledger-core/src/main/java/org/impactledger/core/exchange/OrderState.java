package org.impactledger.core.exchange;

import java.time.LocalDate;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OrderId;

/**
 * One limit order as the instrument remembers it, replaced as a whole on every change.
 * {@code sequence} is its time priority; {@code remaining} is what is left to trade while it is
 * {@code OPEN} (zero once filled or cancelled).
 */
public record OrderState(OrderId orderId, InvestorId investorId, OrderSide side, long quantity, long remaining, Money limitPrice,
                         long sequence, LocalDate placedOn, OrderStatus status) {

    OrderState traded(long units) {
        long left = remaining - units;
        return new OrderState(orderId, investorId, side, quantity, left, limitPrice, sequence, placedOn,
                left == 0 ? OrderStatus.FILLED : OrderStatus.OPEN);
    }

    OrderState cancelled() {
        return new OrderState(orderId, investorId, side, quantity, 0, limitPrice, sequence, placedOn, OrderStatus.CANCELLED);
    }

    /** Whether this resting order would trade with an incoming order on the other side at {@code limit}. */
    boolean crosses(Money limit) {
        return side == OrderSide.SELL ? limitPrice.compareTo(limit) <= 0 : limitPrice.compareTo(limit) >= 0;
    }
}
