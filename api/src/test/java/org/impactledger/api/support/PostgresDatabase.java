package org.impactledger.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real PostgreSQL the integration tests run against: a database of their own, dropped and
 * created once per test JVM, so every run starts from an empty ledger. Host, port and user come
 * from LEDGER_TEST_PG_HOST / _PORT / _USER / _DATABASE (defaults: 127.0.0.1, 5432, postgres, impact_ledger_it).
 */
public final class PostgresDatabase {

    public static final String NAME = env("LEDGER_TEST_PG_DATABASE", "impact_ledger_it");
    private static final String HOST = env("LEDGER_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("LEDGER_TEST_PG_PORT", "5432");
    public static final String USER = env("LEDGER_TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("LEDGER_TEST_PG_PASSWORD", "");
    private static boolean created;

    private PostgresDatabase() {
    }

    public static synchronized String url() {
        if (!created) {
            recreate(NAME);
            created = true;
        }
        return url(NAME);
    }

    /** A database of this name dropped (if there was one) and created empty now; its JDBC URL. */
    public static String fresh(String name) {
        recreate(name);
        return url(name);
    }

    private static String url(String name) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    private static void recreate(String name) {
        String admin = url("postgres");
        try (Connection c = DriverManager.getConnection(admin, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Integration tests need PostgreSQL at " + admin + " (start it with .ci/run's command): " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
