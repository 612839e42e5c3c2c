package org.impactledger.projections.nrrp;

import java.time.Duration;

/**
 * Every permit to hold the whole NRRP reconciliation (to compute it, {@link NrrpReconciler}, or to
 * export it, {@link NrrpReconciliationExports}) stayed taken for as long as a question may wait: the
 * client should ask again later ({@code 503} with {@code Retry-After}).
 */
public class NrrpReconciliationBusyException extends RuntimeException {

    private final Duration retryAfter;

    /** @param retryAfter when to ask again: about as long as the work holding the permits takes */
    public NrrpReconciliationBusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** When to ask again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
