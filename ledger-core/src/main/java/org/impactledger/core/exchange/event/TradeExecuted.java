package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.exchange.OrderSide;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OrderId;
import org.axonframework.serialization.Revision;

/** A buy and a sell order matched: {@code quantity} units moved from seller to buyer at the resting order's price, {@code amount} = quantity × price moved from buyer to seller. {@code aggressor} is the side of the incoming order; the remaining quantities are after this trade. */
@Revision("1")
public record TradeExecuted(InstrumentId instrumentId, long tradeNumber, OrderId buyOrderId, InvestorId buyerId, OrderId sellOrderId, InvestorId sellerId, OrderSide aggressor, long quantity, Money price, Money amount, long buyOrderRemaining, long sellOrderRemaining, LocalDate tradeDate) implements InstrumentEvent {
}
