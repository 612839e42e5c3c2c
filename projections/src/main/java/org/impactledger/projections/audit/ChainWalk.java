package org.impactledger.projections.audit;

import static org.impactledger.projections.state.JdbcValues.instant;

import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Walks a range of global indexes in order, pairing what the chain recorded with what the event
 * store holds now, batch by batch (keyset pages of the chain), so that verification and export
 * never hold more than one batch in memory.
 *
 * <p>Each visited index has at least one of: a chain row, a current event row, a passed gap, a
 * checkpoint. An index with none of them is not visited; callers detect it by counting.
 */
final class ChainWalk {

    /** A row of {@code audit_chain}. */
    record Chained(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String payloadType,
                   String payloadSha256, String metaDataSha256, String eventHash, String chainHash) {
    }

    /** A row of {@code audit_gap} that was passed. */
    record Gap(long globalIndex, Instant firstSeenAt, Instant passedAt) {
    }

    /** A row of {@code audit_checkpoint}. */
    record Checkpoint(long globalIndex, String chainHash, long eventCount, String signedAt, String algorithm, String keyId,
                      String signature) {
    }

    /** One global index: what the chain says, what the store has, and what covers it. */
    record Position(long globalIndex, Chained chained, StoredEvent stored, Gap gap, Checkpoint checkpoint) {
    }

    interface Visitor {
        /** @return false to stop the walk */
        boolean visit(Position position);
    }

    private final JdbcClient jdbc;
    private final int batch;

    ChainWalk(JdbcClient jdbc, int batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Visits every index in {@code [from, to]} that has anything recorded, in order. */
    void walk(long from, long to, Visitor visitor) {
        long after = from - 1;
        while (after < to) {
            List<Chained> chain = jdbc.sql("""
                            SELECT global_index, event_identifier, aggregate_identifier, sequence_number, payload_type, payload_sha256,
                                meta_data_sha256, event_hash, chain_hash
                            FROM audit_chain WHERE global_index > :after AND global_index <= :to ORDER BY global_index LIMIT :limit""")
                    .param("after", after).param("to", to).param("limit", batch)
                    .query((rs, row) -> new Chained(rs.getLong("global_index"), rs.getString("event_identifier"),
                            rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("payload_type"),
                            rs.getString("payload_sha256"), rs.getString("meta_data_sha256"), rs.getString("event_hash"),
                            rs.getString("chain_hash")))
                    .list();
            long upTo = chain.size() == batch ? chain.get(chain.size() - 1).globalIndex() : to;
            TreeMap<Long, Position> positions = new TreeMap<>();
            chain.forEach(c -> positions.put(c.globalIndex(), new Position(c.globalIndex(), c, null, null, null)));
            jdbc.sql("SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry WHERE global_index > :after AND global_index <= :upTo "
                            + "ORDER BY global_index")
                    .param("after", after).param("upTo", upTo)
                    .query(StoredEvent.MAPPER)
                    .list()
                    .forEach(e -> positions.compute(e.globalIndex(), (index, p) -> p == null
                            ? new Position(index, null, e, null, null)
                            : new Position(index, p.chained(), e, p.gap(), p.checkpoint())));
            jdbc.sql("SELECT global_index, first_seen_at, passed_at FROM audit_gap WHERE passed_at IS NOT NULL "
                            + "AND global_index > :after AND global_index <= :upTo")
                    .param("after", after).param("upTo", upTo)
                    .query((rs, row) -> new Gap(rs.getLong("global_index"), instant(rs, "first_seen_at"), instant(rs, "passed_at")))
                    .list()
                    .forEach(g -> positions.compute(g.globalIndex(), (index, p) -> p == null
                            ? new Position(index, null, null, g, null)
                            : new Position(index, p.chained(), p.stored(), g, p.checkpoint())));
            jdbc.sql("SELECT global_index, chain_hash, event_count, signed_at, algorithm, key_id, signature FROM audit_checkpoint "
                            + "WHERE global_index > :after AND global_index <= :upTo")
                    .param("after", after).param("upTo", upTo)
                    .query((rs, row) -> new Checkpoint(rs.getLong("global_index"), rs.getString("chain_hash"), rs.getLong("event_count"),
                            rs.getString("signed_at"), rs.getString("algorithm"), rs.getString("key_id"), rs.getString("signature")))
                    .list()
                    .forEach(c -> positions.compute(c.globalIndex(), (index, p) -> p == null
                            ? new Position(index, null, null, null, c)
                            : new Position(index, p.chained(), p.stored(), p.gap(), c)));
            for (Position position : positions.values()) {
                if (!visitor.visit(position)) {
                    return;
                }
            }
            after = upTo;
        }
    }

    /** The chain hash of the last chained event below {@code index}, or genesis. */
    String chainHashBefore(long index) {
        return jdbc.sql("SELECT chain_hash FROM audit_chain WHERE global_index < :index ORDER BY global_index DESC LIMIT 1")
                .param("index", index)
                .query(String.class)
                .optional()
                .orElse(Hashes.GENESIS);
    }
}
