package org.impactledger.projections.state.fund;

import java.math.BigDecimal;

/**
 * An outcome payer's budget in a fund, in the fund's currency: committed by the payer, reserved
 * by approved outcome payments not yet received, and paid (received by the fund, net of refunds).
 * NRRP-funded budgets carry the project's CUP and the measure code; others have {@code null}s.
 */
public record BudgetView(
        String fundId,
        String budgetId,
        String payerId,
        String currency,
        BigDecimal committed,
        BigDecimal reserved,
        BigDecimal paid,
        String nrrpCup,
        String nrrpMeasure) {

    /** What is left to approve: committed − reserved − paid. */
    public BigDecimal available() {
        return committed.subtract(reserved).subtract(paid);
    }
}
