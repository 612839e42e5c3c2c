package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OrderId;
import org.axonframework.serialization.Revision;

/** The seller's side of a trade: {@code amount} (quantity × trade price) came into the account. */
@Revision("1")
public record SaleSettled(InvestorId investorId, InstrumentId instrumentId, OrderId orderId, long tradeNumber, long quantity, Money price, Money amount, LocalDate tradeDate) implements AccountEvent {
}
