package org.impactledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.money;
import static org.impactledger.api.support.Scenario.ok;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.impactledger.api.support.ExchangeScenario;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.support.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Wherever a currency is accepted, it is a currency of money: an ISO 4217 code with a minor unit.
 * XXX ("no currency") and XAU (gold) opened a fund before (201) while QQQ was refused; now every code
 * without a minor unit is refused with {@code 400 UNKNOWN_CODE} naming the field, and nothing is appended.
 */
class CurrencyOfMoneyTest extends IntegrationTest {

    private JsonNode refused(Supplier<Http.Response> call, String field) {
        long before = eventCount();
        Http.Response response = call.get();
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode problem = response.json();
        assertThat(problem.get("code").asString()).as(response.body()).isEqualTo("UNKNOWN_CODE");
        assertThat(problem.get("field").asString()).as(response.body()).isEqualTo(field);
        assertThat(eventCount()).as("no event appended").isEqualTo(before);
        return problem;
    }

    private Http.Response openFund(String currency) {
        return http.post("/api/funds").as(Scenario.MANAGER, "fund-manager").json(Map.of("fundId", unique("ccy-fund"), "name", "Fund",
                "currency", currency, "manager", "M", "returnCapMultiple", "1.30")).send();
    }

    @Test
    void a_fund_in_a_code_that_is_not_money_is_refused() {
        for (String code : List.of("XXX", "XAU", "XAG", "XPT", "XPD", "XDR", "XTS", "XBA", "XSU", "XUA")) {
            JsonNode problem = refused(() -> openFund(code), "currency");
            assertThat(problem.get("detail").asString()).contains(code).contains("not money");
            assertThat(problem.get("errors").get(0).get("rule").asString()).isEqualTo("CurrencyCode");
        }
        refused(() -> openFund("QQQ"), "currency");
        ok(openFund("CHF"), 201);
    }

    @Test
    void an_amount_or_an_account_in_a_code_that_is_not_money_is_refused_naming_the_field_where_it_is() {
        Scenario s = Scenario.fundWithContract(http, unique("ccy"), "50000.00", "30000.00");

        refused(() -> http.post("/api/funds/" + s.fundId + "/commitments").as(Scenario.MANAGER, "fund-manager").json(Map.of(
                "investorId", "inv-b", "amount", Map.of("amount", "10.00", "currency", "XAU"), "valueDate", "2026-01-10")).send(), "amount.currency");
        Map<String, Object> contract = Scenario.contract(unique("c"), s.fundId, s.budgetId, "1000.00", "11.1");
        @SuppressWarnings("unchecked")
        Map<String, Object> line = new LinkedHashMap<>(((List<Map<String, Object>>) contract.get("rateCard")).get(0));
        line.put("unitPrice", Map.of("amount", "4500.00", "currency", "XXX"));
        contract.put("rateCard", List.of(line));
        refused(() -> http.post("/api/contracts").as(Scenario.MANAGER, "fund-manager").json(contract).send(), "rateCard[0].unitPrice.currency");

        refused(() -> http.post("/api/exchange/accounts").as("inv-xpt", "investor").json(Map.of("investorId", "inv-xpt", "currency", "XPT",
                "openedOn", "2026-01-10")).send(), "currency");
        refused(() -> http.post("/api/exchange/issuers").as(ExchangeScenario.ADMISSIONS, "admin").json(Map.of("issuerId", unique("iss"),
                "name", "Coop", "currency", "XTS", "sdgFocus", List.of("8.5"), "admittedOn", "2026-01-10")).send(), "currency");
        refused(() -> http.post("/api/nrrp/projects").as("city-officer", "city-finance").json(Map.of("cup", "J26T0000000009",
                "localProjectCode", "X-1", "measure", "M5C2I1.3", "title", "T", "currency", "XDR")).send(), "currency");
        refused(() -> http.post("/api/nrrp/plans/" + unique("PNRR-XXX") + "/measures?currency=XXX").as("city-officer", "city-finance")
                .body("mission;component;measure;subMeasure;amount\nM5;M5C2;M5C2I1.3;;10\n", "text/csv").send(), "currency");
        // a bank statement in gold: the file is refused naming the line, as for any value of it the ledger cannot take
        long before = eventCount();
        Http.Response statement = http.post("/api/nrrp/bank-statements?format=csv").as("city-officer", "city-finance").body(
                "statementId;account;currency;entryReference;bookingDate;valueDate;direction;amount;bankReference;remittance\n"
                        + "S-XAU;IT60;XAU;E-1;2026-03-03;;DBIT;10,00;;\n", "text/csv").send();
        assertThat(statement.status()).as(statement.body()).isEqualTo(400);
        assertThat(statement.json().get("field").asString()).isEqualTo("file");
        assertThat(statement.json().get("detail").asString()).startsWith("line 2: column currency: currency XAU (Gold) is an ISO 4217 code but not money");
        assertThat(eventCount()).isEqualTo(before);
    }
}
