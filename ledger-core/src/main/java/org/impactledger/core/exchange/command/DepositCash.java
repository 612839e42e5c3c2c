package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An investor pays cash into the exchange account, by bank transfer. */
public record DepositCash(@TargetAggregateIdentifier InvestorId investorId, Money amount, String bankReference, LocalDate valueDate) {
}
