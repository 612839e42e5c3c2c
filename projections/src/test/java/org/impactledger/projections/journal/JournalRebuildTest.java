package org.impactledger.projections.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.impactledger.core.fund.event.CapitalReceived;
import org.impactledger.projections.state.LedgerHistory;
import org.impactledger.projections.state.Recorded;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Idempotence and rebuilds on PostgreSQL: an event delivered again writes nothing, and emptying the
 * journal and replaying the history (what a token reset does) gives exactly the rows that the
 * incremental build gave, however often it is done.
 */
class JournalRebuildTest {

    private static JournalTables tables;

    @BeforeAll
    static void database() {
        tables = new JournalTables(JournalDatabases.postgres());
    }

    @BeforeEach
    void emptyTables() {
        tables.reset();
    }

    @Test
    void the_same_event_delivered_twice_posts_one_entry() {
        List<Recorded> events = LedgerHistory.outcomeFund().events();
        Recorded received = events.stream().filter(r -> r.payload() instanceof CapitalReceived).findFirst().orElseThrow();
        tables.applyAll(events.subList(0, events.indexOf(received) + 1));
        Map<String, List<Map<String, Object>>> once = tables.dump();

        tables.apply(received);

        assertThat(tables.dump()).isEqualTo(once);
        assertThat(tables.lines(JournalTables.eventId(received))).hasSize(4);
    }

    @Test
    void a_rebuild_from_the_events_gives_exactly_the_rows_of_the_incremental_build_every_time() {
        List<Recorded> events = LedgerHistory.outcomeFund().events();
        // incremental, at least once: batches of five, each delivered again from its start after a "crash"
        for (int start = 0; start < events.size(); start += 5) {
            List<Recorded> batch = events.subList(start, Math.min(start + 5, events.size()));
            tables.applyAll(batch.subList(0, (batch.size() + 1) / 2));
            tables.applyAll(batch);
        }
        Map<String, List<Map<String, Object>>> incremental = tables.dump();
        assertThat(incremental.get("journal_entry")).hasSize(17);
        assertThat(incremental.get("journal_line")).hasSize(57);

        tables.reset();
        assertThat(tables.count("journal_entry") + tables.count("journal_line")).isZero();
        tables.applyAll(events);
        Map<String, List<Map<String, Object>>> firstRebuild = tables.dump();

        tables.reset();
        tables.applyAll(events);
        Map<String, List<Map<String, Object>>> secondRebuild = tables.dump();

        assertThat(firstRebuild).isEqualTo(incremental);
        assertThat(secondRebuild).isEqualTo(incremental);
    }
}
