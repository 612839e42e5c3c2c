package org.impactledger.projections.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * PostgreSQL schema names for projection tests, unique per test JVM (the process id is appended),
 * so two builds on one machine never drop each other's tables; each schema is dropped when the
 * JVM exits.
 */
public final class TestSchemas {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private TestSchemas() {
    }

    public static String unique(String base) {
        String schema = base + "_" + ProcessHandle.current().pid();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (Exception ignored) {
                // best effort: a leftover schema is dropped by the next run with the same name
            }
        }));
        return schema;
    }
}
