package org.impactledger.projections.state;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Conversions between view values and portable SQL column types, shared by the state projections.
 * TIMESTAMP columns have no zone, so instants are stored and read as UTC wall-clock times: the same
 * event gives the same stored value whatever the JVM's default time zone.
 */
public final class JdbcValues {

    private JdbcValues() {
    }

    /**
     * An event timestamp as the UTC wall-clock time stored in a TIMESTAMP column. (Not
     * {@code LocalDateTime.ofInstant(instant, UTC)}: on Java 17 that builds a new {@code ZoneRules}, with its map,
     * for each call, and every read model and the audit chain call this for every event.)
     */
    public static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** A money column, always with two decimals. */
    public static BigDecimal money(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.setScale(2);
    }

    /**
     * A quantity or multiple in canonical form: the column keeps six decimals, so {@code 1.5} comes
     * back as {@code 1.500000}; trailing zeros are dropped again (without turning 100 into 1E+2).
     */
    public static BigDecimal plain(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
