package org.impactledger.projections.nrrp;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the materialised NRRP reconciliation ({@code ledger.nrrp.reconciliation.*}).
 *
 * @param materialised    keep the reconciliation "as known now" in tables and answer questions without
 *                        time bounds from it; false: every question computes it (seconds at a million events)
 * @param refreshInterval the least time between two refreshes (across every node on the database), and
 *                        how often a node checks whether the nrrp read model has changed; the default
 *                        answer is at most about this much (plus one computation) behind the read model
 * @param concurrentComputations how many computations of the whole reconciliation (a refresh, a time-travel
 *                        question, a CSV export) may run at once on a node; each holds its facts in memory;
 *                        and, apart from those, how many CSV exports may hold a whole reconciliation while
 *                        they write it ({@link NrrpReconciliationExports})
 * @param computationWait how long a question waits for one of those before it is answered 503 (busy)
 */
@ConfigurationProperties("ledger.nrrp.reconciliation")
public record NrrpReconciliationProperties(Boolean materialised, Duration refreshInterval, Integer concurrentComputations,
                                           Duration computationWait) {

    public NrrpReconciliationProperties {
        materialised = materialised == null || materialised;
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(30) : refreshInterval;
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("ledger.nrrp.reconciliation.refresh-interval must be positive");
        }
        concurrentComputations = concurrentComputations == null ? 1 : concurrentComputations;
        if (concurrentComputations < 1) {
            throw new IllegalArgumentException("ledger.nrrp.reconciliation.concurrent-computations must be at least 1");
        }
        computationWait = computationWait == null ? Duration.ofSeconds(30) : computationWait;
        if (computationWait.isNegative()) {
            throw new IllegalArgumentException("ledger.nrrp.reconciliation.computation-wait must not be negative");
        }
    }
}
