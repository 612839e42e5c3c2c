package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OrderId;
import org.axonframework.serialization.Revision;

/** The buyer's side of a trade: {@code amount} (quantity × trade price) left the account, and {@code reservationUsed} (quantity × the order's limit) left the order's reservation; the difference became available. */
@Revision("1")
public record PurchaseSettled(InvestorId investorId, InstrumentId instrumentId, OrderId orderId, long tradeNumber, long quantity, Money price, Money amount, Money reservationUsed, LocalDate tradeDate) implements AccountEvent {
}
