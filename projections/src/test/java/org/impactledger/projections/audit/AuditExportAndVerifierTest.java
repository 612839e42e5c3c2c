package org.impactledger.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.impactledger.core.shared.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The export and the offline verifier together: an honest export verifies with nothing but the
 * public key; every kind of tampering, in the store or in the file, is named at its first index.
 */
class AuditExportAndVerifierTest {

    private static final AuditProperties EVERY_THREE = AuditTestStore.properties(4, 3, Duration.ofMinutes(1));

    private AuditTestStore store;
    private PublicKey key;

    @BeforeEach
    void chainWithAGapAndCheckpoints() {
        store = AuditTestStore.postgres();
        key = AuditVerifier.readPublicKey(store.signer.publicKeyPem());
        store.events(1, 2, 3, 5, 6, 7, 8);
        store.event(9, "{\"note\":\"Città di Torino — €, 😀, \\\"quoted\\\", tab\\t, line\\nbreak\"}");
        AuditChainBuilder builder = store.builder(EVERY_THREE);
        builder.build();
        store.clock.advance(Duration.ofSeconds(10));
        builder.build();
        store.clock.advance(Duration.ofMinutes(1));
        builder.build();
    }

    @Test
    void an_honest_export_verifies_with_the_public_key_alone() throws IOException {
        String export = export(null, null);

        AuditVerifier.Result result = AuditVerifier.verify(new StringReader(export), key);

        assertThat(result.describe()).startsWith("OK:");
        assertThat(result.events()).isEqualTo(8);
        assertThat(result.gaps()).isEqualTo(1);
        assertThat(result.checkpoints()).isEqualTo(3);
        assertThat(result.lastCheckpointIndex()).isEqualTo(9);
        assertThat(result.eventsAfterLastCheckpoint()).isZero();
        assertThat(result.headHash()).isEqualTo(store.builder(EVERY_THREE).head().chainHash());
    }

    @Test
    void the_export_interleaves_gaps_and_checkpoints_after_the_event_they_cover() {
        List<String> kinds = Arrays.stream(export(null, null).split("\n"))
                .map(line -> line.substring(line.indexOf("\"kind\":\"") + 8, line.indexOf('"', line.indexOf("\"kind\":\"") + 8)))
                .toList();
        assertThat(kinds).containsExactly("header", "event", "event", "event", "checkpoint", "gap", "event", "event", "event",
                "checkpoint", "event", "event", "checkpoint", "end");
    }

    @Test
    void a_payload_changed_in_the_store_is_named_by_its_global_index() throws IOException {
        store.setPayload(6, "{\"fundId\":\"f-6\",\"amount\":{\"amount\":\"1.00\",\"currency\":\"EUR\"}}".getBytes(StandardCharsets.UTF_8));

        AuditVerifier.Result result = AuditVerifier.verify(new StringReader(export(null, null)), key);

        assertThat(result.ok()).isFalse();
        assertThat(result.mismatch().globalIndex()).isEqualTo(6);
        assertThat(result.mismatch().eventIdentifier()).isEqualTo("event-6");
        assertThat(result.mismatch().reason()).isEqualTo("EVENT_CHANGED");
        assertThat(result.events()).isEqualTo(4);
    }

    @Test
    void bytes_that_are_not_utf8_travel_as_base64_and_still_verify_exactly() throws IOException {
        byte[] latin1 = "{\"name\":\"Citt\u00e0\"}".getBytes(StandardCharsets.ISO_8859_1);
        store.empty();
        store.event(1, "{}");
        store.setPayload(1, latin1);
        store.builder(EVERY_THREE).build();
        store.clock.advance(Duration.ofMinutes(1));
        store.builder(EVERY_THREE).build();

        String export = export(null, null);

        assertThat(export).contains("\"payloadBase64\"");
        assertThat(AuditVerifier.verify(new StringReader(export), key).ok()).isTrue();
    }

