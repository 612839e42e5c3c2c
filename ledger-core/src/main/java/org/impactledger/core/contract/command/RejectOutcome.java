package org.impactledger.core.contract.command;

import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An independent verifier rejects an outcome with a reason (kept as an event for auditors). Must not be the reporter. */
public record RejectOutcome(@TargetAggregateIdentifier ContractId contractId, OutcomeId outcomeId, String reason, String rejectedBy) {
}
