package org.impactledger.core.contract.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.impactledger.core.shared.BeneficiaryId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.serialization.Revision;

/** A provider reported an outcome. */
@Revision("1")
public record OutcomeReported(ContractId contractId, FundId fundId, OutcomeId outcomeId, BeneficiaryId beneficiaryId, String metricCode, String period, LocalDate outcomeDate, BigDecimal quantity, String evidenceReference, String evidenceSha256, String reportedBy) implements ContractEvent {
}
