package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.exchange.OrderSide;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.OrderId;
import org.axonframework.serialization.Revision;

/** What was left of an order left the book ({@code quantityCancelled}); a buy order's reservation was released. */
@Revision("1")
public record OrderCancelled(InstrumentId instrumentId, OrderId orderId, InvestorId investorId, OrderSide side, long quantityCancelled, String reason, LocalDate cancelledOn) implements InstrumentEvent {
}
