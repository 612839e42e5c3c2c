package org.impactledger.core.fund;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.impactledger.core.fund.event.DistributionShare;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;

/**
 * Splits a fund distribution among its investors: pure arithmetic, no state, no framework, so that
 * the rule investors and foundations care most about can be read and tested on its own.
 *
 * <h2>Tiers</h2>
 * <ol>
 *   <li><b>Return of capital.</b> Until every investor has got back their paid-in capital, the money
 *       goes to return of capital, split pro rata to each investor's <em>unreturned</em> paid-in capital
 *       (paid-in − capital already returned). Tier 1 takes {@code min(amount, total unreturned)}.</li>
 *   <li><b>Profit.</b> The rest is split pro rata to paid-in capital, but no investor may receive more
 *       in total than {@code returnCapMultiple × paid-in}. An investor whose pro-rata share would go
 *       beyond that room gets exactly the room; the excess is shared out again, pro rata to paid-in,
 *       among the investors who still have room (repeated until nobody is over).</li>
 * </ol>
 *
 * <h2>The cap</h2>
 * An investor's cap is {@code returnCapMultiple × paid-in}, rounded <em>down</em> to the cent (a
 * multiple such as 1.3333 on 100.01 gives 133.346333, so 133.34). The room left under the cap for the
 * whole fund ({@link #room}) is the sum of the investors' rooms; it is never more than
 * {@code returnCapMultiple × total paid-in − total distributed}, and it is exactly what the waterfall
 * can place, so a distribution within the room always splits without a cent left over.
 *
 * <h2>Rounding (largest-remainder method)</h2>
 * Every pro-rata split works in whole cents with exact integer arithmetic: each investor's share
 * {@code amount × weight / total weight} is rounded DOWN to the cent ({@link RoundingMode#DOWN}).
 * The cents that rounding left over (fewer than the number of investors) are then given one cent at
 * a time to the investors in descending order of the fractional cent that was cut off, ties broken
 * by investor id ascending. So the shares always sum exactly to the amount, no investor gets more
 * than one cent above their exact share, and the result does not depend on the order of the input.
 * A cent never takes an investor beyond their unreturned capital or their cap: an exact share below
 * a whole-cent limit rounds up to at most that limit.
 *
 * <p>Shares are returned in investor id order; investors whose share is zero in both tiers are
 * omitted. Investors with no paid-in capital take no part.
 */
public final class DistributionWaterfall {

    /**
     * What one investor has paid in and already received back from earlier distributions; all
     * amounts in the distribution's currency.
     */
    public record Position(InvestorId investorId, Money paidIn, Money returnedCapital, Money profit) {
        public Position {
            Objects.requireNonNull(investorId, "investorId");
            Objects.requireNonNull(paidIn, "paidIn");
            Objects.requireNonNull(returnedCapital, "returnedCapital");
            Objects.requireNonNull(profit, "profit");
        }

        Money distributed() {
            return returnedCapital.plus(profit);
        }
    }

    private final BigDecimal returnCapMultiple;

    /** @param returnCapMultiple total distributions to an investor may reach this multiple of their paid-in capital; at least 1 */
    public DistributionWaterfall(BigDecimal returnCapMultiple) {
        Objects.requireNonNull(returnCapMultiple, "returnCapMultiple");
        if (returnCapMultiple.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("returnCapMultiple must be at least 1, was " + returnCapMultiple.toPlainString());
        }
        this.returnCapMultiple = returnCapMultiple;
    }

    /** An investor's cap: {@code returnCapMultiple × paid-in}, rounded down to the cent. */
    public Money cap(Money paidIn) {
        return Money.of(paidIn.amount().multiply(returnCapMultiple).setScale(Money.SCALE, RoundingMode.DOWN), paidIn.currency());
    }

    /** The sum of the investors' caps (see {@link #cap}). */
    public Money totalCap(List<Position> positions, String currency) {
        Money total = Money.zero(currency);
        for (Position p : positions) {
            total = total.plus(cap(p.paidIn()));
        }
        return total;
    }

    /** How much can still be distributed: the sum over investors of cap − already distributed (never negative). */
    public Money room(List<Position> positions, String currency) {
        BigInteger sum = BigInteger.ZERO;
        for (Position p : positions) {
            BigInteger r = cents(cap(p.paidIn())).subtract(cents(p.distributed()));
            if (r.signum() > 0) {
                sum = sum.add(r);
            }
        }
        return money(sum, currency);
    }

    /**
     * Splits {@code amount} by the waterfall.
     *
     * @throws IllegalArgumentException if the amount is not positive, a position is in another
     *                                  currency, or the amount exceeds the {@link #room} (the
     *                                  aggregate refuses such a distribution before calling this)
     */
    public List<DistributionShare> split(Money amount, List<Position> positions) {
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive, was " + amount);
        }
        String currency = amount.currency();
        List<Position> investors = new ArrayList<>();
        Set<InvestorId> seen = new HashSet<>();
        for (Position p : positions) {
            if (!p.paidIn().currency().equals(currency) || !p.returnedCapital().currency().equals(currency)
                    || !p.profit().currency().equals(currency)) {
                throw new IllegalArgumentException("position of " + p.investorId() + " is not in " + currency);
            }
            if (!seen.add(p.investorId())) {
                throw new IllegalArgumentException("investor " + p.investorId() + " appears twice");
            }
            if (p.paidIn().isPositive()) {
                investors.add(p);
            }
        }
        investors.sort(Comparator.comparing(p -> p.investorId().value()));
        Money room = room(investors, currency);
        if (amount.greaterThan(room)) {
            throw new IllegalArgumentException("amount " + amount + " exceeds the room of " + room + " left under the return cap");
        }

