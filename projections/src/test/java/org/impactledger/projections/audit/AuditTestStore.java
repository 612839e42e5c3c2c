package org.impactledger.projections.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * An event store with the audit tables on a real database, and the audit classes built by hand
 * around it with a clock the test moves: PostgreSQL in its own schema ({@value #SCHEMA}, dropped
 * and recreated once per test run) or an in-memory H2 in PostgreSQL mode.
 */
final class AuditTestStore {

    static final String SCHEMA = org.impactledger.projections.support.TestSchemas.unique("proj_audit_test");
    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    /** The fixed test key (PKCS#8, base64) and its public key as openssl derives it (SubjectPublicKeyInfo, base64). */
    static final String TEST_PRIVATE_KEY = "MC4CAQAwBQYDK2VwBCIEIFd4reatLEhbbp4sFcEL3Vz2JFFc2djXzMTSCl25VqOQ";
    static final String TEST_PUBLIC_KEY = "MCowBQYDK2VwAyEAM2G62RCaPvac/tD7rnxPk106jlZK8fceqzmaUvcCtvE=";

    private static HikariDataSource postgres;

    final DataSource dataSource;
    final JdbcClient jdbc;
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-28T10:00:00Z"));
    final AuditSigner signer = AuditSigner.fromPkcs8(Base64.getDecoder().decode(TEST_PRIVATE_KEY));

    private AuditTestStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    static synchronized AuditTestStore postgres() {
        if (postgres == null) {
            try (Connection connection = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                statement.execute("CREATE SCHEMA " + SCHEMA);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + POSTGRES_URL + " is needed for these tests", e);
            }
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(POSTGRES_URL + "?currentSchema=" + SCHEMA);
            config.setUsername("postgres");
            config.setPassword("");
            config.setMaximumPoolSize(4);
            config.setPoolName("proj-audit-test");
            postgres = new HikariDataSource(config);
            Flyway.configure().dataSource(postgres).schemas(SCHEMA).locations("classpath:db/migration").load().migrate();
        }
        AuditTestStore store = new AuditTestStore(postgres);
        store.empty();
        return store;
    }

    static AuditTestStore h2(String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(2);
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        AuditTestStore store = new AuditTestStore(dataSource);
        store.empty();
        return store;
    }

    /** Audit settings for tests: gap timeout 10 s, batches of {@code batchSize}, a checkpoint every {@code checkpointEvery} events. */
    static AuditProperties properties(int batchSize, int checkpointEvery, Duration checkpointInterval) {
        return new AuditProperties(false, null, Duration.ofSeconds(10), batchSize, checkpointEvery, checkpointInterval, null, null);
    }

    AuditChainBuilder builder(AuditProperties properties) {
        return new AuditChainBuilder(dataSource, new DataSourceTransactionManager(dataSource), properties, signer, clock);
    }

    AuditVerification verification(AuditProperties properties) {
        return new AuditVerification(jdbc, signer, properties);
    }

    AuditExport export(AuditProperties properties) {
        return new AuditExport(jdbc, signer, properties, clock);
    }

    void empty() {
        jdbc.sql("DELETE FROM domain_event_entry").update();
        builder(AuditProperties.defaults()).reset();
    }

    /** Stores an event row at a chosen global index, as if a write transaction had committed it. */
    void event(long globalIndex) {
        event(globalIndex, "{\"fundId\":\"f-" + globalIndex + "\",\"amount\":{\"amount\":\"100.00\",\"currency\":\"EUR\"}}");
    }

    void event(long globalIndex, String payload) {
        jdbc.sql("""
                        INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (:globalIndex, :eventIdentifier, :aggregate, 0, 'Fund', :timeStamp,
                            'org.impactledger.core.fund.event.CapitalCommitted', '1', :payload, :metaData)""")
                .param("globalIndex", globalIndex)
                .param("eventIdentifier", "event-" + globalIndex)
                .param("aggregate", "fund-" + globalIndex)
                .param("timeStamp", "2026-11-28T09:00:" + String.format("%02d", globalIndex % 60) + ".000Z")
                .param("payload", payload.getBytes(StandardCharsets.UTF_8))
                .param("metaData", ("{\"principal\":\"anna\",\"role\":\"fund-manager\",\"businessDate\":\"2026-11-2" + (globalIndex % 8 + 1)
                        + "\",\"commandId\":\"c-" + globalIndex + "\"}").getBytes(StandardCharsets.UTF_8))
                .update();
    }

    void events(long... globalIndexes) {
        for (long index : globalIndexes) {
            event(index);
        }
    }

    byte[] payload(long globalIndex) {
        return jdbc.sql("SELECT payload FROM domain_event_entry WHERE global_index = ?").param(globalIndex).query(byte[].class).single();
    }

    void setPayload(long globalIndex, byte[] payload) {
        jdbc.sql("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?").param(payload).param(globalIndex).update();
    }

    /** A clock that stands still until the test moves it. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
