package org.impactledger.projections.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.impactledger.projections.state.LedgerHistory.CONTRACT;
import static org.impactledger.projections.state.LedgerHistory.FUND;
import static org.impactledger.projections.state.LedgerHistory.PROVIDER;
import static org.impactledger.projections.state.LedgerHistory.eur;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.impactledger.core.fund.event.DistributionMade;
import org.impactledger.core.fund.event.WorkingCapitalAdvanced;
import org.impactledger.projections.state.LedgerHistory;
import org.impactledger.projections.state.Recorded;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The journal as a tracking processor drives it on PostgreSQL: a batch of events in one batching
 * unit of work and one transaction, its entries held until the unit of work commits
 * ({@link JournalWrites}). Whatever the batch size, entries, lines, balances and fund totals equal
 * those of posting event by event; a batch delivered again, wholly or partly, changes nothing; a
 * batch with an entry that does not balance writes nothing at all, not even the entries before it.
 */
class JournalBatchesTest {

    private static final AtomicBoolean ruleIsFaulty = new AtomicBoolean();
    private static JournalTables tables;

    private final List<Recorded> events = LedgerHistory.outcomeFund()
            .then(new WorkingCapitalAdvanced(FUND, "adv-2", PROVIDER, CONTRACT, eur("1000"), LocalDate.parse("2026-07-01")))
            .then(new WorkingCapitalAdvanced(FUND, "adv-3", PROVIDER, CONTRACT, eur("250.50"), LocalDate.parse("2026-06-15")))
            .events();

    @BeforeAll
    static void database() {
        FundPostingRules correct = new FundPostingRules();
        PostingRule faultyOnDistributions = event -> {
            Optional<Posting> posting = correct.post(event);
            if (ruleIsFaulty.get() && event instanceof DistributionMade) {
                return posting.map(p -> new Posting(p.description(), p.valueDate(), p.lines().subList(0, p.lines().size() - 1)));
            }
            return posting;
        };
        tables = new JournalTables(JournalDatabases.postgres(), faultyOnDistributions);
    }

    @BeforeEach
    void emptyTables() {
        ruleIsFaulty.set(false);
        tables.reset();
    }

    @Test
    void batches_of_any_size_give_the_rows_of_posting_event_by_event() {
        tables.applyAll(events);
        Map<String, List<Map<String, Object>>> oneByOne = tables.dump();
        assertThat(oneByOne.get("journal_entry")).hasSize(19);

        for (int size : new int[] {1, 2, 3, 5, 8, 13, events.size()}) {
            tables.reset();
            tables.inBatches(events, size);
            assertThat(tables.dump()).as("batches of %d", size).isEqualTo(oneByOne);
        }
    }

    /** journal_entry, where a batch looks its entries up by id, keeps planner statistics from its first rows (see ReportBatchesTest). */
    @Test
    void journal_entry_is_analyzed_from_its_first_rows() {
        String reltuples = "SELECT reltuples FROM pg_class WHERE oid = to_regclass('journal_entry')";
        JdbcTemplate jdbc = new JdbcTemplate(JournalDatabases.postgres());
        assertThat(jdbc.queryForObject(reltuples, Double.class)).isEqualTo(-1);
        tables.inBatch(events);
        assertThat(jdbc.queryForObject(reltuples, Double.class)).isPositive();
    }

    @Test
    void a_batch_delivered_again_changes_nothing_and_a_half_applied_batch_is_completed() {
        tables.applyAll(events);
        Map<String, List<Map<String, Object>>> expected = tables.dump();
        tables.reset();

        int start = 0;
        while (start < events.size()) {
            int end = Math.min(start + 9, events.size());
            tables.inBatch(events.subList(start, (start + end) / 2));
            tables.inBatch(events.subList(start, end));
            start = end;
        }
        assertThat(tables.dump()).isEqualTo(expected);

        tables.inBatches(events, 7);
        assertThat(tables.dump()).isEqualTo(expected);
    }

    @Test
    void a_batch_with_an_entry_that_does_not_balance_writes_nothing_of_the_batch() {
        Recorded distribution = events.stream().filter(r -> r.payload() instanceof DistributionMade).findFirst().orElseThrow();
        int at = events.indexOf(distribution);
        tables.inBatch(events.subList(0, at - 3));
        Map<String, List<Map<String, Object>>> before = tables.dump();

        ruleIsFaulty.set(true);
        assertThatThrownBy(() -> tables.inBatch(events.subList(at - 3, events.size()))).isInstanceOf(UnbalancedEntryException.class);
        assertThat(tables.dump()).isEqualTo(before);

        ruleIsFaulty.set(false);
        tables.inBatch(events.subList(at - 3, events.size()));
        Map<String, List<Map<String, Object>>> batched = tables.dump();
        tables.reset();
        tables.applyAll(events);
        assertThat(batched).isEqualTo(tables.dump());
    }
}
