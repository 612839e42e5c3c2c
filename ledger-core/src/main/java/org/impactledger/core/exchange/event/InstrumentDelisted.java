package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.IssuerId;
import org.axonframework.serialization.Revision;

/** The instrument was delisted; its resting orders were cancelled just before (one {@link OrderCancelled} each). */
@Revision("1")
public record InstrumentDelisted(InstrumentId instrumentId, IssuerId issuerId, String reason, LocalDate delistedOn) implements InstrumentEvent {
}
