package org.impactledger.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.ok;

import java.util.List;
import java.util.Map;
import org.impactledger.api.support.Eventually;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.HousingScenario;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.support.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The SDG impact report through HTTP. Scenario's contract pays HOUSED-6M (4,500, targets 11.1 and
 * 1.2) and JOB-QUARTER (900, target 8.5). Hand count of the flow below: HOUSED-6M o-1 (ben-1) paid,
 * o-2 (ben-2) approved; JOB-QUARTER o-3 (ben-3) only reported, o-4 (ben-1) paid.
 */
class SdgImpactReportTest extends IntegrationTest {

    private Scenario paidAndApprovedOutcomes() {
        Scenario s = Scenario.fundWithContract(http, unique("sdg"), "50000.00", "30000.00");
        ok(s.reportVerifyApprove("o-1", "ben-1", "HOUSED-6M", "2026-Q3"), 200);
        ok(s.execute("o-1", "IT-SDG-1"), 200);
        ok(s.reportVerifyApprove("o-2", "ben-2", "HOUSED-6M", "2026-Q3"), 200);
        ok(s.report("o-3", "ben-3", "JOB-QUARTER", "2026-Q3", "2026-08-01"), 201);
        ok(s.reportVerifyApprove("o-4", "ben-1", "JOB-QUARTER", "2026-Q3"), 200);
        ok(s.execute("o-4", "IT-SDG-4"), 200);
        return s;
    }

    @Test
    void the_report_counts_verified_outcomes_beneficiaries_and_money_per_goal_target_and_metric() {
        Scenario s = paidAndApprovedOutcomes();

        JsonNode report = Eventually.within(java.time.Duration.ofSeconds(15), () -> {
            JsonNode r = ok(http.get("/api/reports/sdg-impact?contractId=" + s.contractId).send(), 200).json();
            assertThat(r.get("totals").get("verifiedOutcomes").asLong()).isEqualTo(3);
            assertThat(r.get("totals").get("money").get(0).get("paid").decimalValue()).isEqualByComparingTo("5400.00");
            return r;
        });

        JsonNode goals = report.get("goals");
        assertThat(goals).hasSize(3);
        assertThat(goals.get(0).get("goal").asInt()).isEqualTo(1);
        assertThat(goals.get(0).get("label").asString()).isEqualTo("No poverty");
        assertThat(goals.get(1).get("goal").asInt()).isEqualTo(8);
        assertThat(goals.get(2).get("goal").asInt()).isEqualTo(11);

        // 1.2 and 11.1: o-1 and o-2 verified (ben-1, ben-2); approved 2 × 4,500, paid 4,500; 4,500 / 2 verified units
        for (JsonNode goal : new JsonNode[] {goals.get(0), goals.get(2)}) {
            JsonNode housed = goal.get("targets").get(0).get("metrics").get(0);
            assertThat(housed.get("metricCode").asString()).isEqualTo("HOUSED-6M");
            assertThat(housed.get("verifiedOutcomes").asLong()).isEqualTo(2);
            assertThat(housed.get("verifiedQuantity").decimalValue()).isEqualByComparingTo("2");
            assertThat(housed.get("distinctBeneficiaries").asLong()).isEqualTo(2);
            assertThat(housed.get("moneyApproved").decimalValue()).isEqualByComparingTo("9000.00");
            assertThat(housed.get("moneyPaid").decimalValue()).isEqualByComparingTo("4500.00");
            assertThat(housed.get("costPerVerifiedOutcome").decimalValue()).isEqualByComparingTo("2250.00");
        }
        assertThat(goals.get(2).get("targets").get(0).get("target").asString()).isEqualTo("11.1");
        // 8.5: o-4 verified and paid 900; o-3 reported only
        JsonNode job = goals.get(1).get("targets").get(0).get("metrics").get(0);
        assertThat(job.get("verifiedOutcomes").asLong()).isEqualTo(1);
        assertThat(job.get("moneyPaid").decimalValue()).isEqualByComparingTo("900.00");
        assertThat(job.get("costPerVerifiedOutcome").decimalValue()).isEqualByComparingTo("900.00");

        // totals over distinct outcomes: o-1, o-2, o-4 (ben-1 twice); 5,400 paid / 3 = 1,800
        JsonNode totals = report.get("totals");
        assertThat(totals.get("distinctBeneficiaries").asLong()).isEqualTo(2);
        JsonNode money = totals.get("money").get(0);
        assertThat(money.get("currency").asString()).isEqualTo("EUR");
        assertThat(money.get("approved").decimalValue()).isEqualByComparingTo("9900.00");
        assertThat(money.get("costPerVerifiedOutcome").decimalValue()).isEqualByComparingTo("1800.00");
        assertThat(report.get("attribution").asString()).contains("attribution, not summation");
        assertThat(report.get("filters").get("contractId").asString()).isEqualTo(s.contractId);
        assertThat(report.get("knownAt").asString()).isNotBlank();
    }

