package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OfferingId;
import org.axonframework.serialization.Revision;

/** An investor subscribed for units; {@code amount} (quantity × price) is reserved on the investor's account. Subscriptions rank in the order of these events. */
@Revision("1")
public record SubscriptionReceived(InstrumentId instrumentId, OfferingId offeringId, InvestorId investorId, long quantity, Money amount, LocalDate subscribedOn) implements InstrumentEvent {
}
