package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.exchange.BondTerms;
import org.impactledger.core.exchange.InstrumentType;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.IssuerId;
import org.axonframework.serialization.Revision;

/** An instrument was listed in its issuer's currency; {@code bondTerms} only for a social bond. */
@Revision("1")
public record InstrumentListed(InstrumentId instrumentId, IssuerId issuerId, String name, InstrumentType type, String currency, BondTerms bondTerms, LocalDate listedOn) implements InstrumentEvent {
}
