package org.impactledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.money;
import static org.impactledger.api.support.Scenario.ok;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.support.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bad input and broken rules, tried as a user would: each gets a 4xx problem document and appends no event. */
class RefusalsTest extends IntegrationTest {

    private JsonNode refused(Supplier<Http.Response> call, int status, String code, String field) {
        long before = eventCount();
        Http.Response response = call.get();
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("type").asString()).isEqualTo("/problems/" + code.toLowerCase().replace('_', '-'));
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(problem.get("errors").findValuesAsString("field")).as(response.body()).contains(field);
        }
        assertThat(eventCount()).as("no event appended").isEqualTo(before);
        return problem;
    }

    @Test
    void a_second_payment_for_the_same_beneficiary_and_metric_is_refused() {
        Scenario s = Scenario.fundWithContract(http, unique("double"), "50000.00", "30000.00");
        ok(s.reportVerifyApprove("o-1", "ben-1", "HOUSED-6M", "2026-Q3"), 200);
        ok(s.report("o-2", "ben-1", "HOUSED-6M", "2026-Q4", "2026-11-01"), 409);
        JsonNode problem = refused(() -> s.report("o-3", "ben-1", "HOUSED-6M", "2026-Q4", "2026-11-01"), 409, "DUPLICATE_PAYMENT", null);
        assertThat(problem.get("detail").asString()).contains("ben-1");
    }

    @Test
    void two_verified_reports_of_the_same_claim_cannot_both_be_approved() {
        Scenario s = Scenario.fundWithContract(http, unique("double2"), "50000.00", "30000.00");
        ok(s.report("o-1", "ben-1", "HOUSED-6M", "2026-Q3", "2026-08-01"), 201);
        ok(s.report("o-2", "ben-1", "HOUSED-6M", "2026-Q3", "2026-08-02"), 201);
        ok(s.verify("o-1", Scenario.VERIFIER), 200);
        ok(s.verify("o-2", Scenario.VERIFIER), 200);
        ok(s.approve("o-1", Scenario.PAYER), 200);
        refused(() -> s.approve("o-2", Scenario.PAYER), 409, "DUPLICATE_PAYMENT", null);
    }

    @Test
    void a_payment_beyond_the_contract_cap_is_refused() {
        Scenario s = Scenario.fundWithContract(http, unique("cap"), "50000.00", "8000.00");
        ok(s.reportVerifyApprove("o-1", "ben-1", "HOUSED-6M", "2026-Q3"), 200);
        ok(s.report("o-2", "ben-2", "HOUSED-6M", "2026-Q3", "2026-08-01"), 201);
        ok(s.verify("o-2", Scenario.VERIFIER), 200);
        JsonNode problem = refused(() -> s.approve("o-2", Scenario.PAYER), 409, "LIMIT_EXCEEDED", "cap");
        assertThat(problem.get("detail").asString()).contains("8000.00");
    }

    @Test
    void a_payment_beyond_the_payers_remaining_budget_is_refused_and_the_contract_is_untouched() {
        Scenario s = Scenario.fundWithContract(http, unique("budget"), "5000.00", "30000.00");
        ok(s.reportVerifyApprove("o-1", "ben-1", "HOUSED-6M", "2026-Q3"), 200);
        ok(s.report("o-2", "ben-2", "HOUSED-6M", "2026-Q3", "2026-08-01"), 201);
        ok(s.verify("o-2", Scenario.VERIFIER), 200);
        long contractEvents = eventCountFor(s.contractId);
        refused(() -> s.approve("o-2", Scenario.PAYER), 409, "LIMIT_EXCEEDED", "budgetId");
        assertThat(eventCountFor(s.contractId)).isEqualTo(contractEvents);
    }

    @Test
    void the_reporter_cannot_verify_their_own_outcome() {
        Scenario s = Scenario.fundWithContract(http, unique("self"), "50000.00", "30000.00");
        ok(s.report("o-1", "ben-1", "HOUSED-6M", "2026-Q3", "2026-08-01"), 201);
        refused(() -> s.verify("o-1", Scenario.PROVIDER), 403, "FOUR_EYES_VIOLATION", "verifiedBy");
    }

    @Test
    void the_verifier_cannot_approve_the_payment() {
        Scenario s = Scenario.fundWithContract(http, unique("selfapprove"), "50000.00", "30000.00");
        ok(s.report("o-1", "ben-1", "HOUSED-6M", "2026-Q3", "2026-08-01"), 201);
        ok(s.verify("o-1", Scenario.VERIFIER), 200);
        refused(() -> s.approve("o-1", Scenario.VERIFIER), 403, "FOUR_EYES_VIOLATION", "approvedBy");
    }

    @Test
    void a_malformed_cup_is_refused() {
        Scenario s = Scenario.fundWithContract(http, unique("cup"), "50000.00", "30000.00");
        refused(() -> http.post("/api/funds/" + s.fundId + "/budgets").as("city-finance", "outcome-payer").json(Map.of(
                "payerId", "city-of-turin", "amount", money("1000.00"), "valueDate", "2026-01-15",
                "nrrp", Map.of("cup", "C1H22000110001", "measure", "M5C2I1.3"))).send(), 400, "INVALID_VALUE", "nrrp.cup");
    }

    @Test
    void an_unknown_nrrp_measure_is_refused() {
        Scenario s = Scenario.fundWithContract(http, unique("measure"), "50000.00", "30000.00");
        refused(() -> http.post("/api/funds/" + s.fundId + "/budgets").as("city-finance", "outcome-payer").json(Map.of(
                "payerId", "city-of-turin", "amount", money("1000.00"), "valueDate", "2026-01-15",
                "nrrp", Map.of("cup", "C11H22000110001", "measure", "M5C9I1.3"))).send(), 400, "UNKNOWN_CODE", "nrrp.measure");
    }

    @Test
    void a_rate_card_naming_an_unknown_sdg_target_is_refused() {
        Scenario s = Scenario.fundWithContract(http, unique("sdg"), "50000.00", "30000.00");
        JsonNode problem = refused(() -> http.post("/api/contracts").as(Scenario.MANAGER, "fund-manager")
                .json(Scenario.contract(unique("c"), s.fundId, s.budgetId, "1000.00", "11.9")).send(), 400, "UNKNOWN_CODE", null);
        assertThat(problem.get("detail").asString()).contains("11.9");
        assertThat(problem.get("field").asString()).startsWith("rateCard[0].sdgTargets");
    }

    @Test
    void a_rate_card_line_naming_an_sdg_target_twice_or_too_many_targets_is_refused() {
        Scenario s = Scenario.fundWithContract(http, unique("sdg-dup"), "50000.00", "30000.00");
        Map<String, Object> twice = Scenario.contract(unique("c"), s.fundId, s.budgetId, "1000.00", "11.1");
        twice.put("rateCard", List.of(Map.of("metricCode", "HOUSED-6M", "description", "Housed", "unitPrice", money("4500.00"),
                "sdgTargets", List.of("11.1", "11.1", "1.2"), "rule", "ONCE_PER_BENEFICIARY")));
        JsonNode problem = refused(() -> http.post("/api/contracts").as(Scenario.MANAGER, "fund-manager").json(twice).send(),
                400, "INVALID_VALUE", "rateCard[0].sdgTargets[1]");
        assertThat(problem.get("detail").asString()).isEqualTo("SDG target 11.1 appears more than once in rateCard[0].sdgTargets");

        // 5,000 times the same target was accepted and stored; a line names at most 30, as an issuer's sdgFocus
        Map<String, Object> many = Scenario.contract(unique("c"), s.fundId, s.budgetId, "1000.00", "11.1");
        many.put("rateCard", List.of(Map.of("metricCode", "HOUSED-6M", "description", "Housed", "unitPrice", money("4500.00"),
                "sdgTargets", java.util.Collections.nCopies(5000, "11.1"), "rule", "ONCE_PER_BENEFICIARY")));
        refused(() -> http.post("/api/contracts").as(Scenario.MANAGER, "fund-manager").json(many).send(),
                400, "VALIDATION_FAILED", "rateCard[0].sdgTargets");
        Map<String, Object> amendment = Map.of("effectiveFrom", "2026-09-01", "entries", List.of(Map.of("metricCode", "HOUSED-6M",
                "description", "Housed", "unitPrice", money("4800.00"), "sdgTargets", List.of("1.2", "11.1", "1.2"), "rule", "ONCE_PER_BENEFICIARY")));
        refused(() -> http.post("/api/contracts/" + s.contractId + "/rate-card-amendments").as(Scenario.MANAGER, "fund-manager").json(amendment).send(),
                400, "INVALID_VALUE", "entries[0].sdgTargets[2]");
    }

    @Test
    void a_negative_amount_is_refused() {
        Scenario s = Scenario.fundWithContract(http, unique("neg"), "50000.00", "30000.00");
        refused(() -> http.post("/api/funds/" + s.fundId + "/commitments").as(Scenario.MANAGER, "fund-manager").json(Map.of(
                "investorId", "inv-b", "amount", money("-10.00"), "valueDate", "2026-01-10")).send(), 400, "INVALID_VALUE", "amount");
    }

    @Test
    void an_amount_with_three_decimals_is_refused_by_shape() {
        Scenario s = Scenario.fundWithContract(http, unique("dec"), "50000.00", "30000.00");
        refused(() -> http.post("/api/funds/" + s.fundId + "/commitments").as(Scenario.MANAGER, "fund-manager").json(Map.of(
                "investorId", "inv-b", "amount", money("10.001"), "valueDate", "2026-01-10")).send(), 400, "VALIDATION_FAILED", "amount.amount");
    }

    @Test
    void an_amount_in_another_currency_than_the_funds_is_refused() {
        Scenario s = Scenario.fundWithContract(http, unique("ccy"), "50000.00", "30000.00");
        refused(() -> http.post("/api/funds/" + s.fundId + "/commitments").as(Scenario.MANAGER, "fund-manager").json(Map.of(
                "investorId", "inv-b", "amount", Map.of("amount", "10.00", "currency", "USD"), "valueDate", "2026-01-10")).send(),
                400, "CURRENCY_MISMATCH", "amount");
    }

    @Test
    void a_call_beyond_the_commitment_is_refused() {
        Scenario s = Scenario.fundWithContract(http, unique("call"), "50000.00", "30000.00");
        refused(() -> http.post("/api/funds/" + s.fundId + "/capital-calls").as(Scenario.MANAGER, "fund-manager").json(Map.of(
                "investorId", "inv-a", "amount", money("100000.01"), "dueDate", "2026-03-01")).send(), 409, "LIMIT_EXCEEDED", "amount");
    }

    @Test
    void an_outcome_dated_outside_the_contract_term_is_refused() {
        Scenario s = Scenario.fundWithContract(http, unique("term"), "50000.00", "30000.00");
        // before the term (2026-02-01 to 2027-12-31): a date after it may lie beyond the ledger's date window, refused before the term is looked at
        JsonNode problem = refused(() -> s.report("o-1", "ben-1", "HOUSED-6M", "2026-Q1", "2026-01-15"), 400, "DATE_OUT_OF_RANGE", "outcomeDate");
        assertThat(problem.get("detail").asString()).contains("outside the contract term");
    }

    @Test
    void a_closed_contract_accepts_no_more_outcomes() {
        Scenario s = Scenario.fundWithContract(http, unique("closed"), "50000.00", "30000.00");
        ok(http.post("/api/contracts/" + s.contractId + "/close").as(Scenario.MANAGER, "fund-manager")
                .json(Map.of("closedOn", "2026-09-01", "reason", "programme ended")).send(), 200);
        refused(() -> s.report("o-1", "ben-1", "HOUSED-6M", "2026-Q3", "2026-08-01"), 409, "CONTRACT_CLOSED", "contractId");
    }

    @Test
    void a_fund_id_already_taken_is_refused_naming_the_field_and_the_id() {
        Scenario s = Scenario.fundWithContract(http, unique("twice"), "50000.00", "30000.00");
        JsonNode problem = refused(() -> http.post("/api/funds").as(Scenario.MANAGER, "fund-manager").json(Map.of("fundId", s.fundId,
                "name", "Same id", "currency", "EUR", "manager", "Impact Managers", "returnCapMultiple", "1.30")).send(),
                409, "ALREADY_EXISTS", "fundId");
        assertThat(problem.get("field").asString()).isEqualTo("fundId");
        assertThat(problem.get("detail").asString()).contains(s.fundId);
    }

    @Test
    void a_url_the_server_cannot_read_is_refused_with_a_problem_document_not_an_html_page() {
        for (String path : new String[] {"/api/funds/%00", "/api/funds/tf1%2F..%2Fx"}) {
            Http.Response response = http.get(path).as(Scenario.MANAGER, "fund-manager").send();
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).as(path).isEqualTo("MALFORMED_URL");
            assertThat(response.json().get("field").asString()).as(path).isEqualTo("path");
        }
    }

    @Test
    void malformed_json_is_refused() {
        refused(() -> http.post("/api/funds").as(Scenario.MANAGER, "fund-manager").json("{\"name\": \"x\", ").send(),
                400, "MALFORMED_REQUEST", "body");
    }

    @Test
    void a_value_of_the_wrong_type_is_refused_naming_the_field() {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Fund", "currency", "EUR", "manager", "M", "returnCapMultiple", "lots"));
        refused(() -> http.post("/api/funds").as(Scenario.MANAGER, "fund-manager").json(body).send(), 400, "MALFORMED_REQUEST",
                "returnCapMultiple");
    }

    @Test
    void a_malformed_date_is_refused_naming_the_field() {
        Scenario s = Scenario.fundWithContract(http, unique("date"), "50000.00", "30000.00");
        refused(() -> http.post("/api/funds/" + s.fundId + "/commitments").as(Scenario.MANAGER, "fund-manager").json(Map.of(
                "investorId", "inv-b", "amount", money("10.00"), "valueDate", "10/01/2026")).send(), 400, "MALFORMED_REQUEST", "valueDate");
    }

    @Test
    void an_unknown_property_is_refused() {
        refused(() -> http.post("/api/funds").as(Scenario.MANAGER, "fund-manager").json(Map.of("name", "Fund", "currency", "EUR",
                "manager", "M", "returnCapMultiple", "1.2", "colour", "blue")).send(), 400, "MALFORMED_REQUEST", "colour");
    }

    @Test
    void missing_required_fields_are_all_named() {
        JsonNode problem = refused(() -> http.post("/api/funds").as(Scenario.MANAGER, "fund-manager").json(Map.of("currency", "eur")).send(),
                400, "VALIDATION_FAILED", "name");
        assertThat(problem.get("errors").findValuesAsString("field")).contains("manager", "currency", "returnCapMultiple");
    }

    @Test
    void a_command_without_an_authenticated_principal_is_refused() {
        refused(() -> http.post("/api/funds").anonymous().json(Map.of("name", "Fund", "currency", "EUR", "manager", "M",
                "returnCapMultiple", "1.2")).send(), 401, "UNAUTHENTICATED", null);
    }

    @Test
    void a_command_for_an_unknown_fund_is_not_found() {
        refused(() -> http.post("/api/funds/no-such-fund/commitments").as(Scenario.MANAGER, "fund-manager").json(Map.of(
                "investorId", "inv-b", "amount", money("10.00"), "valueDate", "2026-01-10")).send(), 404, "NOT_FOUND", null);
    }

    @Test
    void a_contract_for_an_unknown_fund_is_not_found() {
        refused(() -> http.post("/api/contracts").as(Scenario.MANAGER, "fund-manager")
                .json(Scenario.contract(unique("c"), "no-such-fund", "b", "1000.00", "11.1")).send(), 404, "NOT_FOUND", "fundId");
    }

    @Test
    void a_bad_id_in_the_path_is_refused() {
        refused(() -> http.post("/api/funds/bad%20id/commitments").as(Scenario.MANAGER, "fund-manager").json(Map.of(
                "investorId", "inv-b", "amount", money("10.00"), "valueDate", "2026-01-10")).send(), 400, "INVALID_VALUE", "fundId");
    }

    @Test
    void an_evidence_hash_that_is_not_sha256_is_refused() {
        Scenario s = Scenario.fundWithContract(http, unique("sha"), "50000.00", "30000.00");
        refused(() -> http.post("/api/contracts/" + s.contractId + "/outcomes").as(Scenario.PROVIDER, "provider").json(Map.of(
                "beneficiaryId", "ben-1", "metricCode", "HOUSED-6M", "period", "2026-Q3", "outcomeDate", "2026-08-01", "quantity", "1",
                "evidenceReference", "file", "evidenceSha256", "abc")).send(), 400, "VALIDATION_FAILED", "evidenceSha256");
    }

    @Test
    void problem_types_resolve_to_a_description() {
        Http.Response response = http.get("/problems/duplicate-payment").send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("title").asString()).contains("already paid");
        assertThat(List.of(404)).contains(http.get("/problems/no-such-problem").send().status());
    }

    @Test
    void a_query_parameter_with_broken_percent_encoding_is_a_400_naming_it_not_a_500() throws Exception {
        // sent over a plain socket: java.net.URI refuses to build such a request at all
        String token = org.impactledger.api.support.TestTokens.forActor("auditor-enc", "auditor", Map.of());
        for (String path : List.of("/api/funds?page=%%%", "/api/reports/outcome-payments?after=%zz")) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                        + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(answer).as(path).startsWith("HTTP/1.1 400");
                assertThat(answer).as(path).contains("\"field\":\"" + (path.contains("page") ? "page" : "after") + "\"")
                        .contains("INVALID_VALUE");
            }
        }
    }
}
