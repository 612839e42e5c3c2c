package org.impactledger.projections.audit;

import static org.impactledger.projections.state.JdbcValues.instant;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.impactledger.infra.jdbc.Databases;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Walks a range of global indexes in order, pairing what the chain recorded with what the event
 * store holds now, page by page ({@code batch} consecutive indexes each), so that verification and
 * export never hold more than a few pages in memory.
 *
 * <p>Each visited index has at least one of: a chain row, a current event row, a passed gap, a
 * checkpoint. An index with none of them is not visited; callers detect it by counting.
 */
final class ChainWalk {

    /**
     * A row of {@code audit_chain}. In a walk only the global index, event identifier, event hash and
     * chain hash are read; {@link #chainRow(long)} reads all of it.
     */
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

    /**
     * One global index: what the chain says, what the store has, and what covers it. A walk that only
     * reads gives the stored row ({@code stored}); a walk that hashes gives instead its identifier and
     * event hash ({@code hashed}), and whether the checkpoint's signature verifies ({@code null} when
     * not computed). Either is {@code null} when the store has no row at the index.
     */
    record Position(long globalIndex, Chained chained, StoredEvent stored, Gap gap, Checkpoint checkpoint, StoredEvent.Hashed hashed,
                    Boolean signatureValid) {

        Position(long globalIndex, Chained chained, StoredEvent stored, Gap gap, Checkpoint checkpoint) {
            this(globalIndex, chained, stored, gap, checkpoint, null, null);
        }

        private Position with(Gap g) {
            return new Position(globalIndex, chained, stored, g, checkpoint, hashed, signatureValid);
        }

        private Position with(Checkpoint c) {
            return new Position(globalIndex, chained, stored, gap, c, hashed, signatureValid);
        }
    }

    interface Visitor {
        /** @return false to stop the walk */
        boolean visit(Position position);
    }

