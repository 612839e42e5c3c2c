package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.OfferingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An investor subscribes for a number of units of an open offering; quantity × price is reserved on the investor's account. */
public record SubscribeToOffering(@TargetAggregateIdentifier InstrumentId instrumentId, OfferingId offeringId, InvestorId investorId, long quantity, LocalDate subscribedOn) {
}
