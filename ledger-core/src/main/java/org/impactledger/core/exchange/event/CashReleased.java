package org.impactledger.core.exchange.event;

import org.impactledger.core.exchange.ReservationPurpose;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.axonframework.serialization.Revision;

/** Reserved cash became available again (order cancelled, offering cancelled). */
@Revision("1")
public record CashReleased(InvestorId investorId, InstrumentId instrumentId, ReservationPurpose purpose, String reference, Money amount, String reason) implements AccountEvent {
}
