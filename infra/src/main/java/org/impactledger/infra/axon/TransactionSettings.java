package org.impactledger.infra.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;

/** Sets something for the transaction just begun, on the connection Spring bound to this thread for it. */
final class TransactionSettings {

    private TransactionSettings() {
    }

    /**
     * Runs {@code sql} (a {@code SET LOCAL ...} or {@code SET TRANSACTION ...}, which last until the
     * transaction ends) on the current transaction's connection.
     *
     * @param what what the statement does, for the error: "cannot " + what
     */
    static void apply(DataSource dataSource, String sql, String what) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + what, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
