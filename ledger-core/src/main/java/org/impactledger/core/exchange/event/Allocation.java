package org.impactledger.core.exchange.event;

import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;

/** One subscriber's result at the close of an offering: units allocated of those subscribed, cash paid (allocated × price) and released. */
public record Allocation(InvestorId investorId, long subscribed, long allocated, Money amountPaid, Money amountReleased) {
}
