package org.impactledger.api.support;

import static org.impactledger.api.support.Scenario.money;
import static org.impactledger.api.support.Scenario.ok;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared Homes4All test data: a housing fund with paid-in capital, and request bodies for
 * properties, leases and rent, built through the HTTP API so that tests state only what is
 * particular to them.
 */
public final class HousingScenario {

    public static final String MANAGER = "manager-homes4all";
    public static final String PROPERTIES = "/api/housing/properties";

    private final Http http;
    public final String fundId;

    private HousingScenario(Http http, String fundId) {
        this.http = http;
        this.fundId = fundId;
    }

    /** A housing fund in EUR whose investor paid in {@code paidIn}. */
    public static HousingScenario fundWithCash(Http http, String prefix, String paidIn) {
        String fundId = prefix + "-h4a";
        ok(http.post("/api/funds").as(MANAGER, "fund-manager").json(Map.of("fundId", fundId, "name", "Homes4All " + prefix,
                "currency", "EUR", "manager", "Homes4All SGR", "returnCapMultiple", "1.20")).send(), 201);
        ok(http.post("/api/funds/" + fundId + "/commitments").as(MANAGER, "fund-manager").json(Map.of("investorId", "inv-fondazione",
                "amount", money(paidIn), "valueDate", "2026-01-10")).send(), 201);
        ok(http.post("/api/funds/" + fundId + "/capital-calls").as(MANAGER, "fund-manager").json(Map.of("callId", "call-1",
                "investorId", "inv-fondazione", "amount", money(paidIn), "dueDate", "2026-01-31")).send(), 201);
        ok(http.post("/api/funds/" + fundId + "/capital-calls/call-1/receipts").as(MANAGER, "fund-manager").json(Map.of(
                "amount", money(paidIn), "valueDate", "2026-01-25", "bankReference", "SEPA-" + prefix)).send(), 201);
        return new HousingScenario(http, fundId);
    }

    /** The housing commands for a fund that exists already (opened and paid into by the test). */
    public static HousingScenario forFund(Http http, String fundId) {
        return new HousingScenario(http, fundId);
    }

    public static Map<String, Object> unit(String unitId, String area, int rooms, String marketRent) {
        return Map.of("unitId", unitId, "areaSqm", area, "rooms", rooms, "marketRent", money(marketRent));
    }

    public Map<String, Object> property(String propertyId, String district, String price, String acquiredOn, List<Map<String, Object>> units) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("propertyId", propertyId);
        body.put("fundId", fundId);
        body.put("addressLabel", "Via " + propertyId + ", Torino");
        body.put("district", district);
        body.put("acquisitionPrice", money(price));
        body.put("acquiredOn", acquiredOn);
        body.put("units", units);
        return body;
    }

    public Http.Response acquire(Map<String, Object> property) {
        return http.post(PROPERTIES).as(MANAGER, "fund-manager").json(property).send();
    }

    public static Map<String, Object> lease(String leaseId, String unitId, String household, int size, String rent, String market,
                                            String start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("leaseId", leaseId);
        body.put("unitId", unitId);
        body.put("householdId", household);
        body.put("householdSize", size);
        body.put("monthlyRent", money(rent));
        body.put("marketRent", money(market));
        body.put("startDate", start);
        return body;
    }

    public Http.Response sign(String propertyId, Map<String, Object> lease) {
        return http.post(PROPERTIES + "/" + propertyId + "/leases").as("fund-manager", "fund-manager").json(lease).send();
    }

    public Http.Response charge(String propertyId, String leaseId, String period) {
        return http.post(PROPERTIES + "/" + propertyId + "/leases/" + leaseId + "/rent-charges").as("fund-manager", "fund-manager")
                .json(Map.of("period", period)).send();
    }

    public Http.Response collect(String propertyId, String leaseId, String collectionId, String period, String amount, String paid) {
        return http.post(PROPERTIES + "/" + propertyId + "/leases/" + leaseId + "/rent-collections").as("treasurer", "fund-manager")
                .json(Map.of("collectionId", collectionId, "period", period, "amount", money(amount), "paymentDate", paid,
                        "bankReference", "SEPA-" + collectionId)).send();
    }
}
