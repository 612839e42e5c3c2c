package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.exchange.AccountId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An investor takes available cash (not reserved for orders or subscriptions) out of the exchange account. */
public record WithdrawCash(InvestorId investorId, Money amount, String bankReference, LocalDate valueDate) {

    /** The account's event stream (see {@link AccountId}); {@code null} without an investor id, which Axon refuses. */
    @TargetAggregateIdentifier
    public AccountId accountId() {
        return investorId == null ? null : AccountId.of(investorId);
    }
}
