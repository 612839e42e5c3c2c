package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.shared.IssuerId;
import org.axonframework.serialization.Revision;

/** A social enterprise was admitted as an issuer; {@code sdgFocus} holds canonical SDG target codes. */
@Revision("1")
public record IssuerAdmitted(IssuerId issuerId, String name, String currency, List<String> sdgFocus, LocalDate admittedOn) implements IssuerEvent {
}
