-- Each outcome payment's position in the payment audit list (first approval, contract, outcome) of
-- every payment (list_position), of its fund (fund_position) and of its payer (payer_position), and
-- per such list its number of payments and how far the positions are exact, kept by the processing
-- group "payment-audit" (PaymentAuditProjection, PaymentListPositions) in the same transaction as the
-- approval's step. A page asked by number ("page=199&size=50") of one of these lists, as known now,
-- then reads the 50 payments at positions 9,951..10,000 through an index instead of skipping the
-- 9,950 payments before them (OFFSET reads every one). A token reset empties them with the rest of
-- the payment audit tables and the replay rebuilds them.
--
-- Portable SQL: the same script runs on PostgreSQL (15 has MERGE) and on H2 in PostgreSQL mode.

ALTER TABLE payment_audit_payment ADD COLUMN list_position BIGINT;
ALTER TABLE payment_audit_payment ADD COLUMN fund_position BIGINT;
ALTER TABLE payment_audit_payment ADD COLUMN payer_position BIGINT;

CREATE INDEX ix_payment_audit_payment_list_position ON payment_audit_payment (list_position);
CREATE INDEX ix_payment_audit_payment_fund_position ON payment_audit_payment (fund_id, fund_position);
CREATE INDEX ix_payment_audit_payment_payer_position ON payment_audit_payment (payer_id, payer_position);

-- One row per list: scope_kind ALL (scope_id ''), FUND (the fund) or PAYER (the payer; payments
-- without a payer are in no payer's list). payments: how many it holds. The first ordered_payments
-- of them in the list's order have their exact position (1, 2, ...); the rest, from the payment
-- unordered_* on, arrived out of the list's order (an approval recorded earlier than one already
-- listed) and are given their positions when they are many enough, all at once. unordered_* is null
-- when every position is exact. last_*: the last payment in the list's order (null when empty);
-- last_first_approved_at is never before the latest first approval, so a question whose knownAt is
-- not before it sees every payment of the list.
CREATE TABLE payment_audit_list (
    scope_kind                  VARCHAR(8)  NOT NULL,
    scope_id                    VARCHAR(64) NOT NULL,
    payments                    BIGINT      NOT NULL,
    ordered_payments            BIGINT      NOT NULL,
    last_first_approved_at      TIMESTAMP,
    last_contract_id            VARCHAR(64),
    last_outcome_id             VARCHAR(64),
    unordered_first_approved_at TIMESTAMP,
    unordered_contract_id       VARCHAR(64),
    unordered_outcome_id        VARCHAR(64),
    PRIMARY KEY (scope_kind, scope_id)
);

-- Payments already listed (an upgrade): their positions, and their lists with every position exact.
MERGE INTO payment_audit_payment p
USING (SELECT contract_id, outcome_id,
           ROW_NUMBER() OVER (ORDER BY first_approved_at, contract_id, outcome_id) AS list_n,
           ROW_NUMBER() OVER (PARTITION BY fund_id ORDER BY first_approved_at, contract_id, outcome_id) AS fund_n,
           ROW_NUMBER() OVER (PARTITION BY payer_id ORDER BY first_approved_at, contract_id, outcome_id) AS payer_n
       FROM payment_audit_payment) r
ON (p.contract_id = r.contract_id AND p.outcome_id = r.outcome_id)
WHEN MATCHED THEN UPDATE SET list_position = r.list_n, fund_position = r.fund_n,
    payer_position = CASE WHEN p.payer_id IS NULL THEN NULL ELSE r.payer_n END;

INSERT INTO payment_audit_list (scope_kind, scope_id, payments, ordered_payments, last_first_approved_at, last_contract_id, last_outcome_id)
SELECT 'ALL', '', c.n, c.n, p.first_approved_at, p.contract_id, p.outcome_id
FROM (SELECT COUNT(*) AS n FROM payment_audit_payment) c
JOIN payment_audit_payment p ON p.list_position = c.n;

INSERT INTO payment_audit_list (scope_kind, scope_id, payments, ordered_payments, last_first_approved_at, last_contract_id, last_outcome_id)
SELECT 'FUND', p.fund_id, c.n, c.n, p.first_approved_at, p.contract_id, p.outcome_id
FROM (SELECT fund_id, COUNT(*) AS n FROM payment_audit_payment GROUP BY fund_id) c
JOIN payment_audit_payment p ON p.fund_id = c.fund_id AND p.fund_position = c.n;

INSERT INTO payment_audit_list (scope_kind, scope_id, payments, ordered_payments, last_first_approved_at, last_contract_id, last_outcome_id)
SELECT 'PAYER', p.payer_id, c.n, c.n, p.first_approved_at, p.contract_id, p.outcome_id
FROM (SELECT payer_id, COUNT(*) AS n FROM payment_audit_payment WHERE payer_id IS NOT NULL GROUP BY payer_id) c
JOIN payment_audit_payment p ON p.payer_id = c.payer_id AND p.payer_position = c.n;
