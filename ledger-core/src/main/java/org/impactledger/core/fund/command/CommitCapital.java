package org.impactledger.core.fund.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;

/** An investor commits capital to the fund (adds to any earlier commitment). */
public record CommitCapital(@TargetAggregateIdentifier FundId fundId, InvestorId investorId, Money amount, LocalDate valueDate) {
}
