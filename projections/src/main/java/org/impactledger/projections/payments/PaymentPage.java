package org.impactledger.projections.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.impactledger.projections.state.Page;

/** One page of {@link PaymentSummary}s, with the time bounds it was computed for. */
public record PaymentPage(List<PaymentSummary> items, int page, int size, long total, LocalDate asOf, Instant knownAt)
        implements Page<PaymentSummary> {
}
