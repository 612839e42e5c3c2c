package org.impactledger.core.fund.event;

import java.time.LocalDate;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.axonframework.serialization.Revision;

/** An investor committed capital; {@code totalCommitted} is the investor's commitment after this event. */
@Revision("1")
public record CapitalCommitted(FundId fundId, InvestorId investorId, Money amount, Money totalCommitted, LocalDate valueDate) implements FundEvent {
}
