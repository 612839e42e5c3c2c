package org.impactledger.projections.payments;

/** The steps of an outcome payment's chain, as recorded in {@code payment_audit_step}. */
public enum AuditStepType {
    REPORTED, VERIFIED, APPROVED, EXECUTED, REVERSED, WITHDRAWN
}
