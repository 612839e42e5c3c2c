package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OfferingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a primary offering of {@code size} new units at a fixed price per unit, taking subscriptions from {@code opensOn} to {@code closesOn} inclusive. {@code actingIssuer}: the issuer the acting principal belongs to, or {@code null} when an administrator acts; the instrument refuses an issuer that is not its own. */
public record OpenOffering(@TargetAggregateIdentifier InstrumentId instrumentId, OfferingId offeringId, long size, Money price, LocalDate opensOn, LocalDate closesOn, IssuerId actingIssuer) {

    /** A command sent without an acting issuer (by an administrator, or by a test of the instrument's other rules). */
    public OpenOffering(InstrumentId instrumentId, OfferingId offeringId, long size, Money price, LocalDate opensOn, LocalDate closesOn) {
        this(instrumentId, offeringId, size, price, opensOn, closesOn, null);
    }
}
