package org.impactledger.core.exchange.event;

import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.serialization.Revision;

/** An independent verifier rejected the outcome. */
@Revision("1")
public record IssuerOutcomeRejected(IssuerId issuerId, OutcomeId outcomeId, String reason, String rejectedBy) implements IssuerEvent {
}
