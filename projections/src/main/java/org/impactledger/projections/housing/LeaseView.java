package org.impactledger.projections.housing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A lease and its rent ledger. {@code monthlyDiscount} = market rent − rent, per month (exact).
 * {@code rentDue} is the sum of the months charged (a cancelled charge is not due),
 * {@code rentCollected} the collections net of reversals, {@code arrears} = due − collected. The
 * months are in period order, each with its collections (reversed ones included, with their
 * reversal). {@code endDate} is the lease's last day; {@code endReason} and {@code endNote} are
 * {@code null} while it runs. Amounts are in {@code currency}.
 */
public record LeaseView(
        String propertyId,
        String leaseId,
        String fundId,
        String unitId,
        String householdId,
        int householdSize,
        String currency,
        BigDecimal monthlyRent,
        BigDecimal marketRent,
        BigDecimal monthlyDiscount,
        LocalDate startDate,
        LocalDate endDate,
        String endReason,
        String endNote,
        boolean active,
        BigDecimal rentDue,
        BigDecimal rentCollected,
        BigDecimal arrears,
        List<RentMonthView> months) {
}
