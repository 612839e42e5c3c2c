package org.impactledger.core.fund.event;

import java.time.LocalDate;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.ProviderId;
import org.axonframework.serialization.Revision;

/** Working capital was advanced from fund cash to a provider. */
@Revision("1")
public record WorkingCapitalAdvanced(FundId fundId, String advanceId, ProviderId providerId, ContractId contractId, Money amount, LocalDate valueDate) implements FundEvent {
}
