package org.impactledger.projections.audit;

import java.time.Duration;
import org.impactledger.projections.schedule.PeriodicTask;

/** Runs the chain builder every {@code ledger.audit.interval} on one thread of its own ({@link PeriodicTask}). */
public class AuditScheduler extends PeriodicTask {

    private final AuditChainBuilder builder;
    private final AuditProperties properties;

    public AuditScheduler(AuditChainBuilder builder, AuditProperties properties) {
        super("audit-chain-builder");
        this.builder = builder;
        this.properties = properties;
    }

    @Override
    protected boolean enabled() {
        return properties.enabled();
    }

    @Override
    protected Duration interval() {
        return properties.interval();
    }

    @Override
    protected void runOnce() {
        builder.build();
    }
}
