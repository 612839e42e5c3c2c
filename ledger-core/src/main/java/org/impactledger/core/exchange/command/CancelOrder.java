package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The investor who placed an order cancels what is left of it. */
public record CancelOrder(@TargetAggregateIdentifier InstrumentId instrumentId, OrderId orderId, InvestorId investorId, LocalDate cancelledOn) {
}
