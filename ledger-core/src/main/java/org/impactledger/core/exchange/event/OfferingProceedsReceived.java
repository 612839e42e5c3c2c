package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OfferingId;
import org.axonframework.serialization.Revision;

/** The issuer received the proceeds of a settled primary offering (allocated units × price). */
@Revision("1")
public record OfferingProceedsReceived(IssuerId issuerId, InstrumentId instrumentId, OfferingId offeringId, Money amount, LocalDate valueDate) implements IssuerEvent {
}
