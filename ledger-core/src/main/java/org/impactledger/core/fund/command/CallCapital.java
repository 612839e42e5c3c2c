package org.impactledger.core.fund.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;

/** Calls part of an investor's commitment; never beyond what the investor committed and has not yet been called. */
public record CallCapital(@TargetAggregateIdentifier FundId fundId, String callId, InvestorId investorId, Money amount, LocalDate dueDate) {
}
