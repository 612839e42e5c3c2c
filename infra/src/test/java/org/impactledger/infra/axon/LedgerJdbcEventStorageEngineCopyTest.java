package org.impactledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.flywaydb.core.Flyway;
import org.impactledger.core.nrrp.event.NrrpFundsAllocated;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.NrrpProjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL, {@link LedgerJdbcEventStorageEngine} appends {@link LedgerJdbcEventStorageEngine#COPY_MIN_EVENTS} or more
 * events by COPY, and the rows it writes are byte for byte those Axon's own engine inserts for the same events (each engine
 * in a store of its own); a duplicate aggregate sequence number fails the copy as it fails Axon's insert, leaving no row.
 */
class LedgerJdbcEventStorageEngineCopyTest {

    private static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final String AXONS = "copy_axon_" + SUFFIX;
    private static final String LEDGERS = "copy_ledger_" + SUFFIX;
    private static final Serializer SERIALIZER = EventSerializationTest.SERIALIZER;
    private static final String COLUMNS = "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
            + "payload_revision, payload, meta_data";
    private static HikariDataSource dataSource;
    private static EventStorageEngine axons;
    private static EventStorageEngine ledgers;
    /** The statements the ledger's engine prepared. */
    private static final List<String> prepared = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void stores() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/test");
        dataSource.setUsername("postgres");
        for (String schema : List.of(AXONS, LEDGERS)) {
            Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true).locations("classpath:db/migration").target("1")
                    .load().migrate();
        }
        EventSchema axonSchema = AxonJdbcAutoConfiguration.eventSchema(AXONS + ".");
        EventSchema ledgerSchema = AxonJdbcAutoConfiguration.eventSchema(LEDGERS + ".");
        axons = JdbcEventStorageEngine.builder().connectionProvider(dataSource::getConnection).transactionManager(NoTransactionManager.INSTANCE)
                .schema(axonSchema).eventSerializer(SERIALIZER).snapshotSerializer(SERIALIZER).dataType(byte[].class)
                .persistenceExceptionResolver(new SQLStateResolver("23505")).build();
        ConnectionProvider recording = () -> recording(dataSource.getConnection());
        ledgers = LedgerJdbcEventStorageEngine.of(LedgerJdbcEventStorageEngine.Gaps.AXON_DEFAULTS, ledgerSchema, NoTransactionManager.INSTANCE,
                builder -> builder.connectionProvider(recording).eventSerializer(SERIALIZER).snapshotSerializer(SERIALIZER)
                        .persistenceExceptionResolver(new SQLStateResolver("23505")));
    }

    @AfterAll
    static void drop() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + AXONS + " CASCADE");
            s.execute("DROP SCHEMA " + LEDGERS + " CASCADE");
        }
        dataSource.close();
    }

    @BeforeEach
    void clear() {
        prepared.clear();
    }

    @Test
    void a_large_append_is_copied_and_its_rows_are_those_axon_inserts() throws Exception {
        List<EventMessage<?>> events = new ArrayList<>();
        String aggregate = "fund-" + UUID.randomUUID();
        for (int i = 0; i < 40; i++) {
            Object payload = switch (i % 4) {
                case 0 -> "plain " + i;
                case 1 -> "tab\tnewline\nbackslash\\ quote\" \u00e8\u20ac \uD83C\uDF31 " + i;
                case 2 -> new NrrpFundsAllocated(NrrpProjectId.of("p-" + i), "CUP" + i, "M5C2I1.03.00", "A-" + i, Money.of("1000.50", "EUR"),
                        "DM 1/2022", LocalDate.of(2022, 5, 12));
                default -> "";
            };
            Map<String, ?> metaData = i % 5 == 0 ? Map.of() : Map.of("actor", "probe-" + i, "correlationId", "c\u00e9-" + i);
            events.add(new GenericDomainEventMessage<>("Fund", aggregate, i, payload, metaData));
        }
        // an event published outside an aggregate, in the middle of the batch
        events.add(20, GenericEventMessage.asEventMessage("not of an aggregate"));

        axons.appendEvents(events);
        ledgers.appendEvents(events);

        assertThat(prepared).noneMatch(sql -> sql.contains("domain_event_entry"));
        List<List<Object>> copied = rows(LEDGERS, events);
        assertThat(copied).hasSize(41).isEqualTo(rows(AXONS, events));
        // the global index follows the events' order
        List<Long> indexes = indexes(LEDGERS, events);
        assertThat(indexes).isSorted().doesNotHaveDuplicates();
        assertThat(copied.get(20).get(1)).isEqualTo(events.get(20).getIdentifier());
        // the aggregate's stream reads back in order
        assertThat(ledgers.readEvents(aggregate).asStream().map(e -> e.getIdentifier() + "@" + e.getSequenceNumber()).toList())
                .isEqualTo(axons.readEvents(aggregate).asStream().map(e -> e.getIdentifier() + "@" + e.getSequenceNumber()).toList())
                .hasSize(40);
    }

    @Test
    void a_small_append_is_axons_insert() throws Exception {
        String aggregate = "fund-" + UUID.randomUUID();
        List<EventMessage<?>> events = IntStream.range(0, LedgerJdbcEventStorageEngine.COPY_MIN_EVENTS - 1)
                .<EventMessage<?>>mapToObj(i -> new GenericDomainEventMessage<>("Fund", aggregate, i, "small " + i)).toList();
        ledgers.appendEvents(events);
        axons.appendEvents(events);
        assertThat(prepared).anyMatch(sql -> sql.startsWith("INSERT INTO " + LEDGERS + ".domain_event_entry"));
        assertThat(rows(LEDGERS, events)).hasSize(events.size()).isEqualTo(rows(AXONS, events));
    }

    @Test
    void a_copy_with_a_sequence_number_taken_fails_as_axons_insert_fails_and_stores_nothing() throws Exception {
        String aggregate = "fund-" + UUID.randomUUID();
        List<EventMessage<?>> first = IntStream.range(0, 40)
                .<EventMessage<?>>mapToObj(i -> new GenericDomainEventMessage<>("Fund", aggregate, i, "first " + i)).toList();
        axons.appendEvents(first);
        ledgers.appendEvents(first);
        // new events, the last one's sequence number already taken
        List<EventMessage<?>> second = IntStream.range(0, 40)
                .<EventMessage<?>>mapToObj(i -> new GenericDomainEventMessage<>("Fund", aggregate, i == 39 ? 5 : 40 + i, "second " + i))
                .toList();
        Class<? extends Throwable> axonsFailure = catchFailure(() -> axons.appendEvents(second));
        assertThat(axonsFailure).isNotNull();
        assertThatThrownBy(() -> ledgers.appendEvents(second)).isExactlyInstanceOf(axonsFailure);
        assertThat(rows(LEDGERS, second)).isEmpty();
        assertThat(rows(AXONS, second)).isEmpty();
        assertThat(rows(LEDGERS, first)).hasSize(40);
    }

    @Test
    void copy_data_is_postgresqls_binary_format() {
        byte[] data = LedgerJdbcEventStorageEngine.copyRows(List.of(GenericEventMessage.asEventMessage("x")), SERIALIZER);
        assertThat(Arrays.copyOf(data, 11)).isEqualTo(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0});
        // the trailer: a field count of -1
        assertThat(Arrays.copyOfRange(data, data.length - 2, data.length)).isEqualTo(new byte[] {(byte) 0xFF, (byte) 0xFF});
        // nine fields after the header's flags and extension length
        assertThat(Arrays.copyOfRange(data, 19, 21)).isEqualTo(new byte[] {0, 9});
    }

    private static Class<? extends Throwable> catchFailure(Runnable append) {
        try {
            append.run();
            return null;
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    /** The stored columns of these events (bytes as lists, to compare by value), in the order of the global index. */
    private static List<List<Object>> rows(String schema, List<EventMessage<?>> events) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); var s = c.prepareStatement("SELECT " + COLUMNS + " FROM " + schema
                + ".domain_event_entry WHERE event_identifier = ANY(?) ORDER BY global_index")) {
            s.setArray(1, c.createArrayOf("varchar", events.stream().map(EventMessage::getIdentifier).toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int column = 1; column <= 9; column++) {
                        Object value = r.getObject(column);
                        row.add(value instanceof byte[] bytes ? toList(bytes) : value);
                    }
                    rows.add(row);
                }
            }
        }
        // the rows in the events' order
        assertThat(rows).extracting(row -> row.get(0)).containsExactlyElementsOf(
                events.stream().map(EventMessage::getIdentifier).filter(id -> rows.stream().anyMatch(row -> row.get(0).equals(id))).toList());
        return rows;
    }

    private static List<Long> indexes(String schema, List<EventMessage<?>> events) throws Exception {
        List<Long> indexes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); var s = c.prepareStatement("SELECT global_index FROM " + schema
                + ".domain_event_entry WHERE event_identifier = ?")) {
            for (EventMessage<?> event : events) {
                s.setString(1, event.getIdentifier());
                try (ResultSet r = s.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    indexes.add(r.getLong(1));
                }
            }
        }
        return indexes;
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> list = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }

    /** The connection, recording the statements prepared on it. */
    private static Connection recording(Connection connection) {
        return (Connection) Proxy.newProxyInstance(LedgerJdbcEventStorageEngineCopyTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        prepared.add((String) args[0]);
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
