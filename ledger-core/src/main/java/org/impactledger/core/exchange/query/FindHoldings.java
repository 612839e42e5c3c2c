package org.impactledger.core.exchange.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.InvestorId;

/**
 * An investor's holdings on the exchange: units per instrument, cash, reserved and available cash,
 * from the facts with business date on or before {@code asOf} ({@code null}: no limit) that the
 * ledger had recorded by {@code knownAt}. {@code null} when the investor has no exchange account.
 */
public record FindHoldings(InvestorId investorId, LocalDate asOf, Instant knownAt) {
    public FindHoldings {
        Objects.requireNonNull(investorId, "investorId");
        if (knownAt == null) {
            throw DomainException.invalid("knownAt", "knownAt is required");
        }
    }
}
