package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OfferingId;
import org.axonframework.serialization.Revision;

/** An offering closed and settled: each subscriber's allocation (in subscription order), the units issued and the proceeds paid to the issuer. */
@Revision("1")
public record OfferingClosed(InstrumentId instrumentId, IssuerId issuerId, OfferingId offeringId, long size, long subscribed, long allocated, Money price, Money proceeds, LocalDate closedOn, List<Allocation> allocations) implements InstrumentEvent {
}
