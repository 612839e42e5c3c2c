package org.impactledger.core.fund.event;

import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.axonframework.serialization.Revision;

/** Fund cash was distributed; shares list each investor's return of capital and profit, summing exactly to amount. */
@Revision("1")
public record DistributionMade(FundId fundId, String distributionId, Money amount, LocalDate valueDate, List<DistributionShare> shares) implements FundEvent {
}
