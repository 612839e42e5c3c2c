package org.impactledger.projections.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two divisions of the fund performance report: the residual value split, and the multiples. */
class ProRataAndMultiplesTest {

    @Test
    void a_net_asset_value_is_split_pro_rata_to_paid_in_and_the_cents_left_over_go_to_the_largest_remainders() {
        // exact shares 54,000.006 and 36,000.004: rounded down 54,000.00 + 36,000.00, one cent left, to the larger remainder (0.006)
        Map<String, BigDecimal> shares = ProRata.split(new BigDecimal("90000.01"),
                Map.of("inv-a", new BigDecimal("60000.00"), "inv-b", new BigDecimal("40000.00")));

        assertThat(shares).containsExactly(entry("inv-a", new BigDecimal("54000.01")), entry("inv-b", new BigDecimal("36000.00")));
    }

    @Test
    void three_equal_holders_of_one_hundred_euros_get_the_extra_cent_by_holder_id() {
        // 100.00 / 3 = 33.333...: 33.33 each, one cent left; the three remainders are equal, so the first id takes it
        Map<String, BigDecimal> shares = ProRata.split(new BigDecimal("100.00"),
                Map.of("c", BigDecimal.ONE, "a", BigDecimal.ONE, "b", BigDecimal.ONE));

        assertThat(shares).containsExactly(entry("a", new BigDecimal("33.34")), entry("b", new BigDecimal("33.33")),
                entry("c", new BigDecimal("33.33")));
        assertThat(shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100.00");
    }

    @Test
    void a_holder_without_weight_gets_nothing() {
        Map<String, BigDecimal> shares = ProRata.split(new BigDecimal("10.00"),
                Map.of("a", new BigDecimal("0.00"), "b", new BigDecimal("5.00")));

        assertThat(shares).containsExactly(entry("a", new BigDecimal("0.00")), entry("b", new BigDecimal("10.00")));
    }

    @Test
    void multiples_are_rounded_half_even_at_four_decimals_and_tvpi_is_the_sum_of_the_printed_ratios() {
        // 1/3 = 0.33333 → 0.3333; 2/3 = 0.66666 → 0.6667; TVPI 0.3333 + 0.6667 = 1.0000
        Multiples multiples = Multiples.of(new BigDecimal("100.00"), new BigDecimal("200.00"), new BigDecimal("300.00"));

        assertThat(multiples.dpi()).isEqualTo(new BigDecimal("0.3333"));
        assertThat(multiples.rvpi()).isEqualTo(new BigDecimal("0.6667"));
        assertThat(multiples.tvpi()).isEqualTo(new BigDecimal("1.0000"));
    }

    @Test
    void a_tie_at_the_fifth_decimal_rounds_to_the_even_digit() {
        // 0.00125 / 1 → 0.0012 (even), 0.00135 → 0.0014 (even)
        assertThat(Multiples.of(new BigDecimal("0.125"), null, new BigDecimal("100")).dpi()).isEqualTo(new BigDecimal("0.0012"));
        assertThat(Multiples.of(new BigDecimal("0.135"), null, new BigDecimal("100")).dpi()).isEqualTo(new BigDecimal("0.0014"));
    }

    @Test
    void without_paid_in_capital_there_are_no_multiples_and_without_a_valuation_no_rvpi_nor_tvpi() {
        Multiples nothingPaid = Multiples.of(new BigDecimal("0.00"), new BigDecimal("10.00"), new BigDecimal("0.00"));
        assertThat(nothingPaid.dpi()).isNull();
        assertThat(nothingPaid.rvpi()).isNull();
        assertThat(nothingPaid.tvpi()).isNull();

        Multiples noValuation = Multiples.of(new BigDecimal("50.00"), null, new BigDecimal("100.00"));
        assertThat(noValuation.dpi()).isEqualTo(new BigDecimal("0.5000"));
        assertThat(noValuation.rvpi()).isNull();
        assertThat(noValuation.tvpi()).isNull();
    }
}
