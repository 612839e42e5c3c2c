package org.impactledger.core.exchange.command;

import java.math.BigDecimal;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An independent verifier verifies all or part of a reported outcome. Must not be the principal who reported it. */
public record VerifyIssuerOutcome(@TargetAggregateIdentifier IssuerId issuerId, OutcomeId outcomeId, BigDecimal verifiedQuantity, String note, String verifiedBy) {
}
