package org.impactledger.projections.housing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Where a Homes4All property stands: its fund, address label, district ("1" to "8" and the
 * neighbourhoods it groups), price and date of acquisition, units and how many are let now, and its
 * latest valuation (by valuation date). Amounts are in {@code currency}. {@code lastEventIndex} is
 * the number of the last property event applied, a version for the view.
 */
public record PropertyView(
        String propertyId,
        String fundId,
        String addressLabel,
        String district,
        String districtName,
        String currency,
        BigDecimal acquisitionPrice,
        LocalDate acquiredOn,
        int units,
        int occupiedUnits,
        BigDecimal latestValuation,
        LocalDate latestValuationDate,
        String latestValuationMethod,
        long lastEventIndex) {
}
