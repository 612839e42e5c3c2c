package org.impactledger.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.ok;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.impactledger.api.support.Eventually;
import org.impactledger.api.support.HousingScenario;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The fund performance report through HTTP. Hand count: inv-a pays in 60,000 and inv-b 40,000 on
 * 2026-01-25; 20,000 is distributed on 2027-01-25 (return of capital 12,000 and 8,000); the NAV is
 * 90,000.01 on 2027-01-25. All flows fall on two dates exactly 365 days apart, so the IRR has a
 * closed form: (distributed + NAV) / paid-in − 1.
 */
class FundPerformanceReportTest extends IntegrationTest {

    private DatedLedger distributedAndValued() {
        DatedLedger ledger = DatedLedger.fund(http, unique("perf"));
        ledger.investor("inv-a", "120000.00", "60000.00", "2026-01-25");
        ledger.investor("inv-b", "80000.00", "40000.00", "2026-01-25");
        ledger.distribute("dist-1", "20000.00", "2027-01-25");
        ledger.valuation("90000.01", "2027-01-25");
        return ledger;
    }

    private JsonNode caughtUp(String path) {
        return Eventually.within(java.time.Duration.ofSeconds(15), () -> {
            JsonNode report = ok(http.get(path).send(), 200).json();
            assertThat(report.get("residualValue").isNull()).as("valuation not yet projected").isFalse();
            return report;
        });
    }

