package org.impactledger.projections.performance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits an amount of money between holders in proportion to their weights, in whole cents that
 * add up exactly to the amount (largest remainder method): each holder first gets its exact share
 * rounded down to the cent; the cents left over (fewer than the number of holders) go one each to
 * the holders with the largest discarded fractions, ties to the smaller holder id. So an
 * investor's residual value is NAV × investor paid-in ÷ total paid-in to within one cent, and the
 * investors' residual values add up to the NAV.
 */
public final class ProRata {

    private ProRata() {
    }

    /**
     * @param amount  non-negative, at most two decimals
     * @param weights non-negative, by holder id; their sum must be positive
     * @return each holder's share at scale 2, in holder id order
     */
    public static Map<String, BigDecimal> split(BigDecimal amount, Map<String, BigDecimal> weights) {
        BigInteger cents = amount.movePointRight(2).toBigIntegerExact();
        Map<String, BigInteger> weightCents = new TreeMap<>();
        weights.forEach((holder, weight) -> weightCents.put(holder, weight.movePointRight(2).toBigIntegerExact()));
        BigInteger total = weightCents.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
        if (total.signum() <= 0 || cents.signum() < 0) {
            throw new IllegalArgumentException("weights must add up to more than zero and the amount may not be negative");
        }
        Map<String, BigInteger> shares = new LinkedHashMap<>();
        List<Remainder> remainders = new ArrayList<>();
        BigInteger handedOut = BigInteger.ZERO;
        for (Map.Entry<String, BigInteger> weight : weightCents.entrySet()) {
            BigInteger[] division = cents.multiply(weight.getValue()).divideAndRemainder(total);
            shares.put(weight.getKey(), division[0]);
            remainders.add(new Remainder(weight.getKey(), division[1]));
            handedOut = handedOut.add(division[0]);
        }
        int left = cents.subtract(handedOut).intValueExact();
        remainders.sort(Comparator.comparing(Remainder::value).reversed().thenComparing(Remainder::holder));
        for (int i = 0; i < left; i++) {
            shares.merge(remainders.get(i).holder(), BigInteger.ONE, BigInteger::add);
        }
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        shares.forEach((holder, share) -> result.put(holder, new BigDecimal(share, 2)));
        return result;
    }

    private record Remainder(String holder, BigInteger value) {
    }
}
