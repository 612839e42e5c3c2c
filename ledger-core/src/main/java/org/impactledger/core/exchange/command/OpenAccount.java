package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.exchange.AccountId;
import org.impactledger.core.shared.InvestorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens an investor's exchange account, kept in one currency. */
public record OpenAccount(InvestorId investorId, String currency, LocalDate openedOn) {

    /** The account's event stream (see {@link AccountId}); {@code null} without an investor id, which Axon refuses. */
    @TargetAggregateIdentifier
    public AccountId accountId() {
        return investorId == null ? null : AccountId.of(investorId);
    }
}
