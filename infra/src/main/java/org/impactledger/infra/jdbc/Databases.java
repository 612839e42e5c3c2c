package org.impactledger.infra.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Which database the ledger runs on, for the few things only PostgreSQL has (asynchronous commit,
 * fillfactor, ANALYZE); the same migrations and queries otherwise run on H2 too.
 */
public final class Databases {

    private Databases() {
    }

    public static boolean isPostgreSql(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgresql");
    }

    /** Through the template's connection: within a transaction, the transaction's own (no second connection taken). */
    public static boolean isPostgreSql(JdbcOperations jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) Databases::isPostgreSql));
    }

    public static boolean isPostgreSql(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return isPostgreSql(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the ledger runs on", e);
        }
    }
}
