package org.impactledger.projections.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The multiples of a fund or an investor: DPI = distributed ÷ paid-in, RVPI = residual value ÷
 * paid-in, TVPI = DPI + RVPI. Each ratio is given at scale 4, rounded HALF_EVEN; TVPI is the sum of
 * the two rounded ratios, so that the three printed figures add up. All three are {@code null}
 * when nothing has been paid in (a multiple of nothing is undefined, not zero), and RVPI and TVPI
 * when no valuation is known (the residual value is then unknown, not zero).
 */
public record Multiples(BigDecimal dpi, BigDecimal rvpi, BigDecimal tvpi) {

    public static final int SCALE = 4;

    public static Multiples of(BigDecimal distributed, BigDecimal residualValue, BigDecimal paidIn) {
        if (paidIn.signum() == 0) {
            return new Multiples(null, null, null);
        }
        BigDecimal dpi = ratio(distributed, paidIn);
        BigDecimal rvpi = residualValue == null ? null : ratio(residualValue, paidIn);
        return new Multiples(dpi, rvpi, rvpi == null ? null : dpi.add(rvpi));
    }

    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, SCALE, RoundingMode.HALF_EVEN);
    }
}
