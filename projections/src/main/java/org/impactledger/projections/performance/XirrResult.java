package org.impactledger.projections.performance;

import java.math.BigDecimal;

/**
 * The outcome of an IRR computation: either a {@code rate} (annual, as a fraction: 0.1 is 10 %,
 * scale 6, HALF_EVEN) or a {@code reason} why there is none. {@code method} and {@code iterations}
 * say how the rate was found ("newton" or "bisection"), so that a surprising figure can be traced.
 */
public record XirrResult(BigDecimal rate, String reason, String method, int iterations) {

    public static XirrResult of(BigDecimal rate, String method, int iterations) {
        return new XirrResult(rate, null, method, iterations);
    }

    public static XirrResult none(String reason, int iterations) {
        return new XirrResult(null, reason, null, iterations);
    }

    public boolean hasRate() {
        return rate != null;
    }
}
