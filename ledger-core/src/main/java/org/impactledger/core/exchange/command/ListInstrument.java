package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.exchange.BondTerms;
import org.impactledger.core.exchange.InstrumentType;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.IssuerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lists an instrument of an admitted issuer, in the issuer's currency. {@code bondTerms} are required for a social bond and absent otherwise. */
public record ListInstrument(@TargetAggregateIdentifier InstrumentId instrumentId, IssuerId issuerId, String name, InstrumentType type, BondTerms bondTerms, LocalDate listedOn) {
}
