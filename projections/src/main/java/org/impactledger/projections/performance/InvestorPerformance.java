package org.impactledger.projections.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One investor's performance in a fund, from that investor's own flows: its contributions, its
 * shares of distributions, and its part of the residual value, attributed pro rata to paid-in
 * (see {@link ResidualShare}). DPI, RVPI, TVPI and IRR are defined as for the fund
 * ({@link FundPerformance}).
 */
public record InvestorPerformance(String fundId, String investorId, String currency, LocalDate asOf, Instant knownAt,
                                  BigDecimal committed, BigDecimal paidIn, BigDecimal distributed, BigDecimal returnOfCapital,
                                  BigDecimal profit, BigDecimal residualValue, ResidualShare residualShare, BigDecimal dpi, BigDecimal rvpi,
                                  BigDecimal tvpi, XirrResult irr, List<CashFlow> cashFlows) {

    public static final String ATTRIBUTION = "residual value = NAV × investor paid-in ÷ fund paid-in, in cents by the largest remainder "
            + "method: each investor's share is rounded down to the cent and the cents left over go to the largest remainders, so "
            + "that the investors' residual values add up to the NAV";

    /** How the investor's residual value was attributed: the valuation, both paid-in figures, and the rule. */
    public record ResidualShare(Valuation valuation, BigDecimal investorPaidIn, BigDecimal fundPaidIn, String rule) {
    }
}
