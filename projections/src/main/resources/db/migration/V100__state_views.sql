-- State read models of the Outcome Fund: where every fund, investor, budget, contract and outcome
-- stands now. Owned by the processing groups "fund-state" (fund_*) and "contract-state"
-- (contract_view, outcome_view); a token reset empties them and the replay rebuilds them.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.
-- Money is NUMERIC(19,2) in the fund's (or contract's) currency; quantities and multiples keep up
-- to six decimals; TIMESTAMP columns hold UTC times taken from the events' timestamps.
--
-- last_event_index is the sequence number, within its aggregate's own event stream, of the last
-- event applied to the row (the fund's stream for fund_view, the contract's for contract_view).
-- Handlers apply an event only if its number is higher, so a redelivered event changes nothing.

CREATE TABLE fund_view (
    fund_id                   VARCHAR(64)   NOT NULL PRIMARY KEY,
    name                      VARCHAR(255)  NOT NULL,
    currency                  VARCHAR(3)    NOT NULL,
    manager                   VARCHAR(255),
    return_cap_multiple       NUMERIC(19,6),
    committed                 NUMERIC(19,2) NOT NULL,
    called                    NUMERIC(19,2) NOT NULL,
    paid_in                   NUMERIC(19,2) NOT NULL,
    distributed               NUMERIC(19,2) NOT NULL,
    advanced                  NUMERIC(19,2) NOT NULL,
    outcome_payments_received NUMERIC(19,2) NOT NULL,
    refunded                  NUMERIC(19,2) NOT NULL,
    cash                      NUMERIC(19,2) NOT NULL,
    latest_nav                NUMERIC(19,2),
    latest_nav_date           DATE,
    opened_at                 TIMESTAMP     NOT NULL,
    last_event_index          BIGINT        NOT NULL
);

CREATE TABLE fund_investor_view (
    fund_id            VARCHAR(64)   NOT NULL,
    investor_id        VARCHAR(64)   NOT NULL,
    committed          NUMERIC(19,2) NOT NULL,
    called             NUMERIC(19,2) NOT NULL,
    paid_in            NUMERIC(19,2) NOT NULL,
    returned_capital   NUMERIC(19,2) NOT NULL,
    profit_distributed NUMERIC(19,2) NOT NULL,
    PRIMARY KEY (fund_id, investor_id)
);

CREATE TABLE fund_budget_view (
    fund_id      VARCHAR(64)   NOT NULL,
    budget_id    VARCHAR(64)   NOT NULL,
    payer_id     VARCHAR(64)   NOT NULL,
    committed    NUMERIC(19,2) NOT NULL,
    reserved     NUMERIC(19,2) NOT NULL,
    paid         NUMERIC(19,2) NOT NULL,
    nrrp_cup     VARCHAR(32),
    nrrp_measure VARCHAR(64),
    PRIMARY KEY (fund_id, budget_id)
);

-- rate_card: JSON array of every rate card line with its version and validity, see RateCardLine.
CREATE TABLE contract_view (
    contract_id      VARCHAR(64)   NOT NULL PRIMARY KEY,
    fund_id          VARCHAR(64)   NOT NULL,
    provider_id      VARCHAR(64)   NOT NULL,
    budget_id        VARCHAR(64)   NOT NULL,
    payer_id         VARCHAR(64)   NOT NULL,
    title            VARCHAR(255)  NOT NULL,
    currency         VARCHAR(3)    NOT NULL,
    start_date       DATE          NOT NULL,
    end_date         DATE          NOT NULL,
    cap              NUMERIC(19,2) NOT NULL,
    approved_total   NUMERIC(19,2) NOT NULL,
    paid_total       NUMERIC(19,2) NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    closed_on        DATE,
    close_reason     VARCHAR(1000),
    rate_card        TEXT          NOT NULL,
    outcome_count    BIGINT        NOT NULL,
    last_event_index BIGINT        NOT NULL
);

CREATE INDEX ix_contract_view_fund ON contract_view (fund_id, contract_id);

-- One row per reported outcome; an outcome with an amount (APPROVED or PAID) is a payment.
-- sdg_targets: comma-separated SDG target codes (e.g. "1.2,8.5").
CREATE TABLE outcome_view (
    contract_id        VARCHAR(64)   NOT NULL,
    outcome_id         VARCHAR(64)   NOT NULL,
    fund_id            VARCHAR(64)   NOT NULL,
    beneficiary_id     VARCHAR(64)   NOT NULL,
    metric_code        VARCHAR(64)   NOT NULL,
    period             VARCHAR(64),
    outcome_date       DATE          NOT NULL,
    quantity           NUMERIC(19,6) NOT NULL,
    verified_quantity  NUMERIC(19,6),
    unit_price         NUMERIC(19,2),
    amount             NUMERIC(19,2),
    currency           VARCHAR(3)    NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    evidence_reference VARCHAR(1000),
    evidence_sha256    VARCHAR(64),
    reported_by        VARCHAR(255),
    reported_at        TIMESTAMP     NOT NULL,
    verified_by        VARCHAR(255),
    verified_at        TIMESTAMP,
    verification_note  VARCHAR(1000),
    rejection_reason   VARCHAR(1000),
    rejected_by        VARCHAR(255),
    rejected_at        TIMESTAMP,
    approved_by        VARCHAR(255),
    approved_at        TIMESTAMP,
    executed_by        VARCHAR(255),
    bank_reference     VARCHAR(255),
    paid_at            TIMESTAMP,
    value_date         DATE,
    reversal_reason    VARCHAR(1000),
    reversed_by        VARCHAR(255),
    reversed_at        TIMESTAMP,
    withdrawal_reason  VARCHAR(1000),
    withdrawn_by       VARCHAR(255),
    withdrawn_at       TIMESTAMP,
    sdg_targets        VARCHAR(1000),
    PRIMARY KEY (contract_id, outcome_id)
);

CREATE INDEX ix_outcome_view_contract_date ON outcome_view (contract_id, outcome_date, outcome_id);
CREATE INDEX ix_outcome_view_fund_date ON outcome_view (fund_id, outcome_date, outcome_id);
