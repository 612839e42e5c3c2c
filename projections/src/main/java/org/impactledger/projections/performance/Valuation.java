package org.impactledger.projections.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The valuation a report uses: the latest with valuation date ≤ asOf and recorded ≤ knownAt (the later recorded one on equal dates). */
public record Valuation(LocalDate valuationDate, BigDecimal netAssetValue, String method, String eventId, Instant recordedAt) {
}
