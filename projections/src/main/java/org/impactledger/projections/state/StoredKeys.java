package org.impactledger.projections.state;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which of many keys a table already holds: how a projection that writes a whole batch of events
 * at once finds the events it had applied before (a redelivery), in one statement per
 * {@value #CHUNK} keys.
 *
 * <p>The keys go as one array parameter ({@code column = ANY(?)}), not as an {@code IN} list of
 * placeholders. An {@code IN (?, ?, ...)} list of a fixed length is the same statement batch after
 * batch, so the driver prepares it on the server and PostgreSQL soon plans it once for any values;
 * on a table without statistics (a rebuild fills it from empty, and autovacuum may be off or not yet
 * there) that plan was a sequential scan testing every row against every key, one by one: 4-5 s per
 * batch at a few hundred thousand rows, in the 1M-event rebuild. With an array parameter the planner
 * estimates a few rows, as for a handful of keys, and probes the primary key for each.
 */
public final class StoredKeys {

    /** Keys per statement. */
    static final int CHUNK = 1000;

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private StoredKeys() {
    }

    /** The keys among {@code keys} that {@code table.column} holds (each once, in no particular order). */
    public static List<String> among(JdbcTemplate jdbc, String table, String column, Collection<String> keys) {
        if (!NAME.matcher(table).matches() || !NAME.matcher(column).matches()) {
            throw new IllegalArgumentException("not a plain table or column name: " + table + "." + column);
        }
        List<String> all = List.copyOf(keys);
        List<String> stored = new ArrayList<>();
        String sql = "SELECT " + column + " FROM " + table + " WHERE " + column + " = ANY(?)";
        for (int from = 0; from < all.size(); from += CHUNK) {
            Object[] chunk = all.subList(from, Math.min(all.size(), from + CHUNK)).toArray();
            stored.addAll(jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(sql);
                Array array = connection.createArrayOf("varchar", chunk);
                statement.setArray(1, array);
                return statement;
            }, (rs, row) -> rs.getString(1)));
        }
        return stored;
    }
}
