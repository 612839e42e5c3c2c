package org.impactledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.money;
import static org.impactledger.api.support.Scenario.ok;

import java.util.Map;
import java.util.function.Supplier;
import org.impactledger.api.support.ExchangeScenario;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.support.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The exchange's rules, broken as a user would break them: each gets a 4xx problem document and appends no event. */
class ExchangeRefusalsTest extends IntegrationTest {

    private JsonNode refused(Supplier<Http.Response> call, int status, String code, String field) {
        long before = eventCount();
        Http.Response response = call.get();
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asString()).as(response.body()).isEqualTo(code);
        assertThat(problem.get("detail").asString()).isNotBlank();
        if (field != null) {
            assertThat(problem.get("errors").findValuesAsString("field")).as(response.body()).contains(field);
        }
        assertThat(eventCount()).as("no event appended").isEqualTo(before);
        return problem;
    }

    @Test
    void selling_more_units_than_held_is_refused() {
        ExchangeScenario s = ExchangeScenario.issuerWithShare(http, unique("oversell")).account("anna", "1000.00").firstOffering("anna", 40);

        JsonNode problem = refused(() -> s.order("S1", "anna", "SELL", 41, "10.00"), 409, "LIMIT_EXCEEDED", "quantity");

        assertThat(problem.get("detail").asString()).contains("holds only 40 units");
    }

    @Test
    void selling_units_already_offered_in_an_open_sell_order_is_refused() {
        ExchangeScenario s = ExchangeScenario.issuerWithShare(http, unique("offered")).account("anna", "1000.00").firstOffering("anna", 40);
        ok(s.order("S1", "anna", "SELL", 30, "12.00"), 201);

        JsonNode problem = refused(() -> s.order("S2", "anna", "SELL", 11, "12.00"), 409, "LIMIT_EXCEEDED", "quantity");

        assertThat(problem.get("detail").asString()).contains("can sell at most 10 units");
    }

    @Test
    void buying_beyond_the_available_cash_is_refused() {
        ExchangeScenario s = ExchangeScenario.issuerWithShare(http, unique("overbuy"))
                .account("anna", "1000.00").account("dario", "300.00").firstOffering("anna", 40);

        // 30 × 10.50 = 315.00 > 300.00
        JsonNode problem = refused(() -> s.order("B1", "dario", "BUY", 30, "10.50"), 409, "LIMIT_EXCEEDED", "quantity");

        assertThat(problem.get("detail").asString()).contains("315.00").contains("300.00");
    }

    @Test
    void cash_reserved_for_an_open_order_can_be_neither_spent_again_nor_withdrawn() {
        ExchangeScenario s = ExchangeScenario.issuerWithShare(http, unique("reserved"))
                .account("anna", "1000.00").account("dario", "300.00").firstOffering("anna", 40);
        ok(s.order("B1", "dario", "BUY", 20, "10.00"), 201);

        refused(() -> s.order("B2", "dario", "BUY", 11, "10.00"), 409, "LIMIT_EXCEEDED", "quantity");
        refused(() -> http.post("/api/exchange/accounts/" + s.investor("dario") + "/withdrawals").as(s.investor("dario"), "investor")
                .json(Map.of("amount", money("100.01"), "bankReference", "SEPA-OUT", "valueDate", ExchangeScenario.DAY)).send(), 409,
                "LIMIT_EXCEEDED", "amount");
    }

    @Test
    void an_order_on_a_suspended_issuers_instrument_is_refused_until_reinstatement() {
        ExchangeScenario s = ExchangeScenario.issuerWithShare(http, unique("suspended")).account("anna", "1000.00").firstOffering("anna", 40);
        ok(http.post("/api/exchange/issuers/" + s.issuerId + "/suspension").as(ExchangeScenario.ADMISSIONS, "admin")
                .json(Map.of("reason", "annual accounts not filed", "suspendedOn", "2026-03-01")).send(), 200);

        JsonNode problem = refused(() -> s.order("S1", "anna", "SELL", 10, "10.00"), 409, "INVALID_STATE", null);

        assertThat(problem.get("detail").asString()).contains("suspended");
        ok(http.post("/api/exchange/issuers/" + s.issuerId + "/reinstatement").as(ExchangeScenario.ADMISSIONS, "admin")
                .json(Map.of("reason", "accounts filed", "reinstatedOn", "2026-03-02")).send(), 200);
        ok(s.order("S1", "anna", "SELL", 10, "10.00"), 201);
    }

    @Test
    void the_reporter_of_an_issuer_outcome_can_neither_verify_nor_reject_it() {
        ExchangeScenario s = ExchangeScenario.issuerWithShare(http, unique("foureyes"));
        ok(s.reportOutcome("o-1", "JOB-PLACEMENT", "8.5", "12", ExchangeScenario.ISSUER_OFFICER), 201);

        refused(() -> s.verifyOutcome("o-1", "12", ExchangeScenario.ISSUER_OFFICER), 403, "FOUR_EYES_VIOLATION", "verifiedBy");
        // even holding the verifier role, the reporter may not reject its own outcome
        refused(() -> http.post("/api/exchange/issuers/" + s.issuerId + "/outcomes/o-1/rejection").as(ExchangeScenario.ISSUER_OFFICER, "verifier")
                .json(Map.of("reason", "changed my mind")).send(), 403, "FOUR_EYES_VIOLATION", "rejectedBy");
        ok(s.verifyOutcome("o-1", "12", ExchangeScenario.VERIFIER), 200);
    }

    @Test
    void an_outcome_outside_the_issuers_sdg_focus_or_of_an_unknown_target_is_refused() {
        ExchangeScenario s = ExchangeScenario.issuerWithShare(http, unique("focus"));

        refused(() -> s.reportOutcome("o-1", "JOB-PLACEMENT", "7.2", "12", ExchangeScenario.ISSUER_OFFICER), 400, "INVALID_VALUE", "sdgTarget");
        refused(() -> s.reportOutcome("o-1", "JOB-PLACEMENT", "8.99", "12", ExchangeScenario.ISSUER_OFFICER), 400, "UNKNOWN_CODE", "sdgTarget");
    }

    @Test
    void a_subscription_beyond_the_available_cash_is_refused() {
        ExchangeScenario s = ExchangeScenario.issuerWithShare(http, unique("oversubscribe")).account("anna", "100.00");
        ok(http.post("/api/exchange/instruments/" + s.shareId + "/offerings").as(ExchangeScenario.ISSUER_OFFICER, "issuer", s.issuerClaim()).json(Map.of(
                "offeringId", "ipo", "size", 100, "price", money("10.00"), "opensOn", "2026-02-02", "closesOn", "2026-02-27")).send(), 201);

        refused(() -> http.post("/api/exchange/instruments/" + s.shareId + "/offerings/ipo/subscriptions").as(s.investor("anna"), "investor")
                .json(Map.of("investorId", s.investor("anna"), "quantity", 11, "subscribedOn", "2026-02-10")).send(), 409, "LIMIT_EXCEEDED", "quantity");
    }

    @Test
    void a_dividend_beyond_the_issuers_cash_is_refused() {
        ExchangeScenario s = ExchangeScenario.issuerWithShare(http, unique("dividend")).account("anna", "1000.00").firstOffering("anna", 40);

        // the offering brought the issuer 400.00
        refused(() -> http.post("/api/exchange/instruments/" + s.shareId + "/dividends").as(ExchangeScenario.ISSUER_OFFICER, "issuer", s.issuerClaim()).json(Map.of(
                "paymentId", "div-1", "amount", money("400.01"), "recordDate", "2026-03-31", "paymentDate", "2026-04-15")).send(), 409,
                "LIMIT_EXCEEDED", "amount");
    }

    @Test
    void malformed_orders_are_refused_before_they_reach_the_instrument() {
        ExchangeScenario s = ExchangeScenario.issuerWithShare(http, unique("shape")).account("anna", "1000.00").firstOffering("anna", 40);

        refused(() -> s.order("S1", "anna", "SELL", 0, "10.00"), 400, "VALIDATION_FAILED", "quantity");
        refused(() -> s.order("S1", "anna", "SELL", 10, "10.001"), 400, "VALIDATION_FAILED", "limitPrice.amount");
        refused(() -> http.post("/api/exchange/instruments/" + s.shareId + "/orders").as(s.investor("anna"), "investor").json(Map.of(
                "investorId", s.investor("anna"), "side", "HOLD", "quantity", 1, "limitPrice", money("10.00"))).send(), 400, "MALFORMED_REQUEST", "side");
        refused(() -> s.order("S1", "anna", "SELL", 10, "-1.00"), 400, "INVALID_VALUE", "limitPrice");
        refused(() -> http.post("/api/exchange/instruments/no-such-share/orders").as(s.investor("anna"), "investor").json(Map.of(
                "investorId", s.investor("anna"), "side", "SELL", "quantity", 1, "limitPrice", money("10.00"))).send(), 404, "NOT_FOUND",
                "instrumentId");
    }

    @Test
    void a_command_naming_another_kind_of_record_finds_nothing_and_leaves_that_record_untouched() {
        Scenario fund = Scenario.fundWithContract(http, unique("collide"), "50000.00", "30000.00");
        long fundEvents = eventCountFor(fund.fundId);

        refused(() -> http.post("/api/exchange/issuers/" + fund.fundId + "/suspension").as(ExchangeScenario.ADMISSIONS, "admin")
                .json(Map.of("reason", "wrong id", "suspendedOn", "2026-03-01")).send(), 404, "NOT_FOUND", null);
        refused(() -> http.post("/api/exchange/instruments/" + fund.contractId + "/offerings").as(ExchangeScenario.ISSUER_OFFICER, "issuer")
                .json(Map.of("size", 10, "price", money("10.00"), "opensOn", "2026-02-02", "closesOn", "2026-02-27")).send(), 404, "NOT_FOUND",
                "instrumentId");
        refused(() -> http.post("/api/exchange/issuers").as(ExchangeScenario.ADMISSIONS, "admin").json(Map.of("issuerId", fund.fundId,
                "name", "Same id as a fund", "currency", "EUR", "sdgFocus", java.util.List.of("8.5"))).send(), 409, "ALREADY_EXISTS", "issuerId");

        assertThat(eventCountFor(fund.fundId)).isEqualTo(fundEvents);
    }

    @Test
    void an_investor_whose_id_is_a_funds_id_gets_an_account_in_a_stream_of_its_own() {
        Scenario fund = Scenario.fundWithContract(http, unique("fundinvestor"), "50000.00", "30000.00");
        long fundEvents = eventCountFor(fund.fundId);

        ok(http.post("/api/exchange/accounts").as("fund-manager", "investor", Map.of("investor_id", fund.fundId))
                .json(Map.of("investorId", fund.fundId, "currency", "EUR")).send(), 201);
        ok(http.post("/api/exchange/accounts/" + fund.fundId + "/deposits").as("fund-manager", "investor", Map.of("investor_id", fund.fundId))
                .json(Map.of("amount", money("500.00"), "bankReference", "SEPA-FUND", "valueDate", "2026-03-01")).send(), 201);

        assertThat(eventCountFor(fund.fundId)).isEqualTo(fundEvents);
        assertThat(eventCountFor("account/" + fund.fundId)).isEqualTo(2);
        assertThat(jdbc.sql("select distinct type from domain_event_entry where aggregate_identifier = ?").param("account/" + fund.fundId)
                .query(String.class).list()).containsExactly("Account");
    }
}
