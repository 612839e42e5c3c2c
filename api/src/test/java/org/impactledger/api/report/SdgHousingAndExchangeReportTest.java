package org.impactledger.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.HousingScenario.lease;
import static org.impactledger.api.support.HousingScenario.unit;
import static org.impactledger.api.support.Scenario.ok;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.impactledger.api.support.Eventually;
import org.impactledger.api.support.ExchangeScenario;
import org.impactledger.api.support.HousingScenario;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.support.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Homes4All and exchange outcomes in the SDG impact report through HTTP ({@code programme=HOMES4ALL},
 * {@code programme=EXCHANGE}).
 *
 * <p>Hand count of the housing flow: property p1 of the fund; L1 (hh-1, from 2026-02-15) charged
 * February and March, April charged and cancelled; L2 (hh-2, from 2026-03-01) charged March, ended
 * 2026-03-31 moving to autonomous housing. So 2 households housed (11.1, 1.4), 1 exit to autonomy
 * (1.2, 11.1) and 3 months of stable housing (11.1): 6 outcomes, 2 households. Exchange flow: o-1
 * (JOBS, 8.5, 10) verified at 8, o-2 (JOBS, 8.5, 4) rejected, o-3 (INCLUSION, 10.2, 6) only reported.
 */
class SdgHousingAndExchangeReportTest extends IntegrationTest {

    private static final String HOUSED = "HOUSING.HOUSEHOLDS_HOUSED";
    private static final String EXITS = "HOUSING.EXITS_TO_AUTONOMY";
    private static final String MONTHS = "HOUSING.STABLE_HOUSING_MONTHS";

    @Test
    void homes4all_reports_households_housed_exits_to_autonomy_and_months_of_stable_housing() {
        String p = unique("sdg-h4a");
        HousingScenario s = HousingScenario.fundWithCash(http, p, "500000.00");
        String property = p + "-p1";
        ok(s.acquire(s.property(property, "6", "300000.00", "2026-02-01", List.of(unit("A", "50", 2, "700.00"), unit("B", "40", 2, "600.00")))), 201);
        ok(s.sign(property, lease("L1", "A", p + "-hh-1", 3, "400.00", "700.00", "2026-02-15")), 201);
        ok(s.sign(property, lease("L2", "B", p + "-hh-2", 2, "350.00", "600.00", "2026-03-01")), 201);
        ok(s.charge(property, "L1", "2026-02"), 201);
        ok(s.charge(property, "L1", "2026-03"), 201);
        ok(s.charge(property, "L2", "2026-03"), 201);
        ok(s.charge(property, "L1", "2026-04"), 201);
        ok(http.post(HousingScenario.PROPERTIES + "/" + property + "/leases/L1/rent-charges/2026-04/cancellation")
                .as("fund-manager", "fund-manager").json(Map.of("reason", "charged twice")).send(), 200);
        ok(http.post(HousingScenario.PROPERTIES + "/" + property + "/leases/L2/end").as("fund-manager", "fund-manager")
                .json(Map.of("endDate", "2026-03-31", "reason", "MOVED_TO_AUTONOMOUS_HOUSING")).send(), 200);
        String path = "/api/reports/sdg-impact?programme=HOMES4ALL&fundId=" + s.fundId;

        JsonNode report = Eventually.within(Duration.ofSeconds(15), () -> {
            // 6 outcomes is also the count before the exit and the cancellation arrive (2 + 0 + 4): wait for the exit too
            JsonNode r = ok(http.get(path).send(), 200).json();
            assertThat(r.get("totals").get("verifiedOutcomes").asLong()).isEqualTo(6);
            assertThat(r.get("goals").get(0).get("verifiedOutcomes").asLong()).isEqualTo(3);
            return r;
        });

        assertThat(report.get("filters").get("programme").asString()).isEqualTo("HOMES4ALL");
        assertThat(report.get("totals").get("distinctBeneficiaries").asLong()).isEqualTo(2);
        assertThat(report.get("totals").get("money")).isEmpty();
        JsonNode goals = report.get("goals");
        assertThat(goals).hasSize(2);
        // goal 1: 1.2 (the exit) and 1.4 (the two households housed)
        assertThat(goals.get(0).get("goal").asInt()).isEqualTo(1);
        assertThat(goals.get(0).get("verifiedOutcomes").asLong()).isEqualTo(3);
        assertThat(metricCodes(goals.get(0).get("targets").get(0))).containsExactly(EXITS);
        assertThat(goals.get(0).get("targets").get(1).get("target").asString()).isEqualTo("1.4");
        assertThat(metricCodes(goals.get(0).get("targets").get(1))).containsExactly(HOUSED);
        // goal 11, target 11.1: all six
        JsonNode housing = goals.get(1).get("targets").get(0);
        assertThat(housing.get("target").asString()).isEqualTo("11.1");
        assertThat(housing.get("verifiedOutcomes").asLong()).isEqualTo(6);
        assertThat(metricCodes(housing)).containsExactly(EXITS, HOUSED, MONTHS);
        JsonNode months = housing.get("metrics").get(2);
        assertThat(months.get("verifiedQuantity").decimalValue()).isEqualByComparingTo("3");
        assertThat(months.get("distinctBeneficiaries").asLong()).isEqualTo(2);
        assertThat(months.get("moneyPaid").isNull()).as("no outcome payment, no money figures").isTrue();
        assertThat(months.get("moneyApproved").isNull()).as("no outcome payment, no money figures").isTrue();
        assertThat(months.get("costPerVerifiedOutcome").isNull()).as("no outcome payment, no cost").isTrue();
        assertThat(months.get("currency").isNull()).isTrue();

        // as of 2026-03-15: both housed, February and the two March months; the exit (2026-03-31) not yet
        JsonNode midMarch = ok(http.get(path + "&asOf=2026-03-15").send(), 200).json();
        assertThat(midMarch.get("totals").get("verifiedOutcomes").asLong()).isEqualTo(5);
        // the payer filter leaves housing out: there is no payer (not even one with a budget in this fund)
        String payer = p + "-payer";
        ok(http.post("/api/funds/" + s.fundId + "/budgets").as("officer-" + payer, "outcome-payer", Map.of("payer_id", payer))
                .json(Map.of("budgetId", payer + "-budget", "payerId", payer, "amount", Scenario.money("1000.00"), "valueDate", "2026-01-15"))
                .send(), 201);
        Eventually.holds(() -> assertThat(ok(http.get(path + "&payerId=" + payer).send(), 200).json().get("goals")).isEmpty());
        // and the Outcome Fund has nothing of this fund
        assertThat(ok(http.get("/api/reports/sdg-impact?programme=OUTCOME_FUND&fundId=" + s.fundId).send(), 200).json().get("goals")).isEmpty();
    }