    @Test
    void a_chain_recomputed_over_a_changed_event_is_caught_by_the_next_signed_checkpoint() throws IOException {
        store.setPayload(5, "{}".getBytes(StandardCharsets.UTF_8));
        String previous = store.jdbc.sql("SELECT chain_hash FROM audit_chain WHERE global_index = 3").query(String.class).single();
        for (long index : new long[] {5, 6, 7, 8, 9}) {
            StoredEvent row = store.jdbc.sql("SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry WHERE global_index = ?")
                    .param(index).query(StoredEvent.MAPPER).single();
            previous = Hashes.chain(previous, row.eventHash());
            store.jdbc.sql("UPDATE audit_chain SET event_hash = ?, chain_hash = ? WHERE global_index = ?")
                    .param(row.eventHash()).param(previous).param(index).update();
        }

        AuditVerifier.Result result = AuditVerifier.verify(new StringReader(export(null, null)), key);

        assertThat(result.mismatch().reason()).isEqualTo("CHECKPOINT_MISMATCH");
        assertThat(result.mismatch().globalIndex()).isEqualTo(7);
        assertThat(store.verification(EVERY_THREE).verify().firstMismatch().reason()).isEqualTo(MismatchReason.CHECKPOINT_MISMATCH);
    }

    @Test
    void a_deleted_event_row_is_named_in_the_export() throws IOException {
        store.jdbc.sql("DELETE FROM domain_event_entry WHERE global_index = 7").update();

        AuditVerifier.Mismatch mismatch = AuditVerifier.verify(new StringReader(export(null, null)), key).mismatch();

        assertThat(mismatch.globalIndex()).isEqualTo(7);
        assertThat(mismatch.eventIdentifier()).isEqualTo("event-7");
        assertThat(mismatch.reason()).isEqualTo("EVENT_DELETED");
    }

    @Test
    void a_line_removed_from_the_file_is_named_by_its_missing_index() throws IOException {
        String export = Arrays.stream(export(null, null).split("\n"))
                .filter(line -> !line.contains("\"globalIndex\":2,"))
                .collect(Collectors.joining("\n"));

        AuditVerifier.Mismatch mismatch = AuditVerifier.verify(new StringReader(export), key).mismatch();

        assertThat(mismatch.globalIndex()).isEqualTo(2);
        assertThat(mismatch.reason()).isEqualTo("CHAIN_INCOMPLETE");
    }

    @Test
    void a_truncated_export_is_refused() throws IOException {
        String export = export(null, null);
        String truncated = export.substring(0, export.indexOf("{\"kind\":\"end\""));

        assertThat(AuditVerifier.verify(new StringReader(truncated), key).mismatch().detail()).contains("truncated");
    }

    @Test
    void another_key_does_not_verify_the_checkpoints() throws IOException {
        PublicKey other = AuditSigner.generateEphemeral().publicKey();

        AuditVerifier.Mismatch mismatch = AuditVerifier.verify(new StringReader(export(null, null)), other).mismatch();

        assertThat(mismatch.reason()).isEqualTo("CHECKPOINT_SIGNATURE_INVALID");
        assertThat(mismatch.globalIndex()).isEqualTo(3);
    }

    @Test
    void an_export_without_a_checkpoint_proves_nothing() throws IOException {
        AuditVerifier.Result result = AuditVerifier.verify(new StringReader(export(1L, 2L)), key);

        assertThat(result.ok()).isFalse();
        assertThat(result.mismatch().reason()).isEqualTo("NOT_SIGNED");
    }

    @Test
    void a_range_starts_from_the_chain_hash_before_it_and_verifies_on_its_own() throws IOException {
        AuditVerifier.Result result = AuditVerifier.verify(new StringReader(export(5L, 8L)), key);

        assertThat(result.ok()).as(result.describe()).isTrue();
        assertThat(result.events()).isEqualTo(4);
        assertThat(result.checkpoints()).isEqualTo(1);
        assertThat(result.lastCheckpointIndex()).isEqualTo(7);
        assertThat(result.eventsAfterLastCheckpoint()).isEqualTo(1);
    }

    @Test
    void a_bad_range_is_refused_naming_the_parameter() {
        assertThatThrownBy(() -> AuditExport.checkRange(0L, null)).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo("from"));
        assertThatThrownBy(() -> AuditExport.checkRange(5L, 4L)).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo("from"));
        assertThatThrownBy(() -> AuditExport.checkRange(null, -1L)).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo("to"));
    }

    private String export(Long from, Long to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.export(EVERY_THREE).write(out, from, to);
        return out.toString(StandardCharsets.UTF_8);
    }
}
