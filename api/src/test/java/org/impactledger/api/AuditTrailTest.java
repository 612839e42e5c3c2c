package org.impactledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.ok;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.impactledger.api.support.Eventually;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.support.Scenario;
import org.impactledger.projections.audit.AuditVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail through HTTP on PostgreSQL: the chain follows the event store, verifies, and is
 * exported for the offline verifier; an event row changed or deleted with plain SQL is named
 * exactly, by the verify endpoint and by the verifier (called in-process and run as
 * {@code java AuditVerifier.java}). Tampered rows are restored in {@code finally}: the database is
 * shared with the other integration tests.
 */
class AuditTrailTest extends IntegrationTest {

    /** The public key of the test signing key in src/test/resources/application.properties, as openssl derives it. */
    private static final String TEST_PUBLIC_KEY = "MCowBQYDK2VwAyEAM2G62RCaPvac/tD7rnxPk106jlZK8fceqzmaUvcCtvE=";
    private static final Path VERIFIER_SOURCE = Path.of("..", "projections", "src", "main", "java", "org", "impactledger", "projections",
            "audit", "AuditVerifier.java").toAbsolutePath().normalize();

    @TempDir
    Path files;

    @Autowired
    WebMvcProperties mvc;

    /** The export streams asynchronously: with the servlet container's 30 s default, a 1M-event export on a busy machine was cut half-way. */
    @Test
    void the_export_may_stream_for_an_hour() {
        assertThat(mvc.getAsync().getRequestTimeout()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void the_chain_follows_the_event_store_and_verifies() {
        Scenario.fundWithContract(http, unique("audit-valid"), "50000.00", "30000.00");
        long storeHead = chainedAndSigned();

        JsonNode report = ok(http.get("/api/audit/verify").send(), 200).json();

        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("firstMismatch").isNull()).isTrue();
        assertThat(report.get("headIndex").asLong()).isGreaterThanOrEqualTo(storeHead);
        assertThat(report.get("eventsChecked").asLong()).isEqualTo(ok(http.get("/api/audit/head").send(), 200).json().get("eventCount").asLong());
        assertThat(report.get("checkpointsVerified").asLong()).isPositive();
        assertThat(report.get("headHash").asString()).matches("[0-9a-f]{64}");
    }

    @Test
    void the_public_key_is_published_as_pem_and_as_json_and_is_the_configured_one() {
        Http.Response pem = ok(http.get("/api/audit/public-key").header("Accept", "application/x-pem-file").send(), 200);
        assertThat(pem.body()).isEqualTo("-----BEGIN PUBLIC KEY-----\n" + TEST_PUBLIC_KEY + "\n-----END PUBLIC KEY-----\n");

        JsonNode json = ok(http.get("/api/audit/public-key").header("Accept", "application/json").send(), 200).json();
        assertThat(json.get("algorithm").asString()).isEqualTo("Ed25519");
        assertThat(json.get("spki").asString()).isEqualTo(TEST_PUBLIC_KEY);
        assertThat(json.get("ephemeral").asBoolean()).isFalse();
        assertThat(json.get("keyId").asString()).matches("[0-9a-f]{64}");

        Http.Response any = ok(http.get("/api/audit/public-key").header("Accept", "*/*").send(), 200);
        assertThat(any.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void checkpoints_are_listed_with_the_text_they_sign() {
        Scenario.fundWithContract(http, unique("audit-checkpoints"), "50000.00", "30000.00");
        chainedAndSigned();

        JsonNode page = ok(http.get("/api/audit/checkpoints?page=0&size=2").send(), 200).json();

        assertThat(page.get("total").asLong()).isPositive();
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("signedText").asString()).isEqualTo("impact-ledger-checkpoint:v1:" + first.get("globalIndex").asLong() + ":"
                + first.get("chainHash").asString() + ":" + first.get("signedAt").asString());
        assertThat(first.get("algorithm").asString()).isEqualTo("Ed25519");
    }

    @Test
    void a_payload_changed_with_sql_is_named_by_the_verify_endpoint_and_by_the_offline_verifier() throws Exception {
        Scenario s = Scenario.fundWithContract(http, unique("audit-tamper"), "50000.00", "30000.00");
        chainedAndSigned();
        long tampered = globalIndexOf(s.fundId, 1);
        String eventId = eventIdentifierAt(tampered);
        Path pem = publicKeyFile();

        Path honest = export("honest.ndjson");
        AuditVerifier.Result before = AuditVerifier.verify(new StringReader(Files.readString(honest)), AuditVerifier.readPublicKey(Files.readString(pem)));
        assertThat(before.ok()).as(before.describe()).isTrue();
        assertThat(before.checkpoints()).isPositive();
        Run honestRun = runVerifier(honest, pem);
        assertThat(honestRun.exitCode()).as(honestRun.output()).isZero();
        assertThat(honestRun.output()).startsWith("OK: ");

        byte[] original = payloadAt(tampered);
        try {
            String forged = new String(original, StandardCharsets.UTF_8).replace("200000.00", "2000000.00");
            assertThat(forged).isNotEqualTo(new String(original, StandardCharsets.UTF_8));
            jdbc.sql("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?")
                    .param(forged.getBytes(StandardCharsets.UTF_8)).param(tampered).update();

            JsonNode report = ok(http.get("/api/audit/verify").send(), 200).json();
            assertThat(report.get("valid").asBoolean()).isFalse();
            assertThat(report.at("/firstMismatch/globalIndex").asLong()).isEqualTo(tampered);
            assertThat(report.at("/firstMismatch/eventIdentifier").asString()).isEqualTo(eventId);
            assertThat(report.at("/firstMismatch/reason").asString()).isEqualTo("EVENT_CHANGED");
            assertThat(report.at("/firstMismatch/detail").asString()).contains("payload changed");

            Path forgedExport = export("tampered.ndjson");
            AuditVerifier.Result offline = AuditVerifier.verify(new StringReader(Files.readString(forgedExport)),
                    AuditVerifier.readPublicKey(Files.readString(pem)));
            assertThat(offline.ok()).isFalse();
            assertThat(offline.mismatch().globalIndex()).isEqualTo(tampered);
            assertThat(offline.mismatch().eventIdentifier()).isEqualTo(eventId);
            assertThat(offline.mismatch().reason()).isEqualTo("EVENT_CHANGED");
            Run tamperedRun = runVerifier(forgedExport, pem);
            assertThat(tamperedRun.exitCode()).as(tamperedRun.output()).isEqualTo(1);
            assertThat(tamperedRun.output()).startsWith("MISMATCH at global index " + tampered + " (event " + eventId + "): EVENT_CHANGED");

            Http.Response rebuild = http.post("/api/audit/rebuild").as("auditor", "auditor").send();
            assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(409);
            assertThat(rebuild.json().get("code").asString()).isEqualTo("INVALID_STATE");
        } finally {
            jdbc.sql("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?").param(original).param(tampered).update();
        }
        assertThat(ok(http.get("/api/audit/verify").send(), 200).json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void an_event_row_deleted_with_sql_is_named_as_deleted() {
        Scenario s = Scenario.fundWithContract(http, unique("audit-delete"), "50000.00", "30000.00");
        chainedAndSigned();
        long deleted = globalIndexOf(s.fundId, 2);
        Map<String, Object> row = jdbc.sql("SELECT * FROM domain_event_entry WHERE global_index = ?").param(deleted).query().singleRow();
        try {
            jdbc.sql("DELETE FROM domain_event_entry WHERE global_index = ?").param(deleted).update();

            JsonNode report = ok(http.get("/api/audit/verify").send(), 200).json();
            assertThat(report.at("/firstMismatch/globalIndex").asLong()).isEqualTo(deleted);
            assertThat(report.at("/firstMismatch/eventIdentifier").asString()).isEqualTo(row.get("event_identifier"));
            assertThat(report.at("/firstMismatch/reason").asString()).isEqualTo("EVENT_DELETED");
        } finally {
            jdbc.sql("""
                            INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type,
                                time_stamp, payload_type, payload_revision, payload, meta_data)
                            SELECT :global_index, :event_identifier, :aggregate_identifier, :sequence_number, :type, :time_stamp,
                                :payload_type, :payload_revision, :payload, :meta_data
                            WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry WHERE global_index = :global_index)""")
                    .params(row)
                    .update();
        }
        assertThat(ok(http.get("/api/audit/verify").send(), 200).json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void the_trail_lists_each_event_with_its_metadata_as_known_at_a_time_and_as_of_a_date() {
        Instant before = Instant.now().minusMillis(1);
        Scenario s = Scenario.fundWithContract(http, unique("audit-trail"), "50000.00", "30000.00");
        chainedAndSigned();
        long first = globalIndexOf(s.fundId, 0);
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        JsonNode all = ok(http.get("/api/audit/events?from=" + first + "&size=3").send(), 200).json();
        assertThat(all.get("total").asLong()).isEqualTo(6);
        JsonNode opened = all.get("items").get(0);
        assertThat(opened.get("globalIndex").asLong()).isEqualTo(first);
        assertThat(opened.get("payloadType").asString()).isEqualTo("org.impactledger.core.fund.event.FundOpened");
        assertThat(opened.get("principal").asString()).isEqualTo(Scenario.MANAGER);
        assertThat(opened.at("/metaData/role").asString()).isEqualTo("fund-manager");
        assertThat(opened.at("/payload/fundId").asString()).isEqualTo(s.fundId);
        assertThat(opened.get("chainHash").asString()).matches("[0-9a-f]{64}");

        assertThat(ok(http.get("/api/audit/events?from=" + first + "&knownAt=" + before).send(), 200).json().get("total").asLong()).isZero();
        assertThat(ok(http.get("/api/audit/events?from=" + first + "&asOf=" + LocalDate.parse(today).minusDays(1)).send(), 200)
                .json().get("total").asLong()).isZero();
        assertThat(ok(http.get("/api/audit/events?from=" + first + "&asOf=" + today).send(), 200).json().get("total").asLong()).isEqualTo(6);
    }

    @Test
    void bad_ranges_pages_and_times_are_refused_naming_the_parameter() {
        refused(http.get("/api/audit/export?from=0").send(), "from");
        refused(http.get("/api/audit/export?from=9&to=3").send(), "from");
        refused(http.get("/api/audit/export?to=x").send(), "to");
        refused(http.get("/api/audit/checkpoints?page=-1").send(), "page");
        refused(http.get("/api/audit/events?knownAt=yesterday").send(), "knownAt");
        refused(http.get("/api/audit/events?from=0").send(), "from");
    }

    private static void refused(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body()).contains(field);
    }

    /** Waits until the chain holds every stored event and a checkpoint covers the last; returns the store's head. */
    private long chainedAndSigned() {
        long storeHead = jdbc.sql("SELECT MAX(global_index) FROM domain_event_entry").query(Long.class).single();
        Eventually.holds(() -> {
            JsonNode head = ok(http.get("/api/audit/head").send(), 200).json();
            assertThat(head.get("lastEventIndex").asLong()).isGreaterThanOrEqualTo(storeHead);
            assertThat(head.get("lastCheckpointIndex").asLong()).isEqualTo(head.get("lastEventIndex").asLong());
        });
        return storeHead;
    }

    private long globalIndexOf(String aggregateId, long sequenceNumber) {
        return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?")
                .param(aggregateId).param(sequenceNumber).query(Long.class).single();
    }

    private String eventIdentifierAt(long globalIndex) {
        return jdbc.sql("SELECT event_identifier FROM domain_event_entry WHERE global_index = ?").param(globalIndex).query(String.class).single();
    }

    private byte[] payloadAt(long globalIndex) {
        return jdbc.sql("SELECT payload FROM domain_event_entry WHERE global_index = ?").param(globalIndex).query(byte[].class).single();
    }

    private Path publicKeyFile() throws IOException {
        Http.Response pem = ok(http.get("/api/audit/public-key").header("Accept", "application/x-pem-file").send(), 200);
        return Files.writeString(files.resolve("public-key.pem"), pem.body());
    }

    private Path export(String name) throws IOException {
        Http.Response export = ok(http.get("/api/audit/export").send(), 200);
        assertThat(export.header("Content-Type")).startsWith("application/x-ndjson");
        return Files.writeString(files.resolve(name), export.body());
    }

    private record Run(int exitCode, String output) {
    }

    /** Runs the verifier as an auditor would: {@code java AuditVerifier.java export.ndjson public-key.pem}, with the JDK alone. */
    private static Run runVerifier(Path export, Path pem) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, VERIFIER_SOURCE.toString(), export.toString(), pem.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output.strip());
    }
}
