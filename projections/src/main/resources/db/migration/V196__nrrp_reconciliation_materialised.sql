-- The NRRP reconciliation "as known now", materialised (NrrpReconciliationStore, refreshed by
-- NrrpReconciliationRefresher from the nrrp read model; README, "NRRP reconciliation").
--
-- Each refresh writes a new generation: the whole, unfiltered reconciliation computed by the same
-- code as a time-travel query known at the generation's instant, one row per line, discrepancy,
-- match, target and plan measure (seq: its place in the report's order), plus per-kind totals.
-- The current generation and the one before it are kept, so a client walking pages with a cursor
-- of the previous generation can finish its walk; older ones are deleted by the refresh.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.
-- Lists (projects, event ids, metric codes) are stored joined by U+001F; VARCHAR without a length
-- holds any length on PostgreSQL and on H2 alike.

-- One row: the lock refreshes serialise on (SELECT ... FOR UPDATE, so several nodes on one database
-- never compute at once), and which generation is current (NULL: none, e.g. after a reset of the
-- nrrp read model; queries then compute on demand until the next refresh).
CREATE TABLE nrrp_recon_state (
    id                 INT    NOT NULL PRIMARY KEY,
    current_generation BIGINT
);

INSERT INTO nrrp_recon_state (id, current_generation) VALUES (1, NULL);

-- One row per generation: the instant it is known at, the nrrp read model's position (slowest
-- segment, before the facts were read; NULL when this node had no segment) and the row counts of the
-- nrrp fact tables it was computed from (the tables are insert-only between resets, so equal counts
-- mean the same facts and no recomputation).
CREATE TABLE nrrp_recon_generation (
    generation  BIGINT       NOT NULL PRIMARY KEY,
    known_at    TIMESTAMP    NOT NULL,
    read_model_position BIGINT,
    fingerprint VARCHAR(400) NOT NULL,
    computed_at TIMESTAMP    NOT NULL,
    compute_ms  BIGINT       NOT NULL
);

CREATE TABLE nrrp_recon_line (
    generation        BIGINT        NOT NULL,
    seq               BIGINT        NOT NULL,
    cup               VARCHAR(15)   NOT NULL,
    measure           VARCHAR(16)   NOT NULL,
    currency          VARCHAR(3)    NOT NULL,
    projects          VARCHAR       NOT NULL,
    allocated         NUMERIC(19,2) NOT NULL,
    committed         NUMERIC(19,2) NOT NULL,
    paid              NUMERIC(19,2) NOT NULL,
    reported          NUMERIC(19,2) NOT NULL,
    confirmed_by_bank NUMERIC(19,2) NOT NULL,
    PRIMARY KEY (generation, seq)
);

CREATE TABLE nrrp_recon_discrepancy (
    generation BIGINT        NOT NULL,
    seq        BIGINT        NOT NULL,
    kind       VARCHAR(32)   NOT NULL,
    cup        VARCHAR(15),
    measure    VARCHAR(16),
    amount     NUMERIC(19,2) NOT NULL,
    detail     VARCHAR       NOT NULL,
    event_ids  VARCHAR       NOT NULL,
    PRIMARY KEY (generation, seq)
);

-- pages filtered by CUP (and measure) or by measure alone, in the report's order
CREATE INDEX ix_nrrp_recon_discrepancy_cup ON nrrp_recon_discrepancy (generation, cup, seq);
CREATE INDEX ix_nrrp_recon_discrepancy_measure ON nrrp_recon_discrepancy (generation, measure, seq);

-- cup, measure: the matched payment's (what the filters select by)
CREATE TABLE nrrp_recon_match (
    generation          BIGINT        NOT NULL,
    seq                 BIGINT        NOT NULL,
    statement_id        VARCHAR(64)   NOT NULL,
    entry_reference     VARCHAR(64)   NOT NULL,
    bank_entry_event_id VARCHAR(255)  NOT NULL,
    payment_event_id    VARCHAR(255)  NOT NULL,
    match_rule          VARCHAR(32)   NOT NULL,
    bank_amount         NUMERIC(19,2) NOT NULL,
    payment_amount      NUMERIC(19,2) NOT NULL,
    cup                 VARCHAR(15)   NOT NULL,
    measure             VARCHAR(16)   NOT NULL,
    PRIMARY KEY (generation, seq)
);

CREATE INDEX ix_nrrp_recon_match_cup ON nrrp_recon_match (generation, cup, seq);
CREATE INDEX ix_nrrp_recon_match_measure ON nrrp_recon_match (generation, measure, seq);

-- Counts and amounts per discrepancy kind (item D) or match rule (item M, amount: the bank amounts)
-- and CUP and measure, so the summary of any filter sums a few rows instead of the whole list.
CREATE TABLE nrrp_recon_total (
    generation BIGINT        NOT NULL,
    seq        BIGINT        NOT NULL,
    item       VARCHAR(1)    NOT NULL,
    code       VARCHAR(32)   NOT NULL,
    cup        VARCHAR(15),
    measure    VARCHAR(16),
    items      BIGINT        NOT NULL,
    amount     NUMERIC(19,2) NOT NULL,
    PRIMARY KEY (generation, seq)
);

CREATE TABLE nrrp_recon_target (
    generation       BIGINT        NOT NULL,
    seq              BIGINT        NOT NULL,
    project_id       VARCHAR(64)   NOT NULL,
    target_id        VARCHAR(64)   NOT NULL,
    cup              VARCHAR(15)   NOT NULL,
    measure          VARCHAR(16)   NOT NULL,
    description      VARCHAR(200)  NOT NULL,
    quantity         NUMERIC(25,6) NOT NULL,
    due_date         DATE          NOT NULL,
    contract_id      VARCHAR(64)   NOT NULL,
    metric_codes     VARCHAR       NOT NULL,
    achieved         NUMERIC(25,6) NOT NULL,
    progress_percent NUMERIC(25,2) NOT NULL,
    event_id         VARCHAR(255)  NOT NULL,
    PRIMARY KEY (generation, seq)
);

CREATE TABLE nrrp_recon_plan_measure (
    generation  BIGINT        NOT NULL,
    seq         BIGINT        NOT NULL,
    plan_id     VARCHAR(64)   NOT NULL,
    measure     VARCHAR(16)   NOT NULL,
    unique_code VARCHAR(16)   NOT NULL,
    mission     VARCHAR(4)    NOT NULL,
    component   VARCHAR(8)    NOT NULL,
    amount      NUMERIC(19,2),
    currency    VARCHAR(3),
    PRIMARY KEY (generation, seq)
);
