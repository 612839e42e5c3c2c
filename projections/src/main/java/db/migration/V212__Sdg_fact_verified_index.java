package db.migration;

import java.util.List;
import org.impactledger.infra.jdbc.PostgresOnlyMigration;

/**
 * On PostgreSQL, an index of the SDG facts that move a verified quantity ({@code verified_delta <> 0}:
 * verifications and withdrawals, about a quarter of the facts), by fund and business date. The fund
 * performance report as of a past date counts the fund's verified outcomes from them
 * ({@code FundPerformanceQueries.verifiedOutcomes}): an outcome whose facts all have a zero delta sums
 * to zero and is not counted either way, so the count needs only these rows. At 1M events it groups
 * 590 facts per fund instead of 2,180, and took 1.45 ms instead of 2.96 (the mean of six funds).
 *
 * <p>A partial index is PostgreSQL's (H2 runs the same migrations and has none), hence a Java
 * migration that does nothing on other databases; the query is the same on both.
 */
public class V212__Sdg_fact_verified_index extends PostgresOnlyMigration {

    @Override
    protected List<String> statements() {
        return List.of("CREATE INDEX ix_sdg_fact_fund_verified ON sdg_outcome_fact (fund_id, business_date) WHERE verified_delta <> 0");
    }
}
