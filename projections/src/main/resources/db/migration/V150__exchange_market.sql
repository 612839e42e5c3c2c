-- Read models of the Social Impact Stock Exchange's market: issuers and their outcomes, instruments
-- and their primary offerings, the order book and the trade tape. Owned by the processing group
-- "exchange-market"; a token reset empties them and the replay rebuilds them.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.
-- Money is NUMERIC(19,2) in the issuer's (= the instrument's) currency; outcome quantities keep up
-- to six decimals; TIMESTAMP columns hold UTC times taken from the events' timestamps.
--
-- last_event_index is the sequence number, within the aggregate's own event stream, of the last
-- event applied (the issuer's stream for exchange_issuer_view and its outcomes, the instrument's for
-- exchange_instrument_view and its offerings, orders and trades). A handler applies an event only if
-- its number is higher, so a redelivered event changes nothing.

-- sdg_focus: the canonical SDG target codes, comma-separated, in the order given at admission.
-- standing_reason: why the issuer was last suspended or reinstated.
CREATE TABLE exchange_issuer_view (
    issuer_id         VARCHAR(64)   NOT NULL PRIMARY KEY,
    name              VARCHAR(255)  NOT NULL,
    currency          VARCHAR(3)    NOT NULL,
    sdg_focus         VARCHAR(1000) NOT NULL,
    admitted_on       DATE          NOT NULL,
    suspended         BOOLEAN       NOT NULL,
    standing_since    DATE          NOT NULL,
    standing_reason   VARCHAR(1000),
    cash              NUMERIC(19,2) NOT NULL,
    proceeds_received NUMERIC(19,2) NOT NULL,
    income_paid       NUMERIC(19,2) NOT NULL,
    last_event_index  BIGINT        NOT NULL
);

-- status: REPORTED, VERIFIED or REJECTED; decided_by/decided_at/decision_note: the verification or rejection.
CREATE TABLE exchange_issuer_outcome_view (
    issuer_id         VARCHAR(64)   NOT NULL,
    outcome_id        VARCHAR(64)   NOT NULL,
    metric_code       VARCHAR(40)   NOT NULL,
    sdg_target        VARCHAR(8)    NOT NULL,
    period            VARCHAR(16)   NOT NULL,
    quantity          NUMERIC(19,6) NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    reported_by       VARCHAR(255)  NOT NULL,
    reported_at       TIMESTAMP     NOT NULL,
    verified_quantity NUMERIC(19,6),
    decided_by        VARCHAR(255),
    decided_at        TIMESTAMP,
    decision_note     VARCHAR(1000),
    PRIMARY KEY (issuer_id, outcome_id)
);

-- Bond terms only for a SOCIAL_BOND. units_outstanding: issued by offerings (trades move units, they
-- do not create them); capital_raised: proceeds of closed offerings; last_price: of the latest trade.
CREATE TABLE exchange_instrument_view (
    instrument_id     VARCHAR(64)   NOT NULL PRIMARY KEY,
    issuer_id         VARCHAR(64)   NOT NULL,
    name              VARCHAR(255)  NOT NULL,
    instrument_type   VARCHAR(32)   NOT NULL,
    currency          VARCHAR(3)    NOT NULL,
    face_value        NUMERIC(19,2),
    coupon_rate       NUMERIC(9,6),
    coupons_per_year  INTEGER,
    maturity          DATE,
    listed_on         DATE          NOT NULL,
    delisted_on       DATE,
    delisting_reason  VARCHAR(1000),
    units_outstanding BIGINT        NOT NULL,
    capital_raised    NUMERIC(19,2) NOT NULL,
    trade_count       BIGINT        NOT NULL,
    units_traded      BIGINT        NOT NULL,
    last_price        NUMERIC(19,2),
    last_trade_date   DATE,
    income_paid       NUMERIC(19,2) NOT NULL,
    last_event_index  BIGINT        NOT NULL
);

CREATE INDEX ix_exchange_instrument_issuer ON exchange_instrument_view (issuer_id, instrument_id);

-- status: OPEN, CLOSED or CANCELLED; ended_on: the closing or cancellation date.
CREATE TABLE exchange_offering_view (
    instrument_id    VARCHAR(64)   NOT NULL,
    offering_id      VARCHAR(64)   NOT NULL,
    offering_size    BIGINT        NOT NULL,
    price            NUMERIC(19,2) NOT NULL,
    opens_on         DATE          NOT NULL,
    closes_on        DATE          NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    subscriptions    INTEGER       NOT NULL,
    units_subscribed BIGINT        NOT NULL,
    units_allocated  BIGINT        NOT NULL,
    proceeds         NUMERIC(19,2) NOT NULL,
    ended_on         DATE,
    PRIMARY KEY (instrument_id, offering_id)
);

-- Every limit order; status OPEN (resting, remaining > 0), FILLED or CANCELLED. priority is the
-- instrument's sequence number of the order (time priority). The order book is the OPEN rows.
CREATE TABLE exchange_order_view (
    instrument_id VARCHAR(64)   NOT NULL,
    order_id      VARCHAR(64)   NOT NULL,
    investor_id   VARCHAR(64)   NOT NULL,
    side          VARCHAR(4)    NOT NULL,
    limit_price   NUMERIC(19,2) NOT NULL,
    quantity      BIGINT        NOT NULL,
    remaining     BIGINT        NOT NULL,
    priority      BIGINT        NOT NULL,
    placed_on     DATE          NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    PRIMARY KEY (instrument_id, order_id)
);

CREATE INDEX ix_exchange_order_book ON exchange_order_view (instrument_id, status, side, limit_price);

-- The trade tape: one row per trade, numbered 1, 2, 3 ... per instrument. It names the orders, not
-- the investors. aggressor: the side of the incoming order; recorded_at: the event's timestamp.
CREATE TABLE exchange_trade_view (
    instrument_id VARCHAR(64)   NOT NULL,
    trade_number  BIGINT        NOT NULL,
    trade_date    DATE          NOT NULL,
    quantity      BIGINT        NOT NULL,
    price         NUMERIC(19,2) NOT NULL,
    amount        NUMERIC(19,2) NOT NULL,
    aggressor     VARCHAR(4)    NOT NULL,
    buy_order_id  VARCHAR(64)   NOT NULL,
    sell_order_id VARCHAR(64)   NOT NULL,
    recorded_at   TIMESTAMP     NOT NULL,
    PRIMARY KEY (instrument_id, trade_number)
);
