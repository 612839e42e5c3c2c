-- The payment audit lists keep every position exact: the processing group "payment-audit"
-- (PaymentListPositions) now numbers, once per batch of events, each list it changes from the
-- earliest first approval the batch places in it. The columns that marked where a list's payments
-- stopped being numbered (ordered_payments, unordered_*) and its last payment's ids (last_contract_id,
-- last_outcome_id, used only to tell whether a payment came after it) are dropped;
-- last_first_approved_at stays (the latest first approval of the list: a question whose knownAt is not
-- before it sees every payment of the list).
--
-- Portable SQL: the same script runs on PostgreSQL (15 has MERGE) and on H2 in PostgreSQL mode.

-- Payments listed before (some were not numbered yet): every position, exact.
MERGE INTO payment_audit_payment p
USING (SELECT contract_id, outcome_id,
           ROW_NUMBER() OVER (ORDER BY first_approved_at, contract_id, outcome_id) AS list_n,
           ROW_NUMBER() OVER (PARTITION BY fund_id ORDER BY first_approved_at, contract_id, outcome_id) AS fund_n,
           ROW_NUMBER() OVER (PARTITION BY payer_id ORDER BY first_approved_at, contract_id, outcome_id) AS payer_n
       FROM payment_audit_payment) r
ON (p.contract_id = r.contract_id AND p.outcome_id = r.outcome_id)
WHEN MATCHED THEN UPDATE SET list_position = r.list_n, fund_position = r.fund_n,
    payer_position = CASE WHEN p.payer_id IS NULL THEN NULL ELSE r.payer_n END;

ALTER TABLE payment_audit_list DROP COLUMN ordered_payments;
ALTER TABLE payment_audit_list DROP COLUMN last_contract_id;
ALTER TABLE payment_audit_list DROP COLUMN last_outcome_id;
ALTER TABLE payment_audit_list DROP COLUMN unordered_first_approved_at;
ALTER TABLE payment_audit_list DROP COLUMN unordered_contract_id;
ALTER TABLE payment_audit_list DROP COLUMN unordered_outcome_id;
