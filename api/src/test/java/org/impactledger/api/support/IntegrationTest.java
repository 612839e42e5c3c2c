package org.impactledger.api.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: the whole application on a random port, against PostgreSQL,
 * driven through HTTP. All subclasses share one application context and one database; tests keep
 * out of each other's way by using their own ids ({@link #unique(String)}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresDatabase::url);
        registry.add("spring.datasource.username", () -> PostgresDatabase.USER);
        registry.add("spring.datasource.password", () -> PostgresDatabase.PASSWORD);
        registry.add("ledger.demo.enabled", () -> "false");
        registry.add("ledger.axon.snapshots.threshold", () -> "5");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected Http http;

    private static long counter = System.nanoTime() % 100_000;

    @BeforeEach
    void client() {
        http = new Http("http://127.0.0.1:" + port);
    }

    protected static synchronized String unique(String prefix) {
        return prefix + "-" + (++counter);
    }

    protected long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    protected long eventCountFor(String aggregateId) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?").param(aggregateId).query(Long.class).single();
    }
}
