package org.impactledger.projections.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.projections.state.LedgerHistory.FUND;
import static org.impactledger.projections.state.LedgerHistory.INVESTOR_A;
import static org.impactledger.projections.state.LedgerHistory.INVESTOR_B;
import static org.impactledger.projections.state.LedgerHistory.OTHER_FUND;
import static org.impactledger.projections.state.LedgerHistory.eur;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.impactledger.core.fund.event.CapitalCommitted;
import org.impactledger.core.fund.query.FindJournal;
import org.impactledger.core.fund.query.FindTrialBalance;
import org.impactledger.core.fund.query.FindUnbalancedJournalEntries;
import org.impactledger.projections.state.LedgerHistory;
import org.impactledger.projections.state.Recorded;
import org.junit.jupiter.api.Test;

/**
 * The journal's migration and statements are portable: on H2 in PostgreSQL mode (the embedded
 * default) the same history gives the same journal, trial balances and check as on PostgreSQL, and
 * the same events delivered again change nothing there either.
 */
class JournalPostgresAndH2Test {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void the_same_history_gives_the_same_journal_on_h2_as_on_postgresql() {
        List<Recorded> events = LedgerHistory.outcomeFund().events();
        JournalTables postgres = new JournalTables(JournalDatabases.postgres());
        postgres.reset();
        postgres.applyAll(events);
        JournalTables h2 = new JournalTables(JournalDatabases.h2("journal_portable"));
        h2.applyAll(events);

        List<Object> onPostgres = answers(postgres);
        assertThat(((JournalPage) onPostgres.get(0)).total()).isEqualTo(17);
        assertThat(answers(h2)).isEqualTo(onPostgres);

        h2.applyAll(events);
        assertThat(answers(h2)).isEqualTo(onPostgres);
    }

    /**
     * A commitment dated after 9999-12-31 (the ledger accepted such dates before input dates had a
     * window, and its events are kept for good) is in the journal and the trial balance as of now,
     * on both databases: with 9999-12-31 as the bound of "no asOf" it was left out of both, while the
     * fund's state counted it and the journal check, which reads every entry, still said balanced.
     */
    @Test
    void an_entry_dated_after_the_year_9999_is_in_the_journal_and_trial_balance_as_of_now() {
        List<Recorded> events = LedgerHistory.outcomeFund()
                .then(new CapitalCommitted(OTHER_FUND, INVESTOR_A, eur("1000.00"), eur("1000.00"), LocalDate.parse("2026-01-10")))
                .then(new CapitalCommitted(OTHER_FUND, INVESTOR_B, eur("500.00"), eur("500.00"), LocalDate.parse("+10000-01-01")))
                .then(new CapitalCommitted(OTHER_FUND, INVESTOR_B, eur("250.00"), eur("750.00"), LocalDate.parse("-0005-01-01")))
                .events();
        for (JournalTables tables : List.of(new JournalTables(JournalDatabases.postgres()), new JournalTables(JournalDatabases.h2("journal_far_dates")))) {
            tables.reset();
            tables.applyAll(events);

            JournalPage journal = tables.queries.handle(new FindJournal(OTHER_FUND, null, NOW, 0, 10));
            assertThat(journal.items()).extracting(JournalEntryView::businessDate)
                    .containsExactlyInAnyOrder(LocalDate.parse("2026-01-10"), LocalDate.parse("+10000-01-01"), LocalDate.parse("-0005-01-01"));
            CurrencyTrialBalance eur = tables.queries.handle(new FindTrialBalance(OTHER_FUND, null, NOW)).currencies().get(0);
            assertThat(eur.entries()).isEqualTo(3);
            assertThat(eur.totalDebits()).isEqualByComparingTo("1750.00");
            assertThat(tables.queries.handle(new FindJournal(OTHER_FUND, LocalDate.parse("9999-12-31"), NOW, 0, 10)).total()).isEqualTo(2);
        }
    }

    /**
     * On PostgreSQL the index of a fund's entries in page order carries their business date (V214), so
     * that a page's count of the entries in bounds needs no visit of the table.
     */
    @Test
    void on_postgresql_the_index_of_a_funds_entries_holds_what_a_page_counts_by() {
        JournalTables postgres = new JournalTables(JournalDatabases.postgres());
        String index = postgres.jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_journal_entry_fund' AND schemaname = current_schema()")
                .query(String.class).single();
        assertThat(index).contains("(fund_id, recorded_at, entry_id) INCLUDE (business_date)");
    }

    private static List<Object> answers(JournalTables tables) {
        List<Object> answers = new ArrayList<>();
        answers.add(tables.queries.handle(new FindJournal(FUND, null, NOW, 0, 200)));
        answers.add(tables.queries.handle(new FindJournal(FUND, LocalDate.parse("2026-04-30"), NOW, 1, 3)));
        answers.add(tables.queries.handle(new FindTrialBalance(FUND, null, NOW)));
        answers.add(tables.queries.handle(new FindTrialBalance(FUND, LocalDate.parse("2026-05-19"), LedgerHistory.START.plusSeconds(1800))));
        // as of a past date, as known now: the monthly sums (V207's DATE_TRUNC and the UNION ALL) on both databases
        answers.add(tables.queries.handle(new FindTrialBalance(FUND, LocalDate.parse("2026-05-19"), NOW)));
        answers.add(tables.queries.periodTrialBalance(new FindTrialBalance(FUND, LocalDate.parse("2026-03-31"), NOW)));
        answers.add(tables.queries.handle(new FindUnbalancedJournalEntries()));
        return answers;
    }
}
