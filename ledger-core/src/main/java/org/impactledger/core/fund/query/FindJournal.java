package org.impactledger.core.fund.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Paging;

/**
 * One page of a fund's double-entry journal: the entries (each with its lines) whose business date
 * is on or before {@code asOf} (no limit when {@code null}) and that the ledger had recorded by
 * {@code knownAt}, ordered by recording time and then entry id. {@code page} counts from 0; the read
 * side caps {@code size} so that no client reads the whole journal at once.
 */
public record FindJournal(FundId fundId, LocalDate asOf, Instant knownAt, int page, int size) {
    public FindJournal {
        Objects.requireNonNull(fundId, "fundId");
        if (knownAt == null) {
            throw DomainException.invalid("knownAt", "knownAt is required");
        }
        Paging.check(page, size);
    }
}
