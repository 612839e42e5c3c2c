package org.impactledger.core.contract.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.impactledger.core.shared.BeneficiaryId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A provider reports an outcome for a pseudonymous beneficiary, with the SHA-256 of its evidence. {@code reportedBy} is the acting principal. */
public record ReportOutcome(@TargetAggregateIdentifier ContractId contractId, OutcomeId outcomeId, BeneficiaryId beneficiaryId, String metricCode, String period, LocalDate outcomeDate, BigDecimal quantity, String evidenceReference, String evidenceSha256, String reportedBy) {
}
