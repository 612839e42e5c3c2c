package org.impactledger.projections.housing;

import java.math.BigDecimal;

/** One unit of a property: floor area (m²), rooms, market rent per month, and the lease it is let under now ({@code null} when vacant). */
public record UnitView(String unitId, BigDecimal areaSqm, int rooms, BigDecimal marketRent, CurrentLeaseView currentLease) {
}
