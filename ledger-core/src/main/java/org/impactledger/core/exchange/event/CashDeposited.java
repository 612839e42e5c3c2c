package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.axonframework.serialization.Revision;

/** The investor paid cash into the account. */
@Revision("1")
public record CashDeposited(InvestorId investorId, Money amount, String bankReference, LocalDate valueDate) implements AccountEvent {
}
