package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Pays one coupon of a social bond (face value × yearly rate ÷ coupons per year, per unit) from the issuer's cash to the holders at the record date. */
public record PayCoupon(@TargetAggregateIdentifier InstrumentId instrumentId, String paymentId, LocalDate recordDate, LocalDate paymentDate) {
}
