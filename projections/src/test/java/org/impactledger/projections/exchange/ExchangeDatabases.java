package org.impactledger.projections.exchange;

import javax.sql.DataSource;
import org.impactledger.projections.support.ProjectionTestDatabase;

/**
 * The databases the exchange read models are tested on: the real PostgreSQL, in a schema of its own
 * (dropped, recreated and migrated by Flyway once per test run, so other read models' tests can run
 * beside these), and H2 in PostgreSQL mode (in memory).
 */
final class ExchangeDatabases {

    private static final ProjectionTestDatabase DATABASE = new ProjectionTestDatabase("proj_exchange_test");
    static final String SCHEMA = DATABASE.schema();

    private ExchangeDatabases() {
    }

    static DataSource postgres() {
        return DATABASE.postgres();
    }

    static DataSource h2(String name) {
        return ProjectionTestDatabase.h2(name);
    }
}
