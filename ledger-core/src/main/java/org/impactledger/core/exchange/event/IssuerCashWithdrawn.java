package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.Money;
import org.axonframework.serialization.Revision;

/** The issuer took cash out of its exchange cash account. */
@Revision("1")
public record IssuerCashWithdrawn(IssuerId issuerId, Money amount, String bankReference, LocalDate valueDate) implements IssuerEvent {
}
