package org.impactledger.core.nrrp.event;

import org.axonframework.serialization.Revision;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.NrrpPlanId;

/**
 * A measure (or sub-measure) of the plan's reference list: its canonical code (the sub-measure code,
 * else the measure code), unique code, mission, component and amount ({@code null}: N/D).
 */
@Revision("1")
public record NrrpMeasureListed(NrrpPlanId planId, String measure, String uniqueCode, String mission, String component, Money amount)
        implements NrrpPlanEvent {
}
