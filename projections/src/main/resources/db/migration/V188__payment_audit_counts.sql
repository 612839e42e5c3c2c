-- How many outcome payments each contract has in payment_audit_payment (per contract, fund and payer,
-- '' for an unknown payer), and the latest first-approval time among them, kept by the processing
-- group "payment-audit" with payment_audit_payment. The list's total without asOf is the sum of the
-- rows of its filter when knownAt is not before their latest first approval (a few rows per fund
-- instead of counting every payment); otherwise payment_audit_payment is counted. A token reset
-- empties it and the replay rebuilds it.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.

CREATE TABLE payment_audit_count (
    contract_id            VARCHAR(64) NOT NULL,
    fund_id                VARCHAR(64) NOT NULL,
    payer_id               VARCHAR(64) NOT NULL,
    payments               BIGINT      NOT NULL,
    last_first_approved_at TIMESTAMP   NOT NULL,
    PRIMARY KEY (contract_id, fund_id, payer_id)
);

CREATE INDEX ix_payment_audit_count_fund ON payment_audit_count (fund_id);
CREATE INDEX ix_payment_audit_count_payer ON payment_audit_count (payer_id);

INSERT INTO payment_audit_count (contract_id, fund_id, payer_id, payments, last_first_approved_at)
SELECT contract_id, fund_id, COALESCE(payer_id, ''), COUNT(*), MAX(first_approved_at)
FROM payment_audit_payment
GROUP BY contract_id, fund_id, COALESCE(payer_id, '');
