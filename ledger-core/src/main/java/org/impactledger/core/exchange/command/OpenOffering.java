package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OfferingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a primary offering of {@code size} new units at a fixed price per unit, taking subscriptions from {@code opensOn} to {@code closesOn} inclusive. */
public record OpenOffering(@TargetAggregateIdentifier InstrumentId instrumentId, OfferingId offeringId, long size, Money price, LocalDate opensOn, LocalDate closesOn) {
}
