package org.impactledger.core.contract.command;

import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The outcome payer approves payment of verified quantity × price at the outcome date. Must be neither reporter nor verifier. {@code actingPayer}: The outcome payer the acting principal belongs to, or {@code null} when a role that is not a payer acts; the contract refuses a payer that is not its own. */
public record ApproveOutcomePayment(@TargetAggregateIdentifier ContractId contractId, OutcomeId outcomeId, String approvedBy, PayerId actingPayer) {

    /** A command sent without an acting party (by an administrator, or by a test of the contract's other rules). */
    public ApproveOutcomePayment(ContractId contractId, OutcomeId outcomeId, String approvedBy) {
        this(contractId, outcomeId, approvedBy, null);
    }
}
