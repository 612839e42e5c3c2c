package org.impactledger.infra.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link JdbcBatches} stores every kind of value the read models write exactly as Spring's typed
 * {@code batchUpdate} does: the same rows, written once each way into two tables, compare equal.
 */
class JdbcBatchesTest {

    private static final String TABLE = """
            CREATE TEMPORARY TABLE %s (id BIGINT, n INT, label VARCHAR(40), amount NUMERIC(19, 4), flag BOOLEAN,
                on_day DATE, at_time TIMESTAMP WITH TIME ZONE, code VARCHAR(10), extra VARCHAR(20))""";
    private static final String INSERT = "INSERT INTO %s (id, n, label, amount, flag, on_day, at_time, code, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** {@code extra} has no declared type: the driver chooses by the value. */
    private static final int[] TYPES = {Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.NUMERIC, Types.BOOLEAN, Types.DATE, Types.TIMESTAMP,
            Types.VARCHAR};

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://127.0.0.1:5432/test", "jdbc:h2:mem:jdbc_batches"})
    void writes_the_values_as_springs_typed_batch_does(String url) {
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(url);
            dataSource.setUsername(url.contains("postgresql") ? "postgres" : "sa");
            dataSource.setMaximumPoolSize(1); // one connection: the temporary tables stay visible
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute(TABLE.formatted("by_spring"));
            jdbc.execute(TABLE.formatted("by_batches"));
            List<Object[]> rows = new ArrayList<>();
            rows.add(new Object[] {1L, 7, "text", new BigDecimal("1500.25"), true, LocalDate.of(2026, 3, 31),
                    Timestamp.from(Instant.parse("2026-03-31T10:15:30.123Z")), "A", "free"});
            rows.add(new Object[] {2, 8, 42, new BigDecimal("-0.0001"), false, java.sql.Date.valueOf("2025-01-01"),
                    Timestamp.valueOf(LocalDateTime.of(2025, 1, 1, 0, 0)), 'c', 5L});
            rows.add(new Object[] {null, null, null, null, null, null, null, null, null});
            rows.add(new Object[] {4L, 9, "x", 12, Boolean.TRUE, new java.util.Date(0), new java.util.Date(86_400_000L), "z", null});

            int[] bySpring = jdbc.batchUpdate(INSERT.formatted("by_spring"), rows, TYPES);
            int[] byBatches = JdbcBatches.update(jdbc, INSERT.formatted("by_batches"), rows, TYPES);

            assertThat(byBatches).hasSameSizeAs(bySpring);
            List<Map<String, Object>> expected = jdbc.queryForList("SELECT * FROM by_spring ORDER BY id NULLS LAST");
            List<Map<String, Object>> actual = jdbc.queryForList("SELECT * FROM by_batches ORDER BY id NULLS LAST");
            assertThat(actual).hasSize(4).isEqualTo(expected);
            assertThat(actual.get(1)).containsEntry("label", "42").containsEntry("code", "c").containsEntry("extra", "5");
        }
    }
}
