package org.impactledger.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.impactledger.api.support.Scenario.ok;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.impactledger.api.demo.DemoHomes4All;
import org.impactledger.api.demo.DemoScenario;
import org.impactledger.api.support.Eventually;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.web.CommandDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The three reports over the demo scenario (seeding is idempotent, so this test and
 * {@code DemoScenarioTest} may both seed it). Hand count from {@link DemoScenario}: 500,000 paid in
 * on 2026-01-25, NAV 519,500 on 2026-12-31, no distribution; Housing First (HF-HOUSED-6M, targets
 * 11.1 and 1.2): 5 of 6 verified, 4 approved, 3 paid × 4,500; youth employment: 5 internships
 * (8.6 and 4.4) verified, approved and paid × 1,200, 3 job retentions (8.5 and 8.6) verified, one
 * approved 900, a fourth only reported.
 */
class DemoReportsTest extends IntegrationTest {

    @Autowired
    CommandDispatcher dispatcher;

    @Test
    void the_demo_fund_reports_its_impact_performance_and_payment_chains() {
        new DemoScenario(dispatcher).seed();
        String fund = DemoScenario.FUND.value();

        JsonNode sdg = Eventually.within(java.time.Duration.ofSeconds(20), () -> {
            JsonNode r = ok(http.get("/api/reports/sdg-impact?fundId=" + fund).send(), 200).json();
            assertThat(r.get("totals").get("verifiedOutcomes").asLong()).isEqualTo(13);
            assertThat(r.get("totals").get("money").get(0).get("approved").decimalValue()).isEqualByComparingTo("24900.00");
            return r;
        });
        // 10 beneficiaries (hf-person-1001..1005, ye-young-2001..2005); 19,500 paid / 13 verified outcomes
        assertThat(sdg.get("totals").get("distinctBeneficiaries").asLong()).isEqualTo(10);
        assertThat(sdg.get("totals").get("money").get(0).get("paid").decimalValue()).isEqualByComparingTo("19500.00");
        assertThat(sdg.get("totals").get("money").get(0).get("costPerVerifiedOutcome").decimalValue()).isEqualByComparingTo("1500.00");
        JsonNode goals = sdg.get("goals");
        assertThat(goals).extracting(g -> g.get("goal").asInt()).containsExactly(1, 4, 8, 11);
        // goal 8: internships (8.6) and job retentions (8.5 and 8.6) — 8 outcomes of 5 young people
        JsonNode work = goals.get(2);
        assertThat(work.get("verifiedOutcomes").asLong()).isEqualTo(8);
        assertThat(work.get("distinctBeneficiaries").asLong()).isEqualTo(5);
        assertThat(work.get("targets")).extracting(t -> t.get("target").asString()).containsExactly("8.5", "8.6");
        JsonNode housed = goals.get(3).get("targets").get(0).get("metrics").get(0);
        assertThat(housed.get("metricCode").asString()).isEqualTo("HF-HOUSED-6M");
        assertThat(housed.get("verifiedOutcomes").asLong()).isEqualTo(5);
        assertThat(housed.get("moneyPaid").decimalValue()).isEqualByComparingTo("13500.00");
        assertThat(housed.get("costPerVerifiedOutcome").decimalValue()).isEqualByComparingTo("2700.00");

        JsonNode performance = Eventually.within(java.time.Duration.ofSeconds(20), () -> {
            JsonNode p = ok(http.get("/api/reports/fund-performance/" + fund).send(), 200).json();
            assertThat(p.get("fundFlows").get("outcomePaymentsReceived").decimalValue()).isEqualByComparingTo("19500.00");
            assertThat(p.get("residualValue").isNull()).isFalse();
            return p;
        });
        assertThat(performance.get("paidIn").decimalValue()).isEqualByComparingTo("500000.00");
        assertThat(performance.get("residualValue").decimalValue()).isEqualByComparingTo("519500.00");
        assertThat(performance.get("dpi").decimalValue()).isEqualByComparingTo("0.0000");
        assertThat(performance.get("rvpi").decimalValue()).isEqualByComparingTo("1.0390");
        assertThat(performance.get("tvpi").decimalValue()).isEqualByComparingTo("1.0390");
        long days = ChronoUnit.DAYS.between(LocalDate.parse("2026-01-25"), LocalDate.parse("2026-12-31"));
        assertThat(performance.get("irr").get("rate").decimalValue()).isEqualByComparingTo(
                BigDecimal.valueOf(Math.pow(519500.0 / 500000.0, 365.0 / days) - 1).setScale(6, RoundingMode.HALF_EVEN));
        assertThat(performance.get("fundFlows").get("cash").decimalValue()).isEqualByComparingTo("339500.00");
        assertThat(performance.get("outcomes").get("verifiedOutcomes").asLong()).isEqualTo(13);
        assertThat(performance.get("outcomes").get("costPerVerifiedOutcome").decimalValue()).isEqualByComparingTo("1500.00");
        JsonNode housing = performance.get("contracts").get(0);
        assertThat(housing.get("contractId").asString()).isEqualTo(DemoScenario.HOUSING_FIRST.value());
        assertThat(housing.get("approved").decimalValue()).isEqualByComparingTo("18000.00");
        assertThat(housing.get("remaining").decimalValue()).isEqualByComparingTo("282000.00");
        JsonNode cityBudget = performance.get("budgets").get(0);
        assertThat(cityBudget.get("payerId").asString()).isEqualTo("city-of-turin");
        assertThat(cityBudget.get("reserved").decimalValue()).isEqualByComparingTo("4500.00");
        assertThat(cityBudget.get("paid").decimalValue()).isEqualByComparingTo("13500.00");
        assertThat(cityBudget.get("remaining").decimalValue()).isEqualByComparingTo("382000.00");
        // 519,500 × 300,000 / 500,000
        JsonNode nord = ok(http.get("/api/reports/fund-performance/" + fund + "/investors/investor-foundation-nord").send(), 200).json();
        assertThat(nord.get("residualValue").decimalValue()).isEqualByComparingTo("311700.00");
        // its IRR is the XIRR of its own flows: −300,000 on 2026-01-25 and its residual share +311,700 at the valuation date
        JsonNode nordAsItself = ok(http.get("/api/reports/fund-performance/" + fund + "/investors/investor-foundation-nord")
                .as("investor-foundation-nord", "investor").send(), 200).json();
        for (JsonNode view : java.util.List.of(nord, nordAsItself)) {
            JsonNode flows = view.get("cashFlows");
            assertThat(flows).hasSize(2);
            assertThat(flows.get(0).get("date").asString()).isEqualTo("2026-01-25");
            assertThat(flows.get(0).get("amount").decimalValue()).isEqualByComparingTo("-300000.00");
            assertThat(flows.get(1).get("kind").asString()).isEqualTo("RESIDUAL_VALUE");
            assertThat(flows.get(1).get("date").asString()).isEqualTo("2026-12-31");
            assertThat(flows.get(1).get("amount").decimalValue()).isEqualByComparingTo("311700.00");
            assertThat(view.get("irr").get("rate").decimalValue()).isCloseTo(ListedFlows.xirr(flows), within(new BigDecimal("0.000001")));
        }
        // the fund's report as the investor reads it: the fund's IRR, over flows that give it
        JsonNode fundAsNord = ok(http.get("/api/reports/fund-performance/" + fund).as("investor-foundation-nord", "investor").send(), 200)
                .json();
        assertThat(fundAsNord.get("irr").get("rate").decimalValue()).isEqualByComparingTo(performance.get("irr").get("rate").decimalValue());
        assertThat(fundAsNord.get("irr").get("rate").decimalValue()).isCloseTo(ListedFlows.xirr(fundAsNord.get("cashFlows")),
                within(new BigDecimal("0.000001")));

        JsonNode chain = Eventually.within(java.time.Duration.ofSeconds(20), () ->
                ok(http.get("/api/reports/outcome-payments/" + DemoScenario.HOUSING_FIRST.value() + "/hf-1").send(), 200).json());
        assertThat(chain.get("status").asString()).isEqualTo("PAID");
        assertThat(chain.get("verification").get("verifiedBy").asString()).isEqualTo("verifier-valuta-impatto");
        assertThat(chain.get("transfers").get(0).get("bankReference").asString()).isEqualTo("IT-TO-2026-10-HF-1");
        JsonNode payments = ok(http.get("/api/reports/outcome-payments?fundId=" + fund).send(), 200).json();
        assertThat(payments.get("total").asLong()).isEqualTo(10);
    }