    @Test
    void the_report_as_csv_has_a_header_and_one_row_per_goal_target_and_metric() {
        Scenario s = paidAndApprovedOutcomes();
        Eventually.holds(() -> assertThat(ok(http.get("/api/reports/sdg-impact?contractId=" + s.contractId).send(), 200).json()
                .get("totals").get("verifiedOutcomes").asLong()).isEqualTo(3));

        // the approvals and the payment of the third outcome may be projected just after its verification: wait for the whole report
        String expected = String.join("\r\n",
                "goal,goal_label,target,target_label,metric_code,currency,verified_outcomes,verified_quantity,distinct_beneficiaries,"
                        + "money_approved,money_paid,cost_per_verified_outcome",
                "1,No poverty,1.2,\"At least halve poverty in all its dimensions, by national definitions\",HOUSED-6M,EUR,2,2,2,9000.00,4500.00,2250.00",
                "8,Decent work and economic growth,8.5,\"Full, productive employment and decent work for all, equal pay for equal work\","
                        + "JOB-QUARTER,EUR,1,1,1,900.00,900.00,900.00",
                "11,Sustainable cities and communities,11.1,\"Adequate, safe and affordable housing and basic services; upgrade slums\","
                        + "HOUSED-6M,EUR,2,2,2,9000.00,4500.00,2250.00",
                "");
        Eventually.holds(() -> assertThat(ok(http.get("/api/reports/sdg-impact?format=csv&contractId=" + s.contractId).send(), 200).body())
                .isEqualTo(expected));
        Http.Response csv = ok(http.get("/api/reports/sdg-impact?format=csv&contractId=" + s.contractId).send(), 200);

        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("X-Known-At")).isNotBlank();
        assertThat(csv.body()).isEqualTo(expected);

