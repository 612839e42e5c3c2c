package org.impactledger.projections.exchange.holdings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The share of each issuer's verified outcomes attributable to an investor's holdings, as of
 * {@code asOf} ({@code null}: latest) as known at {@code knownAt}, computed by
 * {@link org.impactledger.core.exchange.PortfolioImpact}: one entry per issuer of which the investor
 * holds units, by issuer id.
 */
public record PortfolioImpactReport(String investorId, LocalDate asOf, Instant knownAt, List<IssuerImpact> issuers) {

    public PortfolioImpactReport {
        issuers = List.copyOf(issuers);
    }

    /**
     * One issuer: the investor's {@code share} of its outcomes (rounded down to 8 decimals), the
     * positions it was computed from (every instrument of the issuer with units outstanding, with
     * the capital it raised, which weighs the instruments against each other), and per metric, SDG
     * target and period the issuer's verified quantity and the part attributed to the investor
     * (rounded down to 4 decimals).
     */
    public record IssuerImpact(String issuerId, String name, BigDecimal share, List<ImpactPosition> positions, List<AttributedOutcome> outcomes) {
        public IssuerImpact {
            positions = List.copyOf(positions);
            outcomes = List.copyOf(outcomes);
        }
    }

    /** The investor's units of one of the issuer's instruments, its units outstanding and the capital it raised, at the date. */
    public record ImpactPosition(String instrumentId, long units, long unitsOutstanding, BigDecimal capitalRaised) {
    }

    /** The issuer's verified total for one metric, SDG target and period, and the investor's part of it. */
    public record AttributedOutcome(String metricCode, String sdgTarget, String period, BigDecimal verifiedQuantity, BigDecimal attributedQuantity) {
    }
}
