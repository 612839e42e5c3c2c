package org.impactledger.core.fund.event;

import java.time.LocalDate;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.axonframework.serialization.Revision;

/** Cash was received against a capital call (paid-in capital). */
@Revision("1")
public record CapitalReceived(FundId fundId, String callId, InvestorId investorId, Money amount, LocalDate valueDate, String bankReference) implements FundEvent {
}
