package org.impactledger.infra.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.AbstractSnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;

/**
 * Snapshots an aggregate after {@code threshold} events since its last snapshot, or, once its stream
 * is long, after half as many events as the stream has: a snapshot of a long stream is as large as the
 * aggregate's state (a contract with 100,000 outcomes), and taking one every {@code threshold} events
 * made every bulk import batch pay for serializing the whole contract again (measured: the
 * snapshotter took half the import's time). With this rule the snapshots of a growing stream come at
 * doubling lengths, so their cost per event stays constant, and loading replays at most about half
 * the stream after the last snapshot (which the aggregate cache avoids for busy aggregates anyway).
 * Streams shorter than {@code 2 × threshold} are snapshotted exactly as by Axon's event-count trigger.
 *
 * <p>{@code maxStreamLength} stops the snapshots of a stream past that length. It is for aggregates
 * whose state grows with their stream (a contract keeps every outcome): Axon's snapshotter loads a
 * second copy of the aggregate and serializes it whole, so a snapshot of a contract of 250,000 outcomes
 * needed about twice the contract's memory on top of the cached copy and ran the heap out. Past the
 * limit the aggregate is loaded from its last snapshot and the events after it (the cache spares a
 * busy one even that).
 */
public class GrowingSnapshotTriggerDefinition implements SnapshotTriggerDefinition {

    private final Snapshotter snapshotter;
    private final int threshold;
    private final long maxStreamLength;

    public GrowingSnapshotTriggerDefinition(Snapshotter snapshotter, int threshold) {
        this(snapshotter, threshold, Long.MAX_VALUE);
    }

    /** @param maxStreamLength no snapshot once the stream has more events than this */
    public GrowingSnapshotTriggerDefinition(Snapshotter snapshotter, int threshold, long maxStreamLength) {
        this.snapshotter = snapshotter;
        this.threshold = threshold;
        this.maxStreamLength = maxStreamLength;
    }

    @Override
    public SnapshotTrigger prepareTrigger(Class<?> aggregateType) {
        return new Trigger(snapshotter, aggregateType, threshold, maxStreamLength);
    }

    @Override
    public SnapshotTrigger reconfigure(Class<?> aggregateType, SnapshotTrigger trigger) {
        if (trigger instanceof Trigger t) {
            t.setSnapshotter(snapshotter);
            return t;
        }
        return prepareTrigger(aggregateType);
    }

    /** Counts the events since the last snapshot and remembers the stream's length (the last sequence number). */
    static final class Trigger extends AbstractSnapshotTrigger {

        private static final long serialVersionUID = 1L;
        private final int threshold;
        private final long maxStreamLength;
        private int counter;
        private long sequence;

        Trigger(Snapshotter snapshotter, Class<?> aggregateType, int threshold, long maxStreamLength) {
            super(snapshotter, aggregateType);
            this.threshold = threshold;
            this.maxStreamLength = maxStreamLength;
        }

        @Override
        public void eventHandled(EventMessage<?> msg) {
            if (msg instanceof DomainEventMessage<?> domain) {
                sequence = domain.getSequenceNumber();
            }
            super.eventHandled(msg);
        }

        @Override
        protected boolean exceedsThreshold() {
            return ++counter >= Math.max(threshold, (sequence + 1) / 2) && sequence < maxStreamLength;
        }

        @Override
        protected void reset() {
            counter = 0;
        }
    }
}