    @Test
    void the_exchange_reports_verified_issuer_outcomes_with_the_issuer_as_the_contract() {
        ExchangeScenario s = ExchangeScenario.issuerWithShare(http, unique("sdg-x"));
        ok(s.reportOutcome("o-1", "JOBS", "8.5", "10", ExchangeScenario.ISSUER_OFFICER), 201);
        ok(s.reportOutcome("o-2", "JOBS", "8.5", "4", ExchangeScenario.ISSUER_OFFICER), 201);
        ok(s.reportOutcome("o-3", "INCLUSION", "10.2", "6", ExchangeScenario.ISSUER_OFFICER), 201);
        ok(s.verifyOutcome("o-1", "8", ExchangeScenario.VERIFIER), 200);
        ok(http.post("/api/exchange/issuers/" + s.issuerId + "/outcomes/o-2/rejection").as(ExchangeScenario.VERIFIER, "verifier")
                .json(Map.of("reason", "no evidence")).send(), 200);
        String path = "/api/reports/sdg-impact?programme=EXCHANGE&contractId=" + s.issuerId;

        JsonNode report = Eventually.within(Duration.ofSeconds(15), () -> {
            JsonNode r = ok(http.get(path).send(), 200).json();
            assertThat(r.get("totals").get("verifiedOutcomes").asLong()).isEqualTo(1);
            assertThat(r.get("goals")).hasSize(2);
            return r;
        });

        JsonNode jobs = report.get("goals").get(0).get("targets").get(0).get("metrics").get(0);
        assertThat(report.get("goals").get(0).get("goal").asInt()).isEqualTo(8);
        assertThat(jobs.get("metricCode").asString()).isEqualTo("JOBS");
        assertThat(jobs.get("verifiedOutcomes").asLong()).isEqualTo(1);
        assertThat(jobs.get("verifiedQuantity").decimalValue()).isEqualByComparingTo("8");
        assertThat(jobs.get("distinctBeneficiaries").asLong()).isZero();
        JsonNode inclusion = report.get("goals").get(1).get("targets").get(0);
        assertThat(inclusion.get("target").asString()).isEqualTo("10.2");
        assertThat(inclusion.get("verifiedOutcomes").asLong()).as("reported, not verified").isZero();
        assertThat(report.get("totals").get("money")).isEmpty();
        // 2026-Q1 ends on 2026-03-31, the outcomes' date
        assertThat(ok(http.get(path + "&periodFrom=2026-Q2").send(), 200).json().get("goals")).isEmpty();

        Http.Response csv = ok(http.get(path + "&format=csv").send(), 200);
        assertThat(csv.body()).contains("\r\n8,Decent work and economic growth,8.5,").contains(",JOBS,,1,8,0,,,\r\n");
    }

    private static List<String> metricCodes(JsonNode target) {
        List<String> codes = new ArrayList<>();
        target.get("metrics").forEach(m -> codes.add(m.get("metricCode").asString()));
        return codes;
    }
}
