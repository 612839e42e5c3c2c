package org.impactledger.projections.state.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a contract stands: its parties and term, the cap and how much of it is approved and paid
 * (net of reversals), the number of outcomes reported, and the rate card with every version of
 * every line. Amounts are in {@code currency}. {@code lastEventIndex} is the sequence number of the
 * last contract event applied, usable as the view's version.
 */
public record ContractView(
        String contractId,
        String fundId,
        String providerId,
        String budgetId,
        String payerId,
        String title,
        String currency,
        LocalDate startDate,
        LocalDate endDate,
        BigDecimal cap,
        BigDecimal approvedTotal,
        BigDecimal paidTotal,
        ContractStatus status,
        LocalDate closedOn,
        String closeReason,
        List<RateCardLine> rateCard,
        long outcomeCount,
        long lastEventIndex) {

    public ContractView {
        rateCard = List.copyOf(rateCard);
    }
}
