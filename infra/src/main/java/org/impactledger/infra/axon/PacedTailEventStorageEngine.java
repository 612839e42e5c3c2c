package org.impactledger.infra.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The event storage engine, with the reads of the event store's tail (the shared stream the caught-up
 * read models follow) at most one per {@code interval}; every other call goes straight to the engine.
 *
 * <p>Why: Axon's embedded event store reads the tail again after every commit of this process, and
 * after a read that found events it reads once more at once, which mostly finds none and then also
 * asks for the next index after a possible gap. Under live load that was two or three statements
 * per command besides the command's own (in one 8-client run: 13,854 tail reads and 9,387 gap
 * queries for 15,512 commands; bench/RESULTS.md, "tenth session"), while the read models,
 * which wait {@code ledger.axon.read-models.live-batch-linger} before they take their batch, gain
 * nothing from such prompt reads. A read that finds the tail's next events takes everything there
 * is, so pacing the reads delays a read model's view of a new event by at most the interval and
 * loses nothing.
 *
 * <p>Only the tail reads block ({@code readEvents(token, true)}: the embedded store's producer
 * thread); a processor that is behind reads on its own stream ({@code mayBlock} false), and loading
 * an aggregate, appending and snapshots are not paced.
 */
public final class PacedTailEventStorageEngine implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final long intervalNanos;
    /** When the tail was last read; at first far enough in the past that the first read never waits. */
    private long lastTailRead = System.nanoTime() - Long.MAX_VALUE / 2;

    /**
     * @param interval the least time between two reads of the tail; zero for no pacing
     */
    public PacedTailEventStorageEngine(EventStorageEngine delegate, Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("the event store's tail read interval (ledger.axon.event-store.tail-read-interval) "
                    + "must not be negative: " + interval);
        }
        this.delegate = delegate;
        this.intervalNanos = interval.toNanos();
    }

    /** The engine that stores the events. */
    public EventStorageEngine delegate() {
        return delegate;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        if (mayBlock && intervalNanos > 0) {
            pace();
        }
        return delegate.readEvents(trackingToken, mayBlock);
    }

    /** Waits until {@code interval} has passed since the previous tail read (only the producer thread calls this). */
    private synchronized void pace() {
        long wait = lastTailRead + intervalNanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                // the store is shutting down: read now, and let the producer see the interrupt
                Thread.currentThread().interrupt();
            }
        }
        lastTailRead = System.nanoTime();
    }

    @Override
    public void appendEvents(EventMessage<?>... events) {
        delegate.appendEvents(events);
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return delegate.readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
