package org.impactledger.core.fund.query;

import java.util.Objects;
import org.impactledger.core.shared.FundId;

/** Every outcome payer's budget in one fund, ordered by budget id (empty for an unknown fund). */
public record FindFundBudgets(FundId fundId) {
    public FindFundBudgets {
        Objects.requireNonNull(fundId, "fundId");
    }
}
