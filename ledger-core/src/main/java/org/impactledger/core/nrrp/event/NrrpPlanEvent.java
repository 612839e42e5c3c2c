package org.impactledger.core.nrrp.event;

import org.impactledger.core.shared.NrrpPlanId;

/** Every event of the plan's reference list. */
public sealed interface NrrpPlanEvent permits NrrpMeasureListed {
    NrrpPlanId planId();
}
