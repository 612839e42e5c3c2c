package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.axonframework.serialization.Revision;

/** The investor took available cash out of the account. */
@Revision("1")
public record CashWithdrawn(InvestorId investorId, Money amount, String bankReference, LocalDate valueDate) implements AccountEvent {
}
