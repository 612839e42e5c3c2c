package org.impactledger.infra.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import java.util.regex.Pattern;

/** What the ledger's settings of a connection pool ({@link PostgresBatchInserts}, {@link PostgresParallelQuery}) share. */
final class PostgresPools {

    private PostgresPools() {
    }

    /**
     * Whether the pool connects to PostgreSQL and neither its URL nor its data source properties set
     * the driver's {@code property}: only then does the ledger set it (before the pool starts).
     */
    static boolean leavesUnset(HikariDataSource dataSource, String property) {
        String url = dataSource.getJdbcUrl();
        if (url == null || !url.startsWith("jdbc:postgresql:") || dataSource.getDataSourceProperties().containsKey(property)) {
            return false;
        }
        return !Pattern.compile("[?&]" + Pattern.quote(property.toLowerCase(Locale.ROOT)) + "=").matcher(url.toLowerCase(Locale.ROOT)).find();
    }
}
