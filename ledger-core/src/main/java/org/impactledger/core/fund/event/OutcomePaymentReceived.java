package org.impactledger.core.fund.event;

import java.time.LocalDate;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;
import org.axonframework.serialization.Revision;

/** The payer's transfer for an approved outcome payment reached the fund. */
@Revision("1")
public record OutcomePaymentReceived(FundId fundId, BudgetId budgetId, PayerId payerId, ContractId contractId, OutcomeId outcomeId, Money amount, String bankReference, LocalDate valueDate) implements FundEvent {
}
