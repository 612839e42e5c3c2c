package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.OfferingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancels an open offering: no units are issued and every subscription's reservation is released. */
public record CancelOffering(@TargetAggregateIdentifier InstrumentId instrumentId, OfferingId offeringId, String reason, LocalDate cancelledOn) {
}
