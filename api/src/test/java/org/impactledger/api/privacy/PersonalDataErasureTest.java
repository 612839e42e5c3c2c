package org.impactledger.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.ok;

import java.util.List;
import java.util.Map;
import org.impactledger.api.support.Eventually;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.support.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Crypto-shredding through HTTP: a beneficiary's contact details are held encrypted under its own
 * key; erasing the beneficiary deletes the key, after which the data reads as erased, every report's
 * figures are what they were, and the audit chain (over events that still hold the ciphertext) verifies.
 */
class PersonalDataErasureTest extends IntegrationTest {

    private static final Map<String, String> CONTACT = Map.of("name", "Maria Rossi", "email", "maria.rossi@example.org",
            "phone", "+39 011 555 0199");

    @Test
    void personal_data_is_stored_encrypted_and_read_in_clear_only_by_admin_verifier_and_its_provider() {
        String subject = unique("ben-contact");
        ok(attach(subject, "rec-1"), 201);

        JsonNode read = ok(http.get("/api/data-subjects/" + subject + "/personal-data").as(Scenario.VERIFIER, "verifier").send(), 200).json();
        assertThat(read.get("status").asString()).isEqualTo("AVAILABLE");
        assertThat(read.at("/records/0/data/email").asString()).isEqualTo("maria.rossi@example.org");
        assertThat(read.at("/records/0/recordedBy").asString()).isEqualTo(Scenario.PROVIDER);

        String stored = jdbc.sql("select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%PersonalDataRecorded'").param(subject).query(String.class).single();
        assertThat(stored).contains("ciphertext").doesNotContain("Maria Rossi").doesNotContain("maria.rossi@example.org").doesNotContain("+39 011 555 0199");

        for (String role : List.of("fund-manager", "auditor", "investor", "outcome-payer")) {
            assertThat(http.get("/api/data-subjects/" + subject + "/personal-data").as("someone", role).send().status()).as(role).isEqualTo(403);
        }
        // a provider reads the subjects it registered, and no other provider's
        assertThat(http.get("/api/data-subjects/" + subject + "/personal-data").as(Scenario.PROVIDER, "provider").send().status()).isEqualTo(200);
        assertThat(http.get("/api/data-subjects/" + subject + "/personal-data").as("someone", "provider", Map.of("provider_id", "coop-other"))
                .send().status()).isEqualTo(403);
        assertThat(http.post("/api/data-subjects/" + subject + "/erasure").as(Scenario.VERIFIER, "verifier")
                .json(Map.of("basis", "GDPR-ART-17")).send().status()).as("only an admin erases").isEqualTo(403);
        assertThat(http.get("/api/data-subjects/" + unique("ben-unknown") + "/personal-data").as("ops", "admin").send().status()).isEqualTo(404);
    }

    @Test
    void erasure_makes_the_data_unreadable_leaves_every_figure_unchanged_and_the_audit_chain_valid() {
        Scenario s = Scenario.fundWithContract(http, unique("erase"), "50000.00", "30000.00");
        String beneficiary = unique("ben-erase");
        ok(s.reportVerifyApprove("o-1", beneficiary, "HOUSED-6M", "2026-Q3"), 200);
        ok(s.execute("o-1", "IT-ERASE-1"), 200);
        ok(attach(beneficiary, "contact-1"), 201);
        caughtUp();
        // first the chain reaches every event of the scenario, so that the payment audit's proofs (event and chain hashes) are in place
        assertAuditChainVerifies();
        List<JsonNode> before = figures(s);
        assertThat(before.get(0).at("/fundFlows/outcomePaymentsReceived").decimalValue()).as("the figures compared are not empty")
                .isEqualByComparingTo("4500.00");
        assertThat(before.get(4).at("/report/event/chainHash").asString()).as("the proof is part of what is compared").matches("[0-9a-f]{64}");

        JsonNode erased = ok(http.post("/api/data-subjects/" + beneficiary + "/erasure").as("ops-admin", "admin")
                .json(Map.of("basis", "GDPR-ART-17")).send(), 200).json();
        assertThat(erased.get("keyDeleted").asBoolean()).isTrue();

        JsonNode read = ok(http.get("/api/data-subjects/" + beneficiary + "/personal-data").as("ops-admin", "admin").send(), 200).json();
        assertThat(read.get("status").asString()).isEqualTo("ERASED");
        assertThat(read.at("/records/0/erased").asBoolean()).isTrue();
        assertThat(read.at("/records/0/data").isNull()).isTrue();
        assertThat(read.toString()).doesNotContain("Maria");
        assertThat(jdbc.sql("select count(*) from subject_key where subject_id = ? and key_bytes is null and erased_at is not null")
                .param(beneficiary).query(Long.class).single()).isEqualTo(1L);
        String erasureEvent = jdbc.sql("select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%PersonalDataErased'").param(beneficiary).query(String.class).single();
        assertThat(erasureEvent).contains("GDPR-ART-17").doesNotContain("Maria");

        assertThat(attach(beneficiary, "contact-2").status()).as("nothing new after erasure").isEqualTo(409);
        ok(http.post("/api/data-subjects/" + beneficiary + "/erasure").as("ops-admin", "admin").json(Map.of("basis", "GDPR-ART-17")).send(), 200);

        caughtUp();
        assertThat(figures(s)).isEqualTo(before);
        assertAuditChainVerifies();
    }

    private Http.Response attach(String subject, String recordId) {
        return http.post("/api/data-subjects/" + subject + "/personal-data").as(Scenario.PROVIDER, "provider")
                .json(Map.of("recordId", recordId, "kind", "contact", "data", CONTACT)).send();
    }

    /** Every report's figures for the scenario's fund, without the moment each was asked ("knownAt"). */
    private List<JsonNode> figures(Scenario s) {
        return List.of(
                withoutClock(ok(http.get("/api/reports/fund-performance/" + s.fundId).send(), 200).json()),
                withoutClock(ok(http.get("/api/reports/sdg-impact?fundId=" + s.fundId).send(), 200).json()),
                withoutClock(ok(http.get("/api/funds/" + s.fundId + "/trial-balance").send(), 200).json()),
                withoutClock(ok(http.get("/api/reports/outcome-payments?fundId=" + s.fundId).send(), 200).json()),
                withoutClock(ok(http.get("/api/reports/outcome-payments/" + s.contractId + "/o-1").send(), 200).json()));
    }

    private static JsonNode withoutClock(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("knownAt", "generatedAt"));
            object.forEach(PersonalDataErasureTest::withoutClock);
        } else if (node.isArray()) {
            node.forEach(PersonalDataErasureTest::withoutClock);
        }
        return node;
    }

    private void caughtUp() {
        Eventually.holds(() -> {
            JsonNode projections = ok(http.get("/api/admin/projections").send(), 200).json();
            assertThat(projections.findValues("behind")).allSatisfy(b -> assertThat(b.asLong()).isZero());
        });
    }

    private void assertAuditChainVerifies() {
        Eventually.holds(() -> {
            ok(http.post("/api/audit/build").as("ops-admin", "admin").send(), 200);
            JsonNode report = ok(http.get("/api/audit/verify").send(), 200).json();
            assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
            long head = jdbc.sql("select max(global_index) from domain_event_entry where aggregate_identifier like 'ben-erase-%'")
                    .query(Long.class).single();
            assertThat(report.get("headIndex").asLong()).as("the chain covers the subject's events").isGreaterThanOrEqualTo(head);
        });
    }
}
