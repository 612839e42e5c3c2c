package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.shared.IssuerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Suspends an issuer: its instruments take no orders, subscriptions or new offerings until it is reinstated. */
public record SuspendIssuer(@TargetAggregateIdentifier IssuerId issuerId, String reason, LocalDate suspendedOn) {
}
