package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Pays a dividend of {@code amount} in total from the issuer's cash to the holders of a share at the record date, pro rata to their units. {@code actingIssuer}: the issuer the acting principal belongs to, or {@code null} when an administrator acts; the instrument refuses an issuer that is not its own. */
public record PayDividend(@TargetAggregateIdentifier InstrumentId instrumentId, String paymentId, Money amount, LocalDate recordDate, LocalDate paymentDate, IssuerId actingIssuer) {

    /** A command sent without an acting issuer (by an administrator, or by a test of the instrument's other rules). */
    public PayDividend(InstrumentId instrumentId, String paymentId, Money amount, LocalDate recordDate, LocalDate paymentDate) {
        this(instrumentId, paymentId, amount, recordDate, paymentDate, null);
    }
}
