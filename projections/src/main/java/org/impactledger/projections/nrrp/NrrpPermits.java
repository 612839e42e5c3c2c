package org.impactledger.projections.nrrp;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bounded number of permits to hold a whole NRRP reconciliation in memory, taken first come,
 * first served: work waits for one at most {@code wait}, else {@link NrrpReconciliationBusyException}
 * (503 with {@code Retry-After}). The reconciler's computations have one set ({@link NrrpReconciler}),
 * the CSV exports another ({@link NrrpReconciliationExports}).
 */
final class NrrpPermits {

    /** The work done holding a permit. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private final int permits;
    private final Semaphore semaphore;
    private final Duration wait;
    private final String doing;

    /** @param doing what the holders are doing, for the busy message: "computed", "exported" */
    NrrpPermits(int permits, Duration wait, String doing) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        this.permits = permits;
        this.semaphore = new Semaphore(permits, true);
        this.wait = wait;
        this.doing = doing;
    }

    <T, E extends Exception> T hold(Work<T, E> work) throws E {
        boolean permitted;
        try {
            permitted = semaphore.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the NRRP reconciliation to be " + doing, e);
        }
        if (!permitted) {
            throw new NrrpReconciliationBusyException("the NRRP reconciliation is being " + doing + " by "
                    + (permits == 1 ? "another request" : permits + " other requests") + " and none finished within " + wait.toSeconds()
                    + " s; ask again later", Duration.ofSeconds(Math.max(5, Math.min(60, wait.toSeconds()))));
        }
        try {
            return work.run();
        } finally {
            semaphore.release();
        }
    }
}