    /**
     * Fund performance's cash is the fund's cash for both demo funds: the Outcome Fund's 339,500.00 and
     * Homes4All's 174,210.00 (1,750,000.00 paid in − 1,585,000.00 for five buildings + 9,210.00 rent net
     * of the returned direct debit), with the housing flows in the report's fund flows.
     */
    @Test
    void the_demo_funds_performance_shows_the_same_cash_as_the_funds_themselves() {
        new DemoScenario(dispatcher).seed();

        for (String fund : java.util.List.of(DemoScenario.FUND.value(), DemoHomes4All.FUND.value())) {
            Eventually.within(java.time.Duration.ofSeconds(20), () -> {
                JsonNode state = ok(http.get("/api/funds/" + fund).send(), 200).json();
                JsonNode flows = ok(http.get("/api/reports/fund-performance/" + fund).send(), 200).json().get("fundFlows");
                assertThat(flows.get("cash").decimalValue()).as(fund).isEqualByComparingTo(state.get("cash").decimalValue());
                assertThat(flows.get("propertyAcquisitions").decimalValue()).as(fund)
                        .isEqualByComparingTo(state.get("propertyAcquisitions").decimalValue());
                assertThat(flows.get("rentIncome").decimalValue()).as(fund).isEqualByComparingTo(state.get("rentIncome").decimalValue());
                assertThat(flows.get("cash").decimalValue()).as(fund)
                        .isEqualByComparingTo(fund.equals(DemoScenario.FUND.value()) ? "339500.00" : "174210.00");
                return flows;
            });
        }
        JsonNode homes = ok(http.get("/api/reports/fund-performance/" + DemoHomes4All.FUND.value()).send(), 200).json().get("fundFlows");
        assertThat(homes.get("propertyAcquisitions").decimalValue()).isEqualByComparingTo("1585000.00");
        assertThat(homes.get("rentIncome").decimalValue()).isEqualByComparingTo("9210.00");
    }

