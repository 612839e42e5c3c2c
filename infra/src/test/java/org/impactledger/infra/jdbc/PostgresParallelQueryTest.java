package org.impactledger.infra.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * {@link PostgresParallelQuery}: a PostgreSQL pool's sessions plan the configured number of parallel
 * workers; {@code -1}, other databases and a pool that sets the driver's {@code options} are left as they are.
 */
class PostgresParallelQueryTest {

    /** The machine's PostgreSQL, as every integration test of the ledger uses it. */
    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private static HikariDataSource pool(String url) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername("postgres");
        return dataSource;
    }

    private static String workersOf(HikariDataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW max_parallel_workers_per_gather")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void a_postgresql_pool_plans_the_configured_number_of_parallel_workers() throws Exception {
        try (HikariDataSource none = pool(POSTGRES_URL); HikariDataSource one = pool(POSTGRES_URL)) {
            PostgresParallelQuery.limitParallelWorkers(none, PostgresParallelQuery.DEFAULT);
            PostgresParallelQuery.limitParallelWorkers(one, 1);
            assertThat(workersOf(none)).isEqualTo("0");
            assertThat(workersOf(one)).isEqualTo("1");
        }
    }

    @Test
    void minus_one_other_databases_and_options_of_the_url_or_the_pool_are_left_alone() throws Exception {
        String server;
        try (HikariDataSource plain = pool(POSTGRES_URL)) {
            server = workersOf(plain);
        }
        try (HikariDataSource serverSetting = pool(POSTGRES_URL);
             HikariDataSource h2 = pool("jdbc:h2:mem:parallel_query");
             HikariDataSource inUrl = pool(POSTGRES_URL + "?options=-c%20max_parallel_workers_per_gather=2");
             HikariDataSource inPool = pool(POSTGRES_URL)) {
            inPool.addDataSourceProperty(PostgresParallelQuery.OPTIONS, "-c max_parallel_workers_per_gather=3");
            for (HikariDataSource dataSource : new HikariDataSource[] {h2, inUrl, inPool}) {
                PostgresParallelQuery.limitParallelWorkers(dataSource, 0);
            }
            PostgresParallelQuery.limitParallelWorkers(serverSetting, -1);
            assertThat(h2.getDataSourceProperties()).doesNotContainKey(PostgresParallelQuery.OPTIONS);
            assertThat(serverSetting.getDataSourceProperties()).doesNotContainKey(PostgresParallelQuery.OPTIONS);
            assertThat(workersOf(serverSetting)).isEqualTo(server);
            assertThat(workersOf(inUrl)).isEqualTo("2");
            assertThat(workersOf(inPool)).isEqualTo("3");
        }
    }

    @Test
    void a_number_below_minus_one_is_refused_by_the_setting_s_name() {
        try (HikariDataSource dataSource = pool(POSTGRES_URL)) {
            assertThatThrownBy(() -> PostgresParallelQuery.limitParallelWorkers(dataSource, -2))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(PostgresParallelQuery.SETTING);
        }
    }
}
