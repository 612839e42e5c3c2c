package org.impactledger.projections.housing;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The housing figures of one district ({@code district} "1" to "8") or of the total
 * ({@code district} {@code null}), as of the report's business date and as known at its recording
 * time. Amounts are exact sums in the section's currency; the rates are ratios from 0 to 1 with
 * four decimals, rounded half-even, and {@code null} when their denominator is zero.
 *
 * <ul>
 *   <li>{@code properties}, {@code units}: properties acquired by the as-of date, and their units;
 *       {@code acquisitionCost}: the prices paid for them.</li>
 *   <li>{@code propertiesValued}, {@code latestValuation}: of those, the properties with a valuation
 *       dated by the as-of date, and the sum of each one's latest (by valuation date; for the same
 *       date, the one recorded last).</li>
 *   <li>{@code occupiedUnits}: units under a lease that has started and not ended by the as-of date
 *       (a lease's end date is its last day); {@code vacantUnits} = units − occupied;
 *       {@code occupancyRate} = occupied / units.</li>
 *   <li>{@code rentDue}: the rent charged for months up to the as-of month, except charges
 *       cancelled (a cancellation corrects a mistake, so it counts whatever its date, once it is
 *       known); {@code rentCollected}: what was paid for those months by the as-of date, except
 *       collections reversed by then; {@code arrears} = due − collected;
 *       {@code collectionRate} = collected / due.</li>
 *   <li>{@code monthlyRent}, {@code marketRent}: per month, over the leases running at the as-of
 *       date, the rent the households pay and the market rent of their units at signing;
 *       {@code monthlyDiscount} = market rent − rent; {@code averageDiscountToMarket} = monthly
 *       discount / market rent, the discount of the running leases weighted by market rent (a
 *       large flat counts for what it is worth; it equals the market-rent-weighted mean of each
 *       lease's discount ratio).</li>
 *   <li>{@code householdsHoused}: distinct households with a lease started by the as-of date
 *       (the total counts a household that moved between districts once);
 *       {@code monthsOfStableHousing}: complete months under those leases, from the start to the
 *       as-of date or the lease's last day if earlier (as {@code HousingOutcomes.completeMonths}
 *       counts them).</li>
 *   <li>{@code tenanciesEnded}: leases ended by the as-of date, by reason (every reason listed,
 *       zero included); {@code exitsToAutonomy}: those ended by a move to autonomous housing.</li>
 * </ul>
 */
public record HousingFigures(
        String district,
        String districtName,
        int properties,
        int units,
        BigDecimal acquisitionCost,
        int propertiesValued,
        BigDecimal latestValuation,
        int occupiedUnits,
        int vacantUnits,
        BigDecimal occupancyRate,
        BigDecimal rentDue,
        BigDecimal rentCollected,
        BigDecimal arrears,
        BigDecimal collectionRate,
        BigDecimal monthlyRent,
        BigDecimal marketRent,
        BigDecimal monthlyDiscount,
        BigDecimal averageDiscountToMarket,
        int householdsHoused,
        long monthsOfStableHousing,
        Map<String, Integer> tenanciesEnded,
        int exitsToAutonomy) {
}
