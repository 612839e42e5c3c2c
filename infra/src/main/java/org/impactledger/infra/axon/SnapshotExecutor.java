package org.impactledger.infra.axon;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where the aggregates' snapshots are taken: one thread of its own, so a command whose events cross a snapshot
 * threshold answers as soon as it has committed instead of after the snapshot (Axon takes it after the commit, and by
 * default in the committing thread: reading the aggregate's events again, serializing its state and storing it). In
 * a bulk import's profile that was 11 % of the request thread's samples (bench/RESULTS.md, "twenty-sixth session").
 *
 * <p>One thread takes one snapshot at a time, so no more than one extra copy of an aggregate is in memory for a
 * snapshot, however many commands cross a threshold at once. Axon schedules at most one snapshot per aggregate at a
 * time; a snapshot the full queue refuses is not taken, and Axon schedules the aggregate's next one at its next
 * threshold. Snapshots are an optimization: the events are the record, so those still queued at shutdown are dropped.
 */
public final class SnapshotExecutor implements Executor, AutoCloseable {

    /** Snapshots waiting at most; each is of a different aggregate. */
    static final int QUEUE = 1_000;

    private final ThreadPoolExecutor executor;

    public SnapshotExecutor() {
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), task -> {
            Thread thread = new Thread(task, "aggregate-snapshotter");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public void execute(Runnable snapshot) {
        executor.execute(snapshot);
    }

    /** Snapshots scheduled and not yet begun. */
    public int queued() {
        return executor.getQueue().size();
    }

    /** Snapshot tasks run to their end so far (approximately, as the pool counts them). */
    public long completed() {
        return executor.getCompletedTaskCount();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
