package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.exchange.OrderSide;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Places a limit order to buy or sell whole units at the limit price or better; {@code placedOn} is the trade date of any fill. */
public record PlaceOrder(@TargetAggregateIdentifier InstrumentId instrumentId, OrderId orderId, InvestorId investorId, OrderSide side, long quantity, Money limitPrice, LocalDate placedOn) {
}
