package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.shared.IssuerId;
import org.axonframework.serialization.Revision;

/** The issuer's suspension was lifted. */
@Revision("1")
public record IssuerReinstated(IssuerId issuerId, String reason, LocalDate reinstatedOn) implements IssuerEvent {
}
