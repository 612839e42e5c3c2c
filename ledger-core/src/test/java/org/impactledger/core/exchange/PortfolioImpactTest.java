package org.impactledger.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.impactledger.core.exchange.ExchangeTestData.BOND;
import static org.impactledger.core.exchange.ExchangeTestData.SHARE;
import static org.impactledger.core.exchange.ExchangeTestData.eur;

import java.math.BigDecimal;
import java.util.List;
import org.impactledger.core.exchange.PortfolioImpact.AttributedOutcome;
import org.impactledger.core.exchange.PortfolioImpact.Position;
import org.impactledger.core.exchange.PortfolioImpact.VerifiedOutcome;
import org.impactledger.core.shared.InstrumentId;
import org.junit.jupiter.api.Test;

/** The share of an issuer's verified outcomes attributable to an investor's holdings. */
class PortfolioImpactTest {

    private static final String HOUSED = "HOUSEHOLDS_HOUSED";
    private static final String MONTHS = "MONTHS_STABLE_HOUSING";

    private static VerifiedOutcome outcome(String metric, String target, String period, String quantity) {
        return new VerifiedOutcome(metric, target, period, new BigDecimal(quantity));
    }

    private static AttributedOutcome attributed(String metric, String target, String period, String verified, String attributed) {
        return new AttributedOutcome(metric, target, period, new BigDecimal(verified), new BigDecimal(attributed));
    }

    @Test
    void an_investor_holding_a_quarter_of_the_units_is_attributed_a_quarter_of_each_verified_outcome() {
        List<Position> positions = List.of(new Position(SHARE, 250, 1000, eur("10000")));

        PortfolioImpact.Attribution attribution = PortfolioImpact.attribute(positions, List.of(
                outcome(HOUSED, "11.1", "2025-Q1", "12"), outcome(MONTHS, "1.4", "2025-Q1", "3"), outcome(HOUSED, "11.1", "2025-Q1", "8")));

        assertThat(attribution.share()).isEqualByComparingTo("0.25");
        assertThat(attribution.outcomes()).containsExactly(
                attributed(HOUSED, "11.1", "2025-Q1", "20", "5.0000"),
                attributed(MONTHS, "1.4", "2025-Q1", "3", "0.7500"));
    }

    @Test
    void attributions_are_rounded_down_so_that_holders_never_claim_more_than_was_verified() {
        List<VerifiedOutcome> outcomes = List.of(outcome(HOUSED, "11.1", "2025", "10"));
        BigDecimal total = BigDecimal.ZERO;
        for (long units : new long[] {1, 1, 1}) {
            PortfolioImpact.Attribution attribution = PortfolioImpact.attribute(List.of(new Position(SHARE, units, 3, eur("30"))), outcomes);
            assertThat(attribution.share()).isEqualByComparingTo("0.33333333");
            assertThat(attribution.outcomes().get(0).attributedQuantity()).isEqualByComparingTo("3.3333");
            total = total.add(attribution.outcomes().get(0).attributedQuantity());
        }
        assertThat(total).isEqualByComparingTo("9.9999");
    }

    /**
     * The issuer raised 10 000 EUR with its share and 30 000 EUR with its bond, so the share carries a
     * quarter of its outcomes and the bond three quarters. 10% of the shares and 50% of the bonds:
     * 0.10 × 0.25 + 0.50 × 0.75 = 0.40.
     */
    @Test
    void an_issuer_with_several_instruments_splits_its_outcomes_by_the_capital_each_raised() {
        List<Position> positions = List.of(new Position(SHARE, 100, 1000, eur("10000")), new Position(BOND, 150, 300, eur("30000")));

        PortfolioImpact.Attribution attribution = PortfolioImpact.attribute(positions, List.of(outcome(HOUSED, "11.1", "2025", "50")));

        assertThat(attribution.share()).isEqualByComparingTo("0.4");
        assertThat(attribution.outcomes()).containsExactly(attributed(HOUSED, "11.1", "2025", "50", "20.0000"));
    }

    @Test
    void the_shares_of_all_holders_of_an_issuer_add_up_to_one() {
        // holders X, Y, Z of 1000 shares (raised 10 000) and 300 bonds (raised 30 000)
        long[][] holdings = {{700, 0}, {300, 100}, {0, 200}};
        BigDecimal sum = BigDecimal.ZERO;
        for (long[] h : holdings) {
            sum = sum.add(PortfolioImpact.share(List.of(new Position(SHARE, h[0], 1000, eur("10000")), new Position(BOND, h[1], 300, eur("30000")))));
        }
        // 0.175 + (0.075 + 0.25) + 0.5 = 1
        assertThat(sum).isEqualByComparingTo("1");
    }

    @Test
    void an_instrument_with_no_units_outstanding_carries_no_weight() {
        List<Position> positions = List.of(new Position(SHARE, 10, 40, eur("400")), new Position(InstrumentId.of("H4A-BOND-NEW"), 0, 0, eur("0")));

        assertThat(PortfolioImpact.share(positions)).isEqualByComparingTo("0.25");
    }

    @Test
    void an_investor_without_units_is_attributed_nothing() {
        PortfolioImpact.Attribution attribution = PortfolioImpact.attribute(List.of(new Position(SHARE, 0, 1000, eur("10000"))),
                List.of(outcome(HOUSED, "11.1", "2025", "12")));

        assertThat(attribution.share()).isEqualByComparingTo("0");
        assertThat(attribution.outcomes()).containsExactly(attributed(HOUSED, "11.1", "2025", "12", "0.0000"));
    }

    @Test
    void refuses_more_units_than_are_outstanding() {
        assertThatThrownBy(() -> new Position(SHARE, 11, 10, eur("100"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("units 11 of H4A-SHARE must be between 0 and units outstanding 10");
    }
}
