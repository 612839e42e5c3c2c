package org.impactledger.projections.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.projections.state.LedgerHistory.FUND;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

    private static List<Object> answers(JournalTables tables) {
        List<Object> answers = new ArrayList<>();
        answers.add(tables.queries.handle(new FindJournal(FUND, null, NOW, 0, 200)));
        answers.add(tables.queries.handle(new FindJournal(FUND, LocalDate.parse("2026-04-30"), NOW, 1, 3)));
        answers.add(tables.queries.handle(new FindTrialBalance(FUND, null, NOW)));
        answers.add(tables.queries.handle(new FindTrialBalance(FUND, LocalDate.parse("2026-05-19"), LedgerHistory.START.plusSeconds(1800))));
        answers.add(tables.queries.handle(new FindUnbalancedJournalEntries()));
        return answers;
    }
}
