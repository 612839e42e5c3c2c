package org.impactledger.core.nrrp.event;

import java.time.LocalDate;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.NrrpProjectId;
import org.axonframework.serialization.Revision;

/** The city reported expenditure of the project to the national monitoring system for a period. */
@Revision("1")
public record NrrpExpenditureReported(NrrpProjectId projectId, String cup, String measure, String reportId, String period, Money amount, LocalDate reportedOn) implements NrrpProjectEvent {
}
