package org.impactledger.core.exchange.event;

import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;

/** One holder's part of a coupon or dividend: the units held at the record date and the amount paid for them. */
public record IncomeShare(InvestorId investorId, long units, Money amount) {
}
