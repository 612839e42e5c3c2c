-- Outcome payment audit chain: fact table of the processing group "payment-audit"
-- (PaymentAuditProjection). A token reset empties it and the replay rebuilds it; every row is
-- keyed by the identifier of the event it comes from and inserted only if absent.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.

-- One row per step in an outcome's life that an auditor follows: REPORTED, VERIFIED, APPROVED,
-- EXECUTED, REVERSED, WITHDRAWN. global_position is the event's position in the global event
-- stream (from the tracking token; null if the token did not tell), sequence_number its position
-- in the contract's stream (the order of the steps). actor is the principal the event names
-- (reportedBy, verifiedBy ...); principal and role come from the event's metadata. Columns that do
-- not apply to a step are null.
CREATE TABLE payment_audit_step (
    event_id           VARCHAR(255)  NOT NULL PRIMARY KEY,
    global_position    BIGINT,
    sequence_number    BIGINT        NOT NULL,
    step               VARCHAR(16)   NOT NULL,
    fund_id            VARCHAR(64)   NOT NULL,
    contract_id        VARCHAR(64)   NOT NULL,
    outcome_id         VARCHAR(64)   NOT NULL,
    actor              VARCHAR(255),
    principal          VARCHAR(255),
    role               VARCHAR(128),
    business_date      DATE          NOT NULL,
    recorded_at        TIMESTAMP     NOT NULL,
    beneficiary_id     VARCHAR(64),
    metric_code        VARCHAR(64),
    period             VARCHAR(16),
    outcome_date       DATE,
    quantity           NUMERIC(19,6),
    evidence_reference VARCHAR(1000),
    evidence_sha256    VARCHAR(64),
    note               VARCHAR(1000),
    unit_price         NUMERIC(19,2),
    amount             NUMERIC(19,2),
    currency           VARCHAR(3),
    bank_reference     VARCHAR(255),
    value_date         DATE,
    was_executed       BOOLEAN,
    reason             VARCHAR(1000)
);

CREATE INDEX ix_payment_audit_outcome ON payment_audit_step (contract_id, outcome_id, sequence_number);
CREATE INDEX ix_payment_audit_fund ON payment_audit_step (fund_id, step);
