package org.impactledger.core.nrrp;

import org.impactledger.core.shared.Money;

/**
 * One row of the plan's reference list of measures: the measure in any national form (a
 * sub-measure code when the row is for one), its mission and component as the list writes them,
 * and the amount ({@code null} where the list says N/D). The plan checks that the codes agree.
 */
public record NrrpPlanMeasure(String mission, String component, String measure, Money amount) {
}
