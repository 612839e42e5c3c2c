package org.impactledger.infra.jdbc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * A batch of new rows for one table: {@code INSERT INTO t (c1, ..., cn) VALUES (?, ..., ?)} with declared column
 * types. On PostgreSQL the rows go to the table with one {@code COPY t (c1, ..., cn) FROM STDIN} in the caller's
 * transaction; on other databases (H2), or when a value is of a kind the copy does not write, as a JDBC batch of the
 * insert ({@link JdbcBatches#update}).
 *
 * <p>Why: the read models write most of their rows as plain inserts (payment audit steps, SDG and NRRP facts, journal
 * entries and lines, fund flows, outcome views, the audit chain). In a profile of the start-up build of the 1M store,
 * those batches (the driver binding every value of the rewritten multi-row inserts, and the values set) were about a
 * quarter of the execution samples of the processors and the audit chain. Written as COPY text, 200,000 payment audit steps took PostgreSQL 2.0 s of CPU instead of
 * 3.5 s, and the client about half its time (bench/RESULTS.md, "twenty-fourth session").
 *
 * <p>What is the same either way: a row is written whole or the batch fails (a duplicate key fails the batch and the
 * transaction, with the same SQL state, translated by Spring into the same exception); columns left out take their
 * defaults. The values are written as the driver writes them for the insert: text as is (with COPY's escapes), numbers
 * in decimal, booleans, dates as {@code yyyy-MM-dd}, and a {@code LocalDateTime} rounded to the microsecond half up, as
 * the driver rounds it. Any other pairing of value and declared type (a {@code java.sql.Timestamp}, an undeclared
 * type, a date outside the years 1 to 9999) sends the whole batch as the JDBC batch instead, so that no value is ever
 * written differently from the insert.
 */
public final class BatchInsert {

    private static final Pattern SHAPE = Pattern.compile(
            "\\s*INSERT\\s+INTO\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(([^()]*)\\)\\s*VALUES\\s*\\(([^()]*)\\)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** How much COPY text is gathered before it is sent. */
    private static final int CHUNK = 64 * 1024;

    private final String insert;
    private final String copy;
    private final int[] types;

    private BatchInsert(String insert, String copy, int[] types) {
        this.insert = insert;
        this.copy = copy;
        this.types = types;
    }

    /**
     * @param insert {@code INSERT INTO table (columns) VALUES (?, ...)}: one parameter per column, nothing else
     * @param types  the {@link Types} of the columns, in order
     * @throws IllegalArgumentException if the statement is not of that shape or the types do not match its columns
     */
    public static BatchInsert of(String insert, int[] types) {
        Matcher shape = SHAPE.matcher(insert);
        if (!shape.matches()) {
            throw new IllegalArgumentException("not an INSERT INTO table (columns) VALUES (?, ...): " + insert);
        }
        String[] columns = shape.group(2).split(",", -1);
        String[] values = shape.group(3).split(",", -1);
        for (int i = 0; i < columns.length; i++) {
            columns[i] = columns[i].strip();
            if (!COLUMN.matcher(columns[i]).matches()) {
                throw new IllegalArgumentException("not a column name: '" + columns[i] + "' in " + insert);
            }
        }
        if (values.length != columns.length || !Arrays.stream(values).allMatch(v -> v.strip().equals("?"))) {
            throw new IllegalArgumentException("every column takes one parameter and nothing else: " + insert);
        }
        if (types.length != columns.length) {
            throw new IllegalArgumentException(columns.length + " columns but " + types.length + " types: " + insert);
        }
        String copy = "COPY " + shape.group(1) + " (" + String.join(", ", columns) + ") FROM STDIN";
        return new BatchInsert(insert, copy, types.clone());
    }

    /** The COPY statement used on PostgreSQL. */
    String copyStatement() {
        return copy;
    }

    /** Inserts the rows (each one value per column, in order), in the transaction the operations are bound to if any. */
    public void run(JdbcOperations jdbc, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        for (Object[] row : rows) {
            if (row.length != types.length) {
                throw new IllegalArgumentException("a row of " + row.length + " values for " + types.length + " columns: " + insert);
            }
        }
        Boolean copied = jdbc.execute((ConnectionCallback<Boolean>) connection -> copy(connection, rows));
        if (!Boolean.TRUE.equals(copied)) {
            JdbcBatches.update(jdbc, insert, rows, types);
        }
    }

    /** Copies the rows if the connection is PostgreSQL's and every value can be written as COPY text; returns whether it did. */
    private boolean copy(Connection connection, List<Object[]> rows) throws SQLException {
        if (!connection.isWrapperFor(PGConnection.class) || !copyable(rows)) {
            return false;
        }
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
        try {
            CopyText text = new CopyText(CHUNK);
            for (Object[] row : rows) {
                for (int column = 0; column < row.length; column++) {
                    if (column > 0) {
                        text.tab();
                    }
                    text.value(row[column], types[column]);
                }
                text.endRow();
                if (text.length() >= CHUNK) {
                    in.writeToCopy(text.bytes(), 0, text.length());
                    text.clear();
                }
            }
            if (text.length() > 0) {
                in.writeToCopy(text.bytes(), 0, text.length());
            }
            in.endCopy();
            return true;
        } catch (SQLException | RuntimeException e) {
            cancelIfActive(in, e);
            throw e;
        }
    }

    /** After a failure, cancels the copy if the server still waits for its data; a failure to cancel is added to {@code failure}. */
    public static void cancelIfActive(CopyIn in, Exception failure) {
        if (in.isActive()) {
            try {
                in.cancelCopy();
            } catch (SQLException cancel) {
                failure.addSuppressed(cancel);
            }
        }
    }

    private boolean copyable(List<Object[]> rows) {
        for (Object[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                if (!CopyText.writes(row[column], types[column])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** PostgreSQL's COPY text format, UTF-8: values separated by tabs, rows ended by a newline, {@code \N} for null. */
    static final class CopyText {

        private byte[] buffer;
        private int length;

        CopyText(int capacity) {
            this.buffer = new byte[capacity];
        }

        /** Whether {@link #value} writes this value for a column of this declared type as the driver writes it for an insert. */
        static boolean writes(Object value, int type) {
            if (value == null) {
                return true;
            }
            if (JdbcBatches.isText(type)) {
                return true; // as JdbcBatches: the value's toString()
            }
            switch (type) {
                case Types.BIGINT, Types.INTEGER, Types.SMALLINT:
                    return value instanceof Long || value instanceof Integer || value instanceof Short;
                case Types.NUMERIC, Types.DECIMAL:
                    return value instanceof BigDecimal || value instanceof Long || value instanceof Integer;
                case Types.BOOLEAN:
                    return value instanceof Boolean;
                case Types.DATE:
                    return value instanceof LocalDate date && date.getYear() >= 1 && date.getYear() <= 9999;
                case Types.TIMESTAMP:
                    return value instanceof LocalDateTime time && time.getYear() >= 1 && time.getYear() <= 9998;
                default:
                    return false;
            }
        }

        /** Appends a value that {@link #writes} accepts for this declared type. */
        void value(Object value, int type) {
            if (value == null) {
                ascii("\\N");
                return;
            }
            switch (type) {
                case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> ascii(value.toString());
                case Types.NUMERIC, Types.DECIMAL -> ascii(value instanceof BigDecimal decimal ? plain(decimal) : value.toString());
                case Types.BOOLEAN -> put((Boolean) value ? (byte) 't' : (byte) 'f');
                case Types.DATE -> date((LocalDate) value);
                case Types.TIMESTAMP -> timestamp((LocalDateTime) value);
                default -> text(value instanceof String string ? string : value.toString());
            }
        }

        /**
         * The decimal without an exponent. {@code toString()} is that text whenever it has no exponent (the common case,
         * and cheaper than {@code toPlainString()}); PostgreSQL would read either.
         */
        private static String plain(BigDecimal decimal) {
            String text = decimal.toString();
            return text.indexOf('E') < 0 ? text : decimal.toPlainString();
        }

        void tab() {
            put((byte) '\t');
        }

        void endRow() {
            put((byte) '\n');
        }

        byte[] bytes() {
            return buffer;
        }

        int length() {
            return length;
        }

        void clear() {
            length = 0;
        }

        /** Text with COPY's escapes for the backslash, newline, carriage return and tab; other characters as UTF-8. */
        private void text(String text) {
            int n = text.length();
            ensure(2 * n); // an ASCII character takes at most two bytes here
            byte[] bytes = buffer;
            int at = length;
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    // UTF-8's bytes of a non-ASCII character are all 0x80 or above: none is one of the escaped characters
                    length = at;
                    escaped(text.substring(i).getBytes(StandardCharsets.UTF_8));
                    return;
                }
                if (c > '\\' || c >= ' ' && c != '\\') {
                    bytes[at++] = (byte) c;
                } else {
                    length = at;
                    escaped(c);
                    bytes = buffer;
                    at = length;
                }
            }
            length = at;
        }

        private void escaped(byte[] utf8) {
            for (byte b : utf8) {
                escaped((char) (b & 0xff));
            }
        }

        /** The character, or a backslash and the letter COPY reads as it for the four characters it escapes. */
        private void escaped(char c) {
            char letter = switch (c) {
                case '\\' -> '\\';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\t' -> 't';
                default -> 0;
            };
            if (letter != 0) {
                put((byte) '\\');
                put((byte) letter);
            } else {
                put((byte) c);
            }
        }

        /** {@code yyyy-MM-dd}, for the years 1 to 9999. */
        private void date(LocalDate date) {
            digits(date.getYear(), 4);
            put((byte) '-');
            digits(date.getMonthValue(), 2);
            put((byte) '-');
            digits(date.getDayOfMonth(), 2);
        }

        /** {@code yyyy-MM-dd HH:mm:ss[.ffffff]}, rounded to the microsecond half up as the driver rounds a {@code LocalDateTime}. */
        private void timestamp(LocalDateTime time) {
            LocalDateTime rounded = time.getNano() % 1000 >= 500 ? time.plusNanos(1000 - time.getNano() % 1000) : time;
            date(rounded.toLocalDate());
            put((byte) ' ');
            digits(rounded.getHour(), 2);
            put((byte) ':');
            digits(rounded.getMinute(), 2);
            put((byte) ':');
            digits(rounded.getSecond(), 2);
            int micros = rounded.getNano() / 1000;
            if (micros > 0) {
                put((byte) '.');
                digits(micros, 6);
            }
        }

        private void digits(int value, int width) {
            ensure(width);
            for (int i = width - 1; i >= 0; i--) {
                buffer[length + i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            length += width;
        }

        private void ascii(String text) {
            int n = text.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                buffer[length++] = (byte) text.charAt(i);
            }
        }

        private void put(byte b) {
            if (length == buffer.length) {
                ensure(1);
            }
            buffer[length++] = b;
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }

        @Override
        public String toString() {
            return new String(buffer, 0, length, StandardCharsets.UTF_8);
        }
    }
}
