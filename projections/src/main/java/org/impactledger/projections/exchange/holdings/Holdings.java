package org.impactledger.projections.exchange.holdings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An investor's holdings on the exchange as of {@code asOf} ({@code null}: latest) as known at
 * {@code knownAt}: the units of each instrument held (including units offered in open sell orders;
 * instruments with no units left are not listed), and the account's cash in {@code currency}:
 * {@code cash} (all of it), {@code reserved} (set aside for open buy orders and subscriptions) and
 * {@code available} = cash − reserved.
 */
public record Holdings(
        String investorId,
        String currency,
        LocalDate asOf,
        Instant knownAt,
        BigDecimal cash,
        BigDecimal reserved,
        BigDecimal available,
        List<Position> positions) {

    public Holdings {
        positions = List.copyOf(positions);
    }

    /**
     * Units of one instrument, and the instrument's units outstanding at the same time
     * ({@code share} = units ÷ outstanding, rounded down to {@value org.impactledger.core.exchange.PortfolioImpact#SHARE_SCALE} decimals).
     */
    public record Position(String instrumentId, String issuerId, String name, String type, long units, long unitsOutstanding, BigDecimal share) {
    }
}
