-- SDG impact report: fact tables of the processing group "sdg-impact" (SdgImpactProjection).
-- A token reset empties them and the replay rebuilds them; every row is keyed by the identifier
-- of the event it comes from and inserted only if absent, so a redelivered event changes nothing.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.
-- Money is NUMERIC(19,2) in the contract's currency; quantities keep up to six decimals; TIMESTAMP
-- columns hold UTC times taken from the events' timestamps (the recording time, "knownAt").

-- Who pays for a contract's outcomes, and in which currency: from ContractSigned.
CREATE TABLE sdg_contract (
    contract_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    fund_id     VARCHAR(64)  NOT NULL,
    payer_id    VARCHAR(64)  NOT NULL,
    currency    VARCHAR(3)   NOT NULL,
    event_id    VARCHAR(255) NOT NULL,
    recorded_at TIMESTAMP    NOT NULL
);

-- The SDG targets each rate card version gives a metric: one row per version event (the signed
-- card or an amendment), metric and target. version_seq is the event's sequence number in the
-- contract's stream: on the same effective date the later amendment wins, as in the aggregate.
CREATE TABLE sdg_rate_card_target (
    event_id       VARCHAR(255) NOT NULL,
    metric_code    VARCHAR(64)  NOT NULL,
    sdg_target     VARCHAR(8)   NOT NULL,
    contract_id    VARCHAR(64)  NOT NULL,
    effective_from DATE         NOT NULL,
    version_seq    BIGINT       NOT NULL,
    recorded_at    TIMESTAMP    NOT NULL,
    PRIMARY KEY (event_id, metric_code, sdg_target)
);

CREATE INDEX ix_sdg_rate_card_contract ON sdg_rate_card_target (contract_id, metric_code);

-- One row per outcome event that moves a figure (REPORTED opens the outcome with zero figures):
-- the outcome's context copied onto every row (so that filters need no join) and the signed
-- change it makes to verified quantity, approved money and paid money.
CREATE TABLE sdg_outcome_fact (
    event_id       VARCHAR(255)  NOT NULL PRIMARY KEY,
    event_type     VARCHAR(16)   NOT NULL,
    programme      VARCHAR(32)   NOT NULL,
    fund_id        VARCHAR(64)   NOT NULL,
    contract_id    VARCHAR(64)   NOT NULL,
    outcome_id     VARCHAR(64)   NOT NULL,
    payer_id       VARCHAR(64)   NOT NULL,
    beneficiary_id VARCHAR(64)   NOT NULL,
    metric_code    VARCHAR(64)   NOT NULL,
    period         VARCHAR(16)   NOT NULL,
    outcome_date   DATE          NOT NULL,
    currency       VARCHAR(3)    NOT NULL,
    verified_delta NUMERIC(19,6) NOT NULL,
    approved_delta NUMERIC(19,2) NOT NULL,
    paid_delta     NUMERIC(19,2) NOT NULL,
    business_date  DATE          NOT NULL,
    recorded_at    TIMESTAMP     NOT NULL
);

CREATE INDEX ix_sdg_fact_outcome ON sdg_outcome_fact (contract_id, outcome_id);
CREATE INDEX ix_sdg_fact_fund ON sdg_outcome_fact (fund_id, business_date);
