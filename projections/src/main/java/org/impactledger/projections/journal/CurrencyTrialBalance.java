package org.impactledger.projections.journal;

import java.math.BigDecimal;
import java.util.List;

/**
 * The trial balance of one currency: every account with lines, ordered by code; the totals per
 * book; and the grand totals of debits and credits over both books, whose {@code difference}
 * ({@code totalDebits − totalCredits}) is zero when the journal is sound.
 */
public record CurrencyTrialBalance(String currency, long entries, List<TrialBalanceLine> accounts, List<BookTotal> books,
                                   BigDecimal totalDebits, BigDecimal totalCredits, BigDecimal difference, boolean balanced) {
}
