package org.impactledger.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The chain builder on PostgreSQL: strict global order, gaps waited for and then passed, checkpoints,
 * serialized builders, and a rebuild that gives the same chain; verification naming the first
 * event that no longer matches.
 */
class AuditChainBuilderTest {

    private AuditTestStore store;
    private final AuditProperties properties = AuditTestStore.properties(500, 1000, Duration.ofMinutes(1));

    @BeforeEach
    void emptyStore() {
        store = AuditTestStore.postgres();
    }

    @Test
    void chains_every_event_in_global_order_from_the_genesis_hash() {
        store.events(1, 2, 3);

        BuildResult result = store.builder(properties).build();

        assertThat(result.eventsChained()).isEqualTo(3);
        assertThat(result.waitingForIndex()).isNull();
        String expected = Hashes.GENESIS;
        for (long index = 1; index <= 3; index++) {
            StoredEvent row = store.jdbc.sql("SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry WHERE global_index = ?")
                    .param(index).query(StoredEvent.MAPPER).single();
            expected = Hashes.chain(expected, row.eventHash());
            assertThat(chainHashAt(index)).isEqualTo(expected);
        }
        assertThat(result.head().lastEventIndex()).isEqualTo(3);
        assertThat(result.head().chainHash()).isEqualTo(expected);
        assertThat(store.verification(properties).verify().valid()).isTrue();
    }

    @Test
    void the_chain_keeps_each_events_principal_business_date_and_recording_time() {
        store.events(1);
        store.builder(properties).build();

        Map<String, Object> row = store.jdbc.sql("SELECT principal, business_date, recorded_at FROM audit_chain WHERE global_index = 1")
                .query().singleRow();
        assertThat(row.get("principal")).isEqualTo("anna");
        assertThat(row.get("business_date").toString()).isEqualTo("2026-11-22");
        assertThat(row.get("recorded_at").toString()).startsWith("2026-11-28 09:00:01");
    }

    @Test
    void a_gap_younger_than_the_timeout_stops_the_builder_until_its_row_commits() {
        store.events(1, 2, 4);
        AuditChainBuilder builder = store.builder(properties);

        BuildResult first = builder.build();
        assertThat(first.eventsChained()).isEqualTo(2);
        assertThat(first.waitingForIndex()).isEqualTo(3);
        assertThat(first.head().headIndex()).isEqualTo(2);

        store.clock.advance(Duration.ofSeconds(9));
        BuildResult stillWaiting = builder.build();
        assertThat(stillWaiting.eventsChained()).isZero();
        assertThat(stillWaiting.waitingForIndex()).isEqualTo(3);

        store.event(3);
        BuildResult late = builder.build();
        assertThat(late.eventsChained()).isEqualTo(2);
        assertThat(late.gapsPassed()).isZero();
        assertThat(late.head().lastEventIndex()).isEqualTo(4);
        assertThat(store.jdbc.sql("SELECT COUNT(*) FROM audit_gap").query(Long.class).single()).isZero();
        assertThat(store.verification(properties).verify().valid()).isTrue();
    }

