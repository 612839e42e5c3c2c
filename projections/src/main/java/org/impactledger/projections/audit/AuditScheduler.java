package org.impactledger.projections.audit;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the chain builder every {@code ledger.audit.interval} on one thread of its own.
 *
 * <p>A lifecycle bean with a private executor rather than {@code @EnableScheduling}, so that turning
 * the audit trail on changes no scheduling for the rest of the application, and so that it starts
 * after the database is migrated and stops before the data source closes. A failed run is logged
 * and the next one tries again; runs never overlap (fixed delay).
 */
public class AuditScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditScheduler.class);

    private final AuditChainBuilder builder;
    private final AuditProperties properties;
    private ScheduledExecutorService executor;
    private volatile String lastFailure;

    public AuditScheduler(AuditChainBuilder builder, AuditProperties properties) {
        this.builder = builder;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (executor != null || !properties.enabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "audit-chain-builder");
            thread.setDaemon(true);
            return thread;
        });
        long millis = properties.interval().toMillis();
        executor.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            builder.build();
            lastFailure = null;
        } catch (RuntimeException e) {
            String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!failure.equals(lastFailure)) {
                log.warn("audit chain builder run failed; retrying every {}", properties.interval(), e);
            }
            lastFailure = failure;
        }
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
