package org.impactledger.projections.exchange.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One trade on the tape: its number on the instrument (1, 2, 3 ...), date, units, price (the resting
 * order's limit), amount (units × price), the side of the incoming order ({@code aggressor}), the
 * two orders it matched, and when the ledger recorded it. The tape names orders, not investors.
 */
public record TradeView(
        long tradeNumber,
        LocalDate tradeDate,
        long quantity,
        BigDecimal price,
        BigDecimal amount,
        String aggressor,
        String buyOrderId,
        String sellOrderId,
        Instant recordedAt) {
}
