package org.impactledger.projections.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A fund's trial balance as of a business date and as known at a recording time, one section per
 * currency (amounts in different currencies are never added). {@code balanced} holds when every
 * currency's debits equal its credits in each book.
 */
public record TrialBalance(String fundId, LocalDate asOf, Instant knownAt, List<CurrencyTrialBalance> currencies, boolean balanced) {
}
