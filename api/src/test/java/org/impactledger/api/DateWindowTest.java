package org.impactledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.EVIDENCE;
import static org.impactledger.api.support.Scenario.money;
import static org.impactledger.api.support.Scenario.ok;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.impactledger.api.support.Eventually;
import org.impactledger.api.support.ExchangeScenario;
import org.impactledger.api.support.HousingScenario;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.support.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The ledger's date window through HTTP: a date before 1900-01-01, or later than a year after today
 * (a fact) or a century after today (a term), is refused with {@code 400 DATE_OUT_OF_RANGE} naming
 * the field, and nothing is appended — in a body, nested in one, in the {@code X-Business-Date}
 * header and in an imported file. A commitment dated +10000-01-01 was accepted before, and left
 * out of the fund's reports while its state counted it.
 */
class DateWindowTest extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private JsonNode refused(Supplier<Http.Response> call, String field) {
        long before = eventCount();
        Http.Response response = call.get();
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode problem = response.json();
        assertThat(problem.get("code").asString()).as(response.body()).isEqualTo("DATE_OUT_OF_RANGE");
        assertThat(problem.get("type").asString()).isEqualTo("/problems/date-out-of-range");
        assertThat(problem.get("field").asString()).as(response.body()).isEqualTo(field);
        assertThat(problem.get("detail").asString()).as(response.body()).startsWith(field + " must be a date from 1900-01-01 to ");
        assertThat(eventCount()).as("no event appended").isEqualTo(before);
        return problem;
    }

    private Http.Response commit(Scenario s, String investor, String valueDate) {
        return http.post("/api/funds/" + s.fundId + "/commitments").as(Scenario.MANAGER, "fund-manager").json(Map.of(
                "investorId", investor, "amount", money("500.00"), "valueDate", valueDate)).send();
    }

    @Test
    void a_value_date_outside_the_window_is_refused_and_the_reports_agree_with_the_funds_state() {
        Scenario s = Scenario.fundWithContract(http, unique("window"), "50000.00", "30000.00");

        for (String date : List.of("+10000-01-01", "9999-12-31", "0000-01-01", "-0005-01-01", "1899-12-31", TODAY.plusYears(1).plusDays(1).toString())) {
            JsonNode problem = refused(() -> commit(s, "inv-far", date), "valueDate");
            assertThat(problem.get("errors").get(0).get("rule").asString()).isEqualTo("DateWindow");
            assertThat(problem.get("detail").asString()).endsWith("was " + date);
        }
        ok(commit(s, "inv-old", "1900-01-01"), 201);
        ok(commit(s, "inv-forward", TODAY.plusYears(1).minusDays(1).toString()), 201);

        // 200,000.00 committed by the scenario + 2 × 500.00, in the fund's state and in its report as of now alike
        Eventually.holds(() -> {
            assertThat(ok(http.get("/api/funds/" + s.fundId).send(), 200).json().get("committed").decimalValue()).isEqualByComparingTo("201000.00");
            assertThat(ok(http.get("/api/reports/fund-performance/" + s.fundId).send(), 200).json().get("committed").decimalValue())
                    .isEqualByComparingTo("201000.00");
        });
    }

    @Test
    void the_business_date_header_is_held_to_the_same_window() {
        Scenario s = Scenario.fundWithContract(http, unique("window-header"), "50000.00", "30000.00");

        refused(() -> http.post("/api/funds/" + s.fundId + "/commitments").as(Scenario.MANAGER, "fund-manager")
                .header("X-Business-Date", "9999-12-31").json(Map.of("investorId", "inv-b", "amount", money("10.00"),
                        "valueDate", "2026-01-10")).send(), "X-Business-Date");
    }

    @Test
    void terms_may_reach_a_century_ahead_and_facts_a_year() {
        ExchangeScenario x = ExchangeScenario.issuerWithShare(http, unique("window-bond")).account("anna", "1000.00");
        Map<String, Object> bond = new LinkedHashMap<>(Map.of("issuerId", x.issuerId, "name", "Social bond", "type", "SOCIAL_BOND",
                "listedOn", "2026-01-20"));
        bond.put("bondTerms", Map.of("faceValue", money("100.00"), "couponRate", "0.03", "couponsPerYear", 1,
                "maturity", TODAY.plusYears(100).plusDays(1).toString()));
        refused(() -> http.post("/api/exchange/instruments").as(ExchangeScenario.ADMISSIONS, "admin").json(bond).send(), "bondTerms.maturity");
        bond.put("bondTerms", Map.of("faceValue", money("100.00"), "couponRate", "0.03", "couponsPerYear", 1,
                "maturity", TODAY.plusYears(99).toString()));
        ok(http.post("/api/exchange/instruments").as(ExchangeScenario.ADMISSIONS, "admin").json(bond).send(), 201);

        // a fact: the day an order is placed
        Map<String, Object> order = new LinkedHashMap<>(Map.of("orderId", "far", "investorId", x.investor("anna"), "side", "BUY",
                "quantity", 1, "limitPrice", money("7.00"), "placedOn", TODAY.plusYears(2).toString()));
        refused(() -> http.post("/api/exchange/instruments/" + x.shareId + "/orders").as(x.investor("anna"), "investor").json(order).send(),
                "placedOn");
    }

    @Test
    void a_date_outside_the_window_and_another_broken_rule_are_both_named() {
        Scenario s = Scenario.fundWithContract(http, unique("window-mixed"), "50000.00", "30000.00");
        long before = eventCount();

        Http.Response response = http.post("/api/funds/" + s.fundId + "/commitments").as(Scenario.MANAGER, "fund-manager")
                .json(Map.of("investorId", "bad id", "amount", money("10.00"), "valueDate", "9999-12-31")).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("investorId", "valueDate");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void an_imported_row_dated_outside_the_window_is_rejected_with_its_line() {
        Scenario s = Scenario.fundWithContract(http, unique("window-import"), "50000.00", "900000.00");
        String csv = "outcomeId,beneficiaryId,metricCode,period,outcomeDate,quantity,evidenceReference,evidenceSha256\n"
                + "w-1,ben-1,HOUSED-6M,2026-Q3,2026-08-01,1,case-1," + EVIDENCE + "\n"
                + "w-2,ben-2,HOUSED-6M,2026-Q3,9999-12-31,1,case-2," + EVIDENCE + "\n";

        JsonNode answer = ok(http.post("/api/contracts/" + s.contractId + "/outcomes/imports").as(Scenario.PROVIDER, "provider")
                .body(csv, "text/csv").send(), 201).json();

        assertThat(answer.get("accepted").asLong()).isEqualTo(1);
        JsonNode rejection = answer.get("rejections").get("items").get(0);
        assertThat(rejection.get("line").asLong()).isEqualTo(3);
        assertThat(rejection.get("field").asString()).isEqualTo("outcomeDate");
        assertThat(rejection.get("code").asString()).isEqualTo("DATE_OUT_OF_RANGE");
        assertThat(rejection.get("reason").asString()).startsWith("outcomeDate must be a date from 1900-01-01 to ");
    }
    @Test
    void a_rent_charge_for_a_month_outside_the_window_is_refused() {
        // a month charged is a fact dated its first day: 9999-12 was charged, and counted as due and in arrears
        String p = unique("window-rent");
        HousingScenario h = HousingScenario.fundWithCash(http, p, "600000.00");
        String property = p + "-flat";
        ok(h.acquire(h.property(property, "6", "100000.00", "2026-02-01", List.of(HousingScenario.unit("A1", "50", 2, "600.00")))), 201);
        ok(h.sign(property, HousingScenario.lease("L1", "A1", p + "-hh-1", 2, "400.00", "600.00", "2026-03-01")), 201);

        for (String period : List.of("9999-12", TODAY.plusYears(1).plusMonths(1).toString().substring(0, 7))) {
            refused(() -> h.charge(property, "L1", period), "period");
        }
        ok(h.charge(property, "L1", "2026-03"), 201);
        ok(h.charge(property, "L1", TODAY.plusMonths(11).toString().substring(0, 7)), 201);
    }
    @Test
    void an_issuer_outcome_for_a_period_outside_the_window_is_refused() {
        // a period is a fact dated its first day: 9999 and 0000-Q1 were reported and verified as given
        ExchangeScenario x = ExchangeScenario.issuerWithShare(http, unique("window-issuer"));
        for (String period : List.of("9999", "0000-Q1", "1899-12", String.valueOf(TODAY.getYear() + 2))) {
            refused(() -> http.post("/api/exchange/issuers/" + x.issuerId + "/outcomes").as(ExchangeScenario.ISSUER_OFFICER, "issuer",
                    Map.of("issuer_id", x.issuerId)).json(Map.of("outcomeId", "far", "metricCode", "JOBS", "sdgTarget", "8.5",
                    "quantity", "1", "period", period)).send(), "period");
        }
        ok(http.post("/api/exchange/issuers/" + x.issuerId + "/outcomes").as(ExchangeScenario.ISSUER_OFFICER, "issuer",
                Map.of("issuer_id", x.issuerId)).json(Map.of("outcomeId", "near", "metricCode", "JOBS", "sdgTarget", "8.5",
                "quantity", "1", "period", "1900-Q1")).send(), 201);
    }
}
