package org.impactledger.core.exchange.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.InvestorId;

/**
 * The share of each issuer's verified outcomes attributable to an investor's holdings
 * ({@link org.impactledger.core.exchange.PortfolioImpact}), from the holdings, capital raised and
 * verifications with business date on or before {@code asOf} ({@code null}: no limit) recorded by
 * {@code knownAt}. {@code null} when the investor has no exchange account.
 */
public record FindPortfolioImpact(InvestorId investorId, LocalDate asOf, Instant knownAt) {
    public FindPortfolioImpact {
        Objects.requireNonNull(investorId, "investorId");
        if (knownAt == null) {
            throw DomainException.invalid("knownAt", "knownAt is required");
        }
    }
}
