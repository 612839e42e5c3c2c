package org.impactledger.infra.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * {@link PostgresBatchInserts}: a PostgreSQL pool rewrites batches of inserts, and still reports a
 * batch of updates row by row; other databases and an explicit setting are left as they are.
 */
class PostgresBatchInsertsTest {

    /** The machine's PostgreSQL, as every integration test of the ledger uses it. */
    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private static HikariDataSource pool(String url) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        return dataSource;
    }

    @Test
    void a_postgresql_pool_rewrites_batched_inserts_and_still_counts_each_update() throws Exception {
        try (HikariDataSource dataSource = pool(POSTGRES_URL)) {
            dataSource.setUsername("postgres");
            PostgresBatchInserts.rewriteBatchedInserts(dataSource);
            assertThat(dataSource.getDataSourceProperties()).containsEntry(PostgresBatchInserts.PROPERTY, "true");
            try (Connection connection = dataSource.getConnection()) {
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("CREATE TEMPORARY TABLE batch_insert_probe (id INT PRIMARY KEY, n INT)");
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO batch_insert_probe (id, n) VALUES (?, 0)")) {
                    for (int id = 1; id <= 4; id++) {
                        insert.setInt(1, id);
                        insert.addBatch();
                    }
                    // rewritten into one multi-row insert (the driver groups rows by powers of two): no per-row count
                    assertThat(insert.executeBatch()).containsOnly(Statement.SUCCESS_NO_INFO);
                }
                try (PreparedStatement update = connection.prepareStatement("UPDATE batch_insert_probe SET n = n + 1 WHERE id = ?")) {
                    for (int id : new int[] {1, 3, 7}) {
                        update.setInt(1, id);
                        update.addBatch();
                    }
                    assertThat(update.executeBatch()).containsExactly(1, 1, 0);
                }
            }
        }
    }

    @Test
    void other_databases_and_an_explicit_setting_are_left_alone() {
        try (HikariDataSource h2 = pool("jdbc:h2:mem:batch_inserts");
             HikariDataSource explicit = pool(POSTGRES_URL + "?reWriteBatchedInserts=false")) {
            PostgresBatchInserts.rewriteBatchedInserts(h2);
            PostgresBatchInserts.rewriteBatchedInserts(explicit);
            assertThat(h2.getDataSourceProperties()).doesNotContainKey(PostgresBatchInserts.PROPERTY);
            assertThat(explicit.getDataSourceProperties()).doesNotContainKey(PostgresBatchInserts.PROPERTY);
        }
    }
}