        Http.Response viaAccept = ok(http.get("/api/reports/sdg-impact?contractId=" + s.contractId).header("Accept", "text/csv").send(), 200);
        assertThat(viaAccept.header("Content-Type")).startsWith("text/csv");
        assertThat(viaAccept.body()).isEqualTo(csv.body());
        Http.Response jsonWins = ok(http.get("/api/reports/sdg-impact?format=json&contractId=" + s.contractId)
                .header("Accept", "text/csv").send(), 200);
        assertThat(jsonWins.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void filters_by_fund_payer_programme_and_period_narrow_the_report() {
        Scenario s = paidAndApprovedOutcomes();
        String base = "/api/reports/sdg-impact?programme=OUTCOME_FUND&fundId=" + s.fundId + "&payerId=city-of-turin";
        Eventually.holds(() -> assertThat(ok(http.get(base).send(), 200).json().get("totals").get("verifiedOutcomes").asLong())
                .isEqualTo(3));

        assertThat(ok(http.get(base + "&periodFrom=2026-Q3&periodTo=2026-08").send(), 200).json().get("totals").get("verifiedOutcomes")
                .asLong()).isEqualTo(3);
        assertThat(ok(http.get(base + "&periodTo=2026-07").send(), 200).json().get("goals")).isEmpty();
        // a payer the ledger knows (its budget is in this fund) that pays none of these outcomes
        String otherPayer = unique("payer-other");
        ok(http.post("/api/funds/" + s.fundId + "/budgets").as("officer-" + otherPayer, "outcome-payer", Map.of("payer_id", otherPayer))
                .json(Map.of("budgetId", otherPayer + "-budget", "payerId", otherPayer, "amount", Scenario.money("1000.00"),
                        "valueDate", "2026-01-15")).send(), 201);
        Eventually.holds(() -> assertThat(ok(http.get("/api/reports/sdg-impact?fundId=" + s.fundId + "&payerId=" + otherPayer).send(), 200)
                .json().get("totals").get("verifiedOutcomes").asLong()).isZero());
    }

    /** README, Reports: an unknown fund, investor or payment is a 404 — a typo in a filter is not an empty report. */
    @Test
    void a_filter_naming_an_unknown_fund_contract_or_payer_is_a_404_problem_naming_the_parameter() {
        assertNotFound("/api/reports/sdg-impact?fundId=nofund", "fundId");
        assertNotFound("/api/reports/sdg-impact?contractId=nope", "contractId");
        assertNotFound("/api/reports/sdg-impact?payerId=nobody-pays", "payerId");
        assertNotFound("/api/reports/sdg-impact?programme=HOMES4ALL&fundId=nofund&asOf=2026-06-30", "fundId");
        assertNotFound("/api/reports/sdg-impact?format=csv&fundId=nofund", "fundId");
        // the form of every parameter is checked first: a bad value is still a 400 with an unknown fund beside it
        assertProblem("/api/reports/sdg-impact?fundId=nofund&periodFrom=2026-Q5", "periodFrom", "INVALID_VALUE");
    }

    /** Known, but nothing to report yet: an empty report, not a 404. */
    @Test
    void a_known_fund_contract_property_or_payer_without_outcomes_yet_gets_an_empty_report() {
        Scenario s = Scenario.fundWithContract(http, unique("sdg-empty"), "50000.00", "30000.00");
        String payer = unique("payer-new");
        ok(http.post("/api/funds/" + s.fundId + "/budgets").as("officer-" + payer, "outcome-payer", Map.of("payer_id", payer))
                .json(Map.of("budgetId", payer + "-budget", "payerId", payer, "amount", Scenario.money("1000.00"),
                        "valueDate", "2026-01-15")).send(), 201);
        HousingScenario housing = HousingScenario.fundWithCash(http, unique("sdg-empty"), "100000.00");
        String flat = housing.fundId + "-flat";
        ok(housing.acquire(housing.property(flat, "3", "60000.00", "2026-02-01", List.of(HousingScenario.unit("A1", "40", 2, "500.00")))),
                201);

        for (String filter : List.of("fundId=" + s.fundId, "contractId=" + s.contractId, "payerId=" + payer, "fundId=" + housing.fundId,
                "contractId=" + flat, "fundId=" + s.fundId + "&asOf=2020-01-01")) {
            Eventually.holds(() -> {
                JsonNode report = ok(http.get("/api/reports/sdg-impact?" + filter).send(), 200).json();
                assertThat(report.get("totals").get("verifiedOutcomes").asLong()).as(filter).isZero();
                assertThat(report.get("goals")).as(filter).isEmpty();
            });
        }
    }

    private void assertNotFound(String path, String field) {
        Http.Response response = http.get(path).send();
        assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/not-found");
        assertThat(response.json().get("field").asString()).isEqualTo(field);
        assertThat(response.json().get("detail").asString()).contains(path.replaceAll(".*" + field + "=([^&]*).*", "$1"));
    }

    @Test
    void bad_filter_values_are_refused_with_a_problem_naming_the_field() {
        assertProblem("/api/reports/sdg-impact?programme=SOCIAL_BONDS", "programme", "UNKNOWN_CODE");
        assertProblem("/api/reports/sdg-impact?fundId=bad%20id", "fundId", "INVALID_VALUE");
        assertProblem("/api/reports/sdg-impact?periodFrom=2026-Q5", "periodFrom", "INVALID_VALUE");
        assertProblem("/api/reports/sdg-impact?periodFrom=2026-09&periodTo=2026-Q2", "periodTo", "DATE_OUT_OF_RANGE");
        assertProblem("/api/reports/sdg-impact?asOf=yesterday", "asOf", "INVALID_VALUE");
        assertProblem("/api/reports/sdg-impact?knownAt=2026-13-01", "knownAt", "INVALID_VALUE");
        assertProblem("/api/reports/sdg-impact?format=xml", "format", "INVALID_VALUE");
        Http.Response csvRefusal = http.get("/api/reports/sdg-impact?programme=EXCHANGES").header("Accept", "text/csv").send();
        assertThat(csvRefusal.status()).isEqualTo(400);
    }

    private void assertProblem(String path, String field, String code) {
        Http.Response response = http.get(path).send();
        assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("field").asString()).isEqualTo(field);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }
}
