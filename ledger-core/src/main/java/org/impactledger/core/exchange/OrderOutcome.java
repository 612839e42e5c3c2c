package org.impactledger.core.exchange;

import org.impactledger.core.shared.OrderId;

/** What became of a placed order right away: how much traded, and how much rests in the book. */
public record OrderOutcome(OrderId orderId, long filled, long remaining, OrderStatus status) {
}
