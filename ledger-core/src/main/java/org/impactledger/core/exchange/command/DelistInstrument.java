package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.IssuerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delists an instrument: every resting order is cancelled and its reservation released. Holdings stay on the register. {@code actingIssuer}: the issuer the acting principal belongs to, or {@code null} when an administrator acts; the instrument refuses an issuer that is not its own. */
public record DelistInstrument(@TargetAggregateIdentifier InstrumentId instrumentId, String reason, LocalDate delistedOn, IssuerId actingIssuer) {

    /** A command sent without an acting issuer (by an administrator, or by a test of the instrument's other rules). */
    public DelistInstrument(InstrumentId instrumentId, String reason, LocalDate delistedOn) {
        this(instrumentId, reason, delistedOn, null);
    }
}
