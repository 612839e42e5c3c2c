package org.impactledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link LedgerJdbcEventStorageEngine} reads exactly what Axon's own JDBC engine reads from the same PostgreSQL store:
 * the same events with the same timestamps, and the same tracking tokens, whether read from the start or from a token,
 * with gaps in the global index, for events both younger and older than the gap timeout; the same aggregate streams
 * and snapshots.
 */
class LedgerJdbcEventStorageEngineTest {

    private static final String SCHEMA = "engine_probe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final Serializer SERIALIZER = EventSerializationTest.SERIALIZER;
    private static HikariDataSource dataSource;
    private static EventStorageEngine axons;
    private static EventStorageEngine ledgers;

    @BeforeAll
    static void store() throws Exception {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA);
        dataSource.setUsername("postgres");
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).createSchemas(true).locations("classpath:db/migration").target("1")
                .load().migrate();
        ConnectionProvider connections = dataSource::getConnection;
        var schema = new AxonJdbcAutoConfiguration().eventSchema();
        axons = JdbcEventStorageEngine.builder().connectionProvider(connections).transactionManager(NoTransactionManager.INSTANCE)
                .schema(schema).eventSerializer(SERIALIZER).snapshotSerializer(SERIALIZER).dataType(byte[].class).build();
        ledgers = LedgerJdbcEventStorageEngine.of(LedgerJdbcEventStorageEngine.Gaps.AXON_DEFAULTS, schema, NoTransactionManager.INSTANCE,
                builder -> builder.connectionProvider(connections).eventSerializer(SERIALIZER).snapshotSerializer(SERIALIZER));

        // a gap before the first event; events of an hour ago (older than the gap timeout) with a gap between them; a gap,
        // then events of now, another gap, and one more
        skipGlobalIndexes(2);
        Clock clock = GenericEventMessage.clock;
        try {
            GenericEventMessage.clock = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
            ledgers.appendEvents(event("fund-1", 0, "a"), event("fund-1", 1, "b"));
            skipGlobalIndexes(2);
            ledgers.appendEvents(event("fund-2", 0, "c"));
        } finally {
            GenericEventMessage.clock = clock;
        }
        skipGlobalIndexes(3);
        ledgers.appendEvents(event("fund-1", 2, "d"), event("fund-3", 0, "e"));
        skipGlobalIndexes(2);
        ledgers.appendEvents(event("fund-2", 1, "f"), GenericEventMessage.asEventMessage("not of an aggregate"));
        ledgers.storeSnapshot(event("fund-1", 1, "snapshot"));
    }

    @AfterAll
    static void drop() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
        dataSource.close();
    }

    @Test
    void tracked_events_and_their_tokens_are_axons_from_any_token() {
        List<Seen> fromStart = tracked(axons, null);
        assertThat(fromStart).hasSize(7);
        assertThat(fromStart.get(6).aggregate()).isNull();
        assertThat(tracked(ledgers, null)).isEqualTo(fromStart);
        // from each token Axon gave, on to the end: gaps of young events stay in the token, those of old ones do not
        for (Seen seen : fromStart) {
            assertThat(tracked(ledgers, seen.token())).isEqualTo(tracked(axons, seen.token()));
        }
        // the gaps before the old event were dropped, those among the young ones are kept
        assertThat(fromStart).extracting(Seen::gaps).containsExactly(Set.of(), Set.of(), Set.of(), Set.of(8L, 9L, 10L),
                Set.of(8L, 9L, 10L), Set.of(8L, 9L, 10L, 13L, 14L), Set.of(8L, 9L, 10L, 13L, 14L));
    }

    @Test
    void read_while_every_event_is_younger_than_the_gap_timeout_every_gap_is_kept_as_axon_keeps_it() {
        Clock clock = GenericEventMessage.clock;
        try {
            GenericEventMessage.clock = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
            List<Seen> fromStart = tracked(axons, null);
            assertThat(tracked(ledgers, null)).isEqualTo(fromStart);
            for (Seen seen : fromStart) {
                assertThat(tracked(ledgers, seen.token())).isEqualTo(tracked(axons, seen.token()));
            }
            assertThat(fromStart.get(0).gaps()).containsExactlyInAnyOrder(1L, 2L);
            assertThat(fromStart.get(5).gaps()).containsExactlyInAnyOrder(1L, 2L, 5L, 6L, 8L, 9L, 10L, 13L, 14L);
        } finally {
            GenericEventMessage.clock = clock;
        }
    }

    @Test
    void aggregate_streams_and_snapshots_are_axons() {
        for (String aggregate : List.of("fund-1", "fund-2", "fund-3")) {
            assertThat(domain(ledgers.readEvents(aggregate).asStream())).isEqualTo(domain(axons.readEvents(aggregate).asStream()))
                    .isNotEmpty();
        }
        assertThat(ledgers.readSnapshot("fund-1").map(LedgerJdbcEventStorageEngineTest::seen))
                .isEqualTo(axons.readSnapshot("fund-1").map(LedgerJdbcEventStorageEngineTest::seen))
                .isPresent();
    }

    /**
     * What an engine read; the token's index and gaps are compared as values (GapAwareTrackingToken's own equals does
     * not tell two tokens with different gaps apart).
     */
    private record Seen(String identifier, String aggregate, long sequence, Instant timestamp, Object payload, Map<String, ?> metaData,
                        TrackingToken token, Long index, Set<Long> gaps) {

        Seen(String identifier, String aggregate, long sequence, Instant timestamp, Object payload, Map<String, ?> metaData,
             TrackingToken token) {
            this(identifier, aggregate, sequence, timestamp, payload, metaData, token,
                    token == null ? null : ((GapAwareTrackingToken) token).getIndex(),
                    token == null ? null : Set.copyOf(((GapAwareTrackingToken) token).getGaps()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Seen o && identifier.equals(o.identifier) && Objects.equals(aggregate, o.aggregate)
                    && sequence == o.sequence && timestamp.equals(o.timestamp) && payload.equals(o.payload) && metaData.equals(o.metaData)
                    && Objects.equals(index, o.index) && Objects.equals(gaps, o.gaps);
        }

        @Override
        public int hashCode() {
            return Objects.hash(identifier, sequence, index);
        }
    }

    private static List<Seen> tracked(EventStorageEngine engine, TrackingToken from) {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, false)) {
            // an event published outside an aggregate is stored with its own identifier as the aggregate's, and read back without one
            return events.map(e -> e instanceof DomainEventMessage<?> d
                    ? new Seen(e.getIdentifier(), d.getAggregateIdentifier(), d.getSequenceNumber(), e.getTimestamp(), e.getPayload(),
                            Map.copyOf(e.getMetaData()), e.trackingToken())
                    : new Seen(e.getIdentifier(), null, -1, e.getTimestamp(), e.getPayload(), Map.copyOf(e.getMetaData()), e.trackingToken()))
                    .collect(Collectors.toList());
        }
    }

    private static List<Seen> domain(Stream<? extends DomainEventMessage<?>> events) {
        return events.map(LedgerJdbcEventStorageEngineTest::seen).collect(Collectors.toList());
    }

    private static Seen seen(DomainEventMessage<?> d) {
        return new Seen(d.getIdentifier(), d.getAggregateIdentifier(), d.getSequenceNumber(), d.getTimestamp(), d.getPayload(),
                Map.copyOf(d.getMetaData()), null);
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence, String payload) {
        return new GenericDomainEventMessage<>("Fund", aggregate, sequence, payload, Map.of("actor", "probe-" + payload));
    }

    /** Takes global indexes that no event will have, as rolled-back inserts do. */
    private static void skipGlobalIndexes(int count) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < count; i++) {
                s.execute("SELECT nextval(pg_get_serial_sequence('" + SCHEMA + ".domain_event_entry', 'global_index'))");
            }
        }
    }
}
