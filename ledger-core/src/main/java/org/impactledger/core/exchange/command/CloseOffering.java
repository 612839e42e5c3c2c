package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.OfferingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes an offering after its window, allocates units (pro rata when oversubscribed) and settles: units to the subscribers, cash to the issuer, the rest released. */
public record CloseOffering(@TargetAggregateIdentifier InstrumentId instrumentId, OfferingId offeringId, LocalDate closedOn) {
}
