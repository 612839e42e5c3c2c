package org.impactledger.core.exchange;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.Money;

/**
 * The share of an issuer's verified outcomes attributable to one investor's holdings, as a pure
 * function for the portfolio-impact projection (which reads holdings and verified outcomes as of the
 * date it reports on, and passes them in).
 *
 * <h2>The share</h2>
 * For an issuer with one instrument, an investor holding {@code units} of the {@code unitsOutstanding}
 * at the date is attributed {@code units / unitsOutstanding} of each verified outcome. An issuer
 * with several instruments (shares and a bond, say) splits its outcomes over them in proportion to
 * the capital each raised in its primary offerings, so that the same outcome is never attributed
 * twice: {@code share = Σ over the issuer's instruments (units_i / outstanding_i) × (capital_i / Σ capital)}.
 * The projection must therefore pass a {@link Position} for every instrument of the issuer, with
 * zero units where the investor holds none. The share is computed exactly (as a fraction of
 * integers), so the shares of all holders of an issuer sum to exactly 1.
 *
 * <h2>Rounding</h2>
 * Outcome quantities have at most two decimals. An attributed quantity is
 * {@code verified quantity × share} rounded <em>down</em> to {@value #QUANTITY_SCALE} decimals, and the
 * share shown is rounded down to {@value #SHARE_SCALE} decimals: rounding down means that the
 * attributions of all holders never add up to more impact than was verified.
 */
public final class PortfolioImpact {

    public static final int QUANTITY_SCALE = 4;
    public static final int SHARE_SCALE = 8;

    /**
     * The investor's units of one of the issuer's instruments at the date, the units outstanding
     * then, and the capital the instrument raised in its primary offerings (its weight among the
     * issuer's instruments).
     */
    public record Position(InstrumentId instrumentId, long units, long unitsOutstanding, Money capitalRaised) {
        public Position {
            Objects.requireNonNull(instrumentId, "instrumentId");
            Objects.requireNonNull(capitalRaised, "capitalRaised");
            if (units < 0 || unitsOutstanding < 0 || units > unitsOutstanding) {
                throw new IllegalArgumentException("units " + units + " of " + instrumentId + " must be between 0 and units outstanding " + unitsOutstanding);
            }
            if (capitalRaised.isNegative()) {
                throw new IllegalArgumentException("capitalRaised of " + instrumentId + " must not be negative, was " + capitalRaised);
            }
        }
    }

    /** One verified outcome of the issuer (the verified quantity, not the reported one). */
    public record VerifiedOutcome(String metricCode, String sdgTarget, String period, BigDecimal quantity) {
        public VerifiedOutcome {
            Objects.requireNonNull(metricCode, "metricCode");
            Objects.requireNonNull(sdgTarget, "sdgTarget");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(quantity, "quantity");
        }
    }

    /** Per metric, SDG target and period: the issuer's verified total and the part attributed to the investor. */
    public record AttributedOutcome(String metricCode, String sdgTarget, String period, BigDecimal verifiedQuantity, BigDecimal attributedQuantity) {
    }

    /** The investor's share of the issuer, and the attributed outcomes in metric, target and period order. */
    public record Attribution(BigDecimal share, List<AttributedOutcome> outcomes) {
    }

    private PortfolioImpact() {
    }

    /** The investor's share of the issuer's outcomes, rounded down to {@value #SHARE_SCALE} decimals. */
    public static BigDecimal share(List<Position> positions) {
        BigInteger[] fraction = exactShare(positions);
        return divideDown(BigInteger.ONE, fraction, SHARE_SCALE);
    }

    /**
     * Attributes the issuer's verified outcomes to the investor. Outcomes with the same metric, SDG
     * target and period are added up before the share is applied.
     */
    public static Attribution attribute(List<Position> positions, List<VerifiedOutcome> outcomes) {
        BigInteger[] fraction = exactShare(positions);
        Map<List<String>, BigDecimal> totals = new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2)));
        for (VerifiedOutcome outcome : outcomes) {
            totals.merge(List.of(outcome.metricCode(), outcome.sdgTarget(), outcome.period()), outcome.quantity(), BigDecimal::add);
        }
        List<AttributedOutcome> attributed = new ArrayList<>();
        totals.forEach((key, total) -> {
            // total × numerator / denominator, rounded down once, from the exact value
            BigDecimal value = total.multiply(new BigDecimal(fraction[0])).divide(new BigDecimal(fraction[1]), QUANTITY_SCALE, RoundingMode.DOWN);
            attributed.add(new AttributedOutcome(key.get(0), key.get(1), key.get(2), total, value));
        });
        return new Attribution(divideDown(BigInteger.ONE, fraction, SHARE_SCALE), List.copyOf(attributed));
    }

    /** The share as {numerator, denominator}; positions with no units outstanding carry no weight. */
    private static BigInteger[] exactShare(List<Position> positions) {
        List<Position> live = positions.stream().filter(p -> p.unitsOutstanding() > 0).toList();
        if (live.isEmpty()) {
            return new BigInteger[] {BigInteger.ZERO, BigInteger.ONE};
        }
        if (live.size() == 1) {
            return new BigInteger[] {BigInteger.valueOf(live.get(0).units()), BigInteger.valueOf(live.get(0).unitsOutstanding())};
        }
        String currency = live.get(0).capitalRaised().currency();
        BigInteger totalCapital = BigInteger.ZERO;
        for (Position p : live) {
            if (!p.capitalRaised().currency().equals(currency)) {
                throw new IllegalArgumentException("capital raised must be in one currency; " + p.instrumentId() + " is in " + p.capitalRaised().currency());
            }
            totalCapital = totalCapital.add(cents(p.capitalRaised()));
        }
        if (totalCapital.signum() == 0) {
            throw new IllegalArgumentException("an issuer with several instruments must have raised capital to weigh them");
        }
        // Σ units_i × capital_i / (outstanding_i × totalCapital), over the common denominator Π outstanding_i × totalCapital
        BigInteger product = BigInteger.ONE;
        for (Position p : live) {
            product = product.multiply(BigInteger.valueOf(p.unitsOutstanding()));
        }
        BigInteger numerator = BigInteger.ZERO;
        for (Position p : live) {
            BigInteger others = product.divide(BigInteger.valueOf(p.unitsOutstanding()));
            numerator = numerator.add(BigInteger.valueOf(p.units()).multiply(cents(p.capitalRaised())).multiply(others));
        }
        BigInteger denominator = product.multiply(totalCapital);
        BigInteger gcd = numerator.gcd(denominator);
        return gcd.signum() == 0 ? new BigInteger[] {numerator, denominator} : new BigInteger[] {numerator.divide(gcd), denominator.divide(gcd)};
    }

    /** {@code factor × fraction} rounded down to {@code scale} decimals. */
    private static BigDecimal divideDown(BigInteger factor, BigInteger[] fraction, int scale) {
        return new BigDecimal(factor.multiply(fraction[0])).divide(new BigDecimal(fraction[1]), scale, RoundingMode.DOWN);
    }

    private static BigInteger cents(Money money) {
        return money.amount().movePointRight(Money.SCALE).toBigIntegerExact();
    }
}
