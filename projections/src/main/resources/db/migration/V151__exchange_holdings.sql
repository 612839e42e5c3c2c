-- Fact tables of the Social Impact Stock Exchange from which holdings and portfolio impact are
-- reported "as of" a business date and "as known at" a recording time. Owned by the processing group
-- "exchange-holdings"; a token reset empties them and the replay rebuilds them.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.
-- Every fact row carries business_date (the event's own date where it has one, else the business
-- date of the command in the event's metadata) and recorded_at (the event's timestamp, UTC,
-- microseconds). A fact is written once, keyed by the identifier of the event it comes from, and
-- never changed: a report at (asOf, knownAt) adds up the rows with business_date <= asOf and
-- recorded_at <= knownAt, so a later event cannot change what an earlier question returns.

-- Reference facts: who the account, issuer and instrument are.
CREATE TABLE exchange_account_fact (
    investor_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    currency      VARCHAR(3)   NOT NULL,
    opened_on     DATE         NOT NULL,
    event_id      VARCHAR(255) NOT NULL,
    recorded_at   TIMESTAMP    NOT NULL
);

CREATE TABLE exchange_issuer_fact (
    issuer_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    currency    VARCHAR(3)   NOT NULL,
    event_id    VARCHAR(255) NOT NULL,
    recorded_at TIMESTAMP    NOT NULL
);

CREATE TABLE exchange_instrument_fact (
    instrument_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    issuer_id       VARCHAR(64)  NOT NULL,
    name            VARCHAR(255) NOT NULL,
    instrument_type VARCHAR(32)  NOT NULL,
    currency        VARCHAR(3)   NOT NULL,
    event_id        VARCHAR(255) NOT NULL,
    recorded_at     TIMESTAMP    NOT NULL
);

-- Cash on an investor's account: one row per account event. cash_change moves the cash,
-- reserved_change the part of it set aside for open buy orders and subscriptions (available = cash − reserved).
-- reference: the order or offering id of a reservation, the bank reference of a transfer, the payment id of income.
CREATE TABLE exchange_cash_fact (
    event_id        VARCHAR(255)  NOT NULL PRIMARY KEY,
    investor_id     VARCHAR(64)   NOT NULL,
    event_type      VARCHAR(64)   NOT NULL,
    instrument_id   VARCHAR(64),
    reference       VARCHAR(255),
    cash_change     NUMERIC(19,2) NOT NULL,
    reserved_change NUMERIC(19,2) NOT NULL,
    business_date   DATE          NOT NULL,
    recorded_at     TIMESTAMP     NOT NULL
);

CREATE INDEX ix_exchange_cash_fact_investor ON exchange_cash_fact (investor_id, business_date);

-- Units on an instrument's register: one line per holder an event changes (an allocation adds,
-- a trade moves from seller to buyer). units is signed. The sum over all holders is the units outstanding.
CREATE TABLE exchange_unit_fact (
    event_id      VARCHAR(255) NOT NULL,
    line_no       INTEGER      NOT NULL,
    instrument_id VARCHAR(64)  NOT NULL,
    investor_id   VARCHAR(64)  NOT NULL,
    units         BIGINT       NOT NULL,
    event_type    VARCHAR(64)  NOT NULL,
    business_date DATE         NOT NULL,
    recorded_at   TIMESTAMP    NOT NULL,
    PRIMARY KEY (event_id, line_no)
);

CREATE INDEX ix_exchange_unit_fact_investor ON exchange_unit_fact (investor_id, instrument_id);
CREATE INDEX ix_exchange_unit_fact_instrument ON exchange_unit_fact (instrument_id);

-- Capital an instrument raised: one row per closed offering (its weight among the issuer's instruments).
CREATE TABLE exchange_capital_fact (
    event_id        VARCHAR(255)  NOT NULL PRIMARY KEY,
    instrument_id   VARCHAR(64)   NOT NULL,
    offering_id     VARCHAR(64)   NOT NULL,
    units_allocated BIGINT        NOT NULL,
    proceeds        NUMERIC(19,2) NOT NULL,
    business_date   DATE          NOT NULL,
    recorded_at     TIMESTAMP     NOT NULL
);

-- An issuer's reported outcomes; verified_* are set once, by the verification (an outcome counts
-- towards portfolio impact from the business date and recording time of its verification).
CREATE TABLE exchange_outcome_fact (
    issuer_id         VARCHAR(64)   NOT NULL,
    outcome_id        VARCHAR(64)   NOT NULL,
    metric_code       VARCHAR(40)   NOT NULL,
    sdg_target        VARCHAR(8)    NOT NULL,
    period            VARCHAR(16)   NOT NULL,
    reported_quantity NUMERIC(19,6) NOT NULL,
    reported_date     DATE          NOT NULL,
    reported_at       TIMESTAMP     NOT NULL,
    verified_quantity NUMERIC(19,6),
    verified_date     DATE,
    verified_at       TIMESTAMP,
    PRIMARY KEY (issuer_id, outcome_id)
);
