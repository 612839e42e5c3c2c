package org.impactledger.core.contract.command;

import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The outcome payer approves payment of verified quantity × price at the outcome date. Must be neither reporter nor verifier. */
public record ApproveOutcomePayment(@TargetAggregateIdentifier ContractId contractId, OutcomeId outcomeId, String approvedBy) {
}
