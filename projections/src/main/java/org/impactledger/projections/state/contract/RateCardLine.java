package org.impactledger.projections.state.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.contract.PaymentRule;

/**
 * One version of a rate card line: the price of one verified unit of a metric from
 * {@code effectiveFrom} until the day before {@code effectiveUntil} ({@code null}: still in force).
 * Version 1 comes with the signed contract (no {@code amendmentId}); each amendment that touches a
 * metric adds the next version. Old versions are kept because an outcome is paid at the price in
 * force on its outcome date. A version with {@code effectiveUntil} equal to {@code effectiveFrom}
 * was replaced before it came into force.
 */
public record RateCardLine(
        String metricCode,
        int version,
        String description,
        BigDecimal unitPrice,
        String currency,
        List<String> sdgTargets,
        PaymentRule rule,
        LocalDate effectiveFrom,
        LocalDate effectiveUntil,
        String amendmentId) {

    public RateCardLine {
        sdgTargets = sdgTargets == null ? List.of() : List.copyOf(sdgTargets);
    }

    /** Whether this version is the price for an outcome on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveUntil == null || date.isBefore(effectiveUntil));
    }

    RateCardLine until(LocalDate newEffectiveUntil) {
        return new RateCardLine(metricCode, version, description, unitPrice, currency, sdgTargets, rule, effectiveFrom,
                newEffectiveUntil, amendmentId);
    }
}
