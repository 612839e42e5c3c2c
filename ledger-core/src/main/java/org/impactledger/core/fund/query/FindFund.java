package org.impactledger.core.fund.query;

import java.util.Objects;
import org.impactledger.core.shared.FundId;

/** The state of one fund; answered with the fund's view, or {@code null} when no such fund exists. */
public record FindFund(FundId fundId) {
    public FindFund {
        Objects.requireNonNull(fundId, "fundId");
    }
}
