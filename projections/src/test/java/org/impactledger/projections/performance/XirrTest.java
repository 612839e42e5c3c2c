package org.impactledger.projections.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * XIRR against values computed without it: the spreadsheet documentation's example, closed forms
 * for two flows ((1 + r)^(days/365) = end/start), and rates found by a separate bisection script
 * (Python, 300 halvings of [-0.99, 10]) for flows with several dates.
 */
class XirrTest {

    private static DatedFlow flow(String date, String amount) {
        return new DatedFlow(LocalDate.parse(date), new BigDecimal(amount));
    }

    @Test
    void the_spreadsheet_example_gives_37_34_percent() {
        XirrResult result = Xirr.solve(List.of(
                flow("2008-01-01", "-10000"),
                flow("2008-03-01", "2750"),
                flow("2008-10-30", "4250"),
                flow("2009-02-15", "3250"),
                flow("2009-04-01", "2750")));

        // documented result 0.373362535; to six decimals 0.373363
        assertThat(result.rate()).isEqualByComparingTo("0.373363");
        assertThat(result.reason()).isNull();
        assertThat(result.method()).isEqualTo("newton");
    }

    @Test
    void two_flows_over_a_leap_year_match_the_closed_form() {
        // 731 days from 2020-01-01 to 2022-01-01 (2020 is a leap year): r = 1.21^(365/731) − 1
        long days = ChronoUnit.DAYS.between(LocalDate.parse("2020-01-01"), LocalDate.parse("2022-01-01"));
        double closedForm = Math.pow(1.21, 365.0 / days) - 1;

        XirrResult result = Xirr.solve(List.of(flow("2020-01-01", "-1000"), flow("2022-01-01", "1210")));

        assertThat(days).isEqualTo(731);
        assertThat(result.rate()).isEqualByComparingTo(BigDecimal.valueOf(closedForm).setScale(6, RoundingMode.HALF_EVEN));
        assertThat(result.rate()).isEqualByComparingTo("0.099857");
    }

    @Test
    void losing_a_fifth_in_exactly_365_days_is_minus_20_percent() {
        XirrResult result = Xirr.solve(List.of(flow("2021-01-01", "-1000"), flow("2022-01-01", "800")));

        assertThat(result.rate()).isEqualByComparingTo("-0.200000");
    }

    @Test
    void a_negative_rate_over_several_dated_flows_matches_an_independent_bisection() {
        XirrResult result = Xirr.solve(List.of(
                flow("2024-01-15", "-5000"),
                flow("2024-07-01", "-2500"),
                flow("2025-03-31", "1000"),
                flow("2026-01-15", "5200")));

        assertThat(result.rate()).isEqualByComparingTo("-0.104584");
    }

    @Test
    void the_order_of_the_flows_does_not_matter() {
        List<DatedFlow> inOrder = List.of(flow("2026-01-30", "-300000"), flow("2026-01-31", "-200000"),
                flow("2026-06-30", "50000"), flow("2026-06-30", "460000"));
        List<DatedFlow> shuffled = List.of(inOrder.get(3), inOrder.get(1), inOrder.get(2), inOrder.get(0));

        assertThat(Xirr.solve(inOrder).rate()).isEqualByComparingTo("0.049165");
        assertThat(Xirr.solve(shuffled).rate()).isEqualByComparingTo("0.049165");
    }

    @Test
    void flows_of_one_sign_have_no_rate_and_say_why() {
        XirrResult result = Xirr.solve(List.of(flow("2026-01-01", "-100"), flow("2026-06-01", "-50")));

        assertThat(result.rate()).isNull();
        assertThat(result.reason()).isEqualTo("no sign change in flows");
    }

    @Test
    void one_flow_or_none_has_no_rate_and_zero_amounts_do_not_count_as_flows() {
        assertThat(Xirr.solve(List.of()).reason()).isEqualTo("fewer than two flows");
        assertThat(Xirr.solve(List.of(flow("2026-01-01", "-100"))).reason()).isEqualTo("fewer than two flows");
        assertThat(Xirr.solve(List.of(flow("2026-01-01", "-100"), flow("2026-06-01", "0.00"))).reason())
                .isEqualTo("fewer than two flows");
    }

    @Test
    void flows_whose_net_present_value_never_reaches_zero_say_that_the_solver_did_not_converge() {
        // 100 − 250/(1+r) + 160/(1+r)²: as a quadratic in 1/(1+r) its discriminant 250² − 4·160·100 is negative
        XirrResult result = Xirr.solve(List.of(flow("2025-01-01", "100"), flow("2026-01-01", "-250"), flow("2027-01-01", "160")));

        assertThat(result.rate()).isNull();
        assertThat(result.reason()).startsWith("did not converge in 50 iterations");
    }

    @Test
    void a_heavy_loss_that_sends_newton_below_minus_100_percent_is_found_by_bisection() {
        // from 10 %, the first Newton step lands at −59.3 (NPV −98.18, slope −1.65): below −100 %, so the grid and bisection take over
        XirrResult result = Xirr.solve(List.of(flow("2021-01-01", "-100"), flow("2022-01-01", "2")));

        assertThat(result.method()).isEqualTo("bisection");
        assertThat(result.rate()).isEqualByComparingTo("-0.980000");
    }
}
