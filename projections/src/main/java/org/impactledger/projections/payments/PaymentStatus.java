package org.impactledger.projections.payments;

/** Where a payment stands at the end of its chain (within the time bounds asked for). */
public enum PaymentStatus {
    /** Approved, not yet transferred. */
    APPROVED,
    /** Transferred. */
    PAID,
    /** The last approval or transfer was reversed; the outcome may be approved again. */
    REVERSED,
    /** Withdrawn after its payment was reversed. */
    WITHDRAWN
}
