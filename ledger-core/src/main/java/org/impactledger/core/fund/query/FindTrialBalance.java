package org.impactledger.core.fund.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.FundId;

/**
 * A fund's trial balance per currency from the journal entries with business date on or before
 * {@code asOf} ({@code null}: no limit) recorded by {@code knownAt}. The same two bounds as
 * {@link FindJournal}, so a trial balance always sums exactly the entries that journal page lists.
 */
public record FindTrialBalance(FundId fundId, LocalDate asOf, Instant knownAt) {
    public FindTrialBalance {
        Objects.requireNonNull(fundId, "fundId");
        if (knownAt == null) {
            throw DomainException.invalid("knownAt", "knownAt is required");
        }
    }
}
