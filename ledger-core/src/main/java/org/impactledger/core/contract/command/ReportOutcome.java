package org.impactledger.core.contract.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.impactledger.core.shared.BeneficiaryId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.ProviderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A provider reports an outcome for a pseudonymous beneficiary, with the SHA-256 of its evidence. {@code reportedBy} is the acting principal. {@code actingProvider}: The provider the acting principal belongs to, or {@code null} when a role that is not a provider acts (an administrator); the contract refuses a provider that is not its own. */
public record ReportOutcome(@TargetAggregateIdentifier ContractId contractId, OutcomeId outcomeId, BeneficiaryId beneficiaryId, String metricCode, String period, LocalDate outcomeDate, BigDecimal quantity, String evidenceReference, String evidenceSha256, String reportedBy, ProviderId actingProvider) {

    /** A command sent without an acting party (by an administrator, or by a test of the contract's other rules). */
    public ReportOutcome(ContractId contractId, OutcomeId outcomeId, BeneficiaryId beneficiaryId, String metricCode, String period, LocalDate outcomeDate, BigDecimal quantity, String evidenceReference, String evidenceSha256, String reportedBy) {
        this(contractId, outcomeId, beneficiaryId, metricCode, period, outcomeDate, quantity, evidenceReference, evidenceSha256, reportedBy, null);
    }

    /** One report as a single command. */
    public static ReportOutcome of(ContractId contractId, OutcomeReport report, String reportedBy, ProviderId actingProvider) {
        return new ReportOutcome(contractId, report.outcomeId(), report.beneficiaryId(), report.metricCode(), report.period(), report.outcomeDate(),
                report.quantity(), report.evidenceReference(), report.evidenceSha256(), reportedBy, actingProvider);
    }

    /** The report itself, as a bulk import carries it per row. */
    public OutcomeReport report() {
        return new OutcomeReport(outcomeId, beneficiaryId, metricCode, period, outcomeDate, quantity, evidenceReference, evidenceSha256);
    }
}
