package org.impactledger.core.exchange.event;

import org.impactledger.core.exchange.ReservationPurpose;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.axonframework.serialization.Revision;

/** Cash was set aside for a buy order or a subscription ({@code reference}: the order or offering id); it is no longer available. */
@Revision("1")
public record CashReserved(InvestorId investorId, InstrumentId instrumentId, ReservationPurpose purpose, String reference, Money amount) implements AccountEvent {
}
