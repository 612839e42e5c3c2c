package org.impactledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.money;
import static org.impactledger.api.support.Scenario.ok;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.impactledger.api.support.ExchangeScenario;
import org.impactledger.api.support.HousingScenario;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.support.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * JSON bodies are read as they were written (StrictJson): a value Jackson would quietly change — a
 * fraction cut to a whole number, a number turned into text or into an enum constant, an empty string
 * turned into "absent", a key given twice — is refused with a 400 naming the field and the rule, and
 * nothing is appended. Each case was accepted before, and the truncated value recorded.
 */
class StrictJsonTest extends IntegrationTest {

    private JsonNode refused(Supplier<Http.Response> call, String field, String rule) {
        long before = eventCount();
        Http.Response response = call.get();
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asString()).as(response.body()).isEqualTo("MALFORMED_REQUEST");
        assertThat(problem.get("field").asString()).as(response.body()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("rule").asString()).as(response.body()).isEqualTo(rule);
        assertThat(problem.get("detail").asString()).as(response.body()).startsWith(field + ": ");
        assertThat(eventCount()).as("no event appended").isEqualTo(before);
        return problem;
    }

    private static String order(Object quantity, ExchangeScenario s) {
        return "{\"orderId\":\"X1\",\"investorId\":\"" + s.investor("anna") + "\",\"side\":\"BUY\",\"quantity\":" + quantity
                + ",\"limitPrice\":{\"amount\":\"7.00\",\"currency\":\"EUR\"},\"placedOn\":\"" + ExchangeScenario.DAY + "\"}";
    }

    @Test
    void a_fractional_quantity_of_an_order_is_refused_not_cut_to_a_whole_number() {
        ExchangeScenario s = ExchangeScenario.issuerWithShare(http, unique("frac-order")).account("anna", "1000.00");
        String orders = "/api/exchange/instruments/" + s.shareId + "/orders";

        for (String quantity : List.of("1.5", "2.99", "1.0", "1e2")) {
            JsonNode problem = refused(() -> http.post(orders).as(s.investor("anna"), "investor").json(order(quantity, s)).send(),
                    "quantity", "type");
            assertThat(problem.get("detail").asString()).contains("is not a whole number")
                    .contains(quantity.contains(".") && !quantity.endsWith(".0") ? "'" + quantity + "'" : "a decimal point or an exponent");
        }
        // the string "2.99" was refused already; a whole number, as a JSON integer or a string, is still fine
        ok(http.post(orders).as(s.investor("anna"), "investor").json(order("2", s)).send(), 201);
        ok(http.post(orders).as(s.investor("anna"), "investor").json(order("\"3\"", s).replace("X1", "X2")).send(), 201);
    }

    @Test
    void a_fractional_offering_size_or_subscription_quantity_is_refused() {
        ExchangeScenario s = ExchangeScenario.issuerWithShare(http, unique("frac-offer")).account("anna", "1000.00");
        String offerings = "/api/exchange/instruments/" + s.shareId + "/offerings";
        String offering = "{\"offeringId\":\"ipo\",\"size\":%s,\"price\":{\"amount\":\"10.00\",\"currency\":\"EUR\"},"
                + "\"opensOn\":\"2026-02-02\",\"closesOn\":\"2026-02-27\"}";

        refused(() -> http.post(offerings).as(ExchangeScenario.ISSUER_OFFICER, "issuer", s.issuerClaim())
                .json(offering.formatted("100.9")).send(), "size", "type");
        ok(http.post(offerings).as(ExchangeScenario.ISSUER_OFFICER, "issuer", s.issuerClaim()).json(offering.formatted("100")).send(), 201);
        refused(() -> http.post(offerings + "/ipo/subscriptions").as(s.investor("anna"), "investor").json("{\"investorId\":\""
                + s.investor("anna") + "\",\"quantity\":10.99,\"subscribedOn\":\"2026-02-10\"}").send(), "quantity", "type");
    }

    @Test
    void a_fractional_household_size_is_refused() {
        HousingScenario h = HousingScenario.fundWithCash(http, unique("frac-lease"), "500000.00");
        String property = unique("prop");
        ok(h.acquire(h.property(property, "6", "200000.00", "2026-02-02",
                List.of(HousingScenario.unit(property + "-u1", "60.00", 3, "700.00")))), 201);
        String lease = "{\"leaseId\":\"l-1\",\"unitId\":\"" + property + "-u1\",\"householdId\":\"hh-1\",\"householdSize\":%s,"
                + "\"monthlyRent\":{\"amount\":\"400.00\",\"currency\":\"EUR\"},\"marketRent\":{\"amount\":\"700.00\",\"currency\":\"EUR\"},"
                + "\"startDate\":\"2026-03-01\"}";
        String leases = HousingScenario.PROPERTIES + "/" + property + "/leases";

        refused(() -> http.post(leases).as("fund-manager", "fund-manager").json(lease.formatted("2.9")).send(), "householdSize", "type");
        ok(http.post(leases).as("fund-manager", "fund-manager").json(lease.formatted("2")).send(), 201);
    }

    @Test
    void a_number_where_text_or_an_enum_constant_is_expected_is_refused() {
        ExchangeScenario s = ExchangeScenario.issuerWithShare(http, unique("num-text")).account("anna", "1000.00");
        String orders = "/api/exchange/instruments/" + s.shareId + "/orders";

        // "side": 0 was read as the first constant, BUY
        refused(() -> http.post(orders).as(s.investor("anna"), "investor").json(order("2", s).replace("\"BUY\"", "0")).send(),
                "side", "type");
        refused(() -> http.post(orders).as(s.investor("anna"), "investor").json(order("2", s).replace("\"BUY\"", "\"0\"")).send(),
                "side", "type");
        // a number or a boolean where text is expected was turned into the strings "12" and "true"
        refused(() -> http.post(orders).as(s.investor("anna"), "investor").json(order("2", s).replace("\"X1\"", "12")).send(),
                "orderId", "type");
        refused(() -> http.post("/api/funds").as(Scenario.MANAGER, "fund-manager").json("{\"name\":true,\"currency\":\"EUR\","
                + "\"manager\":\"M\",\"returnCapMultiple\":\"1.30\"}").send(), "name", "type");
        refused(() -> http.post("/api/contracts").as(Scenario.MANAGER, "fund-manager").json(contractWithTargets("[11.1, \"1.2\"]")).send(),
                "rateCard[0].sdgTargets[0]", "type");
    }

    @Test
    void an_empty_string_for_a_date_a_number_or_an_enum_is_refused_not_read_as_absent() {
        ExchangeScenario s = ExchangeScenario.issuerWithShare(http, unique("empty")).account("anna", "1000.00");
        String orders = "/api/exchange/instruments/" + s.shareId + "/orders";

        // an empty placedOn became null, and the order was placed on the business date instead
        refused(() -> http.post(orders).as(s.investor("anna"), "investor").json(order("2", s)
                .replace("\"" + ExchangeScenario.DAY + "\"", "\"\"")).send(), "placedOn", "type");
        refused(() -> http.post(orders).as(s.investor("anna"), "investor").json(order("\" \"", s)).send(), "quantity", "type");
        refused(() -> http.post(orders).as(s.investor("anna"), "investor").json(order("2", s).replace("\"BUY\"", "\"\"")).send(),
                "side", "type");
        // a number of days since 1970 is not a date
        refused(() -> http.post(orders).as(s.investor("anna"), "investor").json(order("2", s)
                .replace("\"" + ExchangeScenario.DAY + "\"", "20260303")).send(), "placedOn", "type");
    }

    @Test
    void a_whole_number_beyond_the_fields_range_is_refused_naming_the_field() {
        ExchangeScenario s = ExchangeScenario.issuerWithShare(http, unique("range")).account("anna", "1000.00");
        String orders = "/api/exchange/instruments/" + s.shareId + "/orders";

        JsonNode problem = refused(() -> http.post(orders).as(s.investor("anna"), "investor").json(order("99999999999999999999", s)).send(),
                "quantity", "range");
        assertThat(problem.get("detail").asString()).contains("9223372036854775807");
        HousingScenario h = HousingScenario.fundWithCash(http, unique("range-h"), "500000.00");
        refused(() -> h.acquire(h.property(unique("p"), "6", "200000.00", "2026-02-02",
                List.of(Map.of("unitId", "u1", "areaSqm", "60.00", "rooms", 3_000_000_000L, "marketRent", money("700.00"))))),
                "units[0].rooms", "range");
        // scalars into lists and lists into scalars stay refused
        refused(() -> http.post("/api/contracts").as(Scenario.MANAGER, "fund-manager").json(contractWithTargets("\"11.1\"")).send(),
                "rateCard[0].sdgTargets", "type");
        refused(() -> http.post(orders).as(s.investor("anna"), "investor").json(order("[2]", s)).send(), "quantity", "type");
    }

    @Test
    void a_key_given_twice_is_refused_naming_it_wherever_it_is() {
        Scenario s = Scenario.fundWithContract(http, unique("dup"), "50000.00", "30000.00");
        String commitments = "/api/funds/" + s.fundId + "/commitments";

        JsonNode problem = refused(() -> http.post(commitments).as(Scenario.MANAGER, "fund-manager").json("{\"investorId\":\"inv-b\","
                + "\"investorId\":\"inv-c\",\"amount\":{\"amount\":\"10.00\",\"currency\":\"EUR\"},\"valueDate\":\"2026-01-10\"}").send(),
                "investorId", "duplicate-property");
        assertThat(problem.get("detail").asString()).isEqualTo("investorId: property 'investorId' appears more than once; send each property once");
        refused(() -> http.post(commitments).as(Scenario.MANAGER, "fund-manager").json("{\"investorId\":\"inv-b\","
                + "\"amount\":{\"amount\":\"10.00\",\"amount\":\"1000.00\",\"currency\":\"EUR\"},\"valueDate\":\"2026-01-10\"}").send(),
                "amount.amount", "duplicate-property");
        refused(() -> http.post("/api/contracts").as(Scenario.MANAGER, "fund-manager").json(contractWithTargets("[\"11.1\"]")
                .replace("\"rule\":", "\"rule\":\"ONCE_PER_BENEFICIARY\",\"rule\":")).send(), "rateCard[0].rule", "duplicate-property");
    }

    /** A contract body whose one rate card line has {@code sdgTargets} written as {@code targets} (raw JSON). */
    private static String contractWithTargets(String targets) {
        return "{\"fundId\":\"f\",\"providerId\":\"p\",\"budgetId\":\"b\",\"title\":\"T\",\"startDate\":\"2026-02-01\","
                + "\"endDate\":\"2027-12-31\",\"cap\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"},\"rateCard\":[{\"metricCode\":\"M\","
                + "\"description\":\"d\",\"unitPrice\":{\"amount\":\"10.00\",\"currency\":\"EUR\"},\"sdgTargets\":" + targets
                + ",\"rule\":\"ONCE_PER_BENEFICIARY_PER_PERIOD\"}]}";
    }
}
