package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.shared.IssuerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lifts an issuer's suspension. */
public record ReinstateIssuer(@TargetAggregateIdentifier IssuerId issuerId, String reason, LocalDate reinstatedOn) {
}
