package org.impactledger.projections.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which keys of a batch of events a table already holds: how a projection that writes a whole batch
 * at once ({@link BatchWrites}) finds the events it had applied before (a redelivery). The first
 * question looks up every key of the batch at once, in one statement per {@value BatchLookups#CHUNK} keys; the
 * keys the batch writes itself are {@link #add added}.
 *
 * <p>The keys go as one array parameter ({@code column = ANY(?)}), not as an {@code IN} list of
 * placeholders. An {@code IN (?, ?, ...)} list of a fixed length is the same statement batch after
 * batch, so the driver prepares it on the server and PostgreSQL soon plans it once for any values;
 * on a table without statistics (a rebuild fills it from empty, and autovacuum may be off or not yet
 * there) that plan was a sequential scan testing every row against every key, one by one: 0.4-5 s
 * per batch at about 110,000 rows, in the 1M-event rebuild. With an array parameter the planner
 * estimates a few rows, as for a handful of keys, and probes the primary key for each.
 */
public final class StoredKeys {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final JdbcTemplate jdbc;
    private final String table;
    private final String column;
    private final Supplier<? extends Collection<String>> batchKeys;
    /** Keys known to be stored, or added by this batch. */
    private final Set<String> stored = new HashSet<>();
    private final Set<String> looked = new HashSet<>();

    /**
     * @param batchKeys every key of the batch (the batch's event identifiers), looked up together at the first question
     */
    public StoredKeys(JdbcTemplate jdbc, String table, String column, Supplier<? extends Collection<String>> batchKeys) {
        this.jdbc = jdbc;
        this.table = requireName(table);
        this.column = requireName(column);
        this.batchKeys = batchKeys;
    }

    /** Whether the key is stored (or was added by this batch). */
    public boolean contains(String key) {
        if (stored.contains(key)) {
            return true;
        }
        if (looked.contains(key)) {
            return false;
        }
        Set<String> keys = new LinkedHashSet<>(batchKeys.get());
        keys.removeAll(looked);
        keys.add(key);
        stored.addAll(among(jdbc, table, column, keys));
        looked.addAll(keys);
        return stored.contains(key);
    }

    /** Records a key the batch writes: from now on it is {@link #contains contained}. */
    public void add(String key) {
        stored.add(key);
    }

    /**
     * Records the key unless it is stored already: whether the event it stands for is new (to be
     * written by this batch) rather than a redelivery.
     */
    public boolean addIfAbsent(String key) {
        if (contains(key)) {
            return false;
        }
        add(key);
        return true;
    }

    /** The keys among {@code keys} that {@code table.column} holds (each once, in no particular order). */
    static List<String> among(JdbcTemplate jdbc, String table, String column, Collection<String> keys) {
        requireName(table);
        requireName(column);
        List<String> stored = new ArrayList<>();
        BatchLookups.query(jdbc, "SELECT " + column + " FROM " + table + " WHERE " + column + " = ANY(?)", rs -> {
            stored.add(rs.getString(1));
        }, List.copyOf(keys));
        return stored;
    }

    private static String requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain table or column name: " + name);
        }
        return name;
    }
}
