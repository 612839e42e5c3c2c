package org.impactledger.core.fund.event;

import java.time.LocalDate;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.axonframework.serialization.Revision;

/** Part of an investor's commitment was called. */
@Revision("1")
public record CapitalCalled(FundId fundId, String callId, InvestorId investorId, Money amount, LocalDate dueDate) implements FundEvent {
}
