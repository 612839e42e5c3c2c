package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.OfferingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes an offering after its window, allocates units (pro rata when oversubscribed) and settles: units to the subscribers, cash to the issuer, the rest released. {@code actingIssuer}: the issuer the acting principal belongs to, or {@code null} when an administrator acts; the instrument refuses an issuer that is not its own. */
public record CloseOffering(@TargetAggregateIdentifier InstrumentId instrumentId, OfferingId offeringId, LocalDate closedOn, IssuerId actingIssuer) {

    /** A command sent without an acting issuer (by an administrator, or by a test of the instrument's other rules). */
    public CloseOffering(InstrumentId instrumentId, OfferingId offeringId, LocalDate closedOn) {
        this(instrumentId, offeringId, closedOn, null);
    }
}
