package org.impactledger.api.support;

import static org.impactledger.api.support.Scenario.money;
import static org.impactledger.api.support.Scenario.ok;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shared exchange test data through the HTTP API: an issuer with a share whose first offering at
 * 10.00 EUR left chosen investors with chosen units, each investor's account holding what it
 * deposited minus what it paid. Ids are prefixed, so tests keep out of each other's way.
 */
public final class ExchangeScenario {

    public static final String ADMISSIONS = "exchange-admissions";
    public static final String ISSUER_OFFICER = "issuer-officer";
    public static final String VERIFIER = "verifier-carla";
    public static final String ADMITTED = "2026-01-10";
    public static final String OFFERING_CLOSED = "2026-02-27";
    /** The trading day of the scenario's orders. */
    public static final String DAY = "2026-03-03";

    private final Http http;
    public final String prefix;
    public final String issuerId;
    public final String shareId;

    private ExchangeScenario(Http http, String prefix) {
        this.http = http;
        this.prefix = prefix;
        this.issuerId = prefix + "-issuer";
        this.shareId = prefix + "-share";
    }

    /** Admits the issuer (SDG focus 8.5, 10.2) and lists its share; no units yet. */
    public static ExchangeScenario issuerWithShare(Http http, String prefix) {
        ExchangeScenario s = new ExchangeScenario(http, prefix);
        ok(http.post("/api/exchange/issuers").as(ADMISSIONS, "admin").json(Map.of("issuerId", s.issuerId,
                "name", "Cooperativa " + prefix, "currency", "EUR", "sdgFocus", java.util.List.of("8.5", "10.2"), "admittedOn", ADMITTED)).send(), 201);
        ok(http.post("/api/exchange/instruments").as(ADMISSIONS, "admin").json(Map.of("instrumentId", s.shareId,
                "issuerId", s.issuerId, "name", "Share " + prefix, "type", "SHARE", "listedOn", "2026-01-20")).send(), 201);
        return s;
    }

    /** The claims of a principal acting for this scenario's issuer (its {@code issuer_id}). */
    public Map<String, String> issuerClaim() {
        return Map.of("issuer_id", issuerId);
    }

    /** The investor's id in this scenario. */
    public String investor(String name) {
        return prefix + "-" + name;
    }

    /** Opens the investor's account and deposits {@code cash}. */
    public ExchangeScenario account(String name, String cash) {
        ok(http.post("/api/exchange/accounts").as(investor(name), "investor").json(Map.of("investorId", investor(name), "currency", "EUR",
                "openedOn", ADMITTED)).send(), 201);
        ok(http.post("/api/exchange/accounts/" + investor(name) + "/deposits").as(investor(name), "investor").json(Map.of(
                "amount", money(cash), "bankReference", "SEPA-" + investor(name), "valueDate", ADMITTED)).send(), 201);
        return this;
    }

    /**
     * Runs the share's first offering at 10.00 EUR, sized to what the investors that follow
     * ({@code "anna", 400, "bruno", 300}) subscribe for, so each is allotted exactly that; closed on
     * {@link #OFFERING_CLOSED}.
     */
    public ExchangeScenario firstOffering(Object... investorsAndUnits) {
        long size = 0;
        for (int i = 1; i < investorsAndUnits.length; i += 2) {
            size += ((Number) investorsAndUnits[i]).longValue();
        }
        ok(http.post("/api/exchange/instruments/" + shareId + "/offerings").as(ISSUER_OFFICER, "issuer", issuerClaim()).json(Map.of("offeringId", "ipo",
                "size", size, "price", money("10.00"), "opensOn", "2026-02-02", "closesOn", "2026-02-27")).send(), 201);
        for (int i = 0; i < investorsAndUnits.length; i += 2) {
            String investor = investor((String) investorsAndUnits[i]);
            ok(http.post("/api/exchange/instruments/" + shareId + "/offerings/ipo/subscriptions").as(investor, "investor").json(Map.of(
                    "investorId", investor, "quantity", investorsAndUnits[i + 1], "subscribedOn", "2026-02-10")).send(), 201);
        }
        ok(http.post("/api/exchange/instruments/" + shareId + "/offerings/ipo/close").as(ISSUER_OFFICER, "issuer", issuerClaim())
                .json(Map.of("closedOn", OFFERING_CLOSED)).send(), 200);
        return this;
    }

    /** Places a limit order of the named investor on {@link #DAY}. */
    public Http.Response order(String orderId, String name, String side, long quantity, String limit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.put("investorId", investor(name));
        body.put("side", side);
        body.put("quantity", quantity);
        body.put("limitPrice", money(limit));
        body.put("placedOn", DAY);
        return http.post("/api/exchange/instruments/" + shareId + "/orders").as(investor(name), "investor").json(body).send();
    }

    /** Reports an outcome for period 2026-Q1 on {@link #DAY}. */
    public Http.Response reportOutcome(String outcomeId, String metric, String sdgTarget, String quantity, String reporter) {
        return http.post("/api/exchange/issuers/" + issuerId + "/outcomes").as(reporter, "issuer", Map.of("issuer_id", issuerId)).header("X-Business-Date", DAY).json(Map.of("outcomeId", outcomeId,
                "metricCode", metric, "sdgTarget", sdgTarget, "quantity", quantity, "period", "2026-Q1")).send();
    }

    /** Verifies an outcome on {@link #DAY}. */
    public Http.Response verifyOutcome(String outcomeId, String quantity, String verifier) {
        return http.post("/api/exchange/issuers/" + issuerId + "/outcomes/" + outcomeId + "/verification").as(verifier, "verifier")
                .header("X-Business-Date", DAY).json(Map.of("verifiedQuantity", quantity, "note", "checked")).send();
    }
}