    @Test
    void the_fund_report_gives_dpi_rvpi_tvpi_and_an_irr_that_matches_the_closed_form() {
        DatedLedger ledger = distributedAndValued();

        JsonNode fund = caughtUp("/api/reports/fund-performance/" + ledger.fundId);

        assertThat(fund.get("committed").decimalValue()).isEqualByComparingTo("200000.00");
        assertThat(fund.get("paidIn").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(fund.get("distributed").decimalValue()).isEqualByComparingTo("20000.00");
        assertThat(fund.get("residualValue").decimalValue()).isEqualByComparingTo("90000.01");
        // DPI 20,000 / 100,000; RVPI 90,000.01 / 100,000 = 0.9000001 → 0.9000; TVPI = 0.2000 + 0.9000
        assertThat(fund.get("dpi").decimalValue()).isEqualByComparingTo("0.2000");
        assertThat(fund.get("rvpi").decimalValue()).isEqualByComparingTo("0.9000");
        assertThat(fund.get("tvpi").decimalValue()).isEqualByComparingTo("1.1000");
        long days = ChronoUnit.DAYS.between(LocalDate.parse("2026-01-25"), LocalDate.parse("2027-01-25"));
        double closedForm = Math.pow(110000.01 / 100000.00, 365.0 / days) - 1;
        assertThat(fund.get("irr").get("rate").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(closedForm).setScale(6, RoundingMode.HALF_EVEN))
                .isEqualByComparingTo("0.100000");
        assertThat(fund.get("cashFlows")).hasSize(4);
        // the NAV split pro rata to paid-in: 54,000.006 and 36,000.004, the left-over cent to the larger remainder
        JsonNode investors = fund.get("investors");
        assertThat(investors.get(0).get("investorId").asString()).isEqualTo("inv-a");
        assertThat(investors.get(0).get("residualValue").decimalValue()).isEqualByComparingTo("54000.01");
        assertThat(investors.get(1).get("residualValue").decimalValue()).isEqualByComparingTo("36000.00");
    }

    @Test
    void an_investor_sees_its_own_flows_multiples_and_irr() {
        DatedLedger ledger = distributedAndValued();

        JsonNode investor = caughtUp("/api/reports/fund-performance/" + ledger.fundId + "/investors/inv-a");

        assertThat(investor.get("committed").decimalValue()).isEqualByComparingTo("120000.00");
        assertThat(investor.get("paidIn").decimalValue()).isEqualByComparingTo("60000.00");
        assertThat(investor.get("distributed").decimalValue()).isEqualByComparingTo("12000.00");
        assertThat(investor.get("returnOfCapital").decimalValue()).isEqualByComparingTo("12000.00");
        assertThat(investor.get("residualValue").decimalValue()).isEqualByComparingTo("54000.01");
        assertThat(investor.get("residualShare").get("fundPaidIn").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(investor.get("dpi").decimalValue()).isEqualByComparingTo("0.2000");
        assertThat(investor.get("rvpi").decimalValue()).isEqualByComparingTo("0.9000");
        assertThat(investor.get("tvpi").decimalValue()).isEqualByComparingTo("1.1000");
        // (12,000 + 54,000.01) / 60,000 − 1 over exactly 365 days
        assertThat(investor.get("irr").get("rate").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(66000.01 / 60000.00 - 1).setScale(6, RoundingMode.HALF_EVEN));
        JsonNode flows = investor.get("cashFlows");
        assertThat(flows).hasSize(3);
        for (JsonNode flow : flows) {
            assertThat(flow.get("investorId").asString()).isEqualTo("inv-a");
        }
        assertThat(flows.get(0).get("amount").decimalValue()).isEqualByComparingTo("-60000.00");
    }

    @Test
    void as_of_a_date_before_the_distribution_and_the_valuation_there_is_no_residual_value_and_no_irr() {
        DatedLedger ledger = distributedAndValued();
        caughtUp("/api/reports/fund-performance/" + ledger.fundId);

        JsonNode before = ok(http.get("/api/reports/fund-performance/" + ledger.fundId + "?asOf=2026-12-31").send(), 200).json();

        assertThat(before.get("asOf").asString()).isEqualTo("2026-12-31");
        assertThat(before.get("distributed").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(before.get("dpi").decimalValue()).isEqualByComparingTo("0.0000");
        assertThat(before.get("residualValue").isNull()).isTrue();
        assertThat(before.get("rvpi").isNull()).isTrue();
        assertThat(before.get("irr").get("rate").isNull()).isTrue();
        assertThat(before.get("irr").get("reason").asString()).isEqualTo("no sign change in flows");
    }

    @Test
    void unknown_funds_and_investors_are_not_found_and_malformed_values_are_refused_naming_the_field() {
        DatedLedger ledger = DatedLedger.fund(http, unique("perf-bad"));
        ledger.investor("inv-a", "1000.00", "1000.00", "2026-01-25");
        Eventually.holds(() -> ok(http.get("/api/reports/fund-performance/" + ledger.fundId + "/investors/inv-a").send(), 200));

        assertThat(http.get("/api/reports/fund-performance/no-such-fund").send().status()).isEqualTo(404);
        Http.Response stranger = http.get("/api/reports/fund-performance/" + ledger.fundId + "/investors/inv-stranger").send();
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.json().get("code").asString()).isEqualTo("NOT_FOUND");
        assertField(http.get("/api/reports/fund-performance/" + ledger.fundId + "?asOf=2026-02-30").send(), "asOf");
        assertField(http.get("/api/reports/fund-performance/" + ledger.fundId + "?knownAt=yesterday").send(), "knownAt");
        assertField(http.get("/api/reports/fund-performance/bad%20fund").send(), "fundId");
        assertField(http.get("/api/reports/fund-performance/" + ledger.fundId + "/investors/bad%20investor").send(), "investorId");
    }

    /**
     * Fund performance's cash is the fund's own (the fund state's, {@code GET /api/funds/{id}}) for a fund
     * with Outcome Fund flows and Homes4All flows. Hand count: 100,000 paid in; 20,000 advanced; a flat
     * bought for 50,000; rent 400 + 400 collected, the second reversed (rent income 400); two outcome
     * payments of 4,500 received, the second refunded; 10,000 distributed. Cash = 100,000 + 9,000 + 400 −
     * 20,000 − 10,000 − 4,500 − 50,000 = 24,900.
     */
    @Test
    void the_reports_cash_is_the_fund_states_cash_for_a_fund_with_outcome_payments_and_housing_flows() {
        String prefix = unique("perf-mixed");
        DatedLedger ledger = DatedLedger.fundWithContract(http, prefix, "100000.00", "90000.00");
        ledger.advance("adv-1", "20000.00", "2026-02-10");
        HousingScenario housing = HousingScenario.forFund(http, ledger.fundId);
        String flat = prefix + "-flat";
        ok(housing.acquire(housing.property(flat, "6", "50000.00", "2026-02-15", List.of(HousingScenario.unit("A1", "48", 2, "620.00")))), 201);
        ok(housing.sign(flat, HousingScenario.lease("L1", "A1", prefix + "-hh-1", 3, "400.00", "620.00", "2026-03-01")), 201);
        ok(housing.charge(flat, "L1", "2026-03"), 201);
        ok(housing.charge(flat, "L1", "2026-04"), 201);
        ok(housing.collect(flat, "L1", "c-03", "2026-03", "400.00", "2026-03-05"), 201);
        ok(housing.collect(flat, "L1", "c-04", "2026-04", "400.00", "2026-04-05"), 201);
        ok(http.post(HousingScenario.PROPERTIES + "/" + flat + "/rent-collections/c-04/reversal").as("treasurer", "fund-manager")
                .json(java.util.Map.of("reason", "returned by the bank", "reversedOn", "2026-04-20")).send(), 200);
        for (String outcome : List.of("o-1", "o-2")) {
            ledger.reportVerifyApprove(outcome, prefix + "-ben-" + outcome, "2026-08-01", "2026-08-02", "2026-08-03", "2026-08-04");
            ledger.execute(outcome, "BNK-" + outcome, "2026-10-05");
        }
        ledger.reverse("o-2", "the tenancy failed within six months", "2026-10-20");
        ledger.distribute("dist-1", "10000.00", "2026-12-31");
        ledger.valuation("85000.00", "2026-12-31");

        JsonNode performance = Eventually.within(java.time.Duration.ofSeconds(15), () -> {
            JsonNode report = ok(http.get("/api/reports/fund-performance/" + ledger.fundId).send(), 200).json();
            assertThat(report.get("residualValue").isNull()).as("valuation not yet projected").isFalse();
            assertThat(report.get("fundFlows").get("outcomePaymentsRefunded").decimalValue()).isEqualByComparingTo("4500.00");
            return report;
        });
        JsonNode fund = Eventually.within(java.time.Duration.ofSeconds(15), () -> {
            JsonNode view = ok(http.get("/api/funds/" + ledger.fundId).send(), 200).json();
            assertThat(view.get("latestNav").isNull()).as("valuation not yet projected").isFalse();
            return view;
        });

        JsonNode flows = performance.get("fundFlows");
        assertThat(flows.get("cash").decimalValue()).isEqualByComparingTo(fund.get("cash").decimalValue()).isEqualByComparingTo("24900.00");
        assertThat(flows.get("propertyAcquisitions").decimalValue()).isEqualByComparingTo(fund.get("propertyAcquisitions").decimalValue())
                .isEqualByComparingTo("50000.00");
        assertThat(flows.get("rentIncome").decimalValue()).isEqualByComparingTo(fund.get("rentIncome").decimalValue())
                .isEqualByComparingTo("400.00");
        assertThat(flows.get("advanced").decimalValue()).isEqualByComparingTo(fund.get("advanced").decimalValue());
        assertThat(flows.get("outcomePaymentsReceived").decimalValue()).isEqualByComparingTo(fund.get("outcomePaymentsReceived").decimalValue());
        assertThat(flows.get("outcomePaymentsRefunded").decimalValue()).isEqualByComparingTo(fund.get("refunded").decimalValue());
        // rent and the purchase are the fund's flows, not the investors': the IRR is over contributions, distributions, residual value
        List<String> kinds = new java.util.ArrayList<>();
        performance.get("cashFlows").forEach(f -> kinds.add(f.get("kind").asString()));
        assertThat(kinds).containsExactly("CONTRIBUTION", "DISTRIBUTION", "RESIDUAL_VALUE");
        assertThat(performance.get("irr").get("rate").decimalValue()).isCloseTo(ListedFlows.xirr(performance.get("cashFlows")),
                org.assertj.core.api.Assertions.within(new BigDecimal("0.000001")));
        // as of a date before the reversal and the outcome payments: 100,000 − 20,000 − 50,000 + 800 rent
        JsonNode april = ok(http.get("/api/reports/fund-performance/" + ledger.fundId + "?asOf=2026-04-19").send(), 200).json();
        assertThat(april.get("fundFlows").get("cash").decimalValue()).isEqualByComparingTo("30800.00");
        assertThat(april.get("fundFlows").get("rentIncome").decimalValue()).isEqualByComparingTo("800.00");
    }

    /**
     * inv-a pays in 60,000 on 2026-01-25 and inv-b 40,000 on 2026-07-25, so the fund's IRR is not inv-a's;
     * 20,000 is distributed on 2027-01-25 (12,000 and 8,000) and the NAV is 90,000.01 at that date.
     */
    private DatedLedger paidInOnDifferentDates() {
        DatedLedger ledger = DatedLedger.fund(http, unique("perf-dates"));
        ledger.investor("inv-a", "120000.00", "60000.00", "2026-01-25");
        ledger.investor("inv-b", "80000.00", "40000.00", "2026-07-25");
        ledger.distribute("dist-1", "20000.00", "2027-01-25");
        ledger.valuation("90000.01", "2027-01-25");
        return ledger;
    }

    @Test
    void an_investors_own_view_lists_its_flows_and_its_residual_share_and_its_irr_is_the_xirr_of_exactly_those_flows() {
        DatedLedger ledger = paidInOnDifferentDates();
        String path = "/api/reports/fund-performance/" + ledger.fundId + "/investors/inv-a";
        caughtUp(path);

        for (Http.Response response : List.of(http.get(path).send(), http.get(path).as("inv-a", "investor").send())) {
            JsonNode investor = ok(response, 200).json();
            JsonNode flows = investor.get("cashFlows");
            assertThat(flows).hasSize(3);
            assertThat(flows.get(0).get("kind").asString()).isEqualTo("CONTRIBUTION");
            assertThat(flows.get(0).get("amount").decimalValue()).isEqualByComparingTo("-60000.00");
            assertThat(flows.get(1).get("kind").asString()).isEqualTo("DISTRIBUTION");
            assertThat(flows.get(1).get("amount").decimalValue()).isEqualByComparingTo("12000.00");
            // its residual share, not the fund's NAV: 90,000.01 × 60,000 / 100,000 = 54,000.006 → 54,000.01 (the larger remainder)
            assertThat(flows.get(2).get("kind").asString()).isEqualTo("RESIDUAL_VALUE");
            assertThat(flows.get(2).get("date").asString()).isEqualTo("2027-01-25");
            assertThat(flows.get(2).get("amount").decimalValue()).isEqualByComparingTo(investor.get("residualValue").decimalValue())
                    .isEqualByComparingTo("54000.01");
            flows.forEach(f -> assertThat(f.get("investorId").asString()).isEqualTo("inv-a"));
            assertThat(investor.get("irr").get("rate").decimalValue()).isCloseTo(ListedFlows.xirr(flows),
                    org.assertj.core.api.Assertions.within(new BigDecimal("0.000001")));
        }
    }

    /**
     * The fund's report as an investor reads it: the fund's figures, its own investor row only, and cash
     * flows that still give the fund's IRR (the other investors' contributions as unnamed flows of the fund).
     */
    @Test
    void an_investor_reading_the_fund_report_gets_the_funds_irr_and_flows_that_give_it_without_other_investors_names() {
        DatedLedger ledger = paidInOnDifferentDates();
        caughtUp("/api/reports/fund-performance/" + ledger.fundId);
        JsonNode full = ok(http.get("/api/reports/fund-performance/" + ledger.fundId).send(), 200).json();

        JsonNode seen = ok(http.get("/api/reports/fund-performance/" + ledger.fundId).as("inv-a", "investor").send(), 200).json();

        assertThat(seen.get("irr").get("rate").decimalValue()).isEqualByComparingTo(full.get("irr").get("rate").decimalValue());
        assertThat(seen.get("irr").get("rate").decimalValue()).isCloseTo(ListedFlows.xirr(seen.get("cashFlows")),
                org.assertj.core.api.Assertions.within(new BigDecimal("0.000001")));
        assertThat(full.get("irr").get("rate").decimalValue()).isCloseTo(ListedFlows.xirr(full.get("cashFlows")),
                org.assertj.core.api.Assertions.within(new BigDecimal("0.000001")));
        seen.get("cashFlows").forEach(f -> assertThat(f.get("investorId").isNull() || f.get("investorId").asString().equals("inv-a"))
                .as("%s", f).isTrue());
        assertThat(seen.toString()).doesNotContain("inv-b");
        assertThat(seen.get("investors")).hasSize(1);
    }

    static void assertField(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo(field);
    }
}
