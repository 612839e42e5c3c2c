package org.impactledger.projections.exchange;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The databases the exchange read models are tested on: the real PostgreSQL, in a schema of its own
 * (dropped, recreated and migrated by Flyway once per test run, so other read models' tests can run
 * beside these), and H2 in PostgreSQL mode (in memory).
 */
final class ExchangeDatabases {

    static final String SCHEMA = "proj_exchange_test";
    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private static HikariDataSource postgres;

    private ExchangeDatabases() {
    }

    static synchronized DataSource postgres() {
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
            config.setPoolName("proj-exchange-test");
            postgres = new HikariDataSource(config);
            Flyway.configure()
                    .dataSource(postgres)
                    .schemas(SCHEMA)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        }
        return postgres;
    }

    static DataSource h2(String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(2);
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return dataSource;
    }
}
