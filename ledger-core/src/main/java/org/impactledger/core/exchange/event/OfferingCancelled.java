package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.OfferingId;
import org.axonframework.serialization.Revision;

/** An open offering was cancelled; no units were issued and every subscription's reservation was released. */
@Revision("1")
public record OfferingCancelled(InstrumentId instrumentId, OfferingId offeringId, String reason, LocalDate cancelledOn) implements InstrumentEvent {
}
