-- The business date of each outcome payment (payment_audit_payment.approved_on) and the number of
-- payments per list and business date (payment_audit_day), kept by the processing group
-- "payment-audit" (PaymentListPositions) in the same transaction as the approval's step, so that the
-- payment audit list "as of" a past date is paged through an index and counted from a few rows per
-- day instead of grouping every approval step up to that date. A token reset empties them with the
-- rest of the payment audit tables and the replay rebuilds them.
--
-- approved_on is the business date of the payment's first-recorded approval, when no approval of it
-- has an earlier business date. Then "as of" asOf and "as known at" knownAt the payment is in the
-- list exactly when approved_on <= asOf and first_approved_at <= knownAt, and first approved at
-- first_approved_at, whatever its other approvals. Otherwise (an approval back-dated before the first
-- one: rare) approved_on is NULL and the payment's approval steps decide, as before.
--
-- Portable SQL: the same script runs on PostgreSQL (15 has MERGE) and on H2 in PostgreSQL mode.

ALTER TABLE payment_audit_payment ADD COLUMN approved_on DATE;

-- finds the payments without a date (the page of a past date reads the others in the list's order,
-- filtered by date, through the list's index of V186)
CREATE INDEX ix_payment_audit_payment_approved_on ON payment_audit_payment (approved_on);

-- Per list (scope_kind ALL with scope_id '', FUND or PAYER, as in payment_audit_list) and business
-- date: the payments with that approved_on, and the latest first approval among them (never before
-- it: a question whose knownAt is not before it counts every one of them).
CREATE TABLE payment_audit_day (
    scope_kind             VARCHAR(8)  NOT NULL,
    scope_id               VARCHAR(64) NOT NULL,
    approved_on            DATE        NOT NULL,
    payments               BIGINT      NOT NULL,
    last_first_approved_at TIMESTAMP   NOT NULL,
    PRIMARY KEY (scope_kind, scope_id, approved_on)
);

-- Payments already listed (an upgrade): their dates, from their approval steps.
MERGE INTO payment_audit_payment p
USING (SELECT s.contract_id, s.outcome_id, MIN(s.business_date) AS earliest,
           MIN(CASE WHEN s.recorded_at = f.first_approved_at THEN s.business_date END) AS at_first
       FROM payment_audit_step s
       JOIN payment_audit_payment f ON f.contract_id = s.contract_id AND f.outcome_id = s.outcome_id
       WHERE s.step = 'APPROVED'
       GROUP BY s.contract_id, s.outcome_id) d
ON (p.contract_id = d.contract_id AND p.outcome_id = d.outcome_id)
WHEN MATCHED THEN UPDATE SET approved_on = CASE WHEN d.earliest = d.at_first THEN d.at_first ELSE NULL END;

INSERT INTO payment_audit_day (scope_kind, scope_id, approved_on, payments, last_first_approved_at)
SELECT 'ALL', '', approved_on, COUNT(*), MAX(first_approved_at)
FROM payment_audit_payment WHERE approved_on IS NOT NULL
GROUP BY approved_on;

INSERT INTO payment_audit_day (scope_kind, scope_id, approved_on, payments, last_first_approved_at)
SELECT 'FUND', fund_id, approved_on, COUNT(*), MAX(first_approved_at)
FROM payment_audit_payment WHERE approved_on IS NOT NULL
GROUP BY fund_id, approved_on;

INSERT INTO payment_audit_day (scope_kind, scope_id, approved_on, payments, last_first_approved_at)
SELECT 'PAYER', payer_id, approved_on, COUNT(*), MAX(first_approved_at)
FROM payment_audit_payment WHERE approved_on IS NOT NULL AND payer_id IS NOT NULL
GROUP BY payer_id, approved_on;
