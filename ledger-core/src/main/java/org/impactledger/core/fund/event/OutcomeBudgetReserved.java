package org.impactledger.core.fund.event;

import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.serialization.Revision;

/** Part of a payer's budget was reserved for an approved outcome payment. */
@Revision("1")
public record OutcomeBudgetReserved(FundId fundId, BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount) implements FundEvent {
}