    @Test
    void a_gap_older_than_the_timeout_is_recorded_as_permanently_empty_and_passed() {
        store.events(1, 2, 5);
        AuditChainBuilder builder = store.builder(properties);
        assertThat(builder.build().waitingForIndex()).isEqualTo(3);

        store.clock.advance(Duration.ofSeconds(10));
        BuildResult result = builder.build();

        assertThat(result.gapsPassed()).isEqualTo(2);
        assertThat(result.eventsChained()).isEqualTo(1);
        assertThat(result.head().headIndex()).isEqualTo(5);
        assertThat(result.head().gapCount()).isEqualTo(2);
        assertThat(store.jdbc.sql("SELECT global_index FROM audit_gap WHERE passed_at IS NOT NULL ORDER BY global_index")
                .query(Long.class).list()).containsExactly(3L, 4L);
        VerificationReport report = store.verification(properties).verify();
        assertThat(report.valid()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(3);
        assertThat(report.gapsChecked()).isEqualTo(2);
    }

    @Test
    void a_row_that_appears_at_a_passed_gap_is_reported_as_inserted() {
        store.events(1, 3);
        AuditChainBuilder builder = store.builder(properties);
        builder.build();
        store.clock.advance(Duration.ofSeconds(11));
        builder.build();

        store.event(2);

        VerificationReport report = store.verification(properties).verify();
        assertThat(report.valid()).isFalse();
        assertThat(report.firstMismatch().globalIndex()).isEqualTo(2);
        assertThat(report.firstMismatch().eventIdentifier()).isEqualTo("event-2");
        assertThat(report.firstMismatch().reason()).isEqualTo(MismatchReason.EVENT_INSERTED);
    }

    @Test
    void verification_names_the_first_event_whose_payload_changed() {
        store.events(1, 2, 3, 4);
        store.builder(properties).build();

        store.setPayload(3, "{\"fundId\":\"f-3\",\"amount\":{\"amount\":\"999.00\",\"currency\":\"EUR\"}}".getBytes(StandardCharsets.UTF_8));
        store.setPayload(4, "{}".getBytes(StandardCharsets.UTF_8));

        VerificationReport report = store.verification(properties).verify();
        assertThat(report.valid()).isFalse();
        assertThat(report.eventsChecked()).isEqualTo(2);
        assertThat(report.firstMismatch().globalIndex()).isEqualTo(3);
        assertThat(report.firstMismatch().eventIdentifier()).isEqualTo("event-3");
        assertThat(report.firstMismatch().reason()).isEqualTo(MismatchReason.EVENT_CHANGED);
        assertThat(report.firstMismatch().detail()).contains("payload changed").doesNotContain("metadata");
    }

    @Test
    void rows_hashed_from_their_bytes_hash_as_rows_read_as_text_with_other_scripts_and_nulls() {
        store.events(1, 2);
        // every text column with characters of two and three UTF-8 bytes (and one of four), the nullable ones NULL
        store.jdbc.sql("""
                        INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (3, 'évènement-3', 'fonds-città-€-\uD83C\uDFE0', 12345678901, NULL, '2026-11-28T09:00:03.000Z',
                            'org.impactledger.core.fund.event.Capitalé', NULL, ?, NULL)""")
                .param("{\"note\":\"già pagato\"}".getBytes(StandardCharsets.UTF_8))
                .update();
        store.builder(properties).build();
        StoredEvent.Hasher hasher = new StoredEvent.Hasher();
        store.jdbc.sql("SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry ORDER BY global_index").query(rs -> {
            StoredEvent.Hashed raw = StoredEvent.hashed(rs, hasher, true);
            StoredEvent.Hashed text = StoredEvent.hashed(rs, hasher, false);
            StoredEvent row = StoredEvent.read(rs, 0);
            assertThat(raw.eventIdentifier()).isEqualTo(row.eventIdentifier());
            assertThat(Hashes.hex(raw.eventHash())).isEqualTo(Hashes.hex(text.eventHash())).isEqualTo(row.eventHash())
                    .isEqualTo(Hashes.sha256Hex(row.canonicalForm()));
        });
        assertThat(store.verification(properties).verify().valid()).isTrue();

        // one character of a text column changed: the verification hashes the bytes and names the event
        store.jdbc.sql("UPDATE domain_event_entry SET aggregate_identifier = 'fonds-citta-€-\uD83C\uDFE0' WHERE global_index = 3").update();
        VerificationReport.Mismatch mismatch = store.verification(properties).verify().firstMismatch();
        assertThat(mismatch.globalIndex()).isEqualTo(3);
        assertThat(mismatch.eventIdentifier()).isEqualTo("évènement-3");
        assertThat(mismatch.reason()).isEqualTo(MismatchReason.EVENT_CHANGED);
        assertThat(mismatch.detail()).contains("aggregate_identifier changed (was fonds-città-€-\uD83C\uDFE0)");
    }

    @Test
    void verification_names_changed_metadata() {
        store.events(1, 2);
        store.builder(properties).build();
        store.jdbc.sql("UPDATE domain_event_entry SET meta_data = ? WHERE global_index = 2")
                .param("{\"principal\":\"mallory\"}".getBytes(StandardCharsets.UTF_8)).update();

        VerificationReport.Mismatch mismatch = store.verification(properties).verify().firstMismatch();
        assertThat(mismatch.globalIndex()).isEqualTo(2);
        assertThat(mismatch.reason()).isEqualTo(MismatchReason.EVENT_CHANGED);
        assertThat(mismatch.detail()).contains("metadata changed");
    }

    @Test
    void verification_names_a_deleted_event() {
        store.events(1, 2, 3);
        store.builder(properties).build();
        store.jdbc.sql("DELETE FROM domain_event_entry WHERE global_index = 2").update();

        VerificationReport.Mismatch mismatch = store.verification(properties).verify().firstMismatch();
        assertThat(mismatch.globalIndex()).isEqualTo(2);
        assertThat(mismatch.eventIdentifier()).isEqualTo("event-2");
        assertThat(mismatch.reason()).isEqualTo(MismatchReason.EVENT_DELETED);
    }

    @Test
    void verification_notices_an_edited_chain_hash_and_a_lost_chain_row() {
        store.events(1, 2, 3);
        store.builder(properties).build();
        store.jdbc.sql("UPDATE audit_chain SET chain_hash = ? WHERE global_index = 2").param(Hashes.GENESIS).update();

        assertThat(store.verification(properties).verify().firstMismatch().reason()).isEqualTo(MismatchReason.CHAIN_ALTERED);

        store.jdbc.sql("DELETE FROM audit_chain WHERE global_index = 2").update();
        store.jdbc.sql("DELETE FROM domain_event_entry WHERE global_index = 2").update();
        VerificationReport.Mismatch mismatch = store.verification(properties).verify().firstMismatch();
        assertThat(mismatch.globalIndex()).isEqualTo(2);
        assertThat(mismatch.reason()).isEqualTo(MismatchReason.CHAIN_INCOMPLETE);
    }

    @Test
    void checkpoints_are_signed_every_n_events_and_at_the_head_once_the_interval_has_passed() {
        AuditProperties everyTwo = AuditTestStore.properties(500, 2, Duration.ofMinutes(1));
        store.events(1, 2, 3, 4, 5);
        AuditChainBuilder builder = store.builder(everyTwo);

        BuildResult first = builder.build();
        assertThat(first.checkpointsSigned()).isEqualTo(2);
        assertThat(checkpointIndexes()).containsExactly(2L, 4L);

        store.clock.advance(Duration.ofSeconds(59));
        assertThat(builder.build().checkpointsSigned()).isZero();
        store.clock.advance(Duration.ofSeconds(1));
        BuildResult quiet = builder.build();
        assertThat(quiet.eventsChained()).isZero();
        assertThat(quiet.checkpointsSigned()).isEqualTo(1);
        assertThat(checkpointIndexes()).containsExactly(2L, 4L, 5L);

        CheckpointPage page = new AuditQueries(store.jdbc).checkpoints(0, 2);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).hasSize(2);
        CheckpointView last = new AuditQueries(store.jdbc).checkpoints(1, 2).items().get(0);
        assertThat(last.chainHash()).isEqualTo(chainHashAt(5));
        assertThat(last.eventCount()).isEqualTo(5);
        assertThat(store.signer.verifyCheckpoint(last.globalIndex(), last.chainHash(), last.signedAt(), last.signature())).isTrue();
        VerificationReport report = store.verification(everyTwo).verify();
        assertThat(report.valid()).isTrue();
        assertThat(report.checkpointsVerified()).isEqualTo(3);
    }

