package org.impactledger.projections.exchange.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Where an issuer stands: its SDG focus, its standing (suspended or not, since when and why), its
 * cash on the exchange and how many outcomes it has reported, and how many of them were verified or rejected.
 * Amounts are in {@code currency}: {@code cash} = deposits + offering proceeds − income paid − withdrawals.
 */
public record IssuerView(
        String issuerId,
        String name,
        String currency,
        List<String> sdgFocus,
        LocalDate admittedOn,
        boolean suspended,
        LocalDate standingSince,
        String standingReason,
        BigDecimal cash,
        BigDecimal proceedsReceived,
        BigDecimal incomePaid,
        long outcomesReported,
        long outcomesVerified,
        long outcomesRejected,
        long lastEventIndex) {

    public IssuerView {
        sdgFocus = List.copyOf(sdgFocus);
    }
}
