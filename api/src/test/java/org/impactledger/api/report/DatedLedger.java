package org.impactledger.api.report;

import static org.impactledger.api.support.Scenario.money;
import static org.impactledger.api.support.Scenario.ok;

import java.util.Map;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.Scenario;

/**
 * Commands for the report tests, each sent with an explicit business date ({@code X-Business-Date})
 * so that "as of" answers do not depend on the day the tests run. Builds on {@link Scenario}'s
 * actors and contract body.
 */
final class DatedLedger {

    private final Http http;
    final String fundId;
    final String budgetId;
    final String contractId;

    private DatedLedger(Http http, String prefix) {
        this.http = http;
        this.fundId = prefix + "-fund";
        this.budgetId = prefix + "-budget";
        this.contractId = prefix + "-contract";
    }

    /** An open fund with nothing in it yet (business date 2026-01-05). */
    static DatedLedger fund(Http http, String prefix) {
        DatedLedger ledger = new DatedLedger(http, prefix);
        ok(ledger.post("/api/funds", Scenario.MANAGER, "2026-01-05", Map.of("fundId", ledger.fundId, "name", "Fund " + prefix,
                "currency", "EUR", "manager", "Impact Managers", "returnCapMultiple", "1.30")), 201);
        return ledger;
    }

    /** A fund with one investor's 100,000 paid in on 2026-01-25, a budget and a signed contract (Scenario's rate card). */
    static DatedLedger fundWithContract(Http http, String prefix, String budget, String cap) {
        DatedLedger ledger = fund(http, prefix);
        ledger.investor("inv-a", "200000.00", "100000.00", "2026-01-25");
        ok(ledger.post("/api/funds/" + ledger.fundId + "/budgets", "city-finance", "2026-01-15", Map.of("budgetId", ledger.budgetId,
                "payerId", "city-of-turin", "amount", money(budget), "valueDate", "2026-01-15")), 201);
        ok(ledger.post("/api/contracts", Scenario.MANAGER, "2026-01-20",
                Scenario.contract(ledger.contractId, ledger.fundId, ledger.budgetId, cap, "11.1")), 201);
        return ledger;
    }

    /** Commits {@code committed} on 2026-01-10, calls {@code paidIn} and receives it on {@code receivedOn}. */
    void investor(String investorId, String committed, String paidIn, String receivedOn) {
        ok(post("/api/funds/" + fundId + "/commitments", Scenario.MANAGER, "2026-01-10", Map.of("investorId", investorId,
                "amount", money(committed), "valueDate", "2026-01-10")), 201);
        String callId = "call-" + investorId;
        ok(post("/api/funds/" + fundId + "/capital-calls", Scenario.MANAGER, "2026-01-12", Map.of("callId", callId,
                "investorId", investorId, "amount", money(paidIn), "dueDate", receivedOn)), 201);
        ok(post("/api/funds/" + fundId + "/capital-calls/" + callId + "/receipts", Scenario.MANAGER, receivedOn, Map.of(
                "amount", money(paidIn), "valueDate", receivedOn, "bankReference", "SEPA-" + callId)), 201);
    }

    /** Working capital advanced to the contract's provider ({@code coop-casa}, Scenario's contract). */
    void advance(String advanceId, String amount, String valueDate) {
        ok(post("/api/funds/" + fundId + "/advances", Scenario.MANAGER, valueDate, Map.of("advanceId", advanceId, "providerId", "coop-casa",
                "contractId", contractId, "amount", money(amount), "valueDate", valueDate)), 201);
    }

    void distribute(String distributionId, String amount, String valueDate) {
        ok(post("/api/funds/" + fundId + "/distributions", Scenario.MANAGER, valueDate, Map.of("distributionId", distributionId,
                "amount", money(amount), "valueDate", valueDate)), 201);
    }

    void valuation(String nav, String asOf) {
        ok(post("/api/funds/" + fundId + "/valuations", Scenario.MANAGER, asOf, Map.of("netAssetValue", money(nav), "asOf", asOf,
                "method", "NAV at cost")), 201);
    }

    /** Reports, verifies and approves one HOUSED-6M outcome, each step on its own business date. */
    void reportVerifyApprove(String outcomeId, String beneficiary, String outcomeDate, String reportedOn, String verifiedOn, String approvedOn) {
        ok(post("/api/contracts/" + contractId + "/outcomes", Scenario.PROVIDER, reportedOn, Map.of("outcomeId", outcomeId,
                "beneficiaryId", beneficiary, "metricCode", "HOUSED-6M", "period", "2026-Q3", "outcomeDate", outcomeDate, "quantity", "1",
                "evidenceReference", "case-file://" + outcomeId, "evidenceSha256", Scenario.EVIDENCE)), 201);
        ok(post("/api/contracts/" + contractId + "/outcomes/" + outcomeId + "/verification", Scenario.VERIFIER, verifiedOn,
                Map.of("verifiedQuantity", "1", "note", "case file checked")), 200);
        ok(post("/api/contracts/" + contractId + "/outcomes/" + outcomeId + "/payment-approval", Scenario.PAYER, approvedOn, null), 200);
    }

    void execute(String outcomeId, String bankReference, String valueDate) {
        ok(post("/api/contracts/" + contractId + "/outcomes/" + outcomeId + "/payment-execution", "treasurer-elena", valueDate,
                Map.of("bankReference", bankReference, "valueDate", valueDate)), 200);
    }

    void reverse(String outcomeId, String reason, String valueDate) {
        ok(post("/api/contracts/" + contractId + "/outcomes/" + outcomeId + "/payment-reversal", Scenario.PAYER, valueDate,
                Map.of("reason", reason, "valueDate", valueDate)), 200);
    }

    private Http.Response post(String path, String actor, String businessDate, Object body) {
        Http.Call call = http.post(path).as(actor, "tester").header("X-Business-Date", businessDate);
        if (body != null) {
            call.json(body);
        }
        return call.send();
    }
}