    @Test
    void a_checkpoint_that_no_longer_matches_the_chain_is_named() {
        AuditProperties everyTwo = AuditTestStore.properties(500, 2, Duration.ofMinutes(1));
        store.events(1, 2, 3, 4);
        store.builder(everyTwo).build();
        store.jdbc.sql("UPDATE audit_checkpoint SET signature = ? WHERE global_index = 4")
                .param(store.signer.signCheckpoint(4, Hashes.GENESIS, "2026-11-28T10:00:00Z")).update();

        VerificationReport.Mismatch mismatch = store.verification(everyTwo).verify().firstMismatch();
        assertThat(mismatch.globalIndex()).isEqualTo(4);
        assertThat(mismatch.reason()).isEqualTo(MismatchReason.CHECKPOINT_SIGNATURE_INVALID);
    }

    @Test
    void a_checkpoint_signature_with_a_byte_appended_is_named_in_the_ledger_and_offline() throws Exception {
        AuditProperties everyTwo = AuditTestStore.properties(500, 2, Duration.ofMinutes(1));
        store.events(1, 2, 3, 4);
        store.builder(everyTwo).build();
        String signature = store.jdbc.sql("SELECT signature FROM audit_checkpoint WHERE global_index = 4").query(String.class).single();
        byte[] longer = Arrays.copyOf(Base64.getDecoder().decode(signature), 65);
        store.jdbc.sql("UPDATE audit_checkpoint SET signature = ? WHERE global_index = 4")
                .param(Base64.getEncoder().encodeToString(longer)).update();

        VerificationReport.Mismatch mismatch = store.verification(everyTwo).verify().firstMismatch();
        assertThat(mismatch.globalIndex()).isEqualTo(4);
        assertThat(mismatch.reason()).isEqualTo(MismatchReason.CHECKPOINT_SIGNATURE_INVALID);
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        store.export(everyTwo).write(export, null, null);
        AuditVerifier.Result offline = AuditVerifier.verify(new StringReader(export.toString(StandardCharsets.UTF_8)),
                store.signer.publicKey());
        assertThat(offline.mismatch().reason()).isEqualTo("CHECKPOINT_SIGNATURE_INVALID");
        assertThat(offline.mismatch().globalIndex()).isEqualTo(4);
    }

