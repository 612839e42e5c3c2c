package org.impactledger.projections.journal;

import java.math.BigDecimal;

/**
 * An entry the invariant check found unbalanced: in {@code book} its lines' debits differ from its
 * credits by {@code difference = debits − credits}; or it has no lines at all ({@code book} {@code null}).
 */
public record UnbalancedEntry(String entryId, String fundId, String currency, String eventType, Book book,
                              BigDecimal debits, BigDecimal credits, BigDecimal difference, String problem) {
}
