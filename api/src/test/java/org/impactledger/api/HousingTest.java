package org.impactledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.HousingScenario.PROPERTIES;
import static org.impactledger.api.support.HousingScenario.lease;
import static org.impactledger.api.support.HousingScenario.unit;
import static org.impactledger.api.support.Scenario.money;
import static org.impactledger.api.support.Scenario.ok;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.impactledger.api.support.Eventually;
import org.impactledger.api.support.HousingScenario;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Homes4All end to end through HTTP on PostgreSQL: a housing fund buys two properties out of its
 * cash, lets flats to households, charges and collects rent (into the fund's cash), corrects a
 * collection and a charge, ends a tenancy with an exit to autonomous housing; then the property and
 * lease queries, the fund's cash and journal, and the housing report (figures worked out by hand in
 * the comments). Refusals are problem documents that append nothing.
 */
class HousingTest extends IntegrationTest {

    @Test
    void a_housing_fund_buys_lets_collects_rent_and_reports_by_district() {
        String p = unique("h4a");
        HousingScenario s = HousingScenario.fundWithCash(http, p, "600000.00");
        String cigna = p + "-cigna";
        String nizza = p + "-nizza";

        Http.Response acquired = ok(s.acquire(s.property(cigna, "6", "420000.00", "2026-02-01", List.of(
                unit("A1", "48.50", 2, "620.00"), unit("A2", "65", 3, "780.00"), unit("A3", "32", 1, "450.00")))), 201);
        assertThat(acquired.json().get("propertyId").asString()).isEqualTo(cigna);
        assertThat(acquired.header("Location")).endsWith(PROPERTIES + "/" + cigna);
        ok(s.acquire(s.property(nizza, "8", "150000.00", "2026-02-15", List.of(unit("B1", "55", 2, "700.00"), unit("B2", "40", 2, "560.00")))), 201);
        ok(http.post(PROPERTIES + "/" + cigna + "/valuations").as(HousingScenario.MANAGER, "fund-manager")
                .json(Map.of("value", money("430000.00"), "asOf", "2026-04-30", "method", "independent appraisal")).send(), 201);

        ok(s.sign(cigna, lease("L1", "A1", p + "-hh-1", 3, "400.00", "620.00", "2026-03-01")), 201);
        ok(s.sign(nizza, lease("L2", "B1", p + "-hh-2", 2, "450.00", "700.00", "2026-03-10")), 201);
        for (String period : List.of("2026-03", "2026-04")) {
            ok(s.charge(cigna, "L1", period), 201);
            ok(s.charge(nizza, "L2", period), 201);
        }
        ok(s.collect(cigna, "L1", "c1-03", "2026-03", "400.00", "2026-03-05"), 201);
        ok(s.collect(cigna, "L1", "c1-04", "2026-04", "400.00", "2026-04-05"), 201);
        ok(s.collect(nizza, "L2", "c2-03", "2026-03", "450.00", "2026-03-12"), 201);
        Http.Response partial = ok(s.collect(nizza, "L2", "c2-04", "2026-04", "200.00", "2026-04-12"), 201);
        assertThat(partial.json().get("outstanding").get("amount").decimalValue()).isEqualByComparingTo("250.00");
        Http.Response reversed = ok(http.post(PROPERTIES + "/" + cigna + "/rent-collections/c1-04/reversal").as("treasurer", "fund-manager")
                .json(Map.of("reason", "returned by the bank", "reversedOn", "2026-04-20")).send(), 200);
        assertThat(reversed.json().get("outstanding").get("amount").decimalValue()).isEqualByComparingTo("400.00");
        ok(s.charge(nizza, "L2", "2026-05"), 201);
        ok(http.post(PROPERTIES + "/" + nizza + "/leases/L2/rent-charges/2026-05/cancellation").as("fund-manager", "fund-manager")
                .json(Map.of("reason", "the household moved out at the end of April")).send(), 200);
        ok(http.post(PROPERTIES + "/" + nizza + "/leases/L2/end").as("fund-manager", "fund-manager")
                .json(Map.of("endDate", "2026-04-30", "reason", "MOVED_TO_AUTONOMOUS_HOUSING")).send(), 200);

        Eventually.holds(() -> {
            JsonNode property = ok(http.get(PROPERTIES + "/" + cigna).send(), 200).json();
            assertThat(property.get("property").get("district").asString()).isEqualTo("6");
            assertThat(property.get("property").get("latestValuation").decimalValue()).isEqualByComparingTo("430000.00");
            JsonNode units = property.get("units");
            assertThat(units.size()).isEqualTo(3);
            assertThat(units.get(0).get("currentLease").get("leaseId").asString()).isEqualTo("L1");
            assertThat(units.get(0).get("currentLease").get("arrears").decimalValue()).isEqualByComparingTo("400.00");
            assertThat(units.get(1).get("currentLease").isNull()).isTrue();
        });
        Eventually.holds(() -> {
            JsonNode l2 = ok(http.get(PROPERTIES + "/" + nizza + "/leases/L2").send(), 200).json();
            assertThat(l2.get("active").asBoolean()).isFalse();
            assertThat(l2.get("endReason").asString()).isEqualTo("MOVED_TO_AUTONOMOUS_HOUSING");
            assertThat(l2.get("months").size()).isEqualTo(2);
            assertThat(l2.get("months").get(1).get("arrears").decimalValue()).isEqualByComparingTo("250.00");
            assertThat(l2.get("arrears").decimalValue()).isEqualByComparingTo("250.00");
        });
        Eventually.holds(() -> {
            JsonNode page = ok(http.get(PROPERTIES + "?fundId=" + s.fundId + "&district=8").send(), 200).json();
            assertThat(page.get("total").asLong()).isEqualTo(1);
            assertThat(page.get("items").get(0).get("propertyId").asString()).isEqualTo(nizza);
        });
        // cash: 600,000 − 420,000 − 150,000 + rent 400 + 400 + 450 + 200 − the reversed 400 = 31,050
        Eventually.holds(() -> {
            JsonNode fund = ok(http.get("/api/funds/" + s.fundId).send(), 200).json();
            assertThat(fund.get("propertyAcquisitions").decimalValue()).isEqualByComparingTo("570000.00");
            assertThat(fund.get("rentIncome").decimalValue()).isEqualByComparingTo("1050.00");
            assertThat(fund.get("cash").decimalValue()).isEqualByComparingTo("31050.00");
        });
        Eventually.holds(() -> {
            JsonNode trial = ok(http.get("/api/funds/" + s.fundId + "/trial-balance").send(), 200).json();
            assertThat(trial.get("balanced").asBoolean()).isTrue();
            Map<String, BigDecimal> balances = new LinkedHashMap<>();
            trial.get("currencies").get(0).get("accounts").forEach(a -> balances.put(a.get("account").asString(), a.get("balance").decimalValue()));
            assertThat(balances.get("1000")).as("fund cash").isEqualByComparingTo("31050.00");
            assertThat(balances.get("1600")).as("investment property at cost").isEqualByComparingTo("570000.00");
            assertThat(balances.get("4200")).as("rent income").isEqualByComparingTo("1050.00");
        });

        // as of 30 April: district 6 has L1 running (March and April due, April's payment reversed);
        // district 8 has L2 ended that day (its last day) with 250 of April unpaid
        JsonNode report = report(s.fundId, "2026-04-30").get();
        assertThat(report.get("asOf").asString()).isEqualTo("2026-04-30");
        JsonNode eur = report.get("currencies").get(0);
        JsonNode d6 = eur.get("districts").get(0);
        JsonNode d8 = eur.get("districts").get(1);
        JsonNode total = eur.get("total");
        assertThat(d6.get("district").asString()).isEqualTo("6");
        assertThat(d6.get("occupiedUnits").asInt()).isEqualTo(1);
        assertThat(d6.get("occupancyRate").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(d6.get("rentDue").decimalValue()).isEqualByComparingTo("800.00");
        assertThat(d6.get("rentCollected").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(d6.get("monthsOfStableHousing").asLong()).isEqualTo(2); // 1 Mar → 30 Apr
        assertThat(d8.get("district").asString()).isEqualTo("8");
        assertThat(d8.get("occupiedUnits").asInt()).isZero();
        assertThat(d8.get("rentDue").decimalValue()).isEqualByComparingTo("900.00"); // May cancelled
        assertThat(d8.get("arrears").decimalValue()).isEqualByComparingTo("250.00");
        assertThat(d8.get("monthsOfStableHousing").asLong()).isEqualTo(1); // 10 Mar → 30 Apr
        assertThat(d8.get("tenanciesEnded").get("MOVED_TO_AUTONOMOUS_HOUSING").asInt()).isEqualTo(1);
        assertThat(total.get("properties").asInt()).isEqualTo(2);
        assertThat(total.get("units").asInt()).isEqualTo(5);
        assertThat(total.get("occupancyRate").decimalValue()).isEqualByComparingTo("0.2000");
        assertThat(total.get("rentDue").decimalValue()).isEqualByComparingTo("1700.00");
        assertThat(total.get("rentCollected").decimalValue()).isEqualByComparingTo("1050.00");
        assertThat(total.get("arrears").decimalValue()).isEqualByComparingTo("650.00");
        assertThat(total.get("collectionRate").decimalValue()).isEqualByComparingTo("0.6176"); // 1,050 / 1,700 = 0.61764…
        assertThat(total.get("averageDiscountToMarket").decimalValue()).isEqualByComparingTo("0.3548"); // (620 − 400) / 620 = 0.35483…
        assertThat(total.get("householdsHoused").asInt()).isEqualTo(2);
        assertThat(total.get("monthsOfStableHousing").asLong()).isEqualTo(3);
        assertThat(total.get("exitsToAutonomy").asInt()).isEqualTo(1);
        assertThat(total.get("acquisitionCost").decimalValue()).isEqualByComparingTo("570000.00");

        // as of 31 March, before the end of L2 and April: both let, March all paid
        JsonNode march = report(s.fundId, "2026-03-31").get().get("currencies").get(0).get("total");
        assertThat(march.get("occupiedUnits").asInt()).isEqualTo(2);
        assertThat(march.get("rentDue").decimalValue()).isEqualByComparingTo("850.00");
        assertThat(march.get("collectionRate").decimalValue()).isEqualByComparingTo("1.0000");
        assertThat(march.get("exitsToAutonomy").asInt()).isZero();
    }

    @Test
    void collecting_rent_again_with_the_same_idempotency_key_moves_the_fund_cash_once() {
        String p = unique("h4a-idem");
        HousingScenario s = HousingScenario.fundWithCash(http, p, "200000.00");
        String property = p + "-prop";
        ok(s.acquire(s.property(property, "3", "150000.00", "2026-02-01", List.of(unit("U1", "50", 2, "650.00")))), 201);
        ok(s.sign(property, lease("L1", "U1", p + "-hh", 2, "420.00", "650.00", "2026-02-01")), 201);
        ok(s.charge(property, "L1", "2026-02"), 201);
        Supplier<Http.Response> collect = () -> http.post(PROPERTIES + "/" + property + "/leases/L1/rent-collections").as("treasurer", "fund-manager")
                .idempotencyKey(p + "-collect").json(Map.of("collectionId", "c1", "period", "2026-02", "amount", money("420.00"),
                        "paymentDate", "2026-02-05", "bankReference", "SEPA-1")).send();

        Http.Response first = ok(collect.get(), 201);
        long events = eventCount();
        Http.Response again = ok(collect.get(), 201);

        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("outstanding")).isEqualTo(first.json().get("outstanding"));
        assertThat(eventCount()).isEqualTo(events);
        Eventually.holds(() -> assertThat(ok(http.get("/api/funds/" + s.fundId).send(), 200).json().get("cash").decimalValue())
                .isEqualByComparingTo("50420.00"));
    }

    @Test
    void refusals_are_problem_documents_naming_the_field_and_append_nothing() {
        String p = unique("h4a-refusals");
        HousingScenario s = HousingScenario.fundWithCash(http, p, "500000.00");
        String property = p + "-prop";
        ok(s.acquire(s.property(property, "5", "300000.00", "2026-02-01", List.of(unit("U1", "50", 2, "650.00"), unit("U2", "70", 3, "800.00")))),
                201);
        ok(s.sign(property, lease("L1", "U1", p + "-hh-1", 2, "420.00", "650.00", "2026-02-01")), 201);
        ok(s.charge(property, "L1", "2026-02"), 201);

        Map<String, Supplier<Http.Response>> refusals = new LinkedHashMap<>();
        refusals.put("409 INVALID_STATE unitId: a second lease on an occupied unit",
                () -> s.sign(property, lease("L2", "U1", p + "-hh-2", 1, "300.00", "650.00", "2026-03-01")));
        refusals.put("409 LIMIT_EXCEEDED amount: rent beyond what is outstanding",
                () -> s.collect(property, "L1", "c1", "2026-02", "420.01", "2026-02-05"));
        refusals.put("400 UNKNOWN_CODE district: a district Turin does not have",
                () -> s.acquire(s.property(p + "-p9", "9", "1000.00", "2026-02-01", List.of(unit("U1", "50", 2, "650.00")))));
        refusals.put("400 INVALID_VALUE district: a district that is not a number",
                () -> s.acquire(s.property(p + "-pa", "Aurora", "1000.00", "2026-02-01", List.of(unit("U1", "50", 2, "650.00")))));
        refusals.put("400 INVALID_VALUE householdId: a tax code instead of a pseudonymous household id",
                () -> s.sign(property, lease("L3", "U2", "RSSMRA80A01L219M", 2, "500.00", "800.00", "2026-03-01")));
        refusals.put("400 VALIDATION_FAILED householdId: a name instead of a household id",
                () -> s.sign(property, lease("L3", "U2", "Mario Rossi", 2, "500.00", "800.00", "2026-03-01")));
        refusals.put("409 LIMIT_EXCEEDED monthlyRent: rent above the market rent",
                () -> s.sign(property, lease("L3", "U2", p + "-hh-3", 2, "800.01", "800.00", "2026-03-01")));
        refusals.put("409 LIMIT_EXCEEDED acquisitionPrice: a price beyond the fund's cash",
                () -> s.acquire(s.property(p + "-big", "1", "200000.01", "2026-02-01", List.of(unit("U1", "50", 2, "650.00")))));
        refusals.put("400 CURRENCY_MISMATCH acquisitionPrice: a price in another currency than the fund's",
                () -> s.acquire(Map.of("propertyId", p + "-chf", "fundId", s.fundId, "addressLabel", "Via Roma 1, Torino", "district", "1",
                        "acquisitionPrice", Map.of("amount", "1000.00", "currency", "CHF"), "acquiredOn", "2026-02-01",
                        "units", List.of(Map.of("unitId", "U1", "areaSqm", "50", "rooms", 2, "marketRent", Map.of("amount", "600.00", "currency", "CHF"))))));
        refusals.put("400 INVALID_VALUE nrrp.cup: an NRRP-funded purchase with a malformed CUP",
                () -> s.acquire(withNrrp(s.property(p + "-cup", "1", "1000.00", "2026-02-01", List.of(unit("U1", "50", 2, "650.00"))),
                        "C17H2100027000", "M5C2I2.3")));
        refusals.put("400 UNKNOWN_CODE nrrp.measure: an NRRP-funded purchase under a measure the plan does not have",
                () -> s.acquire(withNrrp(s.property(p + "-measure", "1", "1000.00", "2026-02-01", List.of(unit("U1", "50", 2, "650.00"))),
                        "C17H21000270001", "M5C9I2.3")));
        refusals.put("400 VALIDATION_FAILED nrrp.cup: an NRRP tag without a CUP",
                () -> s.acquire(withNrrp(s.property(p + "-nocup", "1", "1000.00", "2026-02-01", List.of(unit("U1", "50", 2, "650.00"))),
                        " ", "M5C2I2.3")));
        refusals.put("404 NOT_FOUND fundId: a fund that does not exist",
                () -> s.acquire(withFund(s.property(p + "-nofund", "1", "1000.00", "2026-02-01", List.of(unit("U1", "50", 2, "650.00"))), "no-such-fund")));
        refusals.put("409 ALREADY_EXISTS propertyId: a property id used before",
                () -> s.acquire(s.property(property, "5", "1000.00", "2026-02-01", List.of(unit("U1", "50", 2, "650.00")))));
        refusals.put("400 VALIDATION_FAILED units: a property without units",
                () -> s.acquire(s.property(p + "-empty", "5", "1000.00", "2026-02-01", List.of())));
        refusals.put("400 DATE_OUT_OF_RANGE period: rent for a month before the lease",
                () -> s.charge(property, "L1", "2026-01"));
        refusals.put("404 NOT_FOUND collectionId: reversing a collection that does not exist",
                () -> http.post(PROPERTIES + "/" + property + "/rent-collections/nope/reversal").as("treasurer", "fund-manager")
                        .json(Map.of("reason", "returned", "reversedOn", "2026-02-20")).send());
        refusals.put("400 INVALID_VALUE note: ending a lease for another reason without a note",
                () -> http.post(PROPERTIES + "/" + property + "/leases/L1/end").as("fund-manager", "fund-manager")
                        .json(Map.of("endDate", "2026-02-28", "reason", "OTHER")).send());
        refusals.put("400 MALFORMED_REQUEST reason: an end reason that does not exist",
                () -> http.post(PROPERTIES + "/" + property + "/leases/L1/end").as("fund-manager", "fund-manager")
                        .json(Map.of("endDate", "2026-02-28", "reason", "WON_THE_LOTTERY")).send());
        refusals.put("404 NOT_FOUND null: a lease on a property that does not exist",
                () -> s.sign(p + "-nowhere", lease("L1", "U1", p + "-hh-9", 1, "300.00", "650.00", "2026-03-01")));

        long events = eventCount();
        refusals.forEach((expected, call) -> {
            Http.Response response = call.get();
            String[] parts = expected.split("[ :]", 4);
            assertThat(response.status()).as(expected + " → " + response).isEqualTo(Integer.parseInt(parts[0]));
            assertThat(response.header("Content-Type")).as(expected).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).as(expected + " → " + response).isEqualTo(parts[1]);
            JsonNode field = response.json().get("field");
            assertThat(field == null || field.isNull() ? "null" : field.asString()).as(expected + " → " + response).isEqualTo(parts[2]);
        });
        assertThat(eventCount()).isEqualTo(events);

        // the acquisition refused for lack of cash left nothing behind (not even in the aggregate cache): the id is free
        ok(s.acquire(s.property(p + "-big", "1", "200000.00", "2026-02-01", List.of(unit("U1", "50", 2, "650.00")))), 201);
    }

