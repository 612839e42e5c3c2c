package org.impactledger.core.exchange;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Splits a whole number (units of an offering, cents of a coupon or dividend) pro rata to whole
 * weights by the largest-remainder method, the same rule as the fund's
 * {@link org.impactledger.core.fund.DistributionWaterfall}:
 *
 * <ol>
 *   <li>each claimant first gets {@code total × weight / total weight} rounded <em>down</em>;</li>
 *   <li>the few that rounding left over (fewer than the number of claimants) are given one at a time
 *       to the claimants in descending order of the fraction that was cut off;</li>
 *   <li>equal fractions are broken by the order of the claims as passed in. Callers pass claims in
 *       their tie-break order: subscriptions in the order they were received (the earlier
 *       subscriber wins), income holders by investor id.</li>
 * </ol>
 *
 * The parts always sum exactly to the total, nobody gets more than one above their exact share, and
 * nobody gets more than their weight when the total does not exceed the total weight.
 */
public final class ProRata {

    /** A claimant (an investor id, say) and its whole, non-negative weight. */
    public record Claim<K>(K key, long weight) {
        public Claim {
            Objects.requireNonNull(key, "key");
            if (weight < 0) {
                throw new IllegalArgumentException("weight must not be negative, was " + weight);
            }
        }
    }

    /** A claimant's whole part of the total. */
    public record Part<K>(K key, long part) {
    }

    private ProRata() {
    }

    /**
     * Splits {@code total} over the claims; the parts come back in the order of the claims.
     *
     * @throws IllegalArgumentException if the total is negative, or positive while all weights are zero
     */
    public static <K> List<Part<K>> split(long total, List<Claim<K>> claims) {
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative, was " + total);
        }
        BigInteger totalWeight = BigInteger.ZERO;
        for (Claim<K> claim : claims) {
            totalWeight = totalWeight.add(BigInteger.valueOf(claim.weight()));
        }
        if (total > 0 && totalWeight.signum() == 0) {
            throw new IllegalArgumentException("cannot split " + total + " over claims whose weights are all zero");
        }
        int n = claims.size();
        long[] parts = new long[n];
        BigInteger[] remainders = new BigInteger[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            if (total == 0) {
                remainders[i] = BigInteger.ZERO;
                continue;
            }
            // All fractions share the denominator totalWeight, so the integer remainders compare as the fractions do.
            BigInteger[] qr = BigInteger.valueOf(total).multiply(BigInteger.valueOf(claims.get(i).weight())).divideAndRemainder(totalWeight);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += parts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        // A stable sort: equal remainders keep the order of the claims.
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed());
        long leftover = total - given;
        for (int k = 0; k < leftover; k++) {
            parts[order.get(k)]++;
        }
        List<Part<K>> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(new Part<>(claims.get(i).key(), parts[i]));
        }
        return result;
    }
}
