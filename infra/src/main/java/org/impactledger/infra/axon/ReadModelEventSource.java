package org.impactledger.infra.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event stream the read models' tracking processors read: the event store's, except that a
 * processor that has caught up and is woken by a new event waits a moment ({@code linger}) before
 * it takes the batch, so that the events appended meanwhile go into the same batch.
 *
 * <p>Why: a processor's batch costs a transaction, a token update and each read model's per-batch
 * statements whatever its size. Under live load, with ten processors that each take whatever is
 * there, a batch held one or two events, and the read models cost the machine about four times what
 * the commands did (bench/RESULTS.md, "seventh session"). Waiting a few milliseconds lets a batch
 * gather the events of that moment, at the price of that much more delay before a read model shows
 * a new event (it is eventually consistent anyway).
 *
 * <p>A processor that is behind (a rebuild, a catch-up after start) never waits: the stream already
 * had events when the processor last looked, and the batch is filled from them at once. Only the
 * processor's own probe tells the two apart: Axon's tracking processor first asks, without
 * waiting, whether an event is there (to mark itself caught up), then waits up to its
 * event-availability timeout for one; the stream lingers only when the first answer was no and the
 * second yes.
 */
public final class ReadModelEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final long lingerNanos;

    /**
     * @param events the event store
     * @param linger how long a caught-up processor waits after the first new event before taking its batch; zero for not at all
     */
    public ReadModelEventSource(StreamableMessageSource<TrackedEventMessage<?>> events, Duration linger) {
        if (linger.isNegative()) {
            throw new IllegalArgumentException("the live batch linger (ledger.axon.read-models.live-batch-linger) must not be negative: " + linger);
        }
        this.events = events;
        this.lingerNanos = linger.toNanos();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        BlockingStream<TrackedEventMessage<?>> stream = events.openStream(trackingToken);
        return lingerNanos == 0 ? stream : new LingeringStream(stream, lingerNanos);
    }

    @Override
    public TrackingToken createTailToken() {
        return events.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return events.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return events.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return events.createTokenSince(duration);
    }

    /** One processor thread's stream: used by that thread only, as Axon's streams are. */
    static final class LingeringStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final long lingerNanos;
        /** The last look without waiting found nothing: the processor is caught up. */
        private boolean caughtUp;

        LingeringStream(BlockingStream<TrackedEventMessage<?>> stream, long lingerNanos) {
            this.stream = stream;
            this.lingerNanos = lingerNanos;
        }

        @Override
        public boolean hasNextAvailable() {
            boolean available = stream.hasNextAvailable();
            caughtUp = !available;
            return available;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (timeout <= 0) {
                return hasNextAvailable();
            }
            boolean available = stream.hasNextAvailable(timeout, unit);
            if (available && caughtUp) {
                caughtUp = false;
                TimeUnit.NANOSECONDS.sleep(lingerNanos);
            }
            return available;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            caughtUp = false; // taking an event is not waking up from nothing
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
