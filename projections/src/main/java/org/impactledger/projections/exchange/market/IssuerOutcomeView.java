package org.impactledger.projections.exchange.market;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One outcome an issuer reported, and what the independent verifier decided: {@code status} is
 * {@code REPORTED}, {@code VERIFIED} (with the verified quantity, which may be less than reported)
 * or {@code REJECTED}; {@code decisionNote} is the verifier's note or the reason for the rejection.
 */
public record IssuerOutcomeView(
        String outcomeId,
        String metricCode,
        String sdgTarget,
        String period,
        BigDecimal quantity,
        String status,
        String reportedBy,
        Instant reportedAt,
        BigDecimal verifiedQuantity,
        String decidedBy,
        Instant decidedAt,
        String decisionNote) {
}
