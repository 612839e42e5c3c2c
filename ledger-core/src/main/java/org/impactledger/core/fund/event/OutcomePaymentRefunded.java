package org.impactledger.core.fund.event;

import java.time.LocalDate;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;
import org.axonframework.serialization.Revision;

/** An executed outcome payment was reversed: the fund returns the money to the payer and the budget is free again. */
@Revision("1")
public record OutcomePaymentRefunded(FundId fundId, BudgetId budgetId, PayerId payerId, ContractId contractId, OutcomeId outcomeId, Money amount, String reason, LocalDate valueDate) implements FundEvent {
}
