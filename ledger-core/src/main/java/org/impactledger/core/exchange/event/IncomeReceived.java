package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.exchange.IncomeKind;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.axonframework.serialization.Revision;

/** The investor received a coupon or dividend for the units held at the record date. */
@Revision("1")
public record IncomeReceived(InvestorId investorId, InstrumentId instrumentId, String paymentId, IncomeKind kind, long units, Money amount, LocalDate recordDate, LocalDate paymentDate) implements AccountEvent {
}
