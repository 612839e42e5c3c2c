package org.impactledger.projections.performance;

/** What a row of {@code perf_flow} records; amounts are positive and the kind says which way the money moves. */
public enum FlowKind {
    /** An investor committed capital (no cash moves). */
    COMMITMENT,
    /** Capital received from an investor: paid-in, a negative flow for the investor's IRR. */
    CONTRIBUTION,
    /** One investor's share of a distribution: a positive flow for the investor's IRR. */
    DISTRIBUTION,
    /** Working capital advanced to a provider. */
    ADVANCE,
    /** A payer committed an outcome budget. */
    BUDGET_COMMITTED,
    /** Budget reserved for an approved outcome payment. */
    BUDGET_RESERVED,
    /** A reservation released because the approval was reversed before payment. */
    BUDGET_RELEASED,
    /** The payer's transfer for an outcome reached the fund (reserved becomes paid). */
    OUTCOME_PAYMENT_RECEIVED,
    /** An executed outcome payment was reversed and returned to the payer. */
    OUTCOME_PAYMENT_REFUNDED,
    /** Homes4All: the fund paid the price of a property it acquired ({@code PropertyAcquisitionPaid}). */
    PROPERTY_ACQUISITION,
    /** Homes4All: rent collected from a household reached the fund ({@code RentIncomeReceived}): fund income, not an investor flow. */
    RENT_RECEIVED,
    /** Homes4All: a rent collection was reversed and its amount left the fund again ({@code RentIncomeReversed}). */
    RENT_REVERSED
}
