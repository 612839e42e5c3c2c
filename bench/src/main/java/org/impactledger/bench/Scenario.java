package org.impactledger.bench;

import java.util.List;

/**
 * A measurement the harness can run against a started ledger. A new scenario (bulk import,
 * projection rebuild at 1M events, report latency, audit verification) implements this, is added
 * to {@link Bench#SCENARIOS}, and its {@link Catalogue} entry stops being pending; the report then
 * prints its rows instead of "not yet measured".
 */
public interface Scenario {

    /** The id its rows carry and that {@code --scenarios} names. */
    String id();

    /** Runs it; every loop bounded in count and time. Rows are written as soon as it returns. */
    List<ResultRow> run(BenchContext context) throws Exception;
}
