package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.shared.IssuerId;
import org.axonframework.serialization.Revision;

/** The issuer was suspended: its instruments take no orders, subscriptions or offerings. */
@Revision("1")
public record IssuerSuspended(IssuerId issuerId, String reason, LocalDate suspendedOn) implements IssuerEvent {
}
