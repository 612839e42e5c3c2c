package org.impactledger.projections.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Statements of the Flyway scripts, for tests that run a migration's upgrade against rows a projection wrote. */
public final class MigrationScripts {

    private MigrationScripts() {
    }

    /** The statements of {@code db/migration/<script>} that start with one of {@code starts}, without its comments. */
    public static List<String> statements(String script, String... starts) {
        try (InputStream in = MigrationScripts.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                throw new IllegalArgumentException("no migration " + script);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            List<String> statements = Arrays.stream(text.split(";")).map(String::strip)
                    .filter(statement -> Arrays.stream(starts).anyMatch(statement::startsWith))
                    .toList();
            if (statements.isEmpty()) {
                throw new IllegalArgumentException(script + " has no statement starting with " + Arrays.toString(starts));
            }
            return statements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
