package org.impactledger.core.fund.event;

import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;

/** One investor's part of a distribution, split into return of paid-in capital and profit. */
public record DistributionShare(InvestorId investorId, Money returnOfCapital, Money profit) {
}
