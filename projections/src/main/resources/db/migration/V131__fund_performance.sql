-- Fund performance report: fact tables of the processing group "fund-performance"
-- (FundPerformanceProjection). A token reset empties them and the replay rebuilds them; every row
-- is keyed by the identifier of the event it comes from and inserted only if absent.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.
-- Money is NUMERIC(19,2) in the fund's currency, always positive: the kind says which way it moves.

CREATE TABLE perf_fund (
    fund_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    currency    VARCHAR(3)   NOT NULL,
    event_id    VARCHAR(255) NOT NULL,
    recorded_at TIMESTAMP    NOT NULL
);

-- One row per money movement (a distribution gives one row per investor share, line = its index;
-- every other event one row, line 0). kind is one of COMMITMENT, CONTRIBUTION, DISTRIBUTION,
-- ADVANCE, BUDGET_COMMITTED, BUDGET_RESERVED, BUDGET_RELEASED, OUTCOME_PAYMENT_RECEIVED,
-- OUTCOME_PAYMENT_REFUNDED. business_date is the event's value date, the date the money moves
-- (and the date of the flow in an IRR); a reservation or release has none and takes the
-- business date of its command.
CREATE TABLE perf_flow (
    event_id          VARCHAR(255)  NOT NULL,
    line              INTEGER       NOT NULL,
    fund_id           VARCHAR(64)   NOT NULL,
    kind              VARCHAR(32)   NOT NULL,
    investor_id       VARCHAR(64),
    contract_id       VARCHAR(64),
    budget_id         VARCHAR(64),
    payer_id          VARCHAR(64),
    outcome_id        VARCHAR(64),
    amount            NUMERIC(19,2) NOT NULL,
    return_of_capital NUMERIC(19,2),
    profit            NUMERIC(19,2),
    currency          VARCHAR(3)    NOT NULL,
    business_date     DATE          NOT NULL,
    recorded_at       TIMESTAMP     NOT NULL,
    PRIMARY KEY (event_id, line)
);

CREATE INDEX ix_perf_flow_fund ON perf_flow (fund_id, business_date);

-- Recorded net asset values; business_date is the valuation date. sequence_number (in the fund's
-- stream) orders two valuations of the same date: the later recorded one wins.
CREATE TABLE perf_valuation (
    event_id        VARCHAR(255)  NOT NULL PRIMARY KEY,
    fund_id         VARCHAR(64)   NOT NULL,
    net_asset_value NUMERIC(19,2) NOT NULL,
    currency        VARCHAR(3)    NOT NULL,
    method          VARCHAR(255),
    sequence_number BIGINT        NOT NULL,
    business_date   DATE          NOT NULL,
    recorded_at     TIMESTAMP     NOT NULL
);

CREATE INDEX ix_perf_valuation_fund ON perf_valuation (fund_id, business_date);

-- Contracts and their caps: from ContractSigned.
CREATE TABLE perf_contract (
    contract_id   VARCHAR(64)   NOT NULL PRIMARY KEY,
    fund_id       VARCHAR(64)   NOT NULL,
    payer_id      VARCHAR(64)   NOT NULL,
    budget_id     VARCHAR(64)   NOT NULL,
    title         VARCHAR(255)  NOT NULL,
    cap           NUMERIC(19,2) NOT NULL,
    currency      VARCHAR(3)    NOT NULL,
    event_id      VARCHAR(255)  NOT NULL,
    business_date DATE          NOT NULL,
    recorded_at   TIMESTAMP     NOT NULL
);

CREATE INDEX ix_perf_contract_fund ON perf_contract (fund_id);
