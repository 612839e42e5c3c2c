package org.impactledger.projections.state;

import javax.sql.DataSource;
import org.impactledger.projections.support.ProjectionTestDatabase;

/**
 * The databases the state views are tested on: the real PostgreSQL (own schema, dropped and
 * recreated once per test run, then migrated by Flyway) and H2 in PostgreSQL mode (in memory).
 */
public final class TestDatabases {

    private static final ProjectionTestDatabase DATABASE = new ProjectionTestDatabase("proj_state_test");
    public static final String SCHEMA = DATABASE.schema();

    private TestDatabases() {
    }

    public static DataSource postgres() {
        return DATABASE.postgres();
    }

    public static DataSource h2(String name) {
        return ProjectionTestDatabase.h2(name);
    }
}
