package org.impactledger.core.contract;

/**
 * Where an outcome stands on its way from report to bank transfer. A reversal brings an
 * {@link #APPROVED} or {@link #PAID} outcome back to {@link #VERIFIED}; {@link #REJECTED} and
 * {@link #WITHDRAWN} are final.
 */
public enum OutcomeStatus {
    REPORTED,
    VERIFIED,
    REJECTED,
    APPROVED,
    PAID,
    WITHDRAWN;

    /** Money is committed to the outcome: it counts against the cap and holds its beneficiary claim. */
    public boolean holdsPayment() {
        return this == APPROVED || this == PAID;
    }
}
