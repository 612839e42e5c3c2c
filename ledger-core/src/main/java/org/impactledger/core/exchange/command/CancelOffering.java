package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.OfferingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancels an open offering: no units are issued and every subscription's reservation is released. {@code actingIssuer}: the issuer the acting principal belongs to, or {@code null} when an administrator acts; the instrument refuses an issuer that is not its own. */
public record CancelOffering(@TargetAggregateIdentifier InstrumentId instrumentId, OfferingId offeringId, String reason, LocalDate cancelledOn, IssuerId actingIssuer) {

    /** A command sent without an acting issuer (by an administrator, or by a test of the instrument's other rules). */
    public CancelOffering(InstrumentId instrumentId, OfferingId offeringId, String reason, LocalDate cancelledOn) {
        this(instrumentId, offeringId, reason, cancelledOn, null);
    }
}
