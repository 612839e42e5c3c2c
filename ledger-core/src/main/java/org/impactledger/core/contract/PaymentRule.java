package org.impactledger.core.contract;

/** How often an outcome metric may be paid for one beneficiary. */
public enum PaymentRule {
    /** At most one payment per beneficiary and metric over the whole contract. */
    ONCE_PER_BENEFICIARY,
    /** At most one payment per beneficiary, metric and reporting period. */
    ONCE_PER_BENEFICIARY_PER_PERIOD
}
