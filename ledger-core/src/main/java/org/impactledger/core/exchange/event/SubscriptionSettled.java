package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OfferingId;
import org.axonframework.serialization.Revision;

/** A subscription was settled: {@code amountPaid} (allocated × price) went to the issuer and {@code amountReleased} of the reservation became available again. */
@Revision("1")
public record SubscriptionSettled(InvestorId investorId, InstrumentId instrumentId, OfferingId offeringId, long subscribed, long allocated, Money price, Money amountPaid, Money amountReleased, LocalDate settledOn) implements AccountEvent {
}
