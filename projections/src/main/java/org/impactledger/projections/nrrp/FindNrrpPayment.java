package org.impactledger.projections.nrrp;

import java.math.BigDecimal;

/**
 * Asks whether the reconciliation knows a ledger payment of NRRP money by its event id (the id the
 * report lists in its matches and discrepancies). Answered with a list of zero or one
 * {@link Payment}, so an unknown id is an empty answer rather than an error.
 */
public record FindNrrpPayment(String paymentEventId) {

    /** A known payment: where it came from, what it carries and whether it has been refunded since. */
    public record Payment(String eventId, String source, String cup, String measure, BigDecimal amount, String currency, String reference,
                          boolean refunded) {
    }
}
