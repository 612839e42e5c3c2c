package org.impactledger.projections.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.impactledger.projections.state.Page;

/**
 * One page of {@link PaymentSummary}s, with the time bounds it was computed for. {@code nextCursor}
 * names the last payment of a full page, for asking the next page with {@code after} (no OFFSET
 * scan, however deep); {@code null} when the page is not full (there is no next page).
 */
public record PaymentPage(List<PaymentSummary> items, int page, int size, long total, LocalDate asOf, Instant knownAt, String nextCursor)
        implements Page<PaymentSummary> {
}
