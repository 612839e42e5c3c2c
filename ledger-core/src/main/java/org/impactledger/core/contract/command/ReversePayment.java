package org.impactledger.core.contract.command;

import java.time.LocalDate;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects an approved (or executed) payment by reversing it; the outcome returns to verified, the cap, budget and beneficiary claim are freed. {@code actingPayer}: The outcome payer the acting principal belongs to, or {@code null} when a role that is not a payer acts; the contract refuses a payer that is not its own. */
public record ReversePayment(@TargetAggregateIdentifier ContractId contractId, OutcomeId outcomeId, String reason, LocalDate valueDate, String reversedBy, PayerId actingPayer) {

    /** A command sent without an acting party (by an administrator, or by a test of the contract's other rules). */
    public ReversePayment(ContractId contractId, OutcomeId outcomeId, String reason, LocalDate valueDate, String reversedBy) {
        this(contractId, outcomeId, reason, valueDate, reversedBy, null);
    }
}
