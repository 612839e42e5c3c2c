package org.impactledger.projections.audit;

import static org.impactledger.projections.state.JdbcValues.instant;
import static org.impactledger.projections.state.JdbcValues.utc;

import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.impactledger.infra.axon.StoredTimestamps;
import org.impactledger.infra.jdbc.BatchInsert;
import org.impactledger.infra.messaging.LedgerMetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Extends the audit hash chain over {@code domain_event_entry}, strictly in global order.
 *
 * <h2>Why not a tracking processor</h2>
 * The chain must link every event in {@code global_index} order, once. Axon's tracking processors
 * do not promise that: write transactions commit out of order, so a processor can see index 12
 * before index 11 (it tracks the gap and delivers 11 later), and a rolled-back insert leaves an
 * index that never gets a row. So the builder reads the table itself: rows above the last index
 * accounted for, in order, in batches; it stops at the first missing index and waits. Once an index
 * has been missing for longer than {@code ledger.audit.gap-timeout}, measured from the moment a
 * builder first saw a higher index committed, it is recorded in {@code audit_gap} as permanently
 * empty and passed. The timeout must exceed the longest write transaction: a row committed after
 * its gap was passed is reported by verification as an insertion (which is what a forged insert
 * would look like).
 *
 * <h2>Why a row lock</h2>
 * Every node runs a builder. Each step runs in one transaction that starts by locking the single
 * {@code audit_chain_head} row ({@code SELECT ... FOR UPDATE}), reads the head, chains one batch
 * and moves the head; a builder on another node waits for the lock and then continues from the new
 * head, so no index is chained twice and the chain never forks.
 *
 * <h2>Checkpoints</h2>
 * After every {@code ledger.audit.checkpoint-every} chained events a checkpoint is signed in the
 * same transaction; and at the end of every run, if chained events are not yet covered by a
 * checkpoint and the newest checkpoint is at least {@code ledger.audit.checkpoint-interval} old,
 * one is signed at the head. So on a quiet ledger the newest event waits at most about
 * checkpoint-interval + interval for a signature.
 *
 * <h2>Rebuild</h2>
 * {@link #reset()} empties the chain, gaps and checkpoints and sets the head back to genesis; the
 * next run chains everything again from the current rows. The audit chain has this rebuild of its
 * own rather than an Axon processing group, because it is not built from delivered events. A
 * rebuild re-derives the hashes from the rows as they are now, so rebuilding over a tampered store
 * would make the tampering look valid: verify first (the API refuses a rebuild while verification
 * fails unless forced), and keep earlier exports, which still prove what was signed.
 */
public class AuditChainBuilder {

    private static final Logger log = LoggerFactory.getLogger(AuditChainBuilder.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transaction;
    private final AuditProperties properties;
    private final AuditSigner signer;
    private final Clock clock;

    public AuditChainBuilder(DataSource dataSource, PlatformTransactionManager transactionManager, AuditProperties properties,
                             AuditSigner signer, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batches = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.signer = signer;
        this.clock = clock;
    }

    /** Chains every event that can be chained now: until the store's end or a gap younger than the timeout. */
    public BuildResult build() {
        long events = 0;
        long gaps = 0;
        long checkpoints = 0;
        Step step;
        do {
            step = transaction.execute(status -> step());
            events += step.events;
            gaps += step.gaps;
            checkpoints += step.checkpoints;
        } while (step.more);
        Boolean signed = transaction.execute(status -> checkpointTheHeadIfDue());
        if (Boolean.TRUE.equals(signed)) {
            checkpoints++;
        }
        if (events > 0 || gaps > 0) {
            log.debug("audit chain: {} events chained, {} gaps passed, head {}", events, gaps, step.head.lastEventIndex());
        }
        return new BuildResult(events, gaps, checkpoints, step.waitingFor, head());
    }

    /** Empties the chain, its gaps and checkpoints; the head goes back to genesis. */
    public void reset() {
        transaction.executeWithoutResult(status -> {
            lockHead();
            jdbc.sql("DELETE FROM audit_chain").update();
            jdbc.sql("DELETE FROM audit_gap").update();
            jdbc.sql("DELETE FROM audit_checkpoint").update();
            jdbc.sql("""
                    UPDATE audit_chain_head SET head_index = 0, last_event_index = 0, chain_hash = :genesis, event_count = 0,
                        gap_count = 0, events_since_checkpoint = 0, last_checkpoint_index = 0, last_checkpoint_at = NULL,
                        updated_at = :now WHERE id = 1""")
                    .param("genesis", Hashes.GENESIS)
                    .param("now", utc(clock.instant()))
                    .update();
        });
        log.info("audit chain reset to genesis");
    }

    /** {@link #reset()} then {@link #build()}. */
    public BuildResult rebuild() {
        reset();
        return build();
    }

    public ChainHead head() {
        return jdbc.sql(ChainHead.SELECT).query(ChainHead.MAPPER).single();
    }

    private ChainHead lockHead() {
        return jdbc.sql(ChainHead.SELECT + " FOR UPDATE").query(ChainHead.MAPPER).single();
    }

    private record Step(long events, long gaps, long checkpoints, boolean more, Long waitingFor, ChainHead head) {
    }

    /** Mutable copy of the head while a step runs. */
    private static final class Cursor {
        long headIndex;
        long lastEventIndex;
        String chainHash;
        long eventCount;
        long gapCount;
        long eventsSinceCheckpoint;
        long lastCheckpointIndex;
        Instant lastCheckpointAt;

        Cursor(ChainHead head) {
            headIndex = head.headIndex();
            lastEventIndex = head.lastEventIndex();
            chainHash = head.chainHash();
            eventCount = head.eventCount();
            gapCount = head.gapCount();
            eventsSinceCheckpoint = head.eventsSinceCheckpoint();
            lastCheckpointIndex = head.lastCheckpointIndex();
            lastCheckpointAt = head.lastCheckpointAt();
        }
    }

    private Step step() {
        ChainHead head = lockHead();
        Instant now = clock.instant();
        int batch = properties.batchSize();
        List<StoredEvent> rows = jdbc.sql("SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry WHERE global_index > :after "
                        + "ORDER BY global_index LIMIT :limit")
                .param("after", head.headIndex())
                .param("limit", batch)
                .query(StoredEvent.MAPPER)
                .list();
        Cursor cursor = new Cursor(head);
        List<Object[]> chained = new ArrayList<>(rows.size());
        long events = 0;
        long gaps = 0;
        long checkpoints = 0;
        Long waitingFor = null;
        for (StoredEvent row : rows) {
            if (row.globalIndex() > cursor.headIndex + 1) {
                long before = cursor.gapCount;
                waitingFor = passGaps(cursor, row.globalIndex() - 1, now);
                gaps += cursor.gapCount - before;
                if (waitingFor != null) {
                    break;
                }
            }
            chained.add(chain(row, cursor, now));
            events++;
            if (cursor.eventsSinceCheckpoint >= properties.checkpointEvery()) {
                insertChained(chained);
                checkpoint(cursor, now);
                checkpoints++;
            }
        }
        insertChained(chained);
        if (events > 0 || gaps > 0) {
            jdbc.sql("""
                    UPDATE audit_chain_head SET head_index = :headIndex, last_event_index = :lastEventIndex, chain_hash = :chainHash,
                        event_count = :eventCount, gap_count = :gapCount, events_since_checkpoint = :sinceCheckpoint,
                        last_checkpoint_index = :lastCheckpointIndex, last_checkpoint_at = :lastCheckpointAt, updated_at = :now
                    WHERE id = 1""")
                    .param("headIndex", cursor.headIndex)
                    .param("lastEventIndex", cursor.lastEventIndex)
                    .param("chainHash", cursor.chainHash)
                    .param("eventCount", cursor.eventCount)
                    .param("gapCount", cursor.gapCount)
                    .param("sinceCheckpoint", cursor.eventsSinceCheckpoint)
                    .param("lastCheckpointIndex", cursor.lastCheckpointIndex)
                    .param("lastCheckpointAt", utc(cursor.lastCheckpointAt))
                    .param("now", utc(now))
                    .update();
            // indexes that were waited for and then got their row are no longer gaps
            jdbc.sql("DELETE FROM audit_gap WHERE passed_at IS NULL AND global_index <= :headIndex")
                    .param("headIndex", cursor.headIndex)
                    .update();
        }
        boolean more = waitingFor == null && rows.size() == batch;
        ChainHead after = new ChainHead(cursor.headIndex, cursor.lastEventIndex, cursor.chainHash, cursor.eventCount, cursor.gapCount,
                cursor.eventsSinceCheckpoint, cursor.lastCheckpointIndex, cursor.lastCheckpointAt, now);
        return new Step(events, gaps, checkpoints, more, waitingFor, after);
    }

    /**
     * Handles the missing indexes from the head up to {@code lastMissing}: records when each was first
     * seen missing and passes those missing for at least the gap timeout.
     *
     * @return the first index still to wait for, or {@code null} when all were passed
     */
    private Long passGaps(Cursor cursor, long lastMissing, Instant now) {
        long first = cursor.headIndex + 1;
        Map<Long, Instant> firstSeen = new HashMap<>();
        jdbc.sql("SELECT global_index, first_seen_at FROM audit_gap WHERE global_index BETWEEN :first AND :last")
                .param("first", first)
                .param("last", lastMissing)
                .query((rs, row) -> Map.entry(rs.getLong("global_index"), instant(rs, "first_seen_at")))
                .list()
                .forEach(seen -> firstSeen.put(seen.getKey(), seen.getValue()));
        // every index of the run of missing ones starts its clock now, so consecutive gaps time out together
        for (long index = first; index <= lastMissing; index++) {
            if (!firstSeen.containsKey(index)) {
                jdbc.sql("INSERT INTO audit_gap (global_index, first_seen_at) VALUES (:index, :now)")
                        .param("index", index)
                        .param("now", utc(now))
                        .update();
                firstSeen.put(index, now);
            }
        }
        Duration timeout = properties.gapTimeout();
        for (long index = first; index <= lastMissing; index++) {
            Instant seen = firstSeen.get(index);
            if (Duration.between(seen, now).compareTo(timeout) < 0) {
                return index;
            }
            jdbc.sql("UPDATE audit_gap SET passed_at = :now WHERE global_index = :index")
                    .param("now", utc(now))
                    .param("index", index)
                    .update();
            cursor.headIndex = index;
            cursor.gapCount++;
            log.info("audit chain: global index {} missing since {}, recorded as permanently empty", index, seen);
        }
        return null;
    }

    private static final String INSERT_CHAINED = """
            INSERT INTO audit_chain (global_index, event_identifier, aggregate_identifier, sequence_number, payload_type,
                recorded_at, business_date, principal, payload_sha256, meta_data_sha256, event_hash, chain_hash, chained_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final int[] CHAIN_ROW_TYPES = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR,
            Types.TIMESTAMP, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP};
    /** {@link #INSERT_CHAINED} as COPY on PostgreSQL ({@link BatchInsert}). */
    private static final BatchInsert CHAIN_INSERTS = BatchInsert.of(INSERT_CHAINED, CHAIN_ROW_TYPES);

    /** Links {@code row} to the chain and moves the cursor; returns the chain row to insert, in {@link #INSERT_CHAINED}'s order. */
    private Object[] chain(StoredEvent row, Cursor cursor, Instant now) {
        String eventHash = row.eventHash();
        String chainHash = Hashes.chain(cursor.chainHash, eventHash);
        Instant recordedAt = parseTimestamp(row.timeStamp());
        JsonNode metaData = parseJson(row.metaData());
        String principal = text(metaData, LedgerMetaData.PRINCIPAL);
        LocalDate businessDate = parseDate(text(metaData, LedgerMetaData.BUSINESS_DATE));
        if (businessDate == null && recordedAt != null) {
            businessDate = LocalDate.ofInstant(recordedAt, ZoneOffset.UTC);
        }
        Object[] chainRow = {row.globalIndex(), row.eventIdentifier(), row.aggregateIdentifier(), row.sequenceNumber(),
                row.payloadType(), utc(recordedAt), businessDate, principal, Hashes.sha256Hex(row.payload()),
                Hashes.sha256HexOrNull(row.metaData()), eventHash, chainHash, utc(now)};
        cursor.headIndex = row.globalIndex();
        cursor.lastEventIndex = row.globalIndex();
        cursor.chainHash = chainHash;
        cursor.eventCount++;
        cursor.eventsSinceCheckpoint++;
        return chainRow;
    }

    /** Inserts the chain rows linked so far in one JDBC batch (one round trip, not one per event) and clears the list. */
    private void insertChained(List<Object[]> chained) {
        if (chained.isEmpty()) {
            return;
        }
        CHAIN_INSERTS.run(batches, chained);
        chained.clear();
    }

    private Boolean checkpointTheHeadIfDue() {
        ChainHead head = head();
        if (!due(head)) {
            return false;
        }
        head = lockHead();
        if (!due(head)) {
            return false;
        }
        Cursor cursor = new Cursor(head);
        Instant now = clock.instant();
        checkpoint(cursor, now);
        jdbc.sql("""
                UPDATE audit_chain_head SET events_since_checkpoint = 0, last_checkpoint_index = :index, last_checkpoint_at = :at
                WHERE id = 1""")
                .param("index", cursor.lastCheckpointIndex)
                .param("at", utc(cursor.lastCheckpointAt))
                .update();
        return true;
    }

    private boolean due(ChainHead head) {
        return head.lastEventIndex() > head.lastCheckpointIndex()
                && (head.lastCheckpointAt() == null
                || Duration.between(head.lastCheckpointAt(), clock.instant()).compareTo(properties.checkpointInterval()) >= 0);
    }

    /** Signs the cursor's chain hash at its last event; the caller writes the head. */
    private void checkpoint(Cursor cursor, Instant now) {
        Instant signedAtInstant = now.truncatedTo(ChronoUnit.MILLIS);
        String signedAt = signedAtInstant.toString();
        String signature = signer.signCheckpoint(cursor.lastEventIndex, cursor.chainHash, signedAt);
        jdbc.sql("""
                INSERT INTO audit_checkpoint (global_index, chain_hash, event_count, signed_at, algorithm, key_id, signature)
                VALUES (:globalIndex, :chainHash, :eventCount, :signedAt, :algorithm, :keyId, :signature)""")
                .param("globalIndex", cursor.lastEventIndex)
                .param("chainHash", cursor.chainHash)
                .param("eventCount", cursor.eventCount)
                .param("signedAt", signedAt)
                .param("algorithm", AuditSigner.ALGORITHM)
                .param("keyId", signer.keyId())
                .param("signature", signature)
                .update();
        cursor.eventsSinceCheckpoint = 0;
        cursor.lastCheckpointIndex = cursor.lastEventIndex;
        cursor.lastCheckpointAt = signedAtInstant;
    }

    /**
     * Axon stores ISO-8601 instants; an unreadable stamp is kept out of the listing, not out of the chain. Axon's own
     * format is read at its fixed places ({@link StoredTimestamps#fixedPlaces}): with {@code Instant.parse} first,
     * parsing was about a fifth of the chain builder's CPU samples in a rebuild (bench/RESULTS.md, twentieth session).
     */
    static Instant parseTimestamp(String timeStamp) {
        if (timeStamp == null) {
            return null;
        }
        Instant inAxonsFormat = StoredTimestamps.fixedPlaces(timeStamp);
        if (inAxonsFormat != null) {
            return inAxonsFormat;
        }
        try {
            return Instant.parse(timeStamp);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(timeStamp).toInstant();
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    private static LocalDate parseDate(String text) {
        if (text == null) {
            return null;
        }
        try {
            return StoredTimestamps.isoDate(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static JsonNode parseJson(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
