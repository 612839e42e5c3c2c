package org.impactledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.ok;

import java.util.Map;
import org.impactledger.api.support.Eventually;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.support.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Fund, contract, outcome and payment state through HTTP, as the read models build it from the events. */
class QueriesTest extends IntegrationTest {

    @Test
    void the_fund_shows_capital_cash_and_budgets_after_an_outcome_is_paid() {
        Scenario s = Scenario.fundWithContract(http, unique("q"), "50000.00", "30000.00");
        ok(s.reportVerifyApprove("o-1", "ben-1", "HOUSED-6M", "2026-Q3"), 200);
        ok(s.execute("o-1", "IT-Q-1"), 200);

        Eventually.holds(() -> {
            JsonNode fund = ok(http.get("/api/funds/" + s.fundId).send(), 200).json();
            assertThat(fund.get("committed").decimalValue()).isEqualByComparingTo("200000.00");
            assertThat(fund.get("paidIn").decimalValue()).isEqualByComparingTo("100000.00");
            assertThat(fund.get("outcomePaymentsReceived").decimalValue()).isEqualByComparingTo("4500.00");
            assertThat(fund.get("cash").decimalValue()).isEqualByComparingTo("104500.00");
        });
        Eventually.holds(() -> {
            JsonNode budget = ok(http.get("/api/funds/" + s.fundId + "/budgets").send(), 200).json().get(0);
            assertThat(budget.get("committed").decimalValue()).isEqualByComparingTo("50000.00");
            assertThat(budget.get("reserved").decimalValue()).isEqualByComparingTo("0.00");
            assertThat(budget.get("paid").decimalValue()).isEqualByComparingTo("4500.00");
            assertThat(budget.get("nrrpCup").asString()).isEqualTo(Scenario.TEST_CUP);
            assertThat(budget.get("nrrpMeasure").asString()).isEqualTo("M5C2I1.3");
        });
        JsonNode investor = ok(http.get("/api/funds/" + s.fundId + "/investors").send(), 200).json().get(0);
        assertThat(investor.get("investorId").asString()).isEqualTo("inv-a");
        assertThat(investor.get("called").decimalValue()).isEqualByComparingTo("100000.00");
    }

    @Test
    void an_outcome_shows_its_whole_chain_with_who_acted() {
        Scenario s = Scenario.fundWithContract(http, unique("chain"), "50000.00", "30000.00");
        ok(s.reportVerifyApprove("o-1", "ben-1", "HOUSED-6M", "2026-Q3"), 200);
        ok(s.execute("o-1", "IT-CHAIN-1"), 200);

        Eventually.holds(() -> {
            JsonNode outcome = ok(http.get("/api/contracts/" + s.contractId + "/outcomes/o-1").send(), 200).json();
            assertThat(outcome.get("status").asString()).isEqualTo("PAID");
            assertThat(outcome.get("reportedBy").asString()).isEqualTo(Scenario.PROVIDER);
            assertThat(outcome.get("verifiedBy").asString()).isEqualTo(Scenario.VERIFIER);
            assertThat(outcome.get("approvedBy").asString()).isEqualTo(Scenario.PAYER);
            assertThat(outcome.get("bankReference").asString()).isEqualTo("IT-CHAIN-1");
            assertThat(outcome.get("amount").decimalValue()).isEqualByComparingTo("4500.00");
            assertThat(outcome.get("evidenceSha256").asString()).isEqualTo(Scenario.EVIDENCE);
        });
        Eventually.holds(() -> {
            JsonNode payments = ok(http.get("/api/funds/" + s.fundId + "/payments").send(), 200).json();
            assertThat(payments.get("total").asLong()).isEqualTo(1);
            assertThat(payments.get("items").get(0).get("outcomeId").asString()).isEqualTo("o-1");
        });
        JsonNode contract = ok(http.get("/api/contracts/" + s.contractId).send(), 200).json();
        assertThat(contract.get("paidTotal").decimalValue()).isEqualByComparingTo("4500.00");
        assertThat(contract.get("rateCard").findValuesAsString("metricCode")).contains("HOUSED-6M", "JOB-QUARTER");
    }

    @Test
    void a_reversed_payment_frees_the_budget_and_the_outcome_can_be_approved_again() {
        Scenario s = Scenario.fundWithContract(http, unique("rev"), "50000.00", "30000.00");
        ok(s.reportVerifyApprove("o-1", "ben-1", "HOUSED-6M", "2026-Q3"), 200);
        ok(http.post("/api/contracts/" + s.contractId + "/outcomes/o-1/payment-reversal").as(Scenario.PAYER, "outcome-payer")
                .json(Map.of("reason", "approved against the wrong budget line", "valueDate", "2026-09-01")).send(), 200);
        Eventually.holds(() -> {
            JsonNode outcome = ok(http.get("/api/contracts/" + s.contractId + "/outcomes/o-1").send(), 200).json();
            assertThat(outcome.get("status").asString()).isEqualTo("VERIFIED");
            assertThat(outcome.get("reversalReason").asString()).contains("wrong budget line");
            JsonNode budget = ok(http.get("/api/funds/" + s.fundId + "/budgets").send(), 200).json().get(0);
            assertThat(budget.get("reserved").decimalValue()).isEqualByComparingTo("0.00");
        });
        ok(s.approve("o-1", Scenario.PAYER), 200);
    }

    @Test
    void outcomes_can_be_filtered_by_status_and_paged() {
        Scenario s = Scenario.fundWithContract(http, unique("page"), "50000.00", "30000.00");
        for (int i = 1; i <= 3; i++) {
            ok(s.report("o-" + i, "ben-" + i, "HOUSED-6M", "2026-Q3", "2026-08-0" + i), 201);
        }
        ok(s.verify("o-2", Scenario.VERIFIER), 200);
        Eventually.holds(() -> {
            JsonNode reported = ok(http.get("/api/contracts/" + s.contractId + "/outcomes?status=reported&size=1&page=1").send(), 200).json();
            assertThat(reported.get("total").asLong()).isEqualTo(2);
            assertThat(reported.get("items").get(0).get("outcomeId").asString()).isEqualTo("o-3");
        });
        Http.Response badStatus = http.get("/api/contracts/" + s.contractId + "/outcomes?status=LOST").send();
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("field").asString()).isEqualTo("status");
    }

    @Test
    void unknown_ids_are_404_problems() {
        for (String path : new String[] {"/api/funds/none", "/api/funds/none/budgets", "/api/contracts/none", "/api/contracts/none/outcomes",
                "/api/contracts/none/outcomes/o-1"}) {
            Http.Response response = http.get(path).send();
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.json().get("code").asString()).isEqualTo("NOT_FOUND");
        }
    }
}
