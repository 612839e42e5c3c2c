package org.impactledger.core.contract.command;

import java.time.LocalDate;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the bank transfer of an approved payment. {@code actingPayer}: The outcome payer the acting principal belongs to, or {@code null} when a role that is not a payer acts; the contract refuses a payer that is not its own. */
public record ExecuteOutcomePayment(@TargetAggregateIdentifier ContractId contractId, OutcomeId outcomeId, String bankReference, LocalDate valueDate, String executedBy, PayerId actingPayer) {

    /** A command sent without an acting party (by an administrator, or by a test of the contract's other rules). */
    public ExecuteOutcomePayment(ContractId contractId, OutcomeId outcomeId, String bankReference, LocalDate valueDate, String executedBy) {
        this(contractId, outcomeId, bankReference, valueDate, executedBy, null);
    }
}
