package org.impactledger.projections.housing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The lease a unit is let under now: the household (pseudonymous id) and its size, rent and market
 * rent per month, start date, and its arrears (everything charged and not collected).
 */
public record CurrentLeaseView(String leaseId, String householdId, int householdSize, BigDecimal monthlyRent, BigDecimal marketRent,
                               LocalDate startDate, BigDecimal arrears) {
}
