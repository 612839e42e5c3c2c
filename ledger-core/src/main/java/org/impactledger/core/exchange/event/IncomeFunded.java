package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.exchange.IncomeKind;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.Money;
import org.axonframework.serialization.Revision;

/** The issuer's cash paid a coupon or dividend to the holders of one of its instruments. */
@Revision("1")
public record IncomeFunded(IssuerId issuerId, InstrumentId instrumentId, String paymentId, IncomeKind kind, Money amount, LocalDate paymentDate) implements IssuerEvent {
}
