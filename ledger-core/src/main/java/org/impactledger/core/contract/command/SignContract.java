package org.impactledger.core.contract.command;

import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.contract.RateCardEntry;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.ProviderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Signs a social outcomes contract between a fund and a provider: term, cap, the payer budget that pays outcomes, and the rate card. */
public record SignContract(@TargetAggregateIdentifier ContractId contractId, FundId fundId, ProviderId providerId, BudgetId budgetId, String title, LocalDate startDate, LocalDate endDate, Money cap, List<RateCardEntry> rateCard) {
}
