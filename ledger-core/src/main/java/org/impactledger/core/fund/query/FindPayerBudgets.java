package org.impactledger.core.fund.query;

import java.util.Objects;
import org.impactledger.core.shared.PayerId;

/**
 * Every budget one outcome payer committed, in any fund, ordered by fund and budget id. A payer is
 * known to the ledger only through its budgets (a contract's payer is its budget's), so an empty
 * answer means the ledger has never heard of the payer.
 */
public record FindPayerBudgets(PayerId payerId) {
    public FindPayerBudgets {
        Objects.requireNonNull(payerId, "payerId");
    }
}
