-- NRRP reconciliation: fact tables of the processing group "nrrp" (NrrpProjection).
-- One row per event, keyed by the event id and inserted only if absent, so redelivery and replay
-- give the same rows; a token reset empties them. The report sums and matches these facts for
-- any asOf (business_date) and knownAt (recorded_at); see NrrpReconciliationQueries.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.
-- measure is the measure's unique code (M5C2I1.03), the level the report groups at.

-- NRRP tags of Outcome Fund payer budgets (OutcomeBudgetCommitted with a tag): how a payment of
-- the budget is tied to a CUP and measure.
CREATE TABLE nrrp_budget_tag (
    budget_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    fund_id     VARCHAR(64)  NOT NULL,
    cup         VARCHAR(15)  NOT NULL,
    measure     VARCHAR(16)  NOT NULL,
    event_id    VARCHAR(255) NOT NULL,
    recorded_at TIMESTAMP    NOT NULL
);

-- Money facts per CUP and measure: PROJECT (registration, no amount), ALLOCATED, COMMITTED,
-- REPORTED (from the NRRP project), PAID and REFUNDED (ledger payments of NRRP-tagged money).
-- reference: the allocation, commitment or report id, or for payments the payment's key
-- (contract/outcome for the Outcome Fund) that a refund refers to.
CREATE TABLE nrrp_fact (
    event_id       VARCHAR(255)  NOT NULL PRIMARY KEY,
    fact_type      VARCHAR(16)   NOT NULL,
    source         VARCHAR(32)   NOT NULL,
    project_id     VARCHAR(64),
    cup            VARCHAR(15)   NOT NULL,
    measure        VARCHAR(16)   NOT NULL,
    amount         NUMERIC(19,2) NOT NULL,
    currency       VARCHAR(3)    NOT NULL,
    reference      VARCHAR(200)  NOT NULL,
    detail         VARCHAR(500),
    bank_reference VARCHAR(200),
    business_date  DATE          NOT NULL,
    recorded_at    TIMESTAMP     NOT NULL
);

CREATE INDEX ix_nrrp_fact_cup ON nrrp_fact (cup, measure);

-- Measure targets and the contract metrics whose verified outcomes count toward them.
CREATE TABLE nrrp_target (
    event_id      VARCHAR(255)  NOT NULL PRIMARY KEY,
    project_id    VARCHAR(64)   NOT NULL,
    target_id     VARCHAR(64)   NOT NULL,
    cup           VARCHAR(15)   NOT NULL,
    measure       VARCHAR(16)   NOT NULL,
    description   VARCHAR(200)  NOT NULL,
    quantity      NUMERIC(19,6) NOT NULL,
    due_date      DATE          NOT NULL,
    contract_id   VARCHAR(64)   NOT NULL,
    metric_codes  VARCHAR(1000) NOT NULL,
    business_date DATE          NOT NULL,
    recorded_at   TIMESTAMP     NOT NULL
);

-- Verified outcome quantities (REPORTED opens the outcome with its metric and date; VERIFIED adds
-- the verified quantity; WITHDRAWN takes it back), for target progress.
CREATE TABLE nrrp_outcome_fact (
    event_id       VARCHAR(255)  NOT NULL PRIMARY KEY,
    fact_type      VARCHAR(16)   NOT NULL,
    contract_id    VARCHAR(64)   NOT NULL,
    outcome_id     VARCHAR(64)   NOT NULL,
    metric_code    VARCHAR(64)   NOT NULL,
    outcome_date   DATE          NOT NULL,
    quantity_delta NUMERIC(19,6) NOT NULL,
    business_date  DATE          NOT NULL,
    recorded_at    TIMESTAMP     NOT NULL
);

CREATE INDEX ix_nrrp_outcome ON nrrp_outcome_fact (contract_id, outcome_id);

-- Imported bank statement entries (BankEntryRecorded), with the statement's account.
CREATE TABLE nrrp_bank_entry (
    event_id        VARCHAR(255)  NOT NULL PRIMARY KEY,
    statement_id    VARCHAR(64)   NOT NULL,
    entry_reference VARCHAR(64)   NOT NULL,
    booking_date    DATE          NOT NULL,
    value_date      DATE          NOT NULL,
    amount          NUMERIC(19,2) NOT NULL,
    currency        VARCHAR(3)    NOT NULL,
    direction       VARCHAR(4)    NOT NULL,
    bank_reference  VARCHAR(200),
    remittance      VARCHAR(500),
    cup             VARCHAR(15),
    cig             VARCHAR(10),
    recorded_at     TIMESTAMP     NOT NULL,
    UNIQUE (statement_id, entry_reference)
);

-- Officers' manual decisions (BankEntryMatched / BankEntryUnmatched), in the statement's order (seq).
CREATE TABLE nrrp_bank_decision (
    event_id         VARCHAR(255) NOT NULL PRIMARY KEY,
    statement_id     VARCHAR(64)  NOT NULL,
    seq              BIGINT       NOT NULL,
    entry_reference  VARCHAR(64)  NOT NULL,
    payment_event_id VARCHAR(255) NOT NULL,
    decision         VARCHAR(8)   NOT NULL,
    reason           VARCHAR(200) NOT NULL,
    decided_by       VARCHAR(200) NOT NULL,
    business_date    DATE         NOT NULL,
    recorded_at      TIMESTAMP    NOT NULL
);
