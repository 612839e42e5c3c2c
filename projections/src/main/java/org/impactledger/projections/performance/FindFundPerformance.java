package org.impactledger.projections.performance;

import java.util.Objects;
import org.impactledger.core.shared.FundId;
import org.impactledger.projections.report.TimeTravel;

/** Asks for a fund's performance report; answered with {@link FundPerformance}, or {@code null} for an unknown fund. */
public record FindFundPerformance(FundId fundId, TimeTravel timeTravel) {
    public FindFundPerformance {
        Objects.requireNonNull(fundId, "fundId");
        Objects.requireNonNull(timeTravel, "timeTravel");
    }
}
