package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.shared.InvestorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens an investor's exchange account, kept in one currency. */
public record OpenAccount(@TargetAggregateIdentifier InvestorId investorId, String currency, LocalDate openedOn) {
}
