package org.impactledger.infra.axon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read models that catch up together read the event store once: one stream from the store (the
 * convoy's reader) fills a window of at most {@code capacity} events, and every processor that joined
 * takes the events from the window at its own pace. The window moves on only when every member has
 * taken its oldest events, so the fastest read model is at most {@code capacity} events ahead of the
 * slowest, and the processors a fast one leaves idle lend their CPU to the slow ones.
 *
 * <p>Why: at start-up after a reset, or when every read model is rebuilt, each of the ten processors
 * read and deserialized every event on its own stream: ten times the rows fetched, decoded, upcast and
 * deserialized, and ten batches of fetched rows alive at once in a 256 MB heap (bench/RESULTS.md,
 * "eighth session"). The messages in the window are shared: an event's payload is deserialized once,
 * by the first read model that handles it (Axon's lazy payloads tolerate that), and never changed.
 *
 * <p>A member takes exactly the events a stream of its own would give: it joins only at the token the
 * reader started from (before the window has moved) or at the token of an event still in the window,
 * and the reader's stream after that token is the stream opened at it. A member that finds the window
 * empty and the reader at the end of the store leaves the convoy and goes on with a stream of its own
 * from its last token, as every processor reads once it has caught up (Axon shares the store's tail
 * between such streams itself).
 */
final class CatchUpConvoy {

    private static final Logger log = LoggerFactory.getLogger(CatchUpConvoy.class);

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final TrackingToken start;
    private final int capacity;
    private final int minimumRead;
    private final long gatherUntil;

    /** Guards the window, the members' positions and the state below; notified when the window may move or grow. */
    private final Object lock = new Object();
    private final TrackedEventMessage<?>[] window;
    /** Absolute sequence numbers: the oldest event held, and one past the newest. */
    private long first;
    private long end;
    private final List<Member> members = new ArrayList<>();
    /** The reader found nothing more: the convoy is at the end of the store and takes no new member. */
    private boolean drained;

    /**
     * A member is reading the store for the convoy; guarded by the lock. The reader is used by that member
     * outside the lock while this is set, and under the lock otherwise.
     */
    private boolean readerBusy;
    private BlockingStream<TrackedEventMessage<?>> reader;
    private boolean readerBroken;

    /**
     * @param gatherNanos how long after the convoy forms the window does not move, so that processors started
     *                    together all join it from the start
     */
    CatchUpConvoy(StreamableMessageSource<TrackedEventMessage<?>> events, TrackingToken start, int capacity, long gatherNanos) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a convoy holds at least one event, was " + capacity);
        }
        this.events = events;
        this.start = start;
        this.capacity = capacity;
        this.minimumRead = Math.max(1, capacity / 4);
        this.window = new TrackedEventMessage<?>[capacity];
        this.gatherUntil = System.nanoTime() + gatherNanos;
    }

    /** A member reading from {@code token}, or {@code null} when the convoy cannot give it the events after that token. */
    Member join(TrackingToken token) {
        synchronized (lock) {
            if (drained) {
                return null;
            }
            long at = -1;
            if (first == 0 && Objects.equals(token, start)) {
                at = 0;
            } else if (token != null) {
                for (long seq = end - 1; seq >= first; seq--) {
                    if (token.equals(window[slot(seq)].trackingToken())) {
                        at = seq + 1;
                        break;
                    }
                }
            }
            if (at < 0) {
                return null;
            }
            Member member = new Member(at, token);
            members.add(member);
            return member;
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "catch-up convoy from " + start + ": events " + first + ".." + end + " held, members at "
                    + members.stream().map(m -> Long.toString(m.next)).toList() + (drained ? ", drained" : "");
        }
    }

    /** Whether the convoy takes no new member. */
    boolean closedToNewMembers() {
        synchronized (lock) {
            return drained;
        }
    }

    private int slot(long seq) {
        return (int) (seq % capacity);
    }

    /**
     * Whether an event is in the window for the member, reading the store for the convoy if it is the
     * first to need more and the window has room; waits up to {@code waitNanos} for a slow member to make
     * room or for another member's read. {@code false} with {@code member.detached} set: the member must
     * read on its own. Every wait is on the lock, so a member waiting sees the events another's read brings.
     */
    private boolean available(Member member, long waitNanos) throws InterruptedException {
        long deadline = System.nanoTime() + waitNanos;
        while (true) {
            int room;
            synchronized (lock) {
                while (true) {
                    if (member.next < end) {
                        return true;
                    }
                    if (drained) {
                        leave(member);
                        member.detached = true;
                        return false;
                    }
                    long now = System.nanoTime();
                    if (!readerBusy) {
                        room = makeRoom(now);
                        if (room >= minimumRead) {
                            readerBusy = true;
                            break;
                        }
                    }
                    long left = deadline - now;
                    if (left <= 0) {
                        return false;
                    }
                    long gathering = gatherUntil - now;
                    TimeUnit.NANOSECONDS.timedWait(lock, gathering > 0 ? Math.min(left, gathering) : left);
                }
            }
            List<TrackedEventMessage<?>> read = read(room);
            synchronized (lock) {
                if (members.isEmpty()) {
                    drained = true; // every member left while this one read: no one to hold the events for
                } else {
                    for (TrackedEventMessage<?> message : read) {
                        window[slot(end++)] = message;
                    }
                }
                if (read.isEmpty() || readerBroken || drained) {
                    drained = true;
                    closeReader();
                }
                readerBusy = false;
                lock.notifyAll();
            }
        }
    }

    /**
     * Under the lock: frees the slots every member has passed (once the gathering time is over); returns the
     * room. The reader reads only when there is room for at least a quarter of the window, so that it reads in
     * runs rather than an event at a time behind the slowest member.
     */
    private int makeRoom(long now) {
        if (now - gatherUntil >= 0) {
            long oldest = end;
            for (Member m : members) {
                oldest = Math.min(oldest, m.next);
            }
            for (long seq = first; seq < oldest; seq++) {
                window[slot(seq)] = null;
            }
            first = oldest;
        }
        return capacity - (int) (end - first);
    }

    /**
     * Outside the lock, by the one member that is reading ({@link #readerBusy}): up to {@code max} events the reader has now, without waiting.
     * If the store fails (or the thread is interrupted) half-way, the events read so far are kept and the
     * convoy ends there ({@link #readerBroken}): its members go on alone from their last token, where their own
     * streams meet the failure, if it lasts, as they would have without the convoy.
     */
    private List<TrackedEventMessage<?>> read(int max) {
        List<TrackedEventMessage<?>> read = new ArrayList<>(Math.min(max, 1024));
        try {
            if (reader == null) {
                reader = events.openStream(start);
            }
            while (read.size() < max && reader.hasNextAvailable()) {
                read.add(reader.nextAvailable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            readerBroken = true;
        } catch (RuntimeException e) {
            log.warn("The read models' shared catch-up stream failed; each read model goes on with a stream of its own from its last event",
                    e);
            readerBroken = true;
        }
        return read;
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (RuntimeException e) {
                log.debug("Closing the catch-up stream failed", e);
            }
            reader = null;
        }
    }

    private TrackedEventMessage<?> takeFor(Member member) {
        synchronized (lock) {
            TrackedEventMessage<?> message = window[slot(member.next)];
            if (member.next++ == first) {
                lock.notifyAll(); // the window may move now
            }
            return message;
        }
    }

    private Optional<TrackedEventMessage<?>> peekFor(Member member) {
        synchronized (lock) {
            return member.next < end ? Optional.of(window[slot(member.next)]) : Optional.empty();
        }
    }

    /** Under the lock. A convoy no member is left in ends: it takes no one new, and its reader is closed. */
    private void leave(Member member) {
        if (members.remove(member)) {
            lock.notifyAll();
            if (members.isEmpty()) {
                drained = true;
                Arrays.fill(window, null); // the events held go with the last member
                first = end;
                if (!readerBusy) {
                    closeReader(); // else the member reading closes it when it is done
                }
            }
        }
    }

    /** One processor's stream in the convoy; used by that processor's thread only, as Axon's streams are. */
    final class Member implements BlockingStream<TrackedEventMessage<?>> {

        /** Guarded by the convoy's lock. */
        private long next;
        private boolean detached;
        private TrackingToken last;
        private BlockingStream<TrackedEventMessage<?>> own;

        private Member(long next, TrackingToken token) {
            this.next = next;
            this.last = token;
        }

        @Override
        public String toString() {
            return "member at " + next + " of the " + CatchUpConvoy.this;
        }

        /** Whether this member reads on its own now (it left the convoy at the end of the store). */
        boolean onItsOwn() {
            return own != null;
        }

        private BlockingStream<TrackedEventMessage<?>> ownStream() {
            if (own == null) {
                own = events.openStream(last);
            }
            return own;
        }

        @Override
        public boolean hasNextAvailable() {
            if (own != null) {
                return own.hasNextAvailable();
            }
            try {
                if (available(this, 0)) {
                    return true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return detached && ownStream().hasNextAvailable();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (own != null) {
                return own.hasNextAvailable(timeout, unit);
            }
            long started = System.nanoTime();
            long waitNanos = unit.toNanos(Math.max(0, timeout));
            if (available(this, waitNanos)) {
                return true;
            }
            if (!detached) {
                return false;
            }
            long left = waitNanos - (System.nanoTime() - started);
            return ownStream().hasNextAvailable((int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(left)), TimeUnit.MILLISECONDS);
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (own == null) {
                Optional<TrackedEventMessage<?>> inWindow = peekFor(this);
                if (inWindow.isPresent() || !hasNextAvailable()) {
                    return inWindow;
                }
                if (own == null) {
                    return peekFor(this);
                }
            }
            return own.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (own == null) {
                if (available(this, TimeUnit.SECONDS.toNanos(1))) {
                    TrackedEventMessage<?> message = takeFor(this);
                    last = message.trackingToken();
                    return message;
                }
                if (detached) {
                    ownStream();
                }
            }
            return own.nextAvailable();
        }

        @Override
        public void close() {
            synchronized (lock) {
                leave(this);
            }
            if (own != null) {
                own.close();
            }
        }
    }
}
