package org.impactledger.core.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;

/** A payer budget that records what the contract asked of it, and can be told to refuse reservations. */
final class RecordingBudget implements PayerBudget {

    final List<String> calls = new ArrayList<>();
    private boolean refuseReservations;

    void refuseReservations() {
        refuseReservations = true;
    }

    @Override
    public void reserveOutcomeBudget(BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount) {
        if (refuseReservations) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "budgetId", "budget " + budgetId + " cannot cover " + amount);
        }
        calls.add("reserve " + amount + " on " + budgetId + " for " + contractId + "/" + outcomeId);
    }

    @Override
    public void receiveOutcomePayment(BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount, String bankReference,
                                      LocalDate valueDate) {
        calls.add("receive " + amount + " on " + budgetId + " for " + contractId + "/" + outcomeId + " ref " + bankReference + " on " + valueDate);
    }

    @Override
    public void releaseOutcomeBudget(BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount, String reason) {
        calls.add("release " + amount + " on " + budgetId + " for " + contractId + "/" + outcomeId + ": " + reason);
    }

    @Override
    public void refundOutcomePayment(BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount, String reason,
                                     LocalDate valueDate) {
        calls.add("refund " + amount + " on " + budgetId + " for " + contractId + "/" + outcomeId + " on " + valueDate + ": " + reason);
    }
}
