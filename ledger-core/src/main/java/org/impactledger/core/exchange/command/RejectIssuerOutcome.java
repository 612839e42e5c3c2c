package org.impactledger.core.exchange.command;

import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An independent verifier rejects a reported outcome, with a reason. Must not be the principal who reported it. */
public record RejectIssuerOutcome(@TargetAggregateIdentifier IssuerId issuerId, OutcomeId outcomeId, String reason, String rejectedBy) {
}
