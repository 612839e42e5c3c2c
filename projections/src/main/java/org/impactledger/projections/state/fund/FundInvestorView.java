package org.impactledger.projections.state.fund;

import java.math.BigDecimal;

/**
 * One investor's position in a fund, in the fund's currency: the commitment, how much of it was
 * called and paid in, and what came back as return of capital and as profit.
 */
public record FundInvestorView(
        String fundId,
        String investorId,
        String currency,
        BigDecimal committed,
        BigDecimal called,
        BigDecimal paidIn,
        BigDecimal returnedCapital,
        BigDecimal profitDistributed) {

    /** The part of the commitment not called yet. */
    public BigDecimal uncalled() {
        return committed.subtract(called);
    }
}
