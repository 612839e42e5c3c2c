package org.impactledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.ok;

import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.support.Scenario;
import org.impactledger.infra.axon.SnapshotExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The event store on PostgreSQL is what the design says: bytea columns, a gap-free sequence, Flyway-owned, snapshots. */
class EventStoreTest extends IntegrationTest {

    @Autowired
    private SnapshotExecutor snapshotExecutor;

    @Test
    void payloads_and_metadata_are_stored_as_bytea_not_large_objects() {
        assertThat(jdbc.sql("""
                select data_type from information_schema.columns
                where table_name in ('domain_event_entry', 'snapshot_event_entry') and column_name in ('payload', 'meta_data')""")
                .query(String.class).list()).hasSize(4).containsOnly("bytea");
        assertThat(jdbc.sql("select data_type from information_schema.columns where table_name = 'token_entry' and column_name = 'token'")
                .query(String.class).single()).isEqualTo("bytea");
    }

    @Test
    void the_global_index_sequence_hands_out_one_value_at_a_time() {
        assertThat(jdbc.sql("select cache_size from pg_sequences where sequencename = 'domain_event_entry_global_index_seq'")
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void flyway_owns_every_table() {
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single()).isGreaterThanOrEqualTo(2L);
        assertThat(jdbc.sql("select script from flyway_schema_history where version = '1'").query(String.class).single())
                .isEqualTo("V1__event_store.sql");
    }

    @Test
    void a_long_contract_history_is_snapshotted() throws Exception {
        long taken = snapshotExecutor.completed();
        Scenario s = Scenario.fundWithContract(http, unique("snap"), "500000.00", "300000.00");
        for (int i = 1; i <= 4; i++) {
            ok(s.report("o-" + i, "ben-" + i, "HOUSED-6M", "2026-Q3", "2026-08-01"), 201);
            ok(s.verify("o-" + i, Scenario.VERIFIER), 200);
        }
        // threshold is 5 in tests; snapshots are taken after the command's commit, in the snapshotter's own thread
        long snapshots = 0;
        // the pool counts a task as completed a moment after its snapshot's transaction committed
        for (int attempt = 0; attempt < 50 && (snapshots == 0 || snapshotExecutor.completed() <= taken); attempt++) {
            snapshots = jdbc.sql("select count(*) from snapshot_event_entry where aggregate_identifier = ?").param(s.contractId)
                    .query(Long.class).single();
            Thread.sleep(100);
        }
        assertThat(snapshots).isPositive();
        assertThat(snapshotExecutor.completed()).isGreaterThan(taken);
        // and the aggregate still accepts commands consistently after loading from the snapshot
        ok(s.approve("o-1", Scenario.PAYER), 200);
        ok(s.report("o-9", "ben-1", "HOUSED-6M", "2026-Q4", "2026-11-01"), 409);
    }
}