    /**
     * The Homes4All slice in the SDG report (hand count in {@code DemoScenarioTest}): seven households
     * housed, one exit to autonomy, and 23 months of rent charged (c1, c2, v1: March–June, 4 each; c4,
     * v2, n1: April–June, 3 each; n2: May–June, 2), each a month of stable housing.
     */
    @Test
    void the_demo_housing_fund_reports_households_housed_and_exits_to_autonomy_in_the_sdg_report() {
        new DemoScenario(dispatcher).seed();
        String path = "/api/reports/sdg-impact?programme=HOMES4ALL&fundId=" + DemoHomes4All.FUND.value();

        JsonNode sdg = Eventually.within(java.time.Duration.ofSeconds(20), () -> {
            JsonNode r = ok(http.get(path).send(), 200).json();
            assertThat(r.get("totals").get("verifiedOutcomes").asLong()).isEqualTo(7 + 1 + 23);
            return r;
        });

        JsonNode housing = sdg.get("goals").get(1).get("targets").get(0);
        assertThat(housing.get("target").asString()).isEqualTo("11.1");
        java.util.Map<String, JsonNode> metrics = new java.util.HashMap<>();
        housing.get("metrics").forEach(m -> metrics.put(m.get("metricCode").asString(), m));
        assertThat(metrics.get("HOUSING.HOUSEHOLDS_HOUSED").get("verifiedOutcomes").asLong()).isEqualTo(7);
        assertThat(metrics.get("HOUSING.HOUSEHOLDS_HOUSED").get("distinctBeneficiaries").asLong()).isEqualTo(7);
        assertThat(metrics.get("HOUSING.EXITS_TO_AUTONOMY").get("verifiedOutcomes").asLong()).isEqualTo(1);
        assertThat(metrics.get("HOUSING.STABLE_HOUSING_MONTHS").get("verifiedQuantity").decimalValue()).isEqualByComparingTo("23");
        assertThat(sdg.get("totals").get("distinctBeneficiaries").asLong()).isEqualTo(7);
        assertThat(sdg.get("totals").get("money")).isEmpty();
    }

    @Test
    void the_demo_funds_journal_balances_and_its_audit_trail_verifies() {
        new DemoScenario(dispatcher).seed();
        JsonNode eur = Eventually.within(java.time.Duration.ofSeconds(20), () -> {
            JsonNode trial = ok(http.get("/api/funds/" + DemoScenario.FUND.value() + "/trial-balance").send(), 200).json();
            assertThat(trial.get("balanced").asBoolean()).isTrue();
            JsonNode book = trial.get("currencies").get(0);
            assertThat(book.get("difference").decimalValue()).isEqualByComparingTo("0");
            java.util.Map<String, BigDecimal> balances = new java.util.HashMap<>();
            book.get("accounts").forEach(a -> balances.put(a.get("account").asString(), a.get("balance").decimalValue()));
            // cash: 500,000 paid in − 180,000 advanced + 19,500 outcome payments received
            assertThat(balances.get("1000")).isEqualByComparingTo("339500.00");
            return book;
        });
        assertThat(eur.get("totalDebits").decimalValue()).isEqualByComparingTo(eur.get("totalCredits").decimalValue());
        java.util.Map<String, BigDecimal> balances = new java.util.HashMap<>();
        eur.get("accounts").forEach(a -> balances.put(a.get("account").asString(), a.get("balance").decimalValue()));
        // approved, not yet transferred: hf-4 (4,500) and ye-job-q3-1 (900)
        assertThat(balances.get("1500")).isEqualByComparingTo("5400.00");
        assertThat(balances.get("1400")).isEqualByComparingTo("180000.00");
        assertThat(ok(http.get("/api/journal/check").send(), 200).json().get("balanced").asBoolean()).isTrue();

        JsonNode verified = Eventually.within(java.time.Duration.ofSeconds(20), () -> {
            JsonNode report = ok(http.get("/api/audit/verify").send(), 200).json();
            assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
            assertThat(report.get("headIndex").asLong()).isGreaterThanOrEqualTo(
                    jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single());
            return report;
        });
        assertThat(verified.get("firstMismatch").isNull()).isTrue();
    }
}
