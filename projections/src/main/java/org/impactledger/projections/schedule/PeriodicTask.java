package org.impactledger.projections.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Background work of a read model run at a fixed delay on one thread of its own: the audit-chain
 * builder, the NRRP reconciliation refresher.
 *
 * <p>A lifecycle bean with a private executor rather than {@code @EnableScheduling}, so that such
 * work changes no scheduling for the rest of the application, and so that it starts after the
 * database is migrated and stops before the data source closes. Runs never overlap (fixed delay); a
 * failed run is logged (once while it keeps failing the same way) and the next one tries again.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    /** How long a stop waits for a run in progress to finish. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String threadName;
    private ScheduledExecutorService executor;
    private volatile String lastFailure;

    /** @param threadName the name of the task's thread (and of the task in the log) */
    protected PeriodicTask(String threadName) {
        this.threadName = threadName;
    }

    /** Whether the task runs at all (read at start). */
    protected abstract boolean enabled();

    /** The pause between the end of a run and the start of the next. */
    protected abstract Duration interval();

    /** The pause before the first run; the interval unless a task says otherwise. */
    protected Duration firstDelay() {
        return interval();
    }

    /** One run. */
    protected abstract void runOnce();

    @Override
    public final synchronized void start() {
        if (executor != null || !enabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runLogged, firstDelay().toMillis(), interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runLogged() {
        try {
            runOnce();
            lastFailure = null;
        } catch (RuntimeException e) {
            String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!failure.equals(lastFailure)) {
                log.warn("{} run failed; retrying every {}", threadName, interval(), e);
            }
            lastFailure = failure;
        }
    }

    @Override
    public final synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public final synchronized boolean isRunning() {
        return executor != null;
    }
}
