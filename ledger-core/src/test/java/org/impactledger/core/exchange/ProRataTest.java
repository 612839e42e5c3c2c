package org.impactledger.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.impactledger.core.exchange.ProRata.Claim;
import org.impactledger.core.exchange.ProRata.Part;
import org.junit.jupiter.api.Test;

/** The largest-remainder rule that allocates offering units and splits income cents. */
class ProRataTest {

    private static List<Claim<String>> claims(Object... keysAndWeights) {
        List<Claim<String>> claims = new ArrayList<>();
        for (int i = 0; i < keysAndWeights.length; i += 2) {
            claims.add(new Claim<>((String) keysAndWeights[i], ((Number) keysAndWeights[i + 1]).longValue()));
        }
        return claims;
    }

    private static List<Long> parts(long total, List<Claim<String>> claims) {
        return ProRata.split(total, claims).stream().map(Part::part).toList();
    }

    @Test
    void splits_exactly_when_the_shares_are_whole() {
        assertThat(parts(100, claims("a", 1, "b", 3))).containsExactly(25L, 75L);
    }

    @Test
    void gives_what_rounding_down_left_over_to_the_largest_fractions_cut_off() {
        // 100 over 70:50:30 → 46.67, 33.33, 20.00 → 46 + 33 + 20 = 99, the last unit to the 0.67
        assertThat(parts(100, claims("a", 70, "b", 50, "c", 30))).containsExactly(47L, 33L, 20L);
        // 7 over 1:1:1:1 → 1.75 each → 1 each, three left over to the first three (equal fractions)
        assertThat(parts(7, claims("a", 1, "b", 1, "c", 1, "d", 1))).containsExactly(2L, 2L, 2L, 1L);
    }

    @Test
    void breaks_equal_fractions_by_the_order_of_the_claims_not_by_key() {
        assertThat(ProRata.split(10, claims("carla", 5, "anna", 5, "bruno", 5)))
                .containsExactly(new Part<>("carla", 4L), new Part<>("anna", 3L), new Part<>("bruno", 3L));
    }

    @Test
    void gives_nothing_to_a_claim_of_zero_weight() {
        assertThat(parts(10, claims("a", 0, "b", 3))).containsExactly(0L, 10L);
    }

    @Test
    void splits_a_total_of_zero_into_zeros() {
        assertThat(parts(0, claims("a", 1, "b", 2))).containsExactly(0L, 0L);
    }

    @Test
    void refuses_a_positive_total_over_weights_that_are_all_zero_or_a_negative_total() {
        assertThatThrownBy(() -> ProRata.split(5, claims("a", 0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot split 5 over claims whose weights are all zero");
        assertThatThrownBy(() -> ProRata.split(-1, claims("a", 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("total must not be negative, was -1");
    }

    @Test
    void parts_sum_to_the_total_stay_within_one_of_the_exact_share_and_within_the_weight() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            int n = 1 + random.nextInt(12);
            List<Claim<String>> claims = new ArrayList<>();
            long totalWeight = 0;
            for (int i = 0; i < n; i++) {
                long weight = random.nextInt(1000);
                claims.add(new Claim<>("k" + i, weight));
                totalWeight += weight;
            }
            if (totalWeight == 0) {
                continue;
            }
            long total = random.nextInt((int) totalWeight + 1); // never more than the weights, as in an oversubscribed offering
            List<Long> parts = parts(total, claims);
            assertThat(parts.stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
            for (int i = 0; i < n; i++) {
                long weight = claims.get(i).weight();
                BigInteger exactTimesWeight = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weight));
                BigInteger floor = exactTimesWeight.divide(BigInteger.valueOf(totalWeight));
                assertThat(parts.get(i)).isBetween(floor.longValueExact(), floor.longValueExact() + 1).isLessThanOrEqualTo(weight);
            }
        }
    }
}
