-- SDG impact report: totals kept as the events arrive, by the processing group "sdg-impact"
-- (SdgImpactTotals), in the same transaction as the facts of V130. The report reads them for the
-- questions asked most (every outcome, or one fund's, as known now, no asOf, no other filter)
-- instead of summing every fact; any other question is still answered from the facts.
-- A token reset empties them and the replay rebuilds them.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.

-- One row per outcome: its facts summed, its context, and the SDG targets it counts under as the
-- rate cards are known now (comma-separated codes in report order, '' for none).
CREATE TABLE sdg_impact_outcome (
    contract_id    VARCHAR(64)   NOT NULL,
    outcome_id     VARCHAR(128)  NOT NULL,
    fund_id        VARCHAR(64),
    beneficiary_id VARCHAR(64),
    metric_code    VARCHAR(64)   NOT NULL,
    outcome_date   DATE          NOT NULL,
    currency       VARCHAR(3),
    sdg_targets    VARCHAR(64),
    attributed     VARCHAR(400)  NOT NULL,
    verified       NUMERIC(25,6) NOT NULL,
    approved       NUMERIC(25,2) NOT NULL,
    paid           NUMERIC(25,2) NOT NULL,
    PRIMARY KEY (contract_id, outcome_id)
);

-- the other verified outcomes of a beneficiary, when an outcome's verification changes
CREATE INDEX ix_sdg_impact_outcome_beneficiary ON sdg_impact_outcome (beneficiary_id);

-- The report's cells per scope ('*': every outcome; 'F:<fund id>': one fund's outcomes):
--   line_kind T (totals), G (goal): one row per currency of the outcomes ('' for outcomes without
--     one): outcomes, verified_outcomes, approved, paid;
--   line_kind M (metric line of a target): one row per target, metric and currency ('' none):
--     outcomes, verified_outcomes, verified_quantity, beneficiaries, approved, paid (a target's
--     line is the sum of its metric rows, as each outcome has one metric and one currency);
--   currency '*' on a T, G or S (target) line: its distinct beneficiaries (they do not add up).
-- Unused columns hold zero; goal is 0 on T rows; sdg_target and metric_code are '' where unused.
CREATE TABLE sdg_impact_line (
    scope_key         VARCHAR(80)   NOT NULL,
    line_kind         VARCHAR(1)    NOT NULL,
    goal              INTEGER       NOT NULL,
    sdg_target        VARCHAR(8)    NOT NULL,
    metric_code       VARCHAR(64)   NOT NULL,
    currency          VARCHAR(3)    NOT NULL,
    outcomes          BIGINT        NOT NULL,
    verified_outcomes BIGINT        NOT NULL,
    beneficiaries     BIGINT        NOT NULL,
    verified_quantity NUMERIC(30,6) NOT NULL,
    approved          NUMERIC(30,2) NOT NULL,
    paid              NUMERIC(30,2) NOT NULL,
    PRIMARY KEY (scope_key, line_kind, goal, sdg_target, metric_code, currency)
);

-- Whether the totals may answer "as known at knownAt": only if nothing was recorded after it.
CREATE INDEX ix_sdg_fact_recorded ON sdg_outcome_fact (recorded_at);
CREATE INDEX ix_sdg_rate_card_recorded ON sdg_rate_card_target (recorded_at);

-- The totals must cover every stored event, and the facts already recorded would not be added to
-- them again (a fact is inserted, and counted, only once). So upgrading rebuilds the group, as
-- POST /api/admin/projections/sdg-impact/rebuild would: its tables are emptied and its tracking
-- token removed, and the processor replays the event store from the start when the ledger starts.
-- On a new database these statements find nothing.
DELETE FROM sdg_outcome_fact;
DELETE FROM sdg_rate_card_target;
DELETE FROM sdg_contract;
DELETE FROM token_entry WHERE processor_name = 'sdg-impact';
