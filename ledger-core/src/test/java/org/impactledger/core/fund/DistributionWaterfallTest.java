package org.impactledger.core.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.impactledger.core.fund.FundTestData.EUR;
import static org.impactledger.core.fund.FundTestData.eur;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.impactledger.core.fund.DistributionWaterfall.Position;
import org.impactledger.core.fund.event.DistributionShare;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.junit.jupiter.api.Test;

class DistributionWaterfallTest {

    private static final InvestorId A = InvestorId.of("inv-a");
    private static final InvestorId B = InvestorId.of("inv-b");
    private static final InvestorId C = InvestorId.of("inv-c");

    private static DistributionWaterfall waterfall(String multiple) {
        return new DistributionWaterfall(new BigDecimal(multiple));
    }

    /** An investor who paid in {@code paidIn} and has had nothing back. */
    private static Position fresh(InvestorId id, String paidIn) {
        return new Position(id, eur(paidIn), eur("0.00"), eur("0.00"));
    }

    private static Position position(InvestorId id, String paidIn, String returnedCapital, String profit) {
        return new Position(id, eur(paidIn), eur(returnedCapital), eur(profit));
    }

    private static DistributionShare share(InvestorId id, String returnOfCapital, String profit) {
        return new DistributionShare(id, eur(returnOfCapital), eur(profit));
    }

    @Test
    void rounds_each_share_down_and_gives_the_leftover_cent_to_the_largest_cut_off_fraction() {
        // 100.00 over paid-in 100.00 / 200.00 / 300.00 (total 600.00), all tier 1:
        //   a: 100.00 × 100/600 = 16.6666.. → 16.66, cut off 0.666.. cent
        //   b: 100.00 × 200/600 = 33.3333.. → 33.33, cut off 0.333.. cent
        //   c: 100.00 × 300/600 = 50.00     → 50.00, cut off 0
        // rounded down they make 99.99; the 1 leftover cent goes to the largest cut-off fraction: a.
        List<DistributionShare> shares = waterfall("1.30").split(eur("100.00"),
                List.of(fresh(A, "100.00"), fresh(B, "200.00"), fresh(C, "300.00")));

        assertThat(shares).containsExactly(share(A, "16.67", "0.00"), share(B, "33.33", "0.00"), share(C, "50.00", "0.00"));
    }

    @Test
    void breaks_ties_in_the_cut_off_fraction_by_investor_id() {
        // 0.02 over three equal investors: each exact share is 0.666.. cent, rounded down to 0;
        // the 2 leftover cents go to the equal fractions in investor id order: a, then b. c gets nothing and is omitted.
        List<DistributionShare> shares = waterfall("1.30").split(eur("0.02"),
                List.of(fresh(C, "100.00"), fresh(B, "100.00"), fresh(A, "100.00")));

        assertThat(shares).containsExactly(share(A, "0.01", "0.00"), share(B, "0.01", "0.00"));
    }

    @Test
    void returns_capital_pro_rata_to_unreturned_capital_not_to_paid_in() {
        // a paid in 100.00 and got 50.00 back; b paid in 200.00 and got 50.00 back: unreturned 50.00 / 150.00.
        // 100.00 splits 1:3 → 25.00 / 75.00 (pro rata to paid-in it would have been 33.33 / 66.67).
        List<DistributionShare> shares = waterfall("1.30").split(eur("100.00"),
                List.of(position(A, "100.00", "50.00", "0.00"), position(B, "200.00", "50.00", "0.00")));

        assertThat(shares).containsExactly(share(A, "25.00", "0.00"), share(B, "75.00", "0.00"));
    }

    @Test
    void crosses_from_return_of_capital_into_profit() {
        // paid-in a 100.00, b 200.00, cap 1.50. 400.00 = tier 1 300.00 (100.00 / 200.00) + tier 2 100.00.
        // tier 2 pro rata to paid-in 1:2: 33.333.. → 33.33 (cut 0.333..), 66.666.. → 66.66 (cut 0.666..);
        // the leftover cent goes to b → 33.33 / 66.67. Both stay below their rooms (50.00 / 100.00).
        List<DistributionShare> shares = waterfall("1.50").split(eur("400.00"),
                List.of(fresh(A, "100.00"), fresh(B, "200.00")));

        assertThat(shares).containsExactly(share(A, "100.00", "33.33"), share(B, "200.00", "66.67"));
    }

