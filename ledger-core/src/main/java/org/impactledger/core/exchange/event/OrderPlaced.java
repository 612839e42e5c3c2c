package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.exchange.OrderSide;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OrderId;
import org.axonframework.serialization.Revision;

/** A limit order entered the market; {@code sequence} (1, 2, 3 ... per instrument) is its time priority. Any trades it makes follow as {@link TradeExecuted}. */
@Revision("1")
public record OrderPlaced(InstrumentId instrumentId, OrderId orderId, InvestorId investorId, OrderSide side, long quantity, Money limitPrice, long sequence, LocalDate placedOn) implements InstrumentEvent {
}
