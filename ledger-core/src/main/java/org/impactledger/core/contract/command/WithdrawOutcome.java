package org.impactledger.core.contract.command;

import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects a reported, verified or rejected (never a paid) outcome by withdrawing it; it can no longer be paid. */
public record WithdrawOutcome(@TargetAggregateIdentifier ContractId contractId, OutcomeId outcomeId, String reason, String withdrawnBy) {
}
