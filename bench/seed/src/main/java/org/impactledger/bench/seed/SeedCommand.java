package org.impactledger.bench.seed;

import java.time.LocalDate;

/** A command as a client of the ledger would send it: who sends it, in which role, on which business date. */
record SeedCommand(String principal, String role, LocalDate businessDate, Object payload) {
}
