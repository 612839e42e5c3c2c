-- SDG impact report as of a past date: the changes each business date made to the report's cells,
-- kept by the processing group "sdg-impact" (SdgImpactTotals) in the transaction of the fact or rate
-- card version they come from, so that the report over every outcome or one fund's, as of a past
-- date and as known now, sums the changes up to that date (closed months from the monthly rows, the
-- asOf's month from the daily rows) instead of summing every fact in bounds per outcome: at 1M events
-- the report over every fund as of a past date grouped 435,840 facts per request.
-- SdgImpactQueries uses them only when nothing was recorded after the question's knownAt, like the
-- totals of V181; any other question is still answered from the facts.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.

-- Each outcome's figures at the end of every business date on which it has a fact, cumulative, in
-- date order: "yyyy-mm-dd verified approved paid" entries separated by ';'. A change of the outcome
-- (a fact of any date, a rate card version that moves it to other targets) compares its history
-- before and after to know what it changes on which date.
ALTER TABLE sdg_impact_outcome ADD COLUMN history VARCHAR NOT NULL DEFAULT '';

-- What the facts of each business date changed in the report, per grain ('D': the business date
-- period_start; 'M': the month that begins on period_start). Rows of line_kind 'C' hold the figures
-- (outcomes, verified outcomes, verified quantity, approved and paid money) of the outcomes of one
-- set of SDG targets (sdg_target: their codes, comma-separated in report order, '' for none), metric
-- and currency: the report's total, goal and target lines are sums of them, as each outcome is in
-- one. Rows of the kinds of sdg_impact_line (T, G and S with currency '*', M) hold that line's
-- distinct beneficiaries only (they do not add up). A row as of a date D is the sum of its monthly
-- rows of the months before D's month and its daily rows from the first of D's month to D.
CREATE TABLE sdg_impact_line_period (
    scope_key         VARCHAR(80)   NOT NULL,
    grain             VARCHAR(1)    NOT NULL,
    period_start      DATE          NOT NULL,
    line_kind         VARCHAR(1)    NOT NULL,
    goal              INTEGER       NOT NULL,
    sdg_target        VARCHAR(600)  NOT NULL,
    metric_code       VARCHAR(64)   NOT NULL,
    currency          VARCHAR(3)    NOT NULL,
    outcomes          BIGINT        NOT NULL,
    verified_outcomes BIGINT        NOT NULL,
    beneficiaries     BIGINT        NOT NULL,
    verified_quantity NUMERIC(30,6) NOT NULL,
    approved          NUMERIC(30,2) NOT NULL,
    paid              NUMERIC(30,2) NOT NULL,
    PRIMARY KEY (scope_key, grain, period_start, line_kind, goal, sdg_target, metric_code, currency)
);

-- The histories and the rows per date must cover every stored event, so upgrading rebuilds the group,
-- as POST /api/admin/projections/sdg-impact/rebuild would: its tables are emptied and its tracking
-- token removed, and the processor replays the event store from the start when the ledger starts.
-- On a new database these statements find nothing.
DELETE FROM sdg_impact_line;
DELETE FROM sdg_impact_outcome;
DELETE FROM sdg_fund_verified;
DELETE FROM sdg_outcome_fact;
DELETE FROM sdg_rate_card_target;
DELETE FROM sdg_contract;
DELETE FROM token_entry WHERE processor_name = 'sdg-impact';
