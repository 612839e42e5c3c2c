package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Pays a dividend of {@code amount} in total from the issuer's cash to the holders of a share at the record date, pro rata to their units. */
public record PayDividend(@TargetAggregateIdentifier InstrumentId instrumentId, String paymentId, Money amount, LocalDate recordDate, LocalDate paymentDate) {
}