        // Tier 1: return of capital, pro rata to unreturned paid-in capital.
        Map<InvestorId, BigInteger> unreturned = new LinkedHashMap<>();
        BigInteger totalUnreturned = BigInteger.ZERO;
        for (Position p : investors) {
            BigInteger u = cents(p.paidIn()).subtract(cents(p.returnedCapital())).max(BigInteger.ZERO);
            unreturned.put(p.investorId(), u);
            totalUnreturned = totalUnreturned.add(u);
        }
        BigInteger tier1 = cents(amount).min(totalUnreturned);
        Map<InvestorId, BigInteger> capital = proRata(tier1, unreturned);

        // Tier 2: profit, pro rata to paid-in, each investor capped at cap − distributed (incl. tier 1 above).
        BigInteger tier2 = cents(amount).subtract(tier1);
        Map<InvestorId, BigInteger> profit = new LinkedHashMap<>();
        Map<InvestorId, BigInteger> room2 = new LinkedHashMap<>();
        Map<InvestorId, BigInteger> paidIn = new LinkedHashMap<>();
        for (Position p : investors) {
            BigInteger r = cents(cap(p.paidIn())).subtract(cents(p.distributed()))
                    .subtract(capital.getOrDefault(p.investorId(), BigInteger.ZERO)).max(BigInteger.ZERO);
            room2.put(p.investorId(), r);
            paidIn.put(p.investorId(), cents(p.paidIn()));
            profit.put(p.investorId(), BigInteger.ZERO);
        }
        BigInteger left = tier2;
        while (left.signum() > 0) {
            // Investors who still have room share what is left, pro rata to paid-in.
            Map<InvestorId, BigInteger> open = new LinkedHashMap<>();
            BigInteger weight = BigInteger.ZERO;
            for (Map.Entry<InvestorId, BigInteger> e : room2.entrySet()) {
                if (e.getValue().signum() > 0) {
                    open.put(e.getKey(), paidIn.get(e.getKey()));
                    weight = weight.add(paidIn.get(e.getKey()));
                }
            }
            if (open.isEmpty()) {
                throw new IllegalStateException("no room left for " + left + " cents"); // excluded by the room check above
            }
            // Anyone whose exact share (left × paidIn / weight) reaches their room is capped at the room;
            // capping only raises the others' shares in the next round, so nobody is capped too early.
            BigInteger roundLeft = left;
            boolean capped = false;
            for (InvestorId id : open.keySet()) {
                BigInteger r = room2.get(id);
                if (roundLeft.multiply(open.get(id)).compareTo(r.multiply(weight)) >= 0) {
                    profit.merge(id, r, BigInteger::add);
                    room2.put(id, BigInteger.ZERO);
                    left = left.subtract(r);
                    capped = true;
                }
            }
            if (!capped) {
                Map<InvestorId, BigInteger> shares = proRata(left, open);
                shares.forEach((id, s) -> {
                    profit.merge(id, s, BigInteger::add);
                    room2.merge(id, s.negate(), BigInteger::add);
                });
                left = BigInteger.ZERO;
            }
        }

        List<DistributionShare> result = new ArrayList<>();
        for (Position p : investors) {
            BigInteger c = capital.getOrDefault(p.investorId(), BigInteger.ZERO);
            BigInteger g = profit.getOrDefault(p.investorId(), BigInteger.ZERO);
            if (c.signum() > 0 || g.signum() > 0) {
                result.add(new DistributionShare(p.investorId(), money(c, currency), money(g, currency)));
            }
        }
        return List.copyOf(result);
    }

    /**
     * Splits {@code total} cents pro rata to {@code weights} by the largest-remainder method: each share
     * rounded down, the leftover cents one at a time by descending cut-off fraction, then investor id.
     */
    static Map<InvestorId, BigInteger> proRata(BigInteger total, Map<InvestorId, BigInteger> weights) {
        Map<InvestorId, BigInteger> shares = new LinkedHashMap<>();
        BigInteger totalWeight = weights.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
        if (total.signum() == 0 || totalWeight.signum() == 0) {
            weights.keySet().forEach(id -> shares.put(id, BigInteger.ZERO));
            return shares;
        }
        // All fractions share the denominator totalWeight, so comparing the integer remainders compares the fractions.
        Map<InvestorId, BigInteger> remainders = new LinkedHashMap<>();
        BigInteger given = BigInteger.ZERO;
        for (Map.Entry<InvestorId, BigInteger> e : weights.entrySet()) {
            BigInteger[] qr = total.multiply(e.getValue()).divideAndRemainder(totalWeight);
            shares.put(e.getKey(), qr[0]);
            remainders.put(e.getKey(), qr[1]);
            given = given.add(qr[0]);
        }
        List<InvestorId> order = new ArrayList<>(weights.keySet());
        order.sort(Comparator.<InvestorId, BigInteger>comparing(remainders::get).reversed()
                .thenComparing(InvestorId::value));
        int leftover = total.subtract(given).intValueExact(); // < number of investors
        for (int i = 0; i < leftover; i++) {
            shares.merge(order.get(i), BigInteger.ONE, BigInteger::add);
        }
        return shares;
    }

    private static BigInteger cents(Money money) {
        return money.amount().movePointRight(Money.SCALE).toBigIntegerExact();
    }

    private static Money money(BigInteger cents, String currency) {
        return Money.of(new BigDecimal(cents, Money.SCALE), currency);
    }
}
