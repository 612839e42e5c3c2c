package org.impactledger.infra.axon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Tuning of the write model and the event store, under {@code ledger.axon.*}. */
@ConfigurationProperties("ledger.axon")
public class LedgerAxonProperties {

    private final Snapshots snapshots = new Snapshots();
    private final EventStore eventStore = new EventStore();
    private final TokenStore tokenStore = new TokenStore();
    private final ReadModels readModels = new ReadModels();
    private boolean aggregateCache = true;
    private int aggregateCacheStrongSize = 64;

    public Snapshots getSnapshots() {
        return snapshots;
    }

    public EventStore getEventStore() {
        return eventStore;
    }

    public TokenStore getTokenStore() {
        return tokenStore;
    }

    public ReadModels getReadModels() {
        return readModels;
    }

    /** Keep loaded aggregates in a weak-reference cache, so a command does not re-read the stream. */
    public boolean isAggregateCache() {
        return aggregateCache;
    }

    public void setAggregateCache(boolean aggregateCache) {
        this.aggregateCache = aggregateCache;
    }

    /** How many of the most recently used aggregates the cache holds by soft reference (the others only weakly). */
    public int getAggregateCacheStrongSize() {
        return aggregateCacheStrongSize;
    }

    public void setAggregateCacheStrongSize(int aggregateCacheStrongSize) {
        this.aggregateCacheStrongSize = aggregateCacheStrongSize;
    }

    public static class Snapshots {
        /**
         * Take a snapshot after this many events since the last one, or after half the stream's length
         * once that is more (see GrowingSnapshotTriggerDefinition); 0 disables snapshots.
         */
        private int threshold = 100;

        /**
         * A contract's stream is snapshotted only up to this many events: its state grows with its
         * outcomes, and a snapshot loads a second copy of it and serializes it whole (see
         * GrowingSnapshotTriggerDefinition).
         */
        private long contractMaxStreamLength = 50_000;

        public long getContractMaxStreamLength() {
            return contractMaxStreamLength;
        }

        public void setContractMaxStreamLength(long contractMaxStreamLength) {
            this.contractMaxStreamLength = contractMaxStreamLength;
        }

        public int getThreshold() {
            return threshold;
        }

        public void setThreshold(int threshold) {
            this.threshold = threshold;
        }
    }

    public static class EventStore {
        /** Events read per batch by tracking processors and aggregate loading. */
        private int batchSize = 100;

        /**
         * The least time between two reads of the event store's tail for the caught-up read models; see
         * PacedTailEventStorageEngine. Zero: read after every commit, as Axon does.
         */
        private Duration tailReadInterval = Duration.ofMillis(50);

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public Duration getTailReadInterval() {
            return tailReadInterval;
        }

        public void setTailReadInterval(Duration tailReadInterval) {
            this.tailReadInterval = tailReadInterval;
        }
    }

    public static class TokenStore {
        /** How long a node's claim on a processor segment lasts without being extended. */
        private Duration claimTimeout = Duration.ofSeconds(10);

        public Duration getClaimTimeout() {
            return claimTimeout;
        }

        public void setClaimTimeout(Duration claimTimeout) {
            this.claimTimeout = claimTimeout;
        }
    }

    public static class ReadModels {
        /**
         * On PostgreSQL, the event processors' transactions (read models and their tokens) do not wait
         * for the disk; see ReadModelTransactionManager. Commands always do.
         */
        private boolean asynchronousCommit = true;

        /**
         * How long a caught-up read-model processor waits, once a new event arrives, before it takes
         * its batch, so that events appended meanwhile share the batch; see ReadModelEventSource.
         * Zero: take each event as soon as it is there.
         */
        private Duration liveBatchLinger = Duration.ofMillis(250);

        /**
         * How many events the read models that catch up together (after a reset, at start-up) share
         * in memory: they read the event store once, and the fastest is at most this many events ahead
         * of the slowest; see CatchUpConvoy. Zero: every processor reads the store on its own.
         */
        private int catchUpWindow = 4000;

        public int getCatchUpWindow() {
            return catchUpWindow;
        }

        public void setCatchUpWindow(int catchUpWindow) {
            this.catchUpWindow = catchUpWindow;
        }

        public Duration getLiveBatchLinger() {
            return liveBatchLinger;
        }

        public void setLiveBatchLinger(Duration liveBatchLinger) {
            this.liveBatchLinger = liveBatchLinger;
        }

        public boolean isAsynchronousCommit() {
            return asynchronousCommit;
        }

        public void setAsynchronousCommit(boolean asynchronousCommit) {
            this.asynchronousCommit = asynchronousCommit;
        }
    }
}
