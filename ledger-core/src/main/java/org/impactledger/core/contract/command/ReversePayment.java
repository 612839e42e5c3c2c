package org.impactledger.core.contract.command;

import java.time.LocalDate;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects an approved (or executed) payment by reversing it; the outcome returns to verified, the cap, budget and beneficiary claim are freed. */
public record ReversePayment(@TargetAggregateIdentifier ContractId contractId, OutcomeId outcomeId, String reason, LocalDate valueDate, String reversedBy) {
}
