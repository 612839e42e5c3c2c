package org.impactledger.infra.jdbc;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A Flyway migration of PostgreSQL's own storage settings or indexes (a fillfactor, a partial
 * index): its statements run on PostgreSQL and nothing is done on other databases, since H2 runs
 * the same migrations and has no such thing. The queries that benefit are the same on both.
 */
public abstract class PostgresOnlyMigration extends BaseJavaMigration {

    /** The statements to run, in order, on PostgreSQL. */
    protected abstract List<String> statements();

    @Override
    public final void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!Databases.isPostgreSql(connection)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements()) {
                statement.execute(sql);
            }
        }
    }
}
