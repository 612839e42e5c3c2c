package org.impactledger.core.nrrp.command;

import org.impactledger.core.shared.NrrpProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers the city's NRRP project under its key (CUP, local project code, sub-measure); the id must be the one {@code NrrpProject.idOf} builds from those parts. */
public record RegisterNrrpProject(@TargetAggregateIdentifier NrrpProjectId projectId, String cup, String localProjectCode, String measure, String title, String currency) {
}
