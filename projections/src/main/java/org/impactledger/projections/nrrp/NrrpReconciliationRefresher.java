package org.impactledger.projections.nrrp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import org.impactledger.projections.report.TimeTravel;
import org.impactledger.projections.schedule.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the materialised NRRP reconciliation up to date: every {@code refresh-interval} it checks
 * whether the nrrp read model changed since the current generation was computed and, if so,
 * computes the reconciliation as known now with {@link NrrpReconciler} (the code time-travel
 * questions use) and writes it as a new generation ({@link NrrpReconciliationStore}).
 *
 * <h2>Changed?</h2>
 * The nrrp fact tables are insert-only between resets (every row keyed by its event, inserted if
 * absent), so their row counts (the fingerprint) change exactly when a fact is added. The counts are
 * read <em>before</em> the instant and the facts: a fact committed after the count is either in the
 * computation or makes the next check see a new count, never silently missed. A reset of the read
 * model (a rebuild) clears the current generation ({@link NrrpProjection#reset()}), which forces a
 * recomputation.
 *
 * <h2>Several nodes</h2>
 * Each refresh runs in one transaction that first locks the single {@code nrrp_recon_state} row
 * ({@code SELECT ... FOR UPDATE}, on PostgreSQL and H2 alike): a node that finds it locked waits,
 * then sees the new generation's fingerprint and computation time and does nothing. The interval
 * is checked against the current generation's computation time, so it holds across nodes.
 */
public class NrrpReconciliationRefresher extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(NrrpReconciliationRefresher.class);

    private final JdbcClient jdbc;
    private final NrrpReconciler reconciler;
    private final NrrpReconciliationStore store;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Supplier<Long> readModelPosition;
    private final NrrpReconciliationProperties properties;

    /**
     * @param readModelPosition the nrrp processor's position (its slowest segment) on this node, null when unknown
     */
    public NrrpReconciliationRefresher(JdbcClient jdbc, NrrpReconciler reconciler, NrrpReconciliationStore store,
                                       PlatformTransactionManager transactionManager, Clock clock, Supplier<Long> readModelPosition,
                                       NrrpReconciliationProperties properties) {
        super("nrrp-reconciliation-refresher");
        this.jdbc = jdbc;
        this.reconciler = reconciler;
        this.store = store;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.readModelPosition = readModelPosition;
        this.properties = properties;
    }

    /**
     * Refreshes if the read model changed and the current generation is at least the refresh interval
     * old (or there is none); gives the new generation, empty when nothing was done.
     */
    public Optional<Long> refresh() {
        return transaction.execute(status -> {
            Optional<Long> current = store.lockState();
            Long position = readModelPosition.get(); // before the counts: the facts read include at least this much
            String fingerprint = fingerprint();
            Optional<NrrpReconciliationStore.Generation> header = current.flatMap(store::header);
            if (header.isPresent()) {
                if (header.get().fingerprint().equals(fingerprint)) {
                    return Optional.<Long>empty();
                }
                if (Duration.between(header.get().computedAt(), clock.instant()).compareTo(properties.refreshInterval()) < 0) {
                    return Optional.<Long>empty();
                }
            }
            // the instant after the counts; micro-second precision, as TIMESTAMP columns keep it
            Instant knownAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            long started = System.nanoTime();
            NrrpReconciliation reconciliation = reconciler.reconcile(new TimeTravel(null, knownAt));
            long generation = store.nextGeneration();
            store.write(generation, reconciliation, position, fingerprint, clock.instant(), Duration.ofNanos(System.nanoTime() - started).toMillis());
            log.debug("NRRP reconciliation generation {} known at {}: {} discrepancies, {} matches, {} ms", generation, knownAt,
                    reconciliation.discrepancies().size(), reconciliation.matches().size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
            return Optional.of(generation);
        });
    }

    /** Row counts of every table the reconciliation reads. */
    String fingerprint() {
        return jdbc.sql("""
                        SELECT (SELECT COUNT(*) FROM nrrp_fact) AS facts, (SELECT COUNT(*) FROM nrrp_bank_entry) AS entries,
                            (SELECT COUNT(*) FROM nrrp_bank_decision) AS decisions, (SELECT COUNT(*) FROM nrrp_target) AS targets,
                            (SELECT COUNT(*) FROM nrrp_outcome_fact) AS outcomes, (SELECT COUNT(*) FROM nrrp_plan_measure) AS plan""")
                .query((rs, row) -> "facts=" + rs.getLong("facts") + ";entries=" + rs.getLong("entries") + ";decisions=" + rs.getLong("decisions")
                        + ";targets=" + rs.getLong("targets") + ";outcomes=" + rs.getLong("outcomes") + ";plan=" + rs.getLong("plan"))
                .single();
    }

    @Override
    protected boolean enabled() {
        return properties.materialised();
    }

    @Override
    protected Duration interval() {
        return properties.refreshInterval();
    }

    /** The first check soon after start (at most a second), so that a node starts answering from tables early. */
    @Override
    protected Duration firstDelay() {
        return interval().compareTo(Duration.ofSeconds(1)) < 0 ? interval() : Duration.ofSeconds(1);
    }

    @Override
    protected void runOnce() {
        refresh();
    }
}
