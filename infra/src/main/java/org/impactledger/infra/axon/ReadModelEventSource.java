package org.impactledger.infra.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>Processors that open their streams at the same token (every read model after a reset, or at the
 * first start on a store of events) read the store once, together: see {@link CatchUpConvoy}.
 */
public final class ReadModelEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ReadModelEventSource.class);

    /** How long after a convoy forms its window stays put, so that the processors started together all join it. */
    static final Duration CONVOY_GATHERING = Duration.ofSeconds(1);

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final long lingerNanos;
    private final int catchUpWindow;
    /** The latest convoy formed; guarded by this. */
    private CatchUpConvoy convoy;

    /**
     * @param events the event store
     * @param linger how long a caught-up processor waits after the first new event before taking its batch; zero for not at all
     */
    public ReadModelEventSource(StreamableMessageSource<TrackedEventMessage<?>> events, Duration linger) {
        this(events, linger, 0);
    }

    /**
     * @param catchUpWindow how many events the processors catching up together share ({@link CatchUpConvoy}); zero for
     *                      every processor reading on its own
     */
    public ReadModelEventSource(StreamableMessageSource<TrackedEventMessage<?>> events, Duration linger, int catchUpWindow) {
        if (linger.isNegative()) {
            throw new IllegalArgumentException("the live batch linger (ledger.axon.read-models.live-batch-linger) must not be negative: " + linger);
        }
        if (catchUpWindow < 0) {
            throw new IllegalArgumentException("the catch-up window (ledger.axon.read-models.catch-up-window) must not be negative: "
                    + catchUpWindow);
        }
        this.events = events;
        this.lingerNanos = linger.toNanos();
        this.catchUpWindow = catchUpWindow;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        BlockingStream<TrackedEventMessage<?>> stream = catchUpWindow == 0 ? events.openStream(trackingToken) : inConvoy(trackingToken);
        return lingerNanos == 0 ? stream : new LingeringStream(stream, lingerNanos);
    }

    /**
     * Joins the convoy on its way if it can give the events after the token; reads alone if that convoy
     * cannot but still takes members (it serves processors elsewhere in the stream); else forms a new one.
     */
    private synchronized BlockingStream<TrackedEventMessage<?>> inConvoy(TrackingToken token) {
        String reader = Thread.currentThread().getName();
        if (convoy != null) {
            CatchUpConvoy.Member member = convoy.join(token);
            if (member != null) {
                log.debug("{} joins the catch-up convoy at {}", reader, token);
                return member;
            }
            if (!convoy.closedToNewMembers()) {
                log.debug("{} reads alone from {}: the convoy on its way cannot serve it", reader, token);
                return events.openStream(token);
            }
        }
        log.debug("{} forms a catch-up convoy at {}", reader, token);
        convoy = new CatchUpConvoy(events, token, catchUpWindow, CONVOY_GATHERING.toNanos());
        return convoy.join(token);
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
            if (available && caughtUp && !catchingUpInConvoy()) {
                caughtUp = false;
                TimeUnit.NANOSECONDS.sleep(lingerNanos);
            }
            return available;
        }

        /**
         * A member still in a convoy is behind by definition (the convoy ends at the end of the store): when it
         * found nothing it was waiting for the convoy's reader or its slowest member, not for new events.
         */
        private boolean catchingUpInConvoy() {
            return stream instanceof CatchUpConvoy.Member member && !member.onItsOwn();
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