    @Test
    void caps_an_investor_at_the_multiple_and_gives_the_excess_to_the_others() {
        // cap 1.20. a paid in 100.00 and already got 100.00 + 10.00 back (room 10.00); b paid in 100.00 later.
        // 130.00: tier 1 → b 100.00 (a has no unreturned capital). Tier 2, 30.00 at 1:1 = 15.00 each,
        // but a's room is 10.00: a gets 10.00 and the 5.00 excess goes to b, 20.00 (b's room is 120.00 − 100.00 = 20.00).
        DistributionWaterfall waterfall = waterfall("1.20");
        List<Position> positions = List.of(position(A, "100.00", "100.00", "10.00"), fresh(B, "100.00"));

        assertThat(waterfall.room(positions, EUR)).isEqualTo(eur("130.00"));
        assertThat(waterfall.split(eur("130.00"), positions))
                .containsExactly(share(A, "0.00", "10.00"), share(B, "100.00", "20.00"));
    }

    @Test
    void leaves_out_an_investor_already_at_the_cap() {
        DistributionWaterfall waterfall = waterfall("1.20");
        List<Position> positions = List.of(position(A, "100.00", "100.00", "20.00"), fresh(B, "100.00"));

        assertThat(waterfall.split(eur("110.00"), positions)).containsExactly(share(B, "100.00", "10.00"));
    }

    @Test
    void rounds_each_investors_cap_down_to_the_cent() {
        // 1.3333 × 100.01 = 133.346333 → 133.34
        assertThat(waterfall("1.3333").cap(eur("100.01"))).isEqualTo(eur("133.34"));
        assertThat(waterfall("1.3333").room(List.of(fresh(A, "100.01"), fresh(B, "100.01")), EUR)).isEqualTo(eur("266.68"));
    }

    @Test
    void refuses_to_split_more_than_the_room_under_the_cap() {
        List<Position> positions = List.of(position(A, "100.00", "100.00", "20.00"), fresh(B, "100.00"));

        assertThatThrownBy(() -> waterfall("1.20").split(eur("120.01"), positions))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount 120.01 EUR exceeds the room of 120.00 EUR left under the return cap");
    }

    @Test
    void gives_nothing_to_investors_without_paid_in_capital() {
        List<DistributionShare> shares = waterfall("1.30").split(eur("10.00"), List.of(fresh(A, "0.00"), fresh(B, "50.00")));

        assertThat(shares).containsExactly(share(B, "10.00", "0.00"));
    }

    @Test
    void does_not_depend_on_the_order_of_the_investors() {
        List<Position> positions = List.of(fresh(A, "33.33"), fresh(B, "66.67"), position(C, "0.01", "0.01", "0.00"));
        List<Position> reversed = List.of(positions.get(2), positions.get(1), positions.get(0));

        // room: 1.20 × 33.33 = 39.996 → 39.99, 1.20 × 66.67 = 80.004 → 80.00, c is at its cap: 119.99
        for (String amount : List.of("0.01", "0.07", "99.99", "100.00", "119.99")) {
            assertThat(waterfall("1.20").split(eur(amount), reversed)).isEqualTo(waterfall("1.20").split(eur(amount), positions));
        }
    }

