package org.impactledger.core.contract.event;

import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.contract.RateCardEntry;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PayerId;
import org.impactledger.core.shared.ProviderId;
import org.axonframework.serialization.Revision;

/** A contract was signed; the rate card is in force from the start date. */
@Revision("1")
public record ContractSigned(ContractId contractId, FundId fundId, ProviderId providerId, BudgetId budgetId, PayerId payerId, String title, LocalDate startDate, LocalDate endDate, Money cap, List<RateCardEntry> rateCard) implements ContractEvent {
}
