package org.impactledger.projections.housing;

import java.math.BigDecimal;
import java.util.List;

/** One charged month (yyyy-MM) of a lease: due, collected net of reversals, arrears = due − collected, and its collections. */
public record RentMonthView(String period, BigDecimal due, BigDecimal collected, BigDecimal arrears, List<RentCollectionView> collections) {
}
