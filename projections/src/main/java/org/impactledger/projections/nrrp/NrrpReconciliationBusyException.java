package org.impactledger.projections.nrrp;

import java.time.Duration;

/**
 * Every permit to compute the NRRP reconciliation stayed taken for as long as a question may wait
 * ({@link NrrpReconciler}): the client should ask again later ({@code 503} with {@code Retry-After}).
 */
public class NrrpReconciliationBusyException extends RuntimeException {

    private final Duration retryAfter;

    public NrrpReconciliationBusyException(int permits, Duration waited, Duration retryAfter) {
        super("the NRRP reconciliation is being computed by " + (permits == 1 ? "another request" : permits + " other requests")
                + " and none finished within " + waited.toSeconds() + " s; ask again later");
        this.retryAfter = retryAfter;
    }

    /** Busy for another reason than computing (a CSV export holding the reconciliation: {@link NrrpReconciliationExports}). */
    public NrrpReconciliationBusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** When to ask again: about as long as a computation takes. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
