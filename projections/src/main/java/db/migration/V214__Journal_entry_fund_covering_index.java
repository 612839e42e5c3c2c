package db.migration;

import java.util.List;
import org.impactledger.infra.jdbc.PostgresOnlyMigration;

/**
 * On PostgreSQL, the index of the journal's entries by fund in page order (V110) also carries the
 * business date, so that a journal page's count of the fund's entries in bounds
 * ({@code JournalQueries}: {@code fund_id}, {@code business_date <= asOf}, {@code recorded_at <=
 * knownAt}) is an index-only scan of the fund's entries instead of a visit of each entry's heap page.
 * At 1M events a fund had 1,620 entries on 78 pages of the table, whose count took 1.66 ms with them in
 * PostgreSQL's buffers and 11.0 ms without; from the index alone (22 pages) 0.42 and 2.0 ms
 * (bench/RESULTS.md, twenty-fifth session). Only pages that VACUUM has marked all-visible are read
 * from the index alone; the others still visit the table, as before. H2 runs the same migrations and
 * keeps V110's index.
 *
 * <p>The index keeps its name and key, so it is replaced in one transaction: dropped, then built with
 * the new column.
 */
public class V214__Journal_entry_fund_covering_index extends PostgresOnlyMigration {

    @Override
    protected List<String> statements() {
        return List.of("DROP INDEX ix_journal_entry_fund",
                "CREATE INDEX ix_journal_entry_fund ON journal_entry (fund_id, recorded_at, entry_id) INCLUDE (business_date)");
    }
}