    @Test
    void small_batches_chain_everything_in_one_run() {
        for (long index = 1; index <= 23; index++) {
            store.event(index);
        }
        BuildResult result = store.builder(AuditTestStore.properties(5, 1000, Duration.ofMinutes(1))).build();
        assertThat(result.eventsChained()).isEqualTo(23);
        assertThat(store.verification(AuditTestStore.properties(4, 1000, Duration.ofMinutes(1))).verify().eventsChecked()).isEqualTo(23);
    }

    @Test
    void pages_of_consecutive_indexes_visit_everything_recorded_in_order_and_pass_a_stretch_with_nothing() {
        for (long index = 1; index <= 30; index++) {
            store.event(index);
        }
        store.builder(AuditTestStore.properties(5, 1000, Duration.ofMinutes(1))).build();
        List<Long> visited = new ArrayList<>();
        ChainWalk walk = new ChainWalk(store.jdbc, 4);
        walk.walk(1, 30, p -> visited.add(p.globalIndex()));
        assertThat(visited).hasSize(30).isSorted().startsWith(1L).endsWith(30L);
        List<Long> part = new ArrayList<>();
        walk.walk(7, 13, p -> part.add(p.globalIndex()));
        assertThat(part).containsExactly(7L, 8L, 9L, 10L, 11L, 12L, 13L);

        // 6-20 gone from the store and from the chain: nearly four pages with nothing recorded
        store.jdbc.sql("DELETE FROM audit_chain WHERE global_index BETWEEN 6 AND 20").update();
        store.jdbc.sql("DELETE FROM domain_event_entry WHERE global_index BETWEEN 6 AND 20").update();
        visited.clear();
        walk.walk(1, 30, p -> visited.add(p.globalIndex()));
        assertThat(visited).containsExactly(1L, 2L, 3L, 4L, 5L, 21L, 22L, 23L, 24L, 25L, 26L, 27L, 28L, 29L, 30L);
        visited.clear();
        walk.walk(6, 19, p -> visited.add(p.globalIndex()));
        assertThat(visited).isEmpty();
        // a visitor that stops is not called again
        visited.clear();
        walk.walk(1, 30, p -> visited.add(p.globalIndex()) && p.globalIndex() < 22);
        assertThat(visited).containsExactly(1L, 2L, 3L, 4L, 5L, 21L, 22L);

        VerificationReport report = store.verification(AuditTestStore.properties(4, 1000, Duration.ofMinutes(1))).verify();
        assertThat(report.valid()).isFalse();
        assertThat(report.firstMismatch().globalIndex()).isEqualTo(6);
        assertThat(report.firstMismatch().reason()).isEqualTo(MismatchReason.CHAIN_INCOMPLETE);
    }

