package org.impactledger.projections.state;

import org.impactledger.infra.jdbc.Databases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps PostgreSQL's planner statistics of one read-model table current while a projection fills
 * it: {@code ANALYZE} when the table has none, and again whenever the rows this process inserted
 * since the last one reach {@value #GROWTH} times the rows the table had then, so the table has
 * quadrupled (and at least {@value #MIN_ROWS} rows). Does nothing on other databases.
 *
 * <p>Why: a table that was never analyzed (PostgreSQL's autovacuum may be off, or behind, during a
 * build from zero) is planned as if it held one row, so every index whose columns appear in a
 * {@code WHERE} costs the same and the planner may take any of them. {@code outcome_view}'s updates by
 * primary key were planned on {@code ix_outcome_view_beneficiary}, a scan of the whole index for
 * each update: the start-up build slowed as the table grew (8 ms per update at 100,000 rows). With
 * statistics the primary key is taken. The counts are approximate (per process, not per database);
 * they only decide when to analyze, never what a read model holds.
 *
 * <p>Why only at quadrupling: between two analyses the planner scales the row count it knows by the
 * table's current size on disk, so a growing table keeps sensible estimates. Each {@code ANALYZE} of
 * a large table costs 0.2-0.3 s: when the tables were analyzed at every half again, the start-up
 * build of 1M events ran 113 of them, 19.2 s of PostgreSQL's 167 s (bench/RESULTS.md, "ninth
 * session").
 */
public final class TableStatistics {

    static final long MIN_ROWS = 1_000;
    static final int GROWTH = 3;

    private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);

    private final JdbcTemplate jdbc;
    private final String table;
    private Boolean postgres;
    private double rowsAtLastAnalyze = -1;
    private long insertedSince;

    /** @param table a table name of the projection's own (never input) */
    public TableStatistics(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /** Counts rows inserted (in the current transaction) and analyzes the table if it is due. */
    public synchronized void inserted(long rows) {
        if (!isPostgres()) {
            return;
        }
        insertedSince += rows;
        if (rowsAtLastAnalyze < 0) {
            rowsAtLastAnalyze = reltuples();
            if (rowsAtLastAnalyze < 0) {
                analyze();
                return;
            }
        }
        if (insertedSince >= Math.max(MIN_ROWS, rowsAtLastAnalyze * GROWTH)) {
            analyze();
        }
    }

    /**
     * The table was emptied (a reset before a rebuild): its next rows are counted from zero, and the
     * first insert finds the table without statistics ({@code TRUNCATE} drops PostgreSQL's row count)
     * and analyzes it, so that the rebuild's thresholds follow the new rows, not the old table's size.
     */
    public synchronized void emptied() {
        rowsAtLastAnalyze = -1;
        insertedSince = 0;
    }

    private void analyze() {
        long started = System.nanoTime();
        jdbc.execute("ANALYZE " + table);
        rowsAtLastAnalyze = Math.max(0, reltuples());
        insertedSince = 0;
        log.debug("Analyzed {} ({} rows) in {} ms", table, (long) rowsAtLastAnalyze, (System.nanoTime() - started) / 1_000_000);
    }

    private double reltuples() {
        Double tuples = jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)", Double.class, table);
        return tuples == null ? -1 : tuples;
    }

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = Databases.isPostgreSql(jdbc);
        }
        return postgres;
    }
}
