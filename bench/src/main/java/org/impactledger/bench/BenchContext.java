package org.impactledger.bench;

import java.io.PrintStream;

/** What a scenario gets: the settings, the client, where to log progress (stderr). */
public record BenchContext(BenchConfig config, LedgerClient client, PrintStream log) {

    public void log(String format, Object... args) {
        log.printf(format + "%n", args);
        log.flush();
    }
}
