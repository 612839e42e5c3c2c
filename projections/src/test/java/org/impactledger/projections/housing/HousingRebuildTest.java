package org.impactledger.projections.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.impactledger.projections.state.Recorded;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Idempotence and rebuilds on PostgreSQL, and the same SQL on H2: an event delivered again changes
 * nothing, and emptying the tables and replaying the history (what a token reset does) gives
 * exactly the rows the incremental build gave.
 */
class HousingRebuildTest {

    private static HousingTables tables;
    private final List<Recorded> events = HousingHistory.homes4All().events();

    @BeforeAll
    static void database() {
        tables = new HousingTables(HousingDatabases.postgres());
    }

    @BeforeEach
    void emptyTables() {
        tables.reset();
    }

    @Test
    void every_event_delivered_twice_changes_nothing() {
        tables.applyAll(events);
        Map<String, List<Map<String, Object>>> once = tables.dump();

        tables.applyAll(events);

        assertThat(tables.dump()).isEqualTo(once);
        assertThat(tables.count("housing_fact")).isEqualTo(events.size());
        assertThat(tables.count("housing_rent_month")).isEqualTo(16); // A1 5, A2 4, B1 4, B2 3 (July, cancelled, has no row)
    }

    @Test
    void a_rebuild_from_the_events_gives_exactly_the_rows_of_the_incremental_build_every_time() {
        // incremental, at least once: batches of seven, each delivered again from its start after a "crash"
        for (int start = 0; start < events.size(); start += 7) {
            List<Recorded> batch = events.subList(start, Math.min(start + 7, events.size()));
            tables.applyAll(batch.subList(0, (batch.size() + 1) / 2));
            tables.applyAll(batch);
        }
        Map<String, List<Map<String, Object>>> incremental = tables.dump();
        assertThat(incremental.get("housing_property")).hasSize(2);

        tables.reset();
        assertThat(HousingTables.TABLES.stream().mapToLong(tables::count).sum()).isZero();
        tables.applyAll(events);
        Map<String, List<Map<String, Object>>> firstRebuild = tables.dump();
        tables.reset();
        tables.applyAll(events);

        assertThat(firstRebuild).isEqualTo(incremental);
        assertThat(tables.dump()).isEqualTo(incremental);
    }

    @Test
    void h2_gives_the_same_report_and_rows_as_postgresql() {
        HousingTables h2 = new HousingTables(HousingDatabases.h2("housing-" + System.nanoTime()));
        tables.applyAll(events);
        h2.applyAll(events);
        Instant now = Instant.parse("2030-01-01T00:00:00Z");

        for (String asOf : List.of("2026-05-15", "2026-06-30")) {
            assertThat(h2.report(asOf, now)).isEqualTo(tables.report(asOf, now));
        }
        for (String table : HousingTables.TABLES) {
            assertThat(h2.count(table)).as(table).isEqualTo(tables.count(table));
        }
    }
}
