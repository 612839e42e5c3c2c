package org.impactledger.infra.axon;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.impactledger.infra.jdbc.BatchInsert;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Axon's JDBC event storage engine, with each stored event's timestamp read once, by {@link StoredTimestamps}, when
 * its row is read; Axon's entries parse the text again at every {@code getTimestamp()}.
 *
 * <p>{@link #getTrackedEventData} does what Axon 4.13's does (the aggregate identifier of an event without one, the
 * token advanced with gaps allowed only for events younger than the gap timeout); only the entry differs. The gap
 * settings it needs are the ones given to the builder ({@link #of}), since Axon keeps them private.
 * {@code LedgerJdbcEventStorageEngineTest} compares its events and tokens with those of Axon's own engine.
 *
 * <p>On PostgreSQL, a unit of work's events are appended with one {@code COPY ... FROM STDIN (FORMAT binary)} once
 * there are at least {@link #COPY_MIN_EVENTS} of them (a bulk outcome import appends a thousand at a time), instead of
 * the driver's multi-row inserts; fewer go by Axon's insert, which takes one round trip where a copy takes two. The
 * rows are the same either way: the same columns with the same values (the timestamp as Axon formats it, payload and
 * metadata as the serializer's bytes), the global index from the column's sequence in the events' order, and a
 * duplicate aggregate sequence number fails the append with the SQL state Axon's insert fails with, which the same
 * persistence exception resolver translates. Measured (bench/RESULTS.md, "twenty-sixth session"): PostgreSQL's
 * statement time for the events was the same either way, but the importing thread no longer has the driver bind nine
 * parameters per event: bulk imports of 240,000 outcomes with the read models stopped ran at 18,622 and 18,904
 * outcomes/s against 17,571 and 17,127 with the inserts, and of 100,000 outcomes with them running at 4,677 and
 * 4,602/s against 4,452 and 4,123 (alternated).
 */
public final class LedgerJdbcEventStorageEngine extends JdbcEventStorageEngine {

    /** The fewest events of one append that go by COPY on PostgreSQL. */
    public static final int COPY_MIN_EVENTS = 32;
    /** How many bytes of COPY data are sent at a time. */
    private static final int COPY_CHUNK = 64 * 1024;
    /** The binary COPY format's signature, flags (none) and header extension length (none). */
    private static final byte[] COPY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final short COPY_COLUMNS = 9;

    /** The gap settings of the engine, as given to its builder. */
    public record Gaps(int maxGapOffset, long lowestGlobalSequence, int gapTimeoutMillis) {
        /** Axon's defaults. */
        public static final Gaps AXON_DEFAULTS = new Gaps(10_000, 1, 60_000);
    }

    private final Gaps gaps;
    private final EventSchema schema;
    private final TransactionManager transactionManager;
    private final String copyEvents;
    /** Whether the store is PostgreSQL's, once the first large append has asked a connection; null before. */
    private volatile Boolean postgres;

    private LedgerJdbcEventStorageEngine(Builder builder, Gaps gaps, EventSchema schema, TransactionManager transactionManager) {
        super(builder);
        this.gaps = gaps;
        this.schema = schema;
        this.transactionManager = transactionManager;
        this.copyEvents = "COPY " + schema.domainEventTable() + " (" + schema.domainEventFields() + ") FROM STDIN (FORMAT binary)";
    }

    /**
     * The engine with these gap settings, schema and transaction manager, its payloads and metadata stored as bytes, and
     * every other setting of Axon's builder from {@code settings} (which must not set the gaps, the schema, the
     * transaction manager or the data type: the engine reads the rows by this schema, computes tokens with these gaps
     * and copies events in this transaction manager's transactions, as bytes).
     */
    public static LedgerJdbcEventStorageEngine of(Gaps gaps, EventSchema schema, TransactionManager transactionManager,
                                                  UnaryOperator<Builder> settings) {
        Builder builder = settings.apply(JdbcEventStorageEngine.builder())
                .maxGapOffset(gaps.maxGapOffset())
                .lowestGlobalSequence(gaps.lowestGlobalSequence())
                .gapTimeout(gaps.gapTimeoutMillis())
                .schema(schema)
                .transactionManager(transactionManager)
                .dataType(byte[].class);
        return new LedgerJdbcEventStorageEngine(builder, gaps, schema, transactionManager);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.size() < COPY_MIN_EVENTS || !postgres()) {
            super.appendEvents(events, serializer);
            return;
        }
        transactionManager.executeInTransaction(() -> {
            Connection connection = getConnection();
            try {
                copy(connection, copyRows(events, serializer));
            } catch (SQLException e) {
                handlePersistenceException(e, events.get(0));
            } finally {
                JdbcUtils.closeQuietly(connection);
            }
        });
    }

    /** Whether the store is PostgreSQL's: asked of a connection once. */
    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            Connection connection = getConnection();
            try {
                known = connection.isWrapperFor(PGConnection.class);
            } catch (SQLException e) {
                known = false;
            } finally {
                JdbcUtils.closeQuietly(connection);
            }
            postgres = known;
        }
        return known;
    }

    /** Sends the rows as one COPY on the connection; a failed copy is cancelled if the server still waits for data. */
    private void copy(Connection connection, byte[] rows) throws SQLException {
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyEvents);
        try {
            for (int offset = 0; offset < rows.length; offset += COPY_CHUNK) {
                in.writeToCopy(rows, offset, Math.min(COPY_CHUNK, rows.length - offset));
            }
            in.endCopy();
        } catch (SQLException | RuntimeException e) {
            BatchInsert.cancelIfActive(in, e);
            throw e;
        }
    }

    /**
     * The events as binary COPY data (each field its length, -1 for NULL, then its bytes; numbers big-endian), in the
     * columns of {@link EventSchema#domainEventFields()} and with the values Axon's insert binds: an event published
     * outside an aggregate is stored with its own identifier as the aggregate's, sequence number 0 and no type.
     * Everything is serialized before the copy starts, so a failing serializer leaves no copy open.
     */
    static byte[] copyRows(List<? extends EventMessage<?>> events, Serializer serializer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(events.size() * 768);
        DataOutputStream data = new DataOutputStream(bytes);
        try {
            data.write(COPY_HEADER);
            for (EventMessage<?> event : events) {
                DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
                SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
                data.writeShort(COPY_COLUMNS);
                field(data, text(event.getIdentifier()));
                field(data, text(domain == null ? event.getIdentifier() : domain.getAggregateIdentifier()));
                data.writeInt(Long.BYTES);
                data.writeLong(domain == null ? 0 : domain.getSequenceNumber());
                field(data, text(domain == null ? null : domain.getType()));
                field(data, text(DateTimeUtils.formatInstant(event.getTimestamp())));
                field(data, text(payload.getType().getName()));
                field(data, text(payload.getType().getRevision()));
                field(data, payload.getData());
                field(data, event.serializeMetaData(serializer, byte[].class).getData());
            }
            data.writeShort(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
        }
        return bytes.toByteArray();
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    /** One field: its length and bytes, or -1 for NULL. */
    private static void field(DataOutputStream data, byte[] value) throws IOException {
        if (value == null) {
            data.writeInt(-1);
        } else {
            data.writeInt(value.length);
            data.write(value);
        }
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken) throws SQLException {
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        ParsedEntry domainEvent = new ParsedEntry(resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()), eventIdentifier, (String) readTimeStamp(resultSet, schema.timestampColumn()),
                resultSet.getString(schema.payloadTypeColumn()), resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()), readPayload(resultSet, schema.metaDataColumn()));
        boolean allowGaps = domainEvent.getTimestamp()
                .isAfter(GenericEventMessage.clock.instant().minus(gaps.gapTimeoutMillis(), ChronoUnit.MILLIS));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                    ? LongStream.range(Math.min(gaps.lowestGlobalSequence(), globalSequence), globalSequence).boxed()
                            .collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet());
        } else {
            token = previousToken.advanceTo(globalSequence, allowGaps ? gaps.maxGapOffset() : 0);
        }
        return new TrackedDomainEventData<>(token, domainEvent);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return entry(resultSet);
    }

    @Override
    protected DomainEventData<?> getSnapshotData(ResultSet resultSet) throws SQLException {
        return entry(resultSet);
    }

    private ParsedEntry entry(ResultSet resultSet) throws SQLException {
        return new ParsedEntry(resultSet.getString(schema.typeColumn()), resultSet.getString(schema.aggregateIdentifierColumn()),
                resultSet.getLong(schema.sequenceNumberColumn()), resultSet.getString(schema.eventIdentifierColumn()),
                (String) readTimeStamp(resultSet, schema.timestampColumn()), resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()), readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
    }

    /** A stored event whose timestamp was parsed once, when it was read. */
    private static final class ParsedEntry extends GenericDomainEventEntry<Object> {
        private final Instant timestamp;

        ParsedEntry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier, String timestamp,
                    String payloadType, String payloadRevision, Object payload, Object metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType, payloadRevision, payload, metaData);
            this.timestamp = StoredTimestamps.parse(timestamp);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }
}