    @Test
    void refuses_a_cap_multiple_below_one() {
        assertThatThrownBy(() -> waterfall("0.99")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shares_always_sum_to_the_amount_and_respect_every_limit_over_a_sweep_of_amounts() {
        DistributionWaterfall waterfall = waterfall("1.37");
        List<Position> positions = List.of(
                fresh(A, "33.33"),
                position(B, "66.67", "12.34", "0.00"),
                position(C, "0.03", "0.03", "0.01"),
                fresh(InvestorId.of("inv-d"), "123.45"));
        Money room = waterfall.room(positions, EUR);
        // caps (1.37 × paid-in, rounded down): a 45.66, b 91.33, c 0.04, d 169.12; less what each already got:
        // 45.66 + (91.33 − 12.34) + (0.04 − 0.04) + 169.12 = 293.77
        assertThat(room).isEqualTo(eur("293.77"));
        long roomCents = room.amount().movePointRight(2).longValueExact();

        for (long cents = 1; cents <= roomCents; cents++) {
            Money amount = Money.of(BigDecimal.valueOf(cents, 2), EUR);
            List<DistributionShare> shares = waterfall.split(amount, positions);
            assertSplitIsSound(waterfall, amount, positions, shares);
        }
    }

    @Test
    void distributing_the_whole_room_in_instalments_brings_every_investor_exactly_to_the_cap() {
        DistributionWaterfall waterfall = waterfall("1.25");
        List<Position> positions = new ArrayList<>(List.of(fresh(A, "10.01"), fresh(B, "333.33"), fresh(C, "0.07")));
        // instalments of 0.13, 7.77, 0.13, 7.77 ... until the room is used up
        String[] steps = {"0.13", "7.77"};
        for (int i = 0; waterfall.room(positions, EUR).isPositive(); i++) {
            Money room = waterfall.room(positions, EUR);
            Money step = eur(steps[i % 2]);
            Money amount = step.greaterThan(room) ? room : step;
            List<DistributionShare> shares = waterfall.split(amount, positions);
            assertSplitIsSound(waterfall, amount, positions, shares);
            positions = apply(positions, shares);
        }
        for (Position p : positions) {
            assertThat(p.returnedCapital()).isEqualTo(p.paidIn());
            assertThat(p.returnedCapital().plus(p.profit())).isEqualTo(waterfall.cap(p.paidIn()));
        }
    }

    private static List<Position> apply(List<Position> positions, List<DistributionShare> shares) {
        Map<InvestorId, DistributionShare> byInvestor = new HashMap<>();
        shares.forEach(s -> byInvestor.put(s.investorId(), s));
        List<Position> next = new ArrayList<>();
        for (Position p : positions) {
            DistributionShare s = byInvestor.get(p.investorId());
            next.add(s == null ? p : new Position(p.investorId(), p.paidIn(),
                    p.returnedCapital().plus(s.returnOfCapital()), p.profit().plus(s.profit())));
        }
        return next;
    }

    /** The invariants of every split: exact sum, tier order, nobody beyond unreturned capital or cap, no empty shares. */
    private static void assertSplitIsSound(DistributionWaterfall waterfall, Money amount, List<Position> positions,
                                           List<DistributionShare> shares) {
        Money zero = eur("0.00");
        Money sum = shares.stream().map(s -> s.returnOfCapital().plus(s.profit())).reduce(zero, Money::plus);
        assertThat(sum).as("sum of shares of %s", amount).isEqualTo(amount);

        Money unreturned = positions.stream().map(p -> p.paidIn().minus(p.returnedCapital())).reduce(zero, Money::plus);
        Money capital = shares.stream().map(DistributionShare::returnOfCapital).reduce(zero, Money::plus);
        Money expectedCapital = amount.greaterThan(unreturned) ? unreturned : amount;
        assertThat(capital).as("tier 1 of %s", amount).isEqualTo(expectedCapital);

        for (DistributionShare s : shares) {
            Position p = positions.stream().filter(x -> x.investorId().equals(s.investorId())).findFirst().orElseThrow();
            assertThat(s.returnOfCapital().plus(s.profit()).isPositive()).isTrue();
            assertThat(s.returnOfCapital().isNegative() || s.profit().isNegative()).isFalse();
            assertThat(p.returnedCapital().plus(s.returnOfCapital())).as("capital of %s for %s", p.investorId(), amount)
                    .isLessThanOrEqualTo(p.paidIn());
            assertThat(p.returnedCapital().plus(p.profit()).plus(s.returnOfCapital()).plus(s.profit()))
                    .as("total of %s for %s", p.investorId(), amount)
                    .isLessThanOrEqualTo(waterfall.cap(p.paidIn()));
        }
    }
}
