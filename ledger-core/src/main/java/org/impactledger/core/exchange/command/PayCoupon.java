package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.IssuerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Pays one coupon of a social bond (face value × yearly rate ÷ coupons per year, per unit) from the issuer's cash to the holders at the record date. {@code actingIssuer}: the issuer the acting principal belongs to, or {@code null} when an administrator acts; the instrument refuses an issuer that is not its own. */
public record PayCoupon(@TargetAggregateIdentifier InstrumentId instrumentId, String paymentId, LocalDate recordDate, LocalDate paymentDate, IssuerId actingIssuer) {

    /** A command sent without an acting issuer (by an administrator, or by a test of the instrument's other rules). */
    public PayCoupon(InstrumentId instrumentId, String paymentId, LocalDate recordDate, LocalDate paymentDate) {
        this(instrumentId, paymentId, recordDate, paymentDate, null);
    }
}