    /**
     * Where the pages are read and hashed: two daemon threads shared by every walk (the machine the
     * ledger is measured on has two cores). Only the reading of the chain's pages, which decides
     * where each page ends, and the visits stay on the caller's thread, in order.
     */
    private static final ExecutorService PAGES = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "audit-chain-walk");
        thread.setDaemon(true);
        return thread;
    });

    /** Pages read ahead of the one being visited. */
    private static final int AHEAD = 3;

    private final JdbcClient jdbc;
    private final int batch;
    private final boolean hashEvents;
    private final Function<Checkpoint, Boolean> signatureCheck;

    /** A walk that only reads (the export). */
    ChainWalk(JdbcClient jdbc, int batch) {
        this(jdbc, batch, false, null);
    }

    /**
     * @param hashEvents     give each stored row as its identifier and event hash, computed while the page is read ({@link Position#hashed()})
     * @param signatureCheck verifies a checkpoint's signature while the page is read ({@link Position#signatureValid()}),
     *                       answering {@code null} for one it does not check; {@code null} for none
     */
    ChainWalk(JdbcClient jdbc, int batch, boolean hashEvents, Function<Checkpoint, Boolean> signatureCheck) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.hashEvents = hashEvents;
        this.signatureCheck = signatureCheck;
    }

    /**
     * Visits every index in {@code [from, to]} that has anything recorded, in order.
     *
     * <p>A page is {@code batch} consecutive global indexes; the last one ends at {@code to}. Up to the
     * chain's head every index is a chained event or a recorded gap, so a page holds {@code batch}
     * positions. The page's chain rows, event rows, gaps and checkpoints, and the hashing, are read on
     * {@link #PAGES}, up to {@link #AHEAD} pages ahead of the visits, so that PostgreSQL, the hashing and
     * the visits overlap; the visits stay on the caller's thread, in order.
     *
     * <p>A page with nothing recorded at all is a stretch of the range where every table is empty (only
     * a store whose rows were deleted has one). The pages read ahead of it are dropped, and the walk
     * goes on from the next index that has anything recorded, so such a stretch costs one query, not
     * one page per {@code batch} indexes. The indexes it skips would not have been visited.
     */
    void walk(long from, long to, Visitor visitor) {
        ArrayDeque<Page> ahead = new ArrayDeque<>();
        long after = from - 1;
        try {
            while (true) {
                while (after < to && ahead.size() < AHEAD) {
                    long pageAfter = after;
                    long upTo = to - after > batch ? after + batch : to;
                    ahead.add(new Page(upTo, PAGES.submit(() -> page(pageAfter, upTo))));
                    after = upTo;
                }
                Page next = ahead.poll();
                if (next == null) {
                    return;
                }
                Collection<Position> positions = await(next.positions());
                if (positions.isEmpty() && next.upTo() < to) {
                    ahead.forEach(page -> page.positions().cancel(false));
                    ahead.clear();
                    long recorded = nextRecorded(next.upTo());
                    after = recorded > to ? to : recorded - 1;
                    continue;
                }
                for (Position position : positions) {
                    if (!visitor.visit(position)) {
                        return;
                    }
                }
            }
        } finally {
            ahead.forEach(page -> page.positions().cancel(false));
        }
    }

    /** A page being read: the last index it covers, and its positions once read. */
    private record Page(long upTo, Future<Collection<Position>> positions) {
    }

    /**
     * The lowest index above {@code after} that has a chain row, an event row, a passed gap or a
     * checkpoint ({@link Long#MAX_VALUE} when none has): where a walk goes on after a stretch with none.
     */
    private long nextRecorded(long after) {
        long next = Long.MAX_VALUE;
        for (String sql : List.of("SELECT MIN(global_index) FROM audit_chain WHERE global_index > :after",
                "SELECT MIN(global_index) FROM domain_event_entry WHERE global_index > :after",
                "SELECT MIN(global_index) FROM audit_gap WHERE passed_at IS NOT NULL AND global_index > :after",
                "SELECT MIN(global_index) FROM audit_checkpoint WHERE global_index > :after")) {
            List<Long> min = jdbc.sql(sql).param("after", after).query(Long.class).list(); // one row, NULL when there is none
            Long index = min.isEmpty() ? null : min.get(0);
            if (index != null && index < next) {
                next = index;
            }
        }
        return next;
    }

    /** Everything recorded in {@code (after, upTo]}, in index order. */
    private Collection<Position> page(long after, long upTo) {
        TreeMap<Long, Position> positions = new TreeMap<>();
        // only what a walk compares and writes; the rest of a chain row is read by chainRow() for a mismatch
        jdbc.sql("SELECT global_index, event_identifier, event_hash, chain_hash FROM audit_chain "
                        + "WHERE global_index > :after AND global_index <= :upTo ORDER BY global_index")
                .param("after", after).param("upTo", upTo)
                .query((rs, row) -> new Chained(rs.getLong(1), rs.getString(2), null, 0, null, null, null, rs.getString(3),
                        rs.getString(4)))
                .list()
                .forEach(c -> positions.put(c.globalIndex(), new Position(c.globalIndex(), c, null, null, null)));
        String events = "SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry WHERE global_index > :after AND global_index <= :upTo "
                + "ORDER BY global_index";
        if (hashEvents) {
            // hashed as they are read, on this page's thread
            StoredEvent.Hasher hasher = new StoredEvent.Hasher();
            Boolean[] rawText = {null};
            jdbc.sql(events).param("after", after).param("upTo", upTo)
                    .query(rs -> {
                        if (rawText[0] == null) {
                            rawText[0] = Databases.isPostgreSql(rs.getStatement().getConnection());
                        }
                        StoredEvent.Hashed e = StoredEvent.hashed(rs, hasher, rawText[0]);
                        positions.compute(e.globalIndex(), (index, p) -> p == null
                                ? new Position(index, null, null, null, null, e, null)
                                : new Position(index, p.chained(), null, p.gap(), p.checkpoint(), e, null));
                    });
        } else {
            jdbc.sql(events).param("after", after).param("upTo", upTo)
                    .query(StoredEvent.MAPPER)
                    .list()
                    .forEach(e -> positions.compute(e.globalIndex(), (index, p) -> p == null
                            ? new Position(index, null, e, null, null)
                            : new Position(index, p.chained(), e, p.gap(), p.checkpoint())));
        }
        jdbc.sql("SELECT global_index, first_seen_at, passed_at FROM audit_gap WHERE passed_at IS NOT NULL "
                        + "AND global_index > :after AND global_index <= :upTo")
                .param("after", after).param("upTo", upTo)
                .query((rs, row) -> new Gap(rs.getLong("global_index"), instant(rs, "first_seen_at"), instant(rs, "passed_at")))
                .list()
                .forEach(g -> positions.compute(g.globalIndex(), (index, p) -> p == null ? new Position(index, null, null, g, null) : p.with(g)));
        jdbc.sql("SELECT global_index, chain_hash, event_count, signed_at, algorithm, key_id, signature FROM audit_checkpoint "
                        + "WHERE global_index > :after AND global_index <= :upTo")
                .param("after", after).param("upTo", upTo)
                .query((rs, row) -> new Checkpoint(rs.getLong("global_index"), rs.getString("chain_hash"), rs.getLong("event_count"),
                        rs.getString("signed_at"), rs.getString("algorithm"), rs.getString("key_id"), rs.getString("signature")))
                .list()
                .forEach(c -> positions.compute(c.globalIndex(), (index, p) -> p == null ? new Position(index, null, null, null, c) : p.with(c)));
        if (signatureCheck == null) {
            return positions.values();
        }
        List<Position> prepared = new ArrayList<>(positions.size());
        for (Position p : positions.values()) {
            prepared.add(p.checkpoint() == null ? p : new Position(p.globalIndex(), p.chained(), p.stored(), p.gap(), p.checkpoint(), p.hashed(),
                    signatureCheck.apply(p.checkpoint())));
        }
        return prepared;
    }

    private static <T> T await(Future<T> page) {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the audit chain", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The whole chain row at {@code index} (to describe a mismatch). */
    Chained chainRow(long index) {
        return jdbc.sql("""
                        SELECT global_index, event_identifier, aggregate_identifier, sequence_number, payload_type, payload_sha256,
                            meta_data_sha256, event_hash, chain_hash
                        FROM audit_chain WHERE global_index = :index""")
                .param("index", index)
                .query((rs, row) -> new Chained(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .single();
    }

    /** The stored row at {@code index} as it is now, or {@code null} (to describe a mismatch). */
    StoredEvent storedRow(long index) {
        return jdbc.sql("SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry WHERE global_index = :index")
                .param("index", index)
                .query(StoredEvent.MAPPER)
                .optional()
                .orElse(null);
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
