package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OfferingId;
import org.axonframework.serialization.Revision;

/** A primary offering of {@code size} units at {@code price} each opened for subscriptions. */
@Revision("1")
public record OfferingOpened(InstrumentId instrumentId, OfferingId offeringId, long size, Money price, LocalDate opensOn, LocalDate closesOn) implements InstrumentEvent {
}
