package org.impactledger.projections.sdg;

import static org.assertj.core.api.Assertions.assertThat;

import org.impactledger.projections.support.UpgradeSchema;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Upgrading to V210 rebuilds the SDG impact read model, whose outcomes now keep their figures per
 * business date and whose report keeps its changes per date: a database migrated to V209 with SDG rows
 * and tracking tokens is migrated on, and every table of the group is empty and its token gone (so
 * that its processor replays the event store from the start), while another group's token is left
 * alone; the replay then fills the new column and table. V211 then drops the cells of V181, which the
 * monthly rows give.
 */
class SdgPeriodsMigrationTest {

    @Test
    void upgrading_empties_the_sdg_impact_tables_and_removes_its_token_so_that_it_replays_every_event() throws Exception {
        try (UpgradeSchema upgrade = UpgradeSchema.migratedTo("proj_v210_test", "209")) {
            JdbcClient jdbc = upgrade.jdbc;
            jdbc.sql("INSERT INTO sdg_contract (contract_id, fund_id, payer_id, currency, event_id, recorded_at) "
                    + "VALUES ('c-1', 'f-1', 'p-1', 'EUR', 'e-0', now())").update();
            jdbc.sql("""
                    INSERT INTO sdg_rate_card_target (event_id, metric_code, sdg_target, contract_id, effective_from, version_seq, recorded_at)
                    VALUES ('e-0', 'HOUSED', '11.1', 'c-1', DATE '2026-01-01', 0, now())""").update();
            jdbc.sql("""
                    INSERT INTO sdg_outcome_fact (event_id, event_type, programme, fund_id, contract_id, outcome_id, payer_id, beneficiary_id,
                        metric_code, period, outcome_date, currency, verified_delta, approved_delta, paid_delta, business_date, recorded_at)
                    VALUES ('e-1', 'VERIFIED', 'OUTCOME_FUND', 'f-1', 'c-1', 'o-1', 'p-1', 'ben-1', 'HOUSED', '2026-Q1', DATE '2026-02-01',
                        'EUR', 1, 0, 0, DATE '2026-02-10', now())""").update();
            jdbc.sql("""
                    INSERT INTO sdg_impact_outcome (contract_id, outcome_id, fund_id, beneficiary_id, metric_code, outcome_date, currency,
                        sdg_targets, attributed, verified, approved, paid)
                    VALUES ('c-1', 'o-1', 'f-1', 'ben-1', 'HOUSED', DATE '2026-02-01', 'EUR', NULL, '11.1', 1, 0, 0)""").update();
            jdbc.sql("""
                    INSERT INTO sdg_impact_line (scope_key, line_kind, goal, sdg_target, metric_code, currency, outcomes, verified_outcomes,
                        beneficiaries, verified_quantity, approved, paid)
                    VALUES ('*', 'T', 0, '', '', 'EUR', 1, 1, 0, 0, 0, 0)""").update();
            jdbc.sql("INSERT INTO sdg_fund_verified (fund_id, verified_outcomes, last_business_date, last_recorded_at) "
                    + "VALUES ('f-1', 1, DATE '2026-02-10', now())").update();
            jdbc.sql("INSERT INTO token_entry (processor_name, segment, token_type) VALUES ('sdg-impact', 0, 'x'), ('sdg-impact', 1, 'x'), "
                    + "('journal', 0, 'x')").update();

            upgrade.upgrade();

            for (String table : new String[] {"sdg_contract", "sdg_rate_card_target", "sdg_outcome_fact", "sdg_impact_outcome",
                    "sdg_impact_line_period", "sdg_fund_verified"}) {
                assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).as(table).isZero();
            }
            assertThat(jdbc.sql("SELECT processor_name FROM token_entry").query(String.class).list()).containsExactly("journal");
            assertThat(jdbc.sql("SELECT COUNT(history) FROM sdg_impact_outcome").query(Long.class).single()).isZero();
            // V211: the report as of now is summed from the monthly rows, so the cells of V181 are gone
            assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                    + "AND table_name = 'sdg_impact_line'").query(Long.class).single()).isZero();
        }
    }
}
