package org.impactledger.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared test data: builds a fund with paid-in capital, a payer budget and a contract through the
 * HTTP API, so that tests state only what is particular to them.
 */
public final class Scenario {

    public static final String MANAGER = "manager-anna";
    public static final String PROVIDER = "provider-bruno";
    public static final String VERIFIER = "verifier-carla";
    public static final String PAYER = "payer-dario";
    public static final String EVIDENCE = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final Http http;
    public final String fundId;
    public final String budgetId;
    public final String contractId;

    private Scenario(Http http, String fundId, String budgetId, String contractId) {
        this.http = http;
        this.fundId = fundId;
        this.budgetId = budgetId;
        this.contractId = contractId;
    }

    public static Map<String, Object> money(String amount) {
        return Map.of("amount", amount, "currency", "EUR");
    }

    /**
     * The CUP of the tests' NRRP-tagged budgets: a well-formed code that no demo project uses, so the
     * demo's own NRRP figures stay exactly the demo's in the shared database.
     */
    public static final String TEST_CUP = "Z99Z00000000001";

    /** A fund with 100,000 paid in, a payer budget of {@code budget} (tagged {@link #TEST_CUP}), and a contract with cap {@code cap}. */
    public static Scenario fundWithContract(Http http, String prefix, String budget, String cap) {
        return fundWithContract(http, prefix, budget, cap, TEST_CUP);
    }

    /** The same, with the payer budget NRRP-tagged with {@code cup} (measure M5C2I1.3). */
    public static Scenario fundWithContract(Http http, String prefix, String budget, String cap, String cup) {
        String fundId = prefix + "-fund";
        String budgetId = prefix + "-budget";
        String contractId = prefix + "-contract";
        ok(http.post("/api/funds").as(MANAGER, "fund-manager").json(Map.of("fundId", fundId, "name", "Fund " + prefix,
                "currency", "EUR", "manager", "Impact Managers", "returnCapMultiple", "1.30")).send(), 201);
        ok(http.post("/api/funds/" + fundId + "/commitments").as(MANAGER, "fund-manager").json(Map.of("investorId", "inv-a",
                "amount", money("200000.00"), "valueDate", "2026-01-10")).send(), 201);
        ok(http.post("/api/funds/" + fundId + "/capital-calls").as(MANAGER, "fund-manager").json(Map.of("callId", "call-1",
                "investorId", "inv-a", "amount", money("100000.00"), "dueDate", "2026-01-31")).send(), 201);
        ok(http.post("/api/funds/" + fundId + "/capital-calls/call-1/receipts").as(MANAGER, "fund-manager").json(Map.of(
                "amount", money("100000.00"), "valueDate", "2026-01-25", "bankReference", "SEPA-" + prefix)).send(), 201);
        ok(http.post("/api/funds/" + fundId + "/budgets").as("city-finance", "outcome-payer").json(Map.of("budgetId", budgetId,
                "payerId", "city-of-turin", "amount", money(budget), "valueDate", "2026-01-15",
                "nrrp", Map.of("cup", cup, "measure", "M5C2I1.3"))).send(), 201);
        ok(http.post("/api/contracts").as(MANAGER, "fund-manager").json(contract(contractId, fundId, budgetId, cap, "11.1")).send(), 201);
        return new Scenario(http, fundId, budgetId, contractId);
    }

    public static Map<String, Object> contract(String contractId, String fundId, String budgetId, String cap, String sdgTarget) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contractId", contractId);
        body.put("fundId", fundId);
        body.put("providerId", "coop-casa");
        body.put("budgetId", budgetId);
        body.put("title", "Housing First");
        body.put("startDate", "2026-02-01");
        body.put("endDate", "2027-12-31");
        body.put("cap", money(cap));
        body.put("rateCard", List.of(
                Map.of("metricCode", "HOUSED-6M", "description", "Housed for six months", "unitPrice", money("4500.00"),
                        "sdgTargets", List.of(sdgTarget, "1.2"), "rule", "ONCE_PER_BENEFICIARY"),
                Map.of("metricCode", "JOB-QUARTER", "description", "Job held for a quarter", "unitPrice", money("900.00"),
                        "sdgTargets", List.of("8.5"), "rule", "ONCE_PER_BENEFICIARY_PER_PERIOD")));
        return body;
    }

    public Http.Response report(String outcomeId, String beneficiary, String metric, String period, String date) {
        return http.post("/api/contracts/" + contractId + "/outcomes").as(PROVIDER, "provider").json(Map.of("outcomeId", outcomeId,
                "beneficiaryId", beneficiary, "metricCode", metric, "period", period, "outcomeDate", date, "quantity", "1",
                "evidenceReference", "case-file://" + outcomeId, "evidenceSha256", EVIDENCE)).send();
    }

    public Http.Response verify(String outcomeId, String verifier) {
        return http.post("/api/contracts/" + contractId + "/outcomes/" + outcomeId + "/verification").as(verifier, "verifier")
                .json(Map.of("verifiedQuantity", "1", "note", "checked")).send();
    }

    public Http.Response approve(String outcomeId, String payer) {
        return http.post("/api/contracts/" + contractId + "/outcomes/" + outcomeId + "/payment-approval").as(payer, "outcome-payer").send();
    }

    public Http.Response execute(String outcomeId, String bankReference) {
        return http.post("/api/contracts/" + contractId + "/outcomes/" + outcomeId + "/payment-execution").as(PAYER, "outcome-payer")
                .json(Map.of("bankReference", bankReference, "valueDate", "2026-10-05")).send();
    }

    /** Reports, verifies and approves one outcome; returns the approval response. */
    public Http.Response reportVerifyApprove(String outcomeId, String beneficiary, String metric, String period) {
        ok(report(outcomeId, beneficiary, metric, period, "2026-08-01"), 201);
        ok(verify(outcomeId, VERIFIER), 200);
        return approve(outcomeId, PAYER);
    }

    public static Http.Response ok(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response;
    }
}
