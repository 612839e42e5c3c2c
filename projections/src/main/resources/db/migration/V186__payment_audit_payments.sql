-- The outcome payments of the payment audit list, one row per outcome with at least one approval,
-- kept by the processing group "payment-audit" (PaymentAuditProjection) in the same transaction as
-- the approval's step. first_approved_at is the earliest recording time among the outcome's
-- approvals: the list's order. Without asOf, an outcome is listed "as known at" knownAt exactly when
-- first_approved_at <= knownAt, and then first approved at first_approved_at, so the list, its
-- count and any page (or the page after a cursor) are read from this table through an index
-- instead of grouping every approval step. A question with asOf groups the steps as before.
-- A token reset empties it with payment_audit_step and the replay rebuilds it.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.

CREATE TABLE payment_audit_payment (
    contract_id       VARCHAR(64) NOT NULL,
    outcome_id        VARCHAR(64) NOT NULL,
    fund_id           VARCHAR(64) NOT NULL,
    payer_id          VARCHAR(64),
    first_approved_at TIMESTAMP   NOT NULL,
    PRIMARY KEY (contract_id, outcome_id)
);

-- one index per filter of the list (none, fund, payer, contract), each in the list's order
CREATE INDEX ix_payment_audit_payment_order ON payment_audit_payment (first_approved_at, contract_id, outcome_id);
CREATE INDEX ix_payment_audit_payment_fund ON payment_audit_payment (fund_id, first_approved_at, contract_id, outcome_id);
CREATE INDEX ix_payment_audit_payment_payer ON payment_audit_payment (payer_id, first_approved_at, contract_id, outcome_id);
CREATE INDEX ix_payment_audit_payment_contract ON payment_audit_payment (contract_id, first_approved_at, outcome_id);

-- Approvals already projected (an upgrade): their payments. The payer is the contract's (fixed when
-- the contract is signed), as V190 fills it on the steps.
INSERT INTO payment_audit_payment (contract_id, outcome_id, fund_id, payer_id, first_approved_at)
SELECT s.contract_id, s.outcome_id, MIN(s.fund_id), MIN(c.payer_id), MIN(s.recorded_at)
FROM payment_audit_step s LEFT JOIN contract_view c ON c.contract_id = s.contract_id
WHERE s.step = 'APPROVED'
GROUP BY s.contract_id, s.outcome_id;

-- The list and the chain show each step's audit-trail proof, joined by event identifier: without
-- this index every such question read the whole chain (one row per event in the store).
CREATE INDEX ix_audit_chain_event_identifier ON audit_chain (event_identifier);
