package org.impactledger.core.fund.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;

/** Records cash received against a capital call; never more than the call still has outstanding. */
public record ReceiveCapital(@TargetAggregateIdentifier FundId fundId, String callId, Money amount, LocalDate valueDate, String bankReference) {
}
