package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.exchange.BondTerms;
import org.impactledger.core.exchange.InstrumentType;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.IssuerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lists an instrument of an admitted issuer, in the issuer's currency. {@code bondTerms} are required for a social bond and absent otherwise. {@code actingIssuer}: the issuer the acting principal belongs to, or {@code null} when an administrator acts; the instrument may be listed only for that issuer itself. */
public record ListInstrument(@TargetAggregateIdentifier InstrumentId instrumentId, IssuerId issuerId, String name, InstrumentType type, BondTerms bondTerms, LocalDate listedOn, IssuerId actingIssuer) {

    /** A command sent without an acting issuer (by an administrator, or by a test of the instrument's other rules). */
    public ListInstrument(InstrumentId instrumentId, IssuerId issuerId, String name, InstrumentType type, BondTerms bondTerms, LocalDate listedOn) {
        this(instrumentId, issuerId, name, type, bondTerms, listedOn, null);
    }
}
