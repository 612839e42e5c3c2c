package org.impactledger.core.fund.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;

/** Distributes fund cash to investors by the waterfall: return of paid-in capital first, then return up to the cap multiple. */
public record Distribute(@TargetAggregateIdentifier FundId fundId, String distributionId, Money amount, LocalDate valueDate) {
}
