package org.impactledger.projections.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An XIRR worked out apart from {@link Xirr}, for tests that recompute a report's IRR from the cash
 * flows it lists: plain bisection of NPV(r) = Σ aᵢ / (1 + r)^(dᵢ / 365) between −99 % and 1,000 %,
 * where the flows of these tests have one sign change and so one root.
 */
final class IndependentXirr {

    private IndependentXirr() {
    }

    static BigDecimal of(List<CashFlow> flows) {
        LocalDate first = flows.stream().map(CashFlow::date).min(LocalDate::compareTo).orElseThrow();
        double low = -0.99;
        double high = 10;
        if (Math.signum(npv(flows, first, low)) == Math.signum(npv(flows, first, high))) {
            throw new IllegalArgumentException("no root between " + low + " and " + high + ": " + flows);
        }
        for (int i = 0; i < 200; i++) {
            double mid = (low + high) / 2;
            if (Math.signum(npv(flows, first, mid)) == Math.signum(npv(flows, first, low))) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return BigDecimal.valueOf((low + high) / 2).setScale(6, RoundingMode.HALF_EVEN);
    }

    private static double npv(List<CashFlow> flows, LocalDate first, double rate) {
        double sum = 0;
        for (CashFlow flow : flows) {
            sum += flow.amount().doubleValue() / Math.pow(1 + rate, ChronoUnit.DAYS.between(first, flow.date()) / 365.0);
        }
        return sum;
    }
}
