package org.impactledger.core.nrrp.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.nrrp.NrrpPlanMeasure;
import org.impactledger.core.shared.NrrpPlanId;

/** Imports the plan's reference list of measures for one plan revision; rows listed before are skipped. */
public record ImportNrrpMeasureList(@TargetAggregateIdentifier NrrpPlanId planId, List<NrrpPlanMeasure> measures) {
}
