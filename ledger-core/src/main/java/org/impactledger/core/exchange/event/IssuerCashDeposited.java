package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.Money;
import org.axonframework.serialization.Revision;

/** The issuer paid cash into its exchange cash account. */
@Revision("1")
public record IssuerCashDeposited(IssuerId issuerId, Money amount, String bankReference, LocalDate valueDate) implements IssuerEvent {
}
