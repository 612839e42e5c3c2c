package org.impactledger.core.fund.event;

import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.serialization.Revision;

/** A reservation was released because the approved payment was reversed before execution. */
@Revision("1")
public record OutcomeBudgetReleased(FundId fundId, BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount, String reason) implements FundEvent {
}
