package org.impactledger.core.contract.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.impactledger.core.shared.BeneficiaryId;
import org.impactledger.core.shared.OutcomeId;

/**
 * What a provider reports about one outcome: the part of {@link ReportOutcome} that a bulk import
 * ({@link ReportOutcomes}) carries once per row. The contract checks it with the same rules either way.
 */
public record OutcomeReport(OutcomeId outcomeId, BeneficiaryId beneficiaryId, String metricCode, String period, LocalDate outcomeDate,
                            BigDecimal quantity, String evidenceReference, String evidenceSha256) {
}
