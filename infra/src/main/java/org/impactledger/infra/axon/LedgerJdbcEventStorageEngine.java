package org.impactledger.infra.axon;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC event storage engine, with each stored event's timestamp read once, by {@link StoredTimestamps}, when
 * its row is read; Axon's entries parse the text again at every {@code getTimestamp()}.
 *
 * <p>{@link #getTrackedEventData} does what Axon 4.13's does (the aggregate identifier of an event without one, the
 * token advanced with gaps allowed only for events younger than the gap timeout); only the entry differs. The gap
 * settings it needs are the ones given to the builder ({@link #of}), since Axon keeps them private.
 * {@code LedgerJdbcEventStorageEngineTest} compares its events and tokens with those of Axon's own engine.
 */
public final class LedgerJdbcEventStorageEngine extends JdbcEventStorageEngine {

    /** The gap settings of the engine, as given to its builder. */
    public record Gaps(int maxGapOffset, long lowestGlobalSequence, int gapTimeoutMillis) {
        /** Axon's defaults. */
        public static final Gaps AXON_DEFAULTS = new Gaps(10_000, 1, 60_000);
    }

    private final Gaps gaps;
    private final EventSchema schema;

    private LedgerJdbcEventStorageEngine(Builder builder, Gaps gaps, EventSchema schema) {
        super(builder);
        this.gaps = gaps;
        this.schema = schema;
    }

    /**
     * The engine with these gap settings and schema, and every other setting of Axon's builder from {@code settings} (which
     * must not set the gaps or the schema: the engine reads the rows by this schema and computes tokens with these gaps).
     */
    public static LedgerJdbcEventStorageEngine of(Gaps gaps, EventSchema schema, UnaryOperator<Builder> settings) {
        Builder builder = settings.apply(JdbcEventStorageEngine.builder())
                .maxGapOffset(gaps.maxGapOffset())
                .lowestGlobalSequence(gaps.lowestGlobalSequence())
                .gapTimeout(gaps.gapTimeoutMillis())
                .schema(schema);
        return new LedgerJdbcEventStorageEngine(builder, gaps, schema);
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
