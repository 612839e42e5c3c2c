package org.impactledger.projections.nrrp;

import java.io.IOException;
import java.time.Duration;

/**
 * Bounds how many whole NRRP reconciliations are held in memory for a CSV export at once on this
 * node. An export holds every line, discrepancy and target of the reconciliation from the moment it
 * is read until its last row is written: at 1M events about 144,000 discrepancies. Four such exports
 * at once took the ledger's 256 MB heap (bench/RESULTS.md, twelfth session), although the reconciler's
 * permits bound its computations. So an export holds one of these permits (as many as
 * {@code ledger.nrrp.reconciliation.concurrent-computations}) while it is read and written, and waits
 * for one at most {@code computation-wait}, else {@link NrrpReconciliationBusyException} (503).
 */
public final class NrrpReconciliationExports {

    /** The export's work: read the reconciliation and write it out. */
    @FunctionalInterface
    public interface Export {
        void run() throws IOException;
    }

    private final NrrpPermits permits;

    public NrrpReconciliationExports(int permits, Duration wait) {
        this.permits = new NrrpPermits(permits, wait, "exported");
    }

    /** Runs the export holding a permit (first come, first served); busy when none is free within the wait. */
    public void run(Export export) throws IOException {
        permits.hold(() -> {
            export.run();
            return null;
        });
    }
}
