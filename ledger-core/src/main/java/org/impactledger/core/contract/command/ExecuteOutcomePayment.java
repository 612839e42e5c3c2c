package org.impactledger.core.contract.command;

import java.time.LocalDate;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the bank transfer of an approved payment. */
public record ExecuteOutcomePayment(@TargetAggregateIdentifier ContractId contractId, OutcomeId outcomeId, String bankReference, LocalDate valueDate, String executedBy) {
}
