-- Running totals of the fund performance flows that the report only adds up (working capital
-- advanced, budget reserved and released, outcome payments received and refunded: one or more rows
-- per outcome payment, the bulk of perf_flow), kept by the processing group "fund-performance"
-- (FundPerformanceProjection) in the same transaction as the flow row. The report's other flows
-- (commitments, contributions, distribution shares, budgets committed: a few per investor and payer)
-- are still read one by one, as the IRR needs their dates. FundPerformanceQueries uses the totals
-- only when every flow they hold is inside the question's bounds (asOf/knownAt); any other question
-- reads every flow as before. A token reset empties them with perf_flow and the replay rebuilds them.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.

-- Per fund, kind, contract, budget and payer ('' for none, so that the key has no nulls): the sum
-- of the amounts, the number of rows, and the latest business date and recording time among them.
CREATE TABLE perf_flow_total (
    fund_id            VARCHAR(64)   NOT NULL,
    kind               VARCHAR(32)   NOT NULL,
    contract_id        VARCHAR(64)   NOT NULL,
    budget_id          VARCHAR(64)   NOT NULL,
    payer_id           VARCHAR(64)   NOT NULL,
    amount             NUMERIC(38,2) NOT NULL,
    flows              BIGINT        NOT NULL,
    last_business_date DATE          NOT NULL,
    last_recorded_at   TIMESTAMP     NOT NULL,
    PRIMARY KEY (fund_id, kind, contract_id, budget_id, payer_id)
);

-- The flows read one by one are found by kind, without reading the fund's outcome payments.
CREATE INDEX ix_perf_flow_fund_kind ON perf_flow (fund_id, kind, business_date);

-- Flows already recorded (an upgrade): their totals.
INSERT INTO perf_flow_total (fund_id, kind, contract_id, budget_id, payer_id, amount, flows, last_business_date, last_recorded_at)
SELECT fund_id, kind, COALESCE(contract_id, ''), COALESCE(budget_id, ''), COALESCE(payer_id, ''), SUM(amount), COUNT(*),
    MAX(business_date), MAX(recorded_at)
FROM perf_flow
WHERE kind IN ('ADVANCE', 'BUDGET_RESERVED', 'BUDGET_RELEASED', 'OUTCOME_PAYMENT_RECEIVED', 'OUTCOME_PAYMENT_REFUNDED')
GROUP BY fund_id, kind, COALESCE(contract_id, ''), COALESCE(budget_id, ''), COALESCE(payer_id, '');
