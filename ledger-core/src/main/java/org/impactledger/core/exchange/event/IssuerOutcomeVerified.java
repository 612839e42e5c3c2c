package org.impactledger.core.exchange.event;

import java.math.BigDecimal;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.serialization.Revision;

/** An independent verifier verified the outcome (the quantity may be less than reported). */
@Revision("1")
public record IssuerOutcomeVerified(IssuerId issuerId, OutcomeId outcomeId, BigDecimal verifiedQuantity, String note, String verifiedBy) implements IssuerEvent {
}