    @Test
    @Timeout(60)
    void a_walk_passes_a_stretch_with_nothing_recorded_in_one_step_not_page_by_page() {
        for (long index = 1; index <= 9; index++) {
            store.event(index);
        }
        store.builder(AuditTestStore.properties(5, 1000, Duration.ofMinutes(1))).build();
        // a billion indexes beyond the last event: 250 million pages of four if they were read one by one
        List<Long> visited = new ArrayList<>();
        new ChainWalk(store.jdbc, 4).walk(1, 1_000_000_000L, p -> visited.add(p.globalIndex()));
        assertThat(visited).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void a_rebuild_gives_exactly_the_chain_that_incremental_building_gave() {
        AuditChainBuilder builder = store.builder(properties);
        store.events(1, 2);
        builder.build();
        store.events(3, 5);
        builder.build();
        store.clock.advance(Duration.ofSeconds(10));
        builder.build();
        store.event(6);
        builder.build();
        List<Map<String, Object>> incremental = chainRows();

        store.clock.advance(Duration.ofMinutes(5));
        builder.reset();
        assertThat(chainRows()).isEmpty();
        assertThat(builder.head().chainHash()).isEqualTo(Hashes.GENESIS);
        builder.build();
        store.clock.advance(Duration.ofSeconds(10));
        BuildResult rebuilt = builder.build();

        assertThat(chainRows()).isEqualTo(incremental);
        assertThat(rebuilt.head().headIndex()).isEqualTo(6);
        assertThat(rebuilt.head().gapCount()).isEqualTo(1);
    }

    @Test
    void builders_running_at_the_same_time_on_two_nodes_chain_each_index_once() throws Exception {
        for (long index = 1; index <= 120; index++) {
            store.event(index);
        }
        AuditProperties small = AuditTestStore.properties(7, 1000, Duration.ofMinutes(1));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<BuildResult>> nodes = List.of(() -> store.builder(small).build(), () -> store.builder(small).build());
            long chained = 0;
            for (Future<BuildResult> run : pool.invokeAll(nodes)) {
                chained += run.get().eventsChained();
            }
            assertThat(chained).isEqualTo(120);
        } finally {
            pool.shutdown();
        }
        VerificationReport report = store.verification(small).verify();
        assertThat(report.valid()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(120);
    }

    private String chainHashAt(long index) {
        return store.jdbc.sql("SELECT chain_hash FROM audit_chain WHERE global_index = ?").param(index).query(String.class).single();
    }

    private List<Long> checkpointIndexes() {
        return store.jdbc.sql("SELECT global_index FROM audit_checkpoint ORDER BY global_index").query(Long.class).list();
    }

    private List<Map<String, Object>> chainRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        store.jdbc.sql("""
                        SELECT global_index, event_identifier, aggregate_identifier, sequence_number, payload_type, recorded_at,
                            business_date, principal, payload_sha256, meta_data_sha256, event_hash, chain_hash
                        FROM audit_chain ORDER BY global_index""")
                .query().listOfRows().forEach(rows::add);
        rows.addAll(store.jdbc.sql("SELECT global_index FROM audit_gap ORDER BY global_index").query().listOfRows());
        return rows;
    }
}
