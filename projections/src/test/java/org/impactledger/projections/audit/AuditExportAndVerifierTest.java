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

        AuditVerifier.Result result = verifyBoth(export, key);

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

        AuditVerifier.Result result = verifyBoth(export(null, null), key);

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
        assertThat(verifyBoth(export, key).ok()).isTrue();
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

        AuditVerifier.Result result = verifyBoth(export(null, null), key);

        assertThat(result.mismatch().reason()).isEqualTo("CHECKPOINT_MISMATCH");
        assertThat(result.mismatch().globalIndex()).isEqualTo(7);
        assertThat(store.verification(EVERY_THREE).verify().firstMismatch().reason()).isEqualTo(MismatchReason.CHECKPOINT_MISMATCH);
    }

    @Test
    void a_deleted_event_row_is_named_in_the_export() throws IOException {
        store.jdbc.sql("DELETE FROM domain_event_entry WHERE global_index = 7").update();

        AuditVerifier.Mismatch mismatch = verifyBoth(export(null, null), key).mismatch();

        assertThat(mismatch.globalIndex()).isEqualTo(7);
        assertThat(mismatch.eventIdentifier()).isEqualTo("event-7");
        assertThat(mismatch.reason()).isEqualTo("EVENT_DELETED");
    }

    @Test
    void a_line_removed_from_the_file_is_named_by_its_missing_index() throws IOException {
        String export = Arrays.stream(export(null, null).split("\n"))
                .filter(line -> !line.contains("\"globalIndex\":2,"))
                .collect(Collectors.joining("\n"));

        AuditVerifier.Mismatch mismatch = verifyBoth(export, key).mismatch();

        assertThat(mismatch.globalIndex()).isEqualTo(2);
        assertThat(mismatch.reason()).isEqualTo("CHAIN_INCOMPLETE");
    }

    @Test
    void a_truncated_export_is_refused() throws IOException {
        String export = export(null, null);
        String truncated = export.substring(0, export.indexOf("{\"kind\":\"end\""));

        assertThat(verifyBoth(truncated, key).mismatch().detail()).contains("truncated");
    }

    @Test
    void another_key_does_not_verify_the_checkpoints() throws IOException {
        PublicKey other = AuditSigner.generateEphemeral().publicKey();

        AuditVerifier.Mismatch mismatch = verifyBoth(export(null, null), other).mismatch();

        assertThat(mismatch.reason()).isEqualTo("CHECKPOINT_SIGNATURE_INVALID");
        assertThat(mismatch.globalIndex()).isEqualTo(3);
    }

    @Test
    void an_export_without_a_checkpoint_proves_nothing() throws IOException {
        AuditVerifier.Result result = verifyBoth(export(1L, 2L), key);

        assertThat(result.ok()).isFalse();
        assertThat(result.mismatch().reason()).isEqualTo("NOT_SIGNED");
    }

    @Test
    void a_range_starts_from_the_chain_hash_before_it_and_verifies_on_its_own() throws IOException {
        AuditVerifier.Result result = verifyBoth(export(5L, 8L), key);

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

    @Test
    void both_readers_agree_on_every_variant_of_a_line() throws IOException {
        String honest = export(null, null);
        List<String> lines = Arrays.asList(honest.split("\n"));
        String event = lines.get(2);
        String checkpoint = lines.get(4);
        List<String> variants = List.of(
                String.join("\r\n", lines), String.join("\r", lines), honest + "\n\n", "\n \t\n" + honest,
                honest.replace("\"kind\":\"event\",", " \"kind\" : \"event\" ,\t"),
                honest.replace("\"sequenceNumber\":1,", "\"sequenceNumber\":1.0,"),
                honest.replace("\"sequenceNumber\":1,", "\"sequenceNumber\":1e0,"),
                honest.replace("\"sequenceNumber\":1,", "\"sequenceNumber\":-0,"),
                honest.replace("\"sequenceNumber\":1,", "\"sequenceNumber\":01,"),
                honest.replace("\"sequenceNumber\":1,", "\"sequenceNumber\":\"1\","),
                honest.replace("\"sequenceNumber\":1,", "\"sequenceNumber\":12345678901234567890,"),
                honest.replace("\"type\":\"Fund\"", "\"type\":\"F\\u0075nd\""),
                honest.replace("\"type\":\"Fund\"", "\"type\":\"F\\u00fcnd\""),
                honest.replace("\"type\":\"Fund\"", "\"type\":\"\\ud83d\\ude00\""),
                honest.replace("\"type\":\"Fund\"", "\"type\":\"\\ud83d\""),
                honest.replace("\"type\":\"Fund\"", "\"type\":[1]"),
                honest.replace("\"type\":\"Fund\"", "\"type\":{}"),
                honest.replace("\"type\":\"Fund\"", "\"type\":true"),
                honest.replace("\"type\":\"Fund\"", "\"type\":\"Fund\",\"type\":\"Fund\""),
                honest.replace("\"type\":\"Fund\"", "\"t\\u0079pe\":\"Fund\""),
                honest.replace("\"kind\":\"event\"", "\"kind\":\"event\",\"missing\":false"),
                honest.replace("\"kind\":\"event\"", "\"kind\":\"event\",\"missing\":null"),
                honest.replace("\"kind\":\"event\"", "\"kind\":\"event\",\"payloadBase64\":null"),
                honest.replace("\"kind\":\"event\"", "\"kind\":\"event\",\"payloadBase64\":\"e30=\""),
                honest.replace("\"kind\":\"event\"", "\"kind\":\"event\",\"payloadBase64\":\"*\""),
                honest.replace("\"kind\":\"event\"", "\"kind\":\"event\",\"payloadBase64\":7"),
                honest.replace("\"payload\":\"{", "\"payload\":\"\\u0000{"),
                honest.replace("\"payload\":\"{", "\"payload\":\"\\/{"),
                honest.replace("\"payload\":\"{", "\"payload\":\"\t{"),
                honest.replace("\"payload\":\"{", "\"payload\":\"\\x{"),
                honest.replace("\"payload\":\"{", "\"payload\":\"\\u00G0{"),
                honest.replace("\"payload\":\"{", "\"payload\":\"\\u+0e9{"),
                honest.replace("\"payload\":\"{", "\"payload\":7,\"p\":\"{"),
                honest.replace("\"payload\":\"{", "\"payload\":\"\u00e9\u20ac\ud83d\ude00{"),
                honest.replace("\"chainHash\":\"", "\"chainHash\":\"A"),
                honest.replace("\"eventHash\":\"", "\"eventHash\":\"0"),
                honest.replace(event, event + " x"), honest.replace(event, event.substring(0, event.length() - 1)),
                honest.replace(event, "[" + event + "]"), honest.replace(event, "\ufeff" + event),
                honest.replace(event, event.replace("\"eventHash\"", "\"eventHash\":1,\"x\"")),
                honest.replace(checkpoint, checkpoint.replace("\"signature\":\"", "\"signature\":\"A")),
                honest.replace(checkpoint, checkpoint.replace("\"signature\":\"", "\"signature\":7,\"s\":\"")),
                honest.replace(checkpoint, checkpoint.replace("\"signedAt\":\"", "\"signedAt\":\"1")),
                honest.replace(checkpoint, ""), "", "{}", "\n");
        for (String variant : variants) {
            verifyBoth(variant, key);
        }
        for (String line : lines) { // the export's own lines are all read by the fast reader
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(AuditVerifier.FastLine.scan(bytes, 0, bytes.length)).as(line).isNotNull();
        }
    }

    @Test
    void bytes_that_are_not_utf8_make_the_file_unreadable_as_they_always_did() {
        byte[] export = export(null, null).getBytes(StandardCharsets.UTF_8);
        int at = new String(export, StandardCharsets.ISO_8859_1).indexOf("\"type\":\"Fund\"") + 9;
        for (byte[] bad : new byte[][] {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}}) {
            byte[] broken = new byte[export.length + bad.length];
            System.arraycopy(export, 0, broken, 0, at);
            System.arraycopy(bad, 0, broken, at, bad.length);
            System.arraycopy(export, at, broken, at + bad.length, export.length - at);
            assertThatThrownBy(() -> AuditVerifier.verify(new java.io.ByteArrayInputStream(broken), key))
                    .isInstanceOf(java.nio.charset.CharacterCodingException.class);
            assertThatThrownBy(() -> AuditVerifier.verify(java.nio.file.Files.newBufferedReader(write(broken)), key))
                    .isInstanceOf(java.nio.charset.CharacterCodingException.class);
        }
    }

    private static java.nio.file.Path write(byte[] bytes) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("audit-export", ".ndjson");
        file.toFile().deleteOnExit();
        return java.nio.file.Files.write(file, bytes);
    }

    /**
     * The verdict on an export, which both readers must give alike: the reference (the file as text,
     * line by line, every line through the JSON reader) and the one the command line uses (the bytes
     * in blocks on worker threads), with one or two workers and blocks so small that lines span them.
     */
    static AuditVerifier.Result verifyBoth(String export, PublicKey key) throws IOException {
        AuditVerifier.Result reference = AuditVerifier.verify(new StringReader(export), key);
        byte[] bytes = export.getBytes(StandardCharsets.UTF_8);
        for (int blockSize : new int[] {1 << 20, 64}) {
            for (int threads : new int[] {1, 2}) {
                AuditVerifier.Result fast = AuditVerifier.verify(new java.io.ByteArrayInputStream(bytes), key, blockSize, threads);
                assertThat(fast).as("block %d, %d threads, on:%n%s", blockSize, threads, export).isEqualTo(reference);
            }
        }
        return reference;
    }

    private String export(Long from, Long to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.export(EVERY_THREE).write(out, from, to);
        return out.toString(StandardCharsets.UTF_8);
    }
}