    @Test
    void the_report_refuses_bad_parameters_and_an_unknown_fund() {
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("/api/reports/housing?district=9", "400 district");
        refusals.put("/api/reports/housing?district=Centro", "400 district");
        refusals.put("/api/reports/housing?asOf=2026-13-01", "400 asOf");
        refusals.put("/api/reports/housing?knownAt=yesterday", "400 knownAt");
        refusals.put("/api/reports/housing?fundId=no-such-fund", "404 fundId");
        refusals.put("/api/reports/housing?fundId=no-such-fund&district=9", "400 district");
        refusals.put("/api/housing/properties?district=0", "400 district");
        refusals.put("/api/housing/properties/no-such-property", "404 null");
        refusals.forEach((path, expected) -> {
            Http.Response response = http.get(path).send();
            String[] parts = expected.split(" ");
            assertThat(response.status()).as(path + " → " + response).isEqualTo(Integer.parseInt(parts[0]));
            JsonNode field = response.json().get("field");
            assertThat(field == null || field.isNull() ? "null" : field.asString()).as(path).isEqualTo(parts[1]);
        });
    }

    private Supplier<JsonNode> report(String fundId, String asOf) {
        // the read model has caught up with the flow already (the lease query showed its last event)
        return () -> ok(http.get("/api/reports/housing?fundId=" + fundId + "&asOf=" + asOf).send(), 200).json();
    }

    private static Map<String, Object> withFund(Map<String, Object> property, String fundId) {
        Map<String, Object> body = new LinkedHashMap<>(property);
        body.put("fundId", fundId);
        return body;
    }

    private static Map<String, Object> withNrrp(Map<String, Object> property, String cup, String measure) {
        Map<String, Object> body = new LinkedHashMap<>(property);
        body.put("nrrp", Map.of("cup", cup, "measure", measure));
        body.put("bankReference", "BONIF-TEST");
        return body;
    }
}
