package org.impactledger.infra.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link BatchInsert} writes the same rows as the JDBC batch of its insert: on PostgreSQL through COPY, elsewhere (and
 * for values COPY text is not used for) as the batch. The same rows, written once each way into two tables, compare
 * equal.
 */
class BatchInsertTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String TABLE = """
            CREATE TEMPORARY TABLE %s (id BIGINT PRIMARY KEY, n INT, label VARCHAR(80), amount NUMERIC(19, 2), flag BOOLEAN,
                on_day DATE, at_time TIMESTAMP, at_instant TIMESTAMP WITH TIME ZONE, code VARCHAR(10), filled VARCHAR(10) DEFAULT 'default')""";
    private static final String INSERT = "INSERT INTO %s (id, n, label, amount, flag, on_day, at_time, at_instant, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int[] TYPES = {Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.NUMERIC, Types.BOOLEAN, Types.DATE, Types.TIMESTAMP,
            Types.TIMESTAMP, Types.VARCHAR};

    private static HikariDataSource pool(String url) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(url.contains("postgresql") ? "postgres" : "sa");
        dataSource.setMaximumPoolSize(1); // one connection: the temporary tables stay visible
        return dataSource;
    }

    private static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        LocalDateTime noon = LocalDateTime.of(2026, 3, 31, 12, 0);
        rows.add(new Object[] {1L, 7, "plain", new BigDecimal("1500.25"), true, LocalDate.of(2026, 3, 31), noon, noon, "A"});
        rows.add(new Object[] {2L, -8, "tab\there, new\nline, return\r, back\\slash, \\N", new BigDecimal("-0.005"), false,
                LocalDate.of(1, 1, 1), noon.withNano(499), noon.withNano(500), ""});
        rows.add(new Object[] {3L, 0, "città €, 🌍, ü\tß\\", new BigDecimal("1E+3"), null, LocalDate.of(9999, 12, 31),
                LocalDateTime.of(2025, 12, 31, 23, 59, 59, 999_999_500), noon.withNano(123_456_789), new BigDecimal("1E+3")});
        rows.add(new Object[] {4L, null, null, null, null, null, null, null, null});
        rows.add(new Object[] {5, 9, 42, 12, Boolean.TRUE, LocalDate.of(2000, 2, 29), noon.withNano(1_000), noon.withNano(999_999_999), 'c'});
        rows.add(new Object[] {6L, Integer.MIN_VALUE, "x".repeat(80), new BigDecimal("99999999999999999.99"), false, LocalDate.of(2026, 1, 1),
                noon.withSecond(7).withNano(10_000), noon, "z"});
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {POSTGRES, "jdbc:h2:mem:batch_insert"})
    void writes_the_rows_as_the_batch_of_its_insert_does(String url) {
        try (HikariDataSource dataSource = pool(url)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute(TABLE.formatted("by_batch"));
            jdbc.execute(TABLE.formatted("by_insert"));
            List<Object[]> rows = rows();

            JdbcBatches.update(jdbc, INSERT.formatted("by_batch"), rows, TYPES);
            BatchInsert.of(INSERT.formatted("by_insert"), TYPES).run(jdbc, rows);

            List<Map<String, Object>> expected = jdbc.queryForList("SELECT * FROM by_batch ORDER BY id");
            List<Map<String, Object>> actual = jdbc.queryForList("SELECT * FROM by_insert ORDER BY id");
            assertThat(actual).hasSize(rows.size()).isEqualTo(expected);
            assertThat(actual.get(1)).containsEntry("label", "tab\there, new\nline, return\r, back\\slash, \\N").containsEntry("code", "");
            assertThat(actual.get(2)).containsEntry("label", "città €, 🌍, ü\tß\\").containsEntry("code", "1E+3");
            assertThat(actual.get(3)).containsEntry("label", null).containsEntry("filled", "default");
        }
    }

    @Test
    void a_value_copy_text_is_not_used_for_sends_the_batch_as_the_insert() {
        try (HikariDataSource dataSource = pool(POSTGRES)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute(TABLE.formatted("by_batch"));
            jdbc.execute(TABLE.formatted("by_insert"));
            List<Object[]> rows = rows();
            rows.add(new Object[] {7L, 1, "a java.sql.Timestamp", BigDecimal.ONE, true, LocalDate.of(2026, 1, 1),
                    Timestamp.valueOf(LocalDateTime.of(2026, 1, 1, 8, 30)), null, "t"});

            JdbcBatches.update(jdbc, INSERT.formatted("by_batch"), rows, TYPES);
            BatchInsert.of(INSERT.formatted("by_insert"), TYPES).run(jdbc, rows);

            assertThat(jdbc.queryForList("SELECT * FROM by_insert ORDER BY id")).hasSize(7)
                    .isEqualTo(jdbc.queryForList("SELECT * FROM by_batch ORDER BY id"));
        }
    }

    @Test
    void on_postgresql_a_duplicate_key_fails_the_copy_and_the_transaction_writes_nothing() {
        try (HikariDataSource dataSource = pool(POSTGRES)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute(TABLE.formatted("copied"));
            BatchInsert insert = BatchInsert.of(INSERT.formatted("copied"), TYPES);
            List<Object[]> rows = rows();
            rows.add(rows.get(0).clone());
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

            assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                insert.run(jdbc, rows.subList(0, 2));
                insert.run(jdbc, rows.subList(2, rows.size()));
            }))
                    .isInstanceOf(DuplicateKeyException.class)
                    .hasMessageContaining("COPY copied"); // the server's context of the error: the rows went by COPY

            assertThat(jdbc.queryForObject("SELECT count(*) FROM copied", Long.class)).isZero();
            transaction.executeWithoutResult(status -> insert.run(jdbc, rows.subList(0, 3)));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM copied", Long.class)).isEqualTo(3);
        }
    }

    @Test
    void takes_only_a_plain_insert_of_one_parameter_per_column() {
        assertThat(BatchInsert.of("""
                INSERT INTO journal_line (entry_id, line_no,
                    debit)
                VALUES (?, ?, ?)""", new int[] {Types.VARCHAR, Types.INTEGER, Types.NUMERIC}).copyStatement())
                .isEqualTo("COPY journal_line (entry_id, line_no, debit) FROM STDIN");
        int[] two = {Types.VARCHAR, Types.VARCHAR};
        assertThatThrownBy(() -> BatchInsert.of("INSERT INTO t (a, b) VALUES (?, 'x')", two)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BatchInsert.of("INSERT INTO t (a, b) VALUES (?, ?) ON CONFLICT DO NOTHING", two))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BatchInsert.of("INSERT INTO t (a) VALUES (?)", two)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BatchInsert.of("UPDATE t SET a = ?, b = ?", two)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BatchInsert.of("INSERT INTO t (a, \"b c\") VALUES (?, ?)", two)).isInstanceOf(IllegalArgumentException.class);
        BatchInsert insert = BatchInsert.of("INSERT INTO t (a, b) VALUES (?, ?)", two);
        assertThatThrownBy(() -> insert.run(null, List.<Object[]>of(new Object[] {"only one"}))).isInstanceOf(IllegalArgumentException.class);
    }
}
