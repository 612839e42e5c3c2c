package org.impactledger.projections.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A PostgreSQL schema of its own for a test of one upgrade: migrated up to a version, given rows by
 * the test, then migrated to the latest version; dropped at the end.
 */
public final class UpgradeSchema implements AutoCloseable {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String schema;
    private final HikariDataSource dataSource;
    public final JdbcClient jdbc;

    private UpgradeSchema(String schema, HikariDataSource dataSource) {
        this.schema = schema;
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** A new schema ({@link TestSchemas#unique} of {@code base}) migrated up to {@code version} included. */
    public static UpgradeSchema migratedTo(String base, String version) throws Exception {
        String schema = TestSchemas.unique(base);
        try (Connection connection = DriverManager.getConnection(URL, "postgres", ""); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL + "?currentSchema=" + schema);
        config.setUsername("postgres");
        config.setPassword("");
        config.setMaximumPoolSize(2);
        UpgradeSchema upgrade = new UpgradeSchema(schema, new HikariDataSource(config));
        Flyway.configure().dataSource(upgrade.dataSource).schemas(schema).locations("classpath:db/migration").target(version).load().migrate();
        return upgrade;
    }

    /** Applies every later migration. */
    public void upgrade() {
        Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration").load().migrate();
    }

    @Override
    public void close() throws Exception {
        dataSource.close();
        try (Connection connection = DriverManager.getConnection(URL, "postgres", ""); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
