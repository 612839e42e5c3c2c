package org.impactledger.projections.performance;

import java.util.Objects;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.projections.report.TimeTravel;

/**
 * Asks for one investor's performance in a fund; answered with {@link InvestorPerformance}, or
 * {@code null} when the fund is unknown or the investor never committed to it.
 */
public record FindInvestorPerformance(FundId fundId, InvestorId investorId, TimeTravel timeTravel) {
    public FindInvestorPerformance {
        Objects.requireNonNull(fundId, "fundId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(timeTravel, "timeTravel");
    }
}
