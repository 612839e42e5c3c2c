package org.impactledger.core.contract;

import java.time.LocalDate;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;

/**
 * The payer's budget in the fund, as a contract needs it when money is committed, transferred or
 * given back. It lets the contract decide the order of a payment step (its own checks, then the
 * budget, then its own event) while the budget itself stays with the fund aggregate;
 * {@link OutcomePaymentHandler} implements it over the loaded fund, fixture tests with a recorder.
 * The methods mirror the fund's and may refuse (for example {@code LIMIT_EXCEEDED}); a refusal rolls
 * back the whole unit of work.
 */
public interface PayerBudget {

    void reserveOutcomeBudget(BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount);

    void receiveOutcomePayment(BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount, String bankReference, LocalDate valueDate);

    void releaseOutcomeBudget(BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount, String reason);

    void refundOutcomePayment(BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount, String reason, LocalDate valueDate);
}
