package org.impactledger.projections.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * The internal rate of return of dated cash flows (XIRR): the annual rate r at which their net
 * present value is zero, NPV(r) = Σ aᵢ / (1 + r)^(dᵢ / 365), where dᵢ is the number of days from the
 * earliest flow (Actual/365, as spreadsheets compute XIRR).
 *
 * <p>Why two methods: Newton–Raphson converges in a handful of steps from a sensible guess (10 %),
 * but it can step below −100 %, meet a flat derivative or wander off on flows with more than one
 * sign change. When it does not settle within {@value #NEWTON_ITERATIONS} steps, the rate is
 * bracketed on a fixed grid of rates from {@value #LOWEST_RATE} to {@value #HIGHEST_RATE}
 * (the bracket nearest to the guess is taken) and narrowed by bisection, which always converges
 * once a sign change is bracketed. Flows with several sign changes may have several rates; the one
 * found is the one nearest to the guess that Newton reaches or the grid brackets first.
 *
 * <p>Arithmetic is in {@code double}: a rate is an estimate, not an amount of money, and
 * double precision (about 15 digits) is far finer than the six decimals reported. The rate is
 * given at scale 6, rounded HALF_EVEN. Converged means a step smaller than 1e-12 and a net present
 * value within 1e-9 of the largest flow.
 *
 * <p>Pure and stateless, so it can be tested against independently computed values.
 */
public final class Xirr {

    public static final int NEWTON_ITERATIONS = 50;
    public static final int BISECTION_ITERATIONS = 200;
    public static final double GUESS = 0.1;
    public static final double LOWEST_RATE = -0.999999;
    public static final double HIGHEST_RATE = 1_000_000;
    public static final int SCALE = 6;

    public static final String FEWER_THAN_TWO_FLOWS = "fewer than two flows";
    public static final String NO_SIGN_CHANGE = "no sign change in flows";

    private static final double[] GRID = {LOWEST_RATE, -0.9999, -0.999, -0.99, -0.95, -0.9, -0.8, -0.7, -0.6, -0.5, -0.4, -0.3, -0.2,
            -0.1, -0.05, 0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20, 50, 100, 1_000, 10_000, 100_000, HIGHEST_RATE};
    private static final double STEP_TOLERANCE = 1e-12;
    private static final double NPV_TOLERANCE = 1e-9;

    private Xirr() {
    }

    public static XirrResult solve(List<DatedFlow> flows) {
        List<DatedFlow> nonZero = flows.stream().filter(f -> f.amount().signum() != 0).toList();
        if (nonZero.size() < 2) {
            return XirrResult.none(FEWER_THAN_TWO_FLOWS, 0);
        }
        boolean anyPositive = nonZero.stream().anyMatch(f -> f.amount().signum() > 0);
        boolean anyNegative = nonZero.stream().anyMatch(f -> f.amount().signum() < 0);
        if (!anyPositive || !anyNegative) {
            return XirrResult.none(NO_SIGN_CHANGE, 0);
        }
        LocalDate first = nonZero.stream().map(DatedFlow::date).min(Comparator.naturalOrder()).orElseThrow();
        double[] years = new double[nonZero.size()];
        double[] amounts = new double[nonZero.size()];
        double largest = 0;
        for (int i = 0; i < nonZero.size(); i++) {
            years[i] = ChronoUnit.DAYS.between(first, nonZero.get(i).date()) / 365.0;
            amounts[i] = nonZero.get(i).amount().doubleValue();
            largest = Math.max(largest, Math.abs(amounts[i]));
        }
        Npv npv = new Npv(years, amounts, largest * NPV_TOLERANCE);

        double rate = GUESS;
        for (int i = 1; i <= NEWTON_ITERATIONS; i++) {
            double value = npv.value(rate);
            double slope = npv.derivative(rate);
            if (!Double.isFinite(value) || !Double.isFinite(slope) || slope == 0) {
                break;
            }
            double next = rate - value / slope;
            if (!Double.isFinite(next) || next <= -1) {
                break;
            }
            if (Math.abs(next - rate) < STEP_TOLERANCE * Math.max(1, Math.abs(next)) && npv.isZero(next)) {
                return XirrResult.of(scaled(next), "newton", i);
            }
            rate = next;
        }
        return bisection(npv);
    }

    private static XirrResult bisection(Npv npv) {
        double[] bracket = nearestBracket(npv);
        if (bracket == null) {
            return XirrResult.none("did not converge in " + NEWTON_ITERATIONS + " iterations; no rate between " + LOWEST_RATE + " and "
                    + (long) HIGHEST_RATE + " sets the net present value to zero", NEWTON_ITERATIONS);
        }
        double low = bracket[0];
        double high = bracket[1];
        double lowValue = npv.value(low);
        for (int i = 1; i <= BISECTION_ITERATIONS; i++) {
            double middle = (low + high) / 2;
            double value = npv.value(middle);
            if (value == 0 || (high - low) / 2 < STEP_TOLERANCE * Math.max(1, Math.abs(middle))) {
                return XirrResult.of(scaled(middle), "bisection", i);
            }
            if (Math.signum(value) == Math.signum(lowValue)) {
                low = middle;
                lowValue = value;
            } else {
                high = middle;
            }
        }
        return XirrResult.none("did not converge in " + BISECTION_ITERATIONS + " iterations", BISECTION_ITERATIONS);
    }

    /**
     * The grid interval over which the NPV changes sign (or a grid rate where it is zero) that lies
     * nearest to the guess, or {@code null}.
     */
    private static double[] nearestBracket(Npv npv) {
        double[] best = null;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < GRID.length; i++) {
            double low = npv.value(GRID[i]);
            double[] candidate = null;
            if (low == 0) {
                candidate = new double[] {GRID[i], GRID[i]};
            } else if (i + 1 < GRID.length) {
                double high = npv.value(GRID[i + 1]);
                if (Double.isFinite(low) && Double.isFinite(high) && high != 0 && Math.signum(low) != Math.signum(high)) {
                    candidate = new double[] {GRID[i], GRID[i + 1]};
                }
            }
            if (candidate != null) {
                double distance = Math.min(Math.abs(candidate[0] - GUESS), Math.abs(candidate[1] - GUESS));
                if (distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    private static BigDecimal scaled(double rate) {
        return BigDecimal.valueOf(rate).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** Net present value of the flows and its derivative, at an annual rate. */
    private record Npv(double[] years, double[] amounts, double tolerance) {
        double value(double rate) {
            double sum = 0;
            for (int i = 0; i < years.length; i++) {
                sum += amounts[i] / Math.pow(1 + rate, years[i]);
            }
            return sum;
        }

        double derivative(double rate) {
            double sum = 0;
            for (int i = 0; i < years.length; i++) {
                sum -= years[i] * amounts[i] / Math.pow(1 + rate, years[i] + 1);
            }
            return sum;
        }

        boolean isZero(double rate) {
            return Math.abs(value(rate)) <= tolerance;
        }
    }
}
