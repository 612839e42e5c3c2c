package org.impactledger.core.nrrp.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.NrrpProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets a target of the project's measure (such as people helped by a date) and links the outcome metrics of a contract whose verified outcomes count toward it. */
public record SetNrrpTarget(@TargetAggregateIdentifier NrrpProjectId projectId, String targetId, String description, BigDecimal quantity, LocalDate dueDate, ContractId contractId, List<String> metricCodes) {
}
