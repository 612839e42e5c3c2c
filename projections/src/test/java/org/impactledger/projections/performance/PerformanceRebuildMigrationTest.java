package org.impactledger.projections.performance;

import static org.assertj.core.api.Assertions.assertThat;

import org.impactledger.projections.support.UpgradeSchema;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Upgrading to V206 rebuilds the fund performance read model, which now records the Homes4All flows
 * it skipped before: a database migrated to V205 with fund performance rows and tracking tokens is
 * migrated on, and the group's tables are empty and its token gone (so that its processor replays the
 * event store from the start), while another group's token is left alone.
 */
class PerformanceRebuildMigrationTest {

    @Test
    void upgrading_empties_the_fund_performance_tables_and_removes_its_token_so_that_it_replays_every_event() throws Exception {
        try (UpgradeSchema upgrade = UpgradeSchema.migratedTo("proj_v206_test", "205")) {
            JdbcClient jdbc = upgrade.jdbc;
            jdbc.sql("INSERT INTO perf_fund (fund_id, name, currency, event_id, recorded_at) VALUES ('f-1', 'Casa', 'EUR', 'e-0', now())")
                    .update();
            jdbc.sql("""
                    INSERT INTO perf_flow (event_id, line, fund_id, kind, investor_id, amount, currency, business_date, recorded_at)
                    VALUES ('e-1', 0, 'f-1', 'CONTRIBUTION', 'inv-a', 1000, 'EUR', DATE '2026-01-30', now())""").update();
            jdbc.sql("""
                    INSERT INTO perf_flow_total (fund_id, kind, contract_id, budget_id, payer_id, amount, flows, last_business_date,
                        last_recorded_at)
                    VALUES ('f-1', 'ADVANCE', 'c-1', '', '', 500, 1, DATE '2026-02-10', now())""").update();
            jdbc.sql("""
                    INSERT INTO perf_valuation (event_id, fund_id, net_asset_value, currency, method, sequence_number, business_date, recorded_at)
                    VALUES ('e-2', 'f-1', 900, 'EUR', 'NAV', 3, DATE '2026-06-30', now())""").update();
            jdbc.sql("""
                    INSERT INTO perf_contract (contract_id, fund_id, payer_id, budget_id, title, cap, currency, event_id, business_date,
                        recorded_at)
                    VALUES ('c-1', 'f-1', 'p-1', 'b-1', 'Casa', 10000, 'EUR', 'e-3', DATE '2026-01-20', now())""").update();
            jdbc.sql("INSERT INTO token_entry (processor_name, segment, token_type) VALUES ('fund-performance', 0, 'x'), ('journal', 0, 'x')")
                    .update();

            upgrade.upgrade();

            for (String table : new String[] {"perf_fund", "perf_flow", "perf_flow_total", "perf_valuation", "perf_contract"}) {
                assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).as(table).isZero();
            }
            assertThat(jdbc.sql("SELECT processor_name FROM token_entry").query(String.class).list()).containsExactly("journal");
        }
    }
}
