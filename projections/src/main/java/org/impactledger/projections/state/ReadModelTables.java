package org.impactledger.projections.state;

import java.util.regex.Pattern;
import org.impactledger.infra.jdbc.Databases;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties a read model's tables before a replay from the start (a processing group's reset handler),
 * in the caller's transaction.
 *
 * <p>On PostgreSQL with {@code TRUNCATE}: a {@code DELETE} of every row leaves every row behind as a
 * dead version, in the table and in each of its indexes, until a vacuum; the replay then writes the
 * same keys again, and every read of the rebuild (a lookup by key, a scan of an index range) steps
 * over the dead versions of the rows it replaces (payment-audit's rebuild at 1M events: bench/RESULTS.md,
 * "sixth session"). {@code TRUNCATE} leaves none, and is transactional on PostgreSQL: rolled back with
 * the reset. It takes the tables' exclusive lock until the reset commits, so a question to the read
 * model waits for that moment (the read model is being rebuilt: its answers are partial anyway). On
 * other databases (H2) the rows are deleted.
 */
public final class ReadModelTables {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private ReadModelTables() {
    }

    /** Empties the tables (their own names, never input), those referenced by others last. */
    public static void empty(JdbcTemplate jdbc, String... tables) {
        for (String table : tables) {
            if (!NAME.matcher(table).matches()) {
                throw new IllegalArgumentException("not a plain table name: " + table);
            }
        }
        if (Databases.isPostgreSql(jdbc)) {
            jdbc.execute("TRUNCATE " + String.join(", ", tables));
            return;
        }
        for (String table : tables) {
            jdbc.update("DELETE FROM " + table);
        }
    }
}
