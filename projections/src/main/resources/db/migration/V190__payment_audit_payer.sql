-- The outcome payer of each approval in the payment audit chain, so that a payer who reads only its
-- own payments (an outcome payer, city finance, a foundation) gets its list from this table alone,
-- without depending on another processing group's read model.
--
-- New approvals carry it (PaymentAuditProjection, from OutcomePaymentApproved.payerId). Approvals
-- already projected take it from the contract read model, whose payer is fixed when the contract is
-- signed; a row the contract read model does not know stays null until the payment-audit processing
-- group is rebuilt (POST /api/admin/projections/payment-audit/rebuild), and until then is listed
-- only to the roles that read every payer's payments.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.

ALTER TABLE payment_audit_step ADD COLUMN payer_id VARCHAR(64);

UPDATE payment_audit_step SET payer_id = (SELECT c.payer_id FROM contract_view c WHERE c.contract_id = payment_audit_step.contract_id)
WHERE step = 'APPROVED';

CREATE INDEX ix_payment_audit_payer ON payment_audit_step (payer_id, step);
