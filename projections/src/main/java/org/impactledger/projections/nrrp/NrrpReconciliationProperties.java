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
 */
@ConfigurationProperties("ledger.nrrp.reconciliation")
public record NrrpReconciliationProperties(Boolean materialised, Duration refreshInterval) {

    public NrrpReconciliationProperties {
        materialised = materialised == null || materialised;
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(30) : refreshInterval;
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("ledger.nrrp.reconciliation.refresh-interval must be positive");
        }
    }
}
