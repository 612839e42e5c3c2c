package org.impactledger.core.fund.query;

import java.util.Objects;
import org.impactledger.core.shared.FundId;

/** Every investor's position in one fund, ordered by investor id (empty for an unknown fund). */
public record FindFundInvestors(FundId fundId) {
    public FindFundInvestors {
        Objects.requireNonNull(fundId, "fundId");
    }
}
