package org.impactledger.core.nrrp.command;

import java.time.LocalDate;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.NrrpProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records expenditure the city reported to the national monitoring system (ReGiS) for a reporting period (yyyy-MM or yyyy-Qn). */
public record ReportNrrpExpenditure(@TargetAggregateIdentifier NrrpProjectId projectId, String reportId, String period, Money amount, LocalDate reportedOn) {
}
