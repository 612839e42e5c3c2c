package org.impactledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.money;
import static org.impactledger.api.support.Scenario.ok;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.impactledger.api.support.Eventually;
import org.impactledger.api.support.ExchangeScenario;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.support.Scenario;
import org.impactledger.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Authentication and authorisation through HTTP: no credentials is 401, the wrong role is 403, an
 * investor probing another investor's figures gets nothing of them on any read endpoint, ownership
 * of contracts and budgets holds, and forged actor headers change nothing.
 */
class SecurityTest extends IntegrationTest {

    /**
     * Every GET endpoint under /api, classified. A new GET endpoint fails
     * {@link #every_read_endpoint_of_the_api_is_in_the_probe_list()} until it is added here (and
     * given its roles in {@link SecurityConfiguration}).
     */
    static final List<String> READ_ENDPOINTS = List.of(
            "/api/funds",
            "/api/funds/{fundId}",
            "/api/funds/{fundId}/investors",
            "/api/funds/{fundId}/budgets",
            "/api/funds/{fundId}/payments",
            "/api/funds/{fundId}/journal",
            "/api/funds/{fundId}/trial-balance",
            "/api/journal/check",
            "/api/contracts",
            "/api/contracts/{contractId}",
            "/api/contracts/{contractId}/outcomes",
            "/api/contracts/{contractId}/outcomes/{outcomeId}",
            "/api/contracts/{contractId}/outcomes/imports",
            "/api/contracts/{contractId}/outcomes/imports/{importId}",
            "/api/reports/fund-performance/{fundId}",
            "/api/reports/fund-performance/{fundId}/investors/{investorId}",
            "/api/reports/sdg-impact",
            "/api/reports/outcome-payments",
            "/api/reports/outcome-payments/{contractId}/{outcomeId}",
            "/api/audit/verify",
            "/api/audit/head",
            "/api/audit/public-key",
            "/api/audit/checkpoints",
            "/api/audit/events",
            "/api/audit/export",
            "/api/admin/projections",
            "/api/admin/projections/{name}",
            "/api/data-subjects/{subjectId}/personal-data",
            "/api/reports/housing",
            "/api/reports/nrrp-reconciliation",
            "/api/housing/properties",
            "/api/housing/properties/{propertyId}",
            "/api/housing/properties/{propertyId}/leases/{leaseId}",
            "/api/exchange/issuers",
            "/api/exchange/issuers/{issuerId}",
            "/api/exchange/instruments",
            "/api/exchange/instruments/{instrumentId}",
            "/api/exchange/instruments/{instrumentId}/order-book",
            "/api/exchange/instruments/{instrumentId}/trades",
            "/api/exchange/accounts/{investorId}",
            "/api/exchange/accounts/{investorId}/portfolio-impact");

