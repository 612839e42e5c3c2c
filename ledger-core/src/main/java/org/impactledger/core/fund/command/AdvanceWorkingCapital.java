package org.impactledger.core.fund.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.ProviderId;

/** Advances working capital from fund cash to a service provider under a contract; never more than the fund's available cash. */
public record AdvanceWorkingCapital(@TargetAggregateIdentifier FundId fundId, String advanceId, ProviderId providerId, ContractId contractId, Money amount, LocalDate valueDate) {
}
