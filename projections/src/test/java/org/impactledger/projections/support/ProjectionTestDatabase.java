package org.impactledger.projections.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The databases projection tests run on: the real PostgreSQL, in a schema of their own (unique per
 * test JVM, created and migrated by Flyway on first use), and H2 in PostgreSQL mode in memory —
 * the embedded default's settings — to show the same SQL works on both.
 */
public final class ProjectionTestDatabase {

    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String schema;
    private HikariDataSource postgres;

    public ProjectionTestDatabase(String schemaBase) {
        this.schema = TestSchemas.unique(schemaBase);
    }

    public String schema() {
        return schema;
    }

    /** The PostgreSQL data source, its schema freshly created and migrated on first use. */
    public synchronized DataSource postgres() {
        if (postgres == null) {
            try (Connection connection = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                statement.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + POSTGRES_URL + " is needed for these tests", e);
            }
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(POSTGRES_URL + "?currentSchema=" + schema);
            config.setUsername("postgres");
            config.setPassword("");
            config.setMaximumPoolSize(4);
            config.setPoolName(schema);
            postgres = new HikariDataSource(config);
            Flyway.configure().dataSource(postgres).schemas(schema).locations("classpath:db/migration").load().migrate();
        }
        return postgres;
    }

    /** A new, migrated in-memory H2 database in PostgreSQL mode. */
    public static DataSource h2(String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(2);
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
