package org.impactledger.core.exchange;

import org.impactledger.core.shared.Money;

/**
 * One trade an incoming order made at once: the instrument's trade number, the units, the price
 * (the resting order's) and the amount (units × price). It names no counterparty: whoever is on the
 * other side of a trade stays anonymous to the one who placed the order.
 */
public record OrderFill(long tradeNumber, long quantity, Money price, Money amount) {
}
