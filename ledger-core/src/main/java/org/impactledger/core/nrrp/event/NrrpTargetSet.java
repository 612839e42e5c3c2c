package org.impactledger.core.nrrp.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.NrrpProjectId;
import org.axonframework.serialization.Revision;

/** A target of the project's measure, with the contract and outcome metrics whose verified outcomes count toward it. */
@Revision("1")
public record NrrpTargetSet(NrrpProjectId projectId, String cup, String measure, String targetId, String description, BigDecimal quantity, LocalDate dueDate, ContractId contractId, List<String> metricCodes) implements NrrpProjectEvent {
}
