package org.impactledger.projections.report;

import javax.sql.DataSource;
import org.impactledger.projections.support.ProjectionTestDatabase;

/**
 * The databases the report projections are tested on: the real PostgreSQL in a schema of their
 * own (dropped, recreated and migrated once per test run, so that they never meet the state
 * views' tests or another engineer's run), and H2 in PostgreSQL mode (in memory).
 */
public final class ReportDatabases {

    private static final ProjectionTestDatabase DATABASE = new ProjectionTestDatabase("proj_reports_test");
    public static final String SCHEMA = DATABASE.schema();

    private ReportDatabases() {
    }

    public static DataSource postgres() {
        return DATABASE.postgres();
    }

    public static DataSource h2(String name) {
        return ProjectionTestDatabase.h2(name);
    }
}
