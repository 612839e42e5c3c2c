-- Homes4All read model, owned by the processing group "housing"; a token reset empties every table
-- and the replay rebuilds them.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode. Money is
-- NUMERIC(19,2) in the property's currency (the currency of its acquisition price, which is its
-- fund's). TIMESTAMP columns hold UTC times taken from the events' timestamps.
--
-- Two kinds of table:
--   * where things stand now (housing_property, housing_unit, housing_lease, housing_rent_month,
--     housing_rent_collection), for the property and lease queries. Every write is guarded by
--     housing_property.last_event_index, the sequence number of the last event of the property's
--     own stream that was applied: an event is applied only if its number is higher, so a
--     redelivered event changes nothing.
--   * housing_fact: one row per property event, never updated, with the event's business date and
--     its recording time. The housing report answers from these facts only, so that "as of" a
--     business date and "as known at" a recording time give what was true and known then.

CREATE TABLE housing_property (
    property_id             VARCHAR(64)   NOT NULL PRIMARY KEY,
    fund_id                 VARCHAR(64)   NOT NULL,
    address_label           VARCHAR(200)  NOT NULL,
    district                VARCHAR(2)    NOT NULL,
    currency                VARCHAR(3)    NOT NULL,
    acquisition_price       NUMERIC(19,2) NOT NULL,
    acquired_on             DATE          NOT NULL,
    unit_count              INTEGER       NOT NULL,
    occupied_units          INTEGER       NOT NULL,
    latest_valuation        NUMERIC(19,2),
    latest_valuation_date   DATE,
    latest_valuation_method VARCHAR(200),
    last_event_index        BIGINT        NOT NULL
);

CREATE INDEX ix_housing_property_fund ON housing_property (fund_id, property_id);
CREATE INDEX ix_housing_property_district ON housing_property (district, property_id);

-- position: the unit's place in the acquisition's list of units, so units are listed as acquired.
CREATE TABLE housing_unit (
    property_id      VARCHAR(64)   NOT NULL,
    unit_id          VARCHAR(64)   NOT NULL,
    position         INTEGER       NOT NULL,
    area_sqm         NUMERIC(9,2)  NOT NULL,
    rooms            INTEGER       NOT NULL,
    market_rent      NUMERIC(19,2) NOT NULL,
    current_lease_id VARCHAR(64),
    PRIMARY KEY (property_id, unit_id)
);

-- rent_due / rent_collected: over every month charged (and not cancelled), collections net of reversals.
CREATE TABLE housing_lease (
    property_id    VARCHAR(64)   NOT NULL,
    lease_id       VARCHAR(64)   NOT NULL,
    fund_id        VARCHAR(64)   NOT NULL,
    unit_id        VARCHAR(64)   NOT NULL,
    household_id   VARCHAR(64)   NOT NULL,
    household_size INTEGER       NOT NULL,
    monthly_rent   NUMERIC(19,2) NOT NULL,
    market_rent    NUMERIC(19,2) NOT NULL,
    start_date     DATE          NOT NULL,
    end_date       DATE,
    end_reason     VARCHAR(32),
    end_note       VARCHAR(200),
    rent_due       NUMERIC(19,2) NOT NULL,
    rent_collected NUMERIC(19,2) NOT NULL,
    PRIMARY KEY (property_id, lease_id)
);

-- One row per charged month (period yyyy-MM) of a lease; a cancelled charge removes its row.
CREATE TABLE housing_rent_month (
    property_id VARCHAR(64)   NOT NULL,
    lease_id    VARCHAR(64)   NOT NULL,
    period      VARCHAR(7)    NOT NULL,
    due         NUMERIC(19,2) NOT NULL,
    collected   NUMERIC(19,2) NOT NULL,
    PRIMARY KEY (property_id, lease_id, period)
);

CREATE TABLE housing_rent_collection (
    property_id     VARCHAR(64)   NOT NULL,
    collection_id   VARCHAR(64)   NOT NULL,
    lease_id        VARCHAR(64)   NOT NULL,
    period          VARCHAR(7)    NOT NULL,
    amount          NUMERIC(19,2) NOT NULL,
    payment_date    DATE          NOT NULL,
    bank_reference  VARCHAR(200)  NOT NULL,
    reversed_on     DATE,
    reversal_reason VARCHAR(200),
    PRIMARY KEY (property_id, collection_id)
);

CREATE INDEX ix_housing_rent_collection_lease ON housing_rent_collection (property_id, lease_id, period);

-- One row per property event (keyed by the event's identifier; seq is its number in the property's
-- stream). fund_id, district and currency are the property's, copied onto every fact so the report
-- can filter without joining current rows. business_date is the event's own date: acquisition date,
-- valuation date, lease start, lease end (its last day), first day of the month charged, payment
-- date, reversal date; for a cancelled charge, the business date its command carried. amount is the
-- event's money: price, valuation, monthly rent (lease signed), amount due (charged or cancelled),
-- amount collected or reversed. units: the number of units acquired.
CREATE TABLE housing_fact (
    event_id       VARCHAR(255)  NOT NULL PRIMARY KEY,
    property_id    VARCHAR(64)   NOT NULL,
    seq            BIGINT        NOT NULL,
    fund_id        VARCHAR(64)   NOT NULL,
    district       VARCHAR(2)    NOT NULL,
    currency       VARCHAR(3)    NOT NULL,
    event_type     VARCHAR(64)   NOT NULL,
    business_date  DATE          NOT NULL,
    recorded_at    TIMESTAMP     NOT NULL,
    principal      VARCHAR(255),
    lease_id       VARCHAR(64),
    unit_id        VARCHAR(64),
    household_id   VARCHAR(64),
    household_size INTEGER,
    period         VARCHAR(7),
    collection_id  VARCHAR(64),
    amount         NUMERIC(19,2),
    market_rent    NUMERIC(19,2),
    end_reason     VARCHAR(32),
    units          INTEGER,
    CONSTRAINT uq_housing_fact_seq UNIQUE (property_id, seq)
);

CREATE INDEX ix_housing_fact_report ON housing_fact (recorded_at, business_date);
