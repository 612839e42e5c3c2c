package org.impactledger.projections.state;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Rows a batch of events will ask for, read in one statement per {@value #CHUNK} keys instead of
 * one per key: the keys go as array parameters, so the statement is the same for any number of keys
 * (see {@link StoredKeys} for why not an {@code IN} list).
 */
public final class BatchLookups {

    /** Keys per statement. */
    static final int CHUNK = 1000;

    private BatchLookups() {
    }

    /**
     * Runs {@code sql}, whose parameters are one array of keys per list of {@code keys} (all of the same
     * length: the i-th keys of each list make one key), e.g. {@code SELECT f.* FROM UNNEST(?, ?) AS k (a, b)
     * JOIN t f ON f.a = k.a AND f.b = k.b} or {@code ... WHERE a = ANY(?)}, and hands every row to {@code rows}.
     */
    @SafeVarargs
    public static void query(JdbcTemplate jdbc, String sql, RowCallbackHandler rows, List<String>... keys) {
        int size = keys[0].size();
        for (List<String> column : keys) {
            if (column.size() != size) {
                throw new IllegalArgumentException("every list of keys must have " + size + " keys, one has " + column.size());
            }
        }
        for (int from = 0; from < size; from += CHUNK) {
            int start = from;
            int end = Math.min(size, from + CHUNK);
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(sql);
                for (int i = 0; i < keys.length; i++) {
                    Array array = connection.createArrayOf("varchar", keys[i].subList(start, end).toArray());
                    statement.setArray(i + 1, array);
                }
                return statement;
            }, rows);
        }
    }
}
