package org.impactledger.projections.performance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One dated flow that enters an IRR, from the investor's side: a contribution is negative, a
 * distribution and the residual value positive. {@code eventId} names the event it comes from (the
 * valuation's, for the residual value), so that every flow can be traced to the ledger; it and
 * {@code investorId} are null on the one flow that sums, per date, the contributions of investors
 * the reader may not see ({@link FundPerformance#readBy}).
 */
public record CashFlow(LocalDate date, String kind, String investorId, BigDecimal amount, String eventId) {

    public static final String CONTRIBUTION = "CONTRIBUTION";
    public static final String DISTRIBUTION = "DISTRIBUTION";
    public static final String RESIDUAL_VALUE = "RESIDUAL_VALUE";
}
