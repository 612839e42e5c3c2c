package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.exchange.IncomeKind;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.Money;
import org.axonframework.serialization.Revision;

/** A coupon or dividend was paid from the issuer's cash to the holders at the record date; {@code shares} (by investor id, zero shares left out) sum exactly to {@code amount}. */
@Revision("1")
public record IncomePaid(InstrumentId instrumentId, IssuerId issuerId, String paymentId, IncomeKind kind, Money amount, long unitsOutstanding, LocalDate recordDate, LocalDate paymentDate, List<IncomeShare> shares) implements InstrumentEvent {
}