    /** Readable without credentials: the audit trail's public key is meant for anyone who verifies an export. */
    static final Set<String> PUBLIC = Set.of("/api/audit/public-key");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void every_read_endpoint_of_the_api_is_in_the_probe_list() {
        Set<String> gets = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                info.getPatternValues().stream().filter(p -> p.startsWith("/api/")).forEach(gets::add);
            }
        });
        assertThat(gets).as("GET endpoints under /api that the investor probe does not try: classify them").isSubsetOf(READ_ENDPOINTS);
    }

    @Test
    void without_credentials_every_endpoint_answers_401_with_a_problem_and_the_accepted_schemes() {
        for (String endpoint : READ_ENDPOINTS) {
            Http.Response response = http.get(fill(endpoint, Map.of())).anonymous().send();
            if (PUBLIC.contains(endpoint)) {
                assertThat(response.status()).as(endpoint).isEqualTo(200);
                continue;
            }
            assertUnauthenticated(response, endpoint);
        }
        long before = eventCount();
        assertUnauthenticated(http.post("/api/funds").anonymous().json(Map.of("name", "F", "currency", "EUR", "manager", "M",
                "returnCapMultiple", "1.2")).send(), "POST /api/funds");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void without_credentials_every_command_of_the_api_answers_401_and_appends_nothing() {
        Set<String> posts = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                info.getPatternValues().stream().filter(p -> p.startsWith("/api/")).forEach(posts::add);
            }
        });
        assertThat(posts).contains("/api/funds", "/api/contracts/{contractId}/outcomes", "/api/data-subjects/{subjectId}/erasure");
        long before = eventCount();
        for (String post : posts) {
            String path = post.replaceAll("\\{[^}]+}", "x-1");
            assertUnauthenticated(http.post(path).anonymous().json(Map.of()).send(), "POST " + post);
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_token_signed_by_another_key_or_expired_is_refused_with_401() {
        Http.Response expired = http.get("/api/funds").bearer(TestTokens.sign("auditor", List.of("auditor"), Map.of(),
                Instant.now().minusSeconds(120))).send();
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.header("WWW-Authenticate")).contains("invalid_token");
        Http.Response forged = http.get("/api/funds").header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.").send();
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void health_and_the_api_documents_are_public_and_metrics_are_not() {
        assertThat(http.get("/actuator/health").anonymous().send().status()).isEqualTo(200);
        assertThat(http.get("/v3/api-docs").anonymous().send().status()).isEqualTo(200);
        assertThat(http.get("/actuator/metrics").anonymous().send().status()).isEqualTo(401);
        assertThat(http.get("/actuator/metrics").as("investor-x", "investor").send().status()).isEqualTo(403);
        assertThat(http.get("/actuator/metrics").as("ops", "admin").send().status()).isEqualTo(200);
    }

    @Test
    void a_local_user_authenticates_with_http_basic_and_a_wrong_password_is_401() {
        assertThat(http.get("/api/funds").basic("basic-auditor", "demo-basic-auditor").send().status()).isEqualTo(200);
        Http.Response wrong = http.get("/api/funds").basic("basic-auditor", "guess").send();
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).contains("Basic");
        assertThat(http.post("/api/funds").basic("basic-auditor", "demo-basic-auditor").json(Map.of("name", "F", "currency", "EUR",
                "manager", "M", "returnCapMultiple", "1.2")).send().status()).as("an auditor changes nothing").isEqualTo(403);
    }

    @Test
    void repeated_failed_basic_logins_are_throttled_with_429_and_retry_after_without_checking_the_password() {
        double refusedBefore = meters.counter("ledger.security.login.refused", "limit", "user").count();
        // ledger.security.login-throttle.max-failures-per-user=3 in the tests' application.properties
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/api/funds").basic("basic-throttled", "guess-" + i).send().status()).isEqualTo(401);
        }
        Http.Response throttled = http.get("/api/funds").basic("basic-throttled", "demo-basic-auditor").send();
        assertThat(throttled.status()).as("even the right password is not checked now").isEqualTo(429);
        assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
        assertThat(throttled.json().get("code").asString()).isEqualTo("TOO_MANY_LOGIN_FAILURES");
        assertThat(throttled.json().get("type").asString()).isEqualTo("/problems/too-many-login-failures");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(meters.counter("ledger.security.login.refused", "limit", "user").count()).isEqualTo(refusedBefore + 1);
        assertThat(http.get("/problems/too-many-login-failures").anonymous().send().status()).isEqualTo(200);
        // another user, and bearer tokens, are not affected
        assertThat(http.get("/api/funds").basic("basic-auditor", "demo-basic-auditor").send().status()).isEqualTo(200);
        assertThat(http.get("/api/funds").as("auditor-x", "auditor").send().status()).isEqualTo(200);
    }

    @Test
    void the_wrong_role_is_refused_with_403_and_appends_nothing() {
        Scenario s = Scenario.fundWithContract(http, unique("roles"), "50000.00", "30000.00");
        ok(s.report("o-1", "ben-1", "HOUSED-6M", "2026-Q3", "2026-08-01"), 201);
        long before = eventCount();
        assertForbidden(http.post("/api/funds").as("investor-x", "investor").json(Map.of("name", "F", "currency", "EUR", "manager", "M",
                "returnCapMultiple", "1.2")).send(), "ACCESS_DENIED");
        assertForbidden(http.post("/api/contracts/" + s.contractId + "/outcomes/o-1/verification").as(Scenario.PROVIDER, "provider")
                .json(Map.of("verifiedQuantity", "1", "note", "self-check")).send(), "ACCESS_DENIED");
        assertForbidden(http.post("/api/contracts/" + s.contractId + "/outcomes").as(Scenario.VERIFIER, "verifier")
                .json(Map.of("outcomeId", "o-2", "beneficiaryId", "ben-2", "metricCode", "HOUSED-6M", "period", "2026-Q3",
                        "outcomeDate", "2026-08-01", "quantity", "1", "evidenceReference", "f", "evidenceSha256", Scenario.EVIDENCE)).send(),
                "ACCESS_DENIED");
        assertForbidden(http.post("/api/admin/projections/fund-state/rebuild").as(Scenario.MANAGER, "fund-manager").send(), "ACCESS_DENIED");
        assertForbidden(http.get("/api/audit/verify").as(Scenario.MANAGER, "fund-manager").send(), "ACCESS_DENIED");
        assertForbidden(http.get("/api/funds/" + s.fundId + "/journal").as("investor-x", "investor").send(), "ACCESS_DENIED");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_provider_reports_only_on_its_own_contracts_and_a_payer_pays_only_its_own() {
        Scenario s = Scenario.fundWithContract(http, unique("own"), "50000.00", "30000.00");
        long before = eventCount();
        Http.Response foreignProvider = http.post("/api/contracts/" + s.contractId + "/outcomes")
                .as("provider-zeta", "provider", Map.of("provider_id", "coop-other"))
                .json(Map.of("outcomeId", "o-1", "beneficiaryId", "ben-1", "metricCode", "HOUSED-6M", "period", "2026-Q3",
                        "outcomeDate", "2026-08-01", "quantity", "1", "evidenceReference", "f", "evidenceSha256", Scenario.EVIDENCE)).send();
        assertForbidden(foreignProvider, "NOT_OWNER");
        assertThat(eventCount()).isEqualTo(before);

        ok(s.report("o-1", "ben-1", "HOUSED-6M", "2026-Q3", "2026-08-01"), 201);
        ok(s.verify("o-1", Scenario.VERIFIER), 200);
        before = eventCount();
        assertForbidden(http.post("/api/contracts/" + s.contractId + "/outcomes/o-1/payment-approval")
                .as("payer-zeta", "outcome-payer", Map.of("payer_id", "region-piedmont")).send(), "NOT_OWNER");
        assertForbidden(http.post("/api/funds/" + s.fundId + "/budgets").as("payer-zeta", "outcome-payer", Map.of("payer_id", "region-piedmont"))
                .json(Map.of("budgetId", "b-other", "payerId", "city-of-turin", "amount", money("1000.00"), "valueDate", "2026-01-15")).send(),
                "NOT_OWNER");
        assertThat(eventCount()).isEqualTo(before);
        ok(s.approve("o-1", Scenario.PAYER), 200);
    }

    @Test
    void an_issuer_lists_and_acts_only_on_its_own_instruments() {
        ExchangeScenario a = ExchangeScenario.issuerWithShare(http, unique("issuer-a"));
        ExchangeScenario b = ExchangeScenario.issuerWithShare(http, unique("issuer-b")).account("anna", "1000.00").firstOffering("anna", 40);
        String share = "/api/exchange/instruments/" + b.shareId;
        Map<String, String> asA = a.issuerClaim();
        ok(http.post(share + "/offerings").as("officer-b", "issuer", b.issuerClaim()).json(Map.of("offeringId", "second", "size", 100,
                "price", money("10.00"), "opensOn", "2026-03-02", "closesOn", "2026-03-20")).send(), 201);

        long before = eventCount();
        long bEvents = eventCountFor(b.shareId);
        Map<String, Map<String, Object>> foreign = new LinkedHashMap<>();
        foreign.put("/api/exchange/instruments", Map.of("instrumentId", b.prefix + "-bond", "issuerId", b.issuerId, "name", "Not mine",
                "type", "SHARE", "listedOn", "2026-01-20"));
        foreign.put(share + "/offerings", Map.of("offeringId", "third", "size", 10, "price", money("10.00"), "opensOn", "2026-03-02",
                "closesOn", "2026-03-20"));
        foreign.put(share + "/offerings/second/close", Map.of("closedOn", "2026-03-20"));
        foreign.put(share + "/offerings/second/cancellation", Map.of("reason", "not mine to cancel", "cancelledOn", "2026-03-05"));
        foreign.put(share + "/dividends", Map.of("paymentId", "div-a", "amount", money("10.00"), "recordDate", "2026-03-31",
                "paymentDate", "2026-04-15"));
        foreign.put(share + "/coupons", Map.of("paymentId", "cpn-a", "recordDate", "2026-03-31", "paymentDate", "2026-04-15"));
        foreign.put(share + "/delisting", Map.of("reason", "not mine to delist", "delistedOn", "2026-03-06"));
        for (Map.Entry<String, Map<String, Object>> command : foreign.entrySet()) {
            Http.Response refused = http.post(command.getKey()).as("officer-a", "issuer", asA).json(command.getValue()).send();
            assertForbidden(refused, "NOT_OWNER");
            assertThat(refused.json().get("errors").findValuesAsString("field")).as(command.getKey()).containsExactly("issuerId");
        }
        // an issuer with no issuer claim, an investor and a verifier are refused too
        assertForbidden(http.post(share + "/delisting").as("officer-x", "issuer", Map.of("issuer_id", "")).json(Map.of("reason", "r")).send(),
                "NOT_OWNER");
        assertForbidden(http.post(share + "/delisting").as(b.investor("anna"), "investor").json(Map.of("reason", "r")).send(), "ACCESS_DENIED");
        assertForbidden(http.post(share + "/offerings/second/close").as("verifier-v", "verifier").json(Map.of()).send(), "ACCESS_DENIED");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(eventCountFor(b.shareId)).isEqualTo(bEvents);

        // its own instruments it lists and manages; an administrator acts for any issuer
        ok(http.post("/api/exchange/instruments").as("officer-a", "issuer", asA).json(Map.of("instrumentId", a.prefix + "-second",
                "issuerId", a.issuerId, "name", "Mine", "type", "SHARE", "listedOn", "2026-01-20")).send(), 201);
        ok(http.post(share + "/offerings/second/cancellation").as("officer-b", "issuer", b.issuerClaim())
                .json(Map.of("reason", "withdrawn", "cancelledOn", "2026-03-05")).send(), 200);
        ok(http.post(share + "/dividends").as(ExchangeScenario.ADMISSIONS, "admin").json(Map.of("paymentId", "div-admin",
                "amount", money("10.00"), "recordDate", "2026-03-31", "paymentDate", "2026-04-15")).send(), 201);
    }

    @Test
    void a_payer_probing_another_payer_gets_nothing_of_its_budgets_payments_or_payment_audit() {
        Scenario s = Scenario.fundWithContract(http, unique("payers"), "50000.00", "30000.00");
        String cityBeneficiary = unique("ben-city");
        ok(s.reportVerifyApprove("o-1", cityBeneficiary, "HOUSED-6M", "2026-Q3"), 200);
        Map<String, String> region = Map.of("payer_id", "region-piedmont");
        String regionBudget = s.fundId + "-region";
        String regionContract = s.contractId + "-region";
        String regionBeneficiary = unique("ben-region");
        ok(http.post("/api/funds/" + s.fundId + "/budgets").as("payer-zeta", "outcome-payer", region).json(Map.of("budgetId", regionBudget,
                "payerId", "region-piedmont", "amount", money("40000.00"), "valueDate", "2026-01-15")).send(), 201);
        ok(http.post("/api/contracts").as(Scenario.MANAGER, "fund-manager").json(Scenario.contract(regionContract, s.fundId, regionBudget,
                "30000.00", "11.1")).send(), 201);
        ok(http.post("/api/contracts/" + regionContract + "/outcomes").as(Scenario.PROVIDER, "provider").json(Map.of("outcomeId", "o-r",
                "beneficiaryId", regionBeneficiary, "metricCode", "HOUSED-6M", "period", "2026-Q3", "outcomeDate", "2026-08-01", "quantity", "1",
                "evidenceReference", "f", "evidenceSha256", Scenario.EVIDENCE)).send(), 201);
        ok(http.post("/api/contracts/" + regionContract + "/outcomes/o-r/verification").as(Scenario.VERIFIER, "verifier")
                .json(Map.of("verifiedQuantity", "1", "note", "checked")).send(), 200);
        ok(http.post("/api/contracts/" + regionContract + "/outcomes/o-r/payment-approval").as("payer-zeta", "outcome-payer", region).send(), 200);

        List<String> reads = List.of("/api/funds/" + s.fundId + "/budgets", "/api/funds/" + s.fundId + "/payments",
                "/api/reports/outcome-payments?fundId=" + s.fundId, "/api/reports/outcome-payments");
        // the probe is meaningful: an auditor sees both payers' budgets and payments in these reads
        Eventually.holds(() -> {
            assertThat(http.get(reads.get(0)).as("auditor-x", "auditor").send().body()).contains(s.budgetId).contains(regionBudget);
            for (String read : reads.subList(1, 3)) {
                assertThat(http.get(read).as("auditor-x", "auditor").send().body()).as(read).contains(cityBeneficiary).contains(regionBeneficiary);
            }
        });

        // the region's payer sees its own and nothing of the city's
        for (String read : reads) {
            String body = ok(http.get(read).as("payer-zeta", "outcome-payer", region).send(), 200).body();
            assertThat(body).as(read).doesNotContain(s.budgetId).doesNotContain(cityBeneficiary).doesNotContain("city-of-turin");
            if (!read.endsWith("/api/reports/outcome-payments")) {
                assertThat(body).as(read).contains(read.endsWith("budgets") ? regionBudget : regionBeneficiary);
            }
        }
        JsonNode listed = ok(http.get("/api/reports/outcome-payments?fundId=" + s.fundId).as("payer-zeta", "outcome-payer", region).send(), 200)
                .json();
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(ok(http.get("/api/funds/" + s.fundId + "/payments").as("payer-zeta", "outcome-payer", region).send(), 200).json()
                .get("total").asLong()).isEqualTo(1);
        Http.Response chain = http.get("/api/reports/outcome-payments/" + s.contractId + "/o-1").as("payer-zeta", "outcome-payer", region).send();
        assertForbidden(chain, "NOT_OWNER");
        assertThat(chain.body()).doesNotContain(cityBeneficiary).doesNotContain("city-of-turin");
        ok(http.get("/api/reports/outcome-payments/" + regionContract + "/o-r").as("payer-zeta", "outcome-payer", region).send(), 200);

        // city finance reconciles the city's payments: filtered to its own payer like an outcome payer
        Map<String, String> city = Map.of("payer_id", "city-of-turin");
        for (String read : reads.subList(0, 3)) {
            String body = ok(http.get(read).as("city-officer", "city-finance", city).send(), 200).body();
            assertThat(body).as(read).doesNotContain(regionBudget).doesNotContain(regionBeneficiary)
                    .contains(read.endsWith("budgets") ? s.budgetId : cityBeneficiary);
        }
        assertForbidden(http.get("/api/reports/outcome-payments/" + regionContract + "/o-r").as("city-officer", "city-finance", city).send(),
                "NOT_OWNER");
        ok(http.get("/api/reports/outcome-payments/" + s.contractId + "/o-1").as("city-officer", "city-finance", city).send(), 200);
        // a payer-side reader that names no payer reads none
        assertForbidden(http.get(reads.get(0)).as("city-officer", "city-finance").send(), "NOT_OWNER");
    }

    @Test
    void a_provider_handles_personal_data_only_of_subjects_it_registered_or_serves() {
        Map<String, Object> contact = Map.of("kind", "contact", "data", Map.of("email", "someone@example.org"));
        Map<String, String> other = Map.of("provider_id", "coop-other");
        String registered = unique("subject-casa");
        ok(http.post("/api/data-subjects/" + registered + "/personal-data").as(Scenario.PROVIDER, "provider").json(contact).send(), 201);
        long before = eventCount();
        assertForbidden(http.post("/api/data-subjects/" + registered + "/personal-data").as("provider-zeta", "provider", other).json(contact)
                .send(), "NOT_OWNER");
        Http.Response probe = http.get("/api/data-subjects/" + registered + "/personal-data").as("provider-zeta", "provider", other).send();
        assertForbidden(probe, "NOT_OWNER");
        assertThat(probe.body()).doesNotContain("someone@example.org");
        assertForbidden(http.get("/api/data-subjects/" + unique("subject-none") + "/personal-data").as("provider-zeta", "provider", other).send(),
                "NOT_OWNER");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(ok(http.get("/api/data-subjects/" + registered + "/personal-data").as(Scenario.PROVIDER, "provider").send(), 200).body())
                .contains("someone@example.org");

        // a subject a verifier registered is no provider's, until it has outcomes on the provider's contracts
        Scenario s = Scenario.fundWithContract(http, unique("subjects"), "50000.00", "30000.00");
        String served = unique("subject-served");
        ok(http.post("/api/data-subjects/" + served + "/personal-data").as(Scenario.VERIFIER, "verifier").json(contact).send(), 201);
        assertForbidden(http.post("/api/data-subjects/" + served + "/personal-data").as(Scenario.PROVIDER, "provider").json(contact).send(),
                "NOT_OWNER");
        assertForbidden(http.get("/api/data-subjects/" + served + "/personal-data").as(Scenario.PROVIDER, "provider").send(), "NOT_OWNER");
        ok(s.report("o-1", served, "HOUSED-6M", "2026-Q3", "2026-08-01"), 201);
        Eventually.holds(() -> ok(http.get("/api/data-subjects/" + served + "/personal-data").as(Scenario.PROVIDER, "provider").send(), 200));
        ok(http.post("/api/data-subjects/" + served + "/personal-data").as(Scenario.PROVIDER, "provider").json(contact).send(), 201);
        assertForbidden(http.get("/api/data-subjects/" + served + "/personal-data").as("provider-zeta", "provider", other).send(), "NOT_OWNER");
    }

    @Test
    void a_provider_reads_only_the_contracts_signed_with_it() {
        Scenario s = Scenario.fundWithContract(http, unique("reads"), "50000.00", "30000.00");
        ok(s.report("o-1", "ben-1", "HOUSED-6M", "2026-Q3", "2026-08-01"), 201);
        Eventually.holds(() -> ok(http.get("/api/contracts/" + s.contractId + "/outcomes/o-1").send(), 200));
        Map<String, String> other = Map.of("provider_id", "coop-other");

        ok(http.get("/api/contracts/" + s.contractId + "/outcomes/o-1").as(Scenario.PROVIDER, "provider").send(), 200);
        assertThat(http.get("/api/contracts?fundId=" + s.fundId).as(Scenario.PROVIDER, "provider").send().body()).contains(s.contractId);
        JsonNode list = ok(http.get("/api/contracts?fundId=" + s.fundId).as("provider-zeta", "provider", other).send(), 200).json();
        assertThat(list.get("items").size()).isZero();
        assertThat(list.get("total").asLong()).isZero();
        for (String path : List.of("", "/outcomes", "/outcomes/o-1")) {
            Http.Response response = http.get("/api/contracts/" + s.contractId + path).as("provider-zeta", "provider", other).send();
            assertForbidden(response, "NOT_OWNER");
            assertThat(response.body()).doesNotContain("ben-1");
        }
    }

    @Test
    void forged_actor_headers_are_ignored_the_authenticated_principal_acts_and_is_recorded() {
        Scenario s = Scenario.fundWithContract(http, unique("forged"), "50000.00", "30000.00");
        ok(http.post("/api/contracts/" + s.contractId + "/outcomes").as(Scenario.PROVIDER, "provider")
                .header("X-Actor", "someone-else").header("X-Actor-Role", "admin")
                .json(Map.of("outcomeId", "o-1", "beneficiaryId", "ben-1", "metricCode", "HOUSED-6M", "period", "2026-Q3",
                        "outcomeDate", "2026-08-01", "quantity", "1", "evidenceReference", "f", "evidenceSha256", Scenario.EVIDENCE)).send(), 201);
        JsonNode meta = Http.parse(jdbc.sql("select meta_data from domain_event_entry where aggregate_identifier = ? and sequence_number = 1")
                .param(s.contractId).query((rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)).single());
        assertThat(meta.get("principal").asString()).isEqualTo(Scenario.PROVIDER);
        assertThat(meta.get("role").asString()).isEqualTo("provider");
        JsonNode payload = Http.parse(jdbc.sql("select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = 1")
                .param(s.contractId).query((rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)).single());
        assertThat(payload.get("reportedBy").asString()).isEqualTo(Scenario.PROVIDER);

        // the reporter, holding a verifier token too, cannot pass as someone else to verify its own report
        long before = eventCount();
        Http.Response selfVerify = http.post("/api/contracts/" + s.contractId + "/outcomes/o-1/verification").as(Scenario.PROVIDER, "verifier")
                .header("X-Actor", Scenario.VERIFIER).header("X-Actor-Role", "verifier")
                .json(Map.of("verifiedQuantity", "1", "note", "checked")).send();
        assertForbidden(selfVerify, "FOUR_EYES_VIOLATION");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void an_investor_probing_another_investor_gets_nothing_of_its_positions_payments_or_reports() {
        Scenario s = Scenario.fundWithContract(http, unique("probe"), "50000.00", "30000.00");
        String alpha = unique("alpha-investor");
        String beta = unique("beta-investor");
        for (String investor : List.of(alpha, beta)) {
            ok(http.post("/api/funds/" + s.fundId + "/commitments").as(Scenario.MANAGER, "fund-manager").json(Map.of("investorId", investor,
                    "amount", money("50000.00"), "valueDate", "2026-01-10")).send(), 201);
            ok(http.post("/api/funds/" + s.fundId + "/capital-calls").as(Scenario.MANAGER, "fund-manager").json(Map.of("callId", "call-" + investor,
                    "investorId", investor, "amount", money("20000.00"), "dueDate", "2026-01-31")).send(), 201);
            ok(http.post("/api/funds/" + s.fundId + "/capital-calls/call-" + investor + "/receipts").as(Scenario.MANAGER, "fund-manager")
                    .json(Map.of("amount", money("20000.00"), "valueDate", "2026-01-25", "bankReference", "SEPA-" + investor)).send(), 201);
        }
        ok(http.post("/api/funds/" + s.fundId + "/distributions").as(Scenario.MANAGER, "fund-manager").json(Map.of("distributionId", "d-1",
                "amount", money("14000.00"), "valueDate", "2026-06-30")).send(), 201);
        ok(s.reportVerifyApprove("o-1", "ben-1", "HOUSED-6M", "2026-Q3"), 200);
        Map<String, String> ids = Map.of("fundId", s.fundId, "contractId", s.contractId, "outcomeId", "o-1", "investorId", beta,
                "name", "fund-state", "subjectId", "subject-" + beta);

        // the probe is meaningful: an auditor does see the other investor in these reads
        Eventually.holds(() -> {
            assertThat(http.get(fill("/api/funds/{fundId}/investors", ids)).send().body()).contains(beta);
            assertThat(http.get(fill("/api/reports/fund-performance/{fundId}", ids)).send().body()).contains(beta);
            assertThat(http.get(fill("/api/reports/fund-performance/{fundId}/investors/{investorId}", ids)).send().status()).isEqualTo(200);
        });

        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String endpoint : READ_ENDPOINTS) {
            Http.Response response = http.get(fill(endpoint, ids)).as(alpha, "investor").send();
            statuses.put(endpoint, response.status());
            // refused, or not found (the probe's placeholder ids name nothing): either way nothing of the other investor
            assertThat(response.status()).as(endpoint).isIn(200, 403, 404);
            // a refusal may echo the path the prober itself asked for (its "instance"); nothing else may name the other investor
            String shown = response.body();
            if (response.status() != 200 && response.json() instanceof tools.jackson.databind.node.ObjectNode problem) {
                problem.remove("instance");
                shown = problem.toString();
            }
            assertThat(shown).as(endpoint + " must show nothing of " + beta).doesNotContain(beta).doesNotContain("\"inv-a\"");
        }
        assertThat(statuses.get("/api/reports/fund-performance/{fundId}/investors/{investorId}")).isEqualTo(403);
        assertThat(statuses.get("/api/funds/{fundId}/journal")).isEqualTo(403);

        // and its own figures it does see
        JsonNode own = ok(http.get("/api/funds/" + s.fundId + "/investors").as(alpha, "investor").send(), 200).json();
        assertThat(own.findValuesAsString("investorId")).containsExactly(alpha);
        ok(http.get("/api/reports/fund-performance/" + s.fundId + "/investors/" + alpha).as(alpha, "investor").send(), 200);
        JsonNode fund = ok(http.get("/api/reports/fund-performance/" + s.fundId).as(alpha, "investor").send(), 200).json();
        assertThat(fund.get("investors").findValuesAsString("investorId")).containsExactly(alpha);
    }

    static String fill(String template, Map<String, String> ids) {
        String path = template;
        for (Map.Entry<String, String> id : Map.ofEntries(Map.entry("fundId", "f-x"), Map.entry("contractId", "c-x"),
                Map.entry("outcomeId", "o-x"), Map.entry("investorId", "i-x"), Map.entry("name", "fund-state"), Map.entry("subjectId", "s-x"),
                Map.entry("propertyId", "p-x"), Map.entry("leaseId", "l-x"), Map.entry("issuerId", "is-x"), Map.entry("instrumentId", "in-x"),
                Map.entry("importId", "imp-x")).entrySet()) {
            path = path.replace("{" + id.getKey() + "}", ids.getOrDefault(id.getKey(), id.getValue()));
        }
        return path;
    }

    private static void assertUnauthenticated(Http.Response response, String what) {
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(401);
        assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.header("WWW-Authenticate")).as(what).contains("Bearer").contains("Basic");
    }

    private static void assertForbidden(Http.Response response, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }
}
