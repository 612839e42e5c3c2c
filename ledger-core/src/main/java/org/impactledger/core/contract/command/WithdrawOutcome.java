package org.impactledger.core.contract.command;

import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.ProviderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects a reported, verified or rejected (never a paid) outcome by withdrawing it; it can no longer be paid. {@code actingProvider}: The provider the acting principal belongs to, or {@code null} when a role that is not a provider acts; the contract refuses a provider that is not its own. */
public record WithdrawOutcome(@TargetAggregateIdentifier ContractId contractId, OutcomeId outcomeId, String reason, String withdrawnBy, ProviderId actingProvider) {

    /** A command sent without an acting party (by an administrator, or by a test of the contract's other rules). */
    public WithdrawOutcome(ContractId contractId, OutcomeId outcomeId, String reason, String withdrawnBy) {
        this(contractId, outcomeId, reason, withdrawnBy, null);
    }
}
