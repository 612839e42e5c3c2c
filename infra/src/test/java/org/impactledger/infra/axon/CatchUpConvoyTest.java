package org.impactledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Processors catching up together read the store once ({@link CatchUpConvoy} through
 * {@link ReadModelEventSource}): each gets exactly the events a stream of its own would give, in
 * order; the fastest stays within the window of the slowest; a processor the convoy cannot serve
 * reads alone; at the end of the store each member goes on with a stream of its own from its last
 * token, and sees the events appended after.
 */
class CatchUpConvoyTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void processors_starting_together_read_the_store_once_and_each_gets_every_event_in_order() throws Exception {
        Store store = new Store(5_000);
        ReadModelEventSource source = new ReadModelEventSource(store, Duration.ZERO, 300);
        List<Future<List<Long>>> readers = new ArrayList<>();
        List<BlockingStream<TrackedEventMessage<?>>> streams = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            streams.add(source.openStream(null));
        }
        for (int i = 0; i < 4; i++) {
            BlockingStream<TrackedEventMessage<?>> stream = streams.get(i);
            int pause = i; // each at its own pace
            readers.add(threads.submit(() -> readAll(stream, 5_000, pause)));
        }
        for (Future<List<Long>> reader : readers) {
            assertThat(reader.get(60, TimeUnit.SECONDS)).isEqualTo(store.indexesAfter(-1));
        }
        assertThat(store.opened.get()).as("one stream for the convoy").isEqualTo(1);
        assertThat(store.taken.get()).as("each event read from the store once").isEqualTo(5_000);
    }

    @Test
    void the_fastest_member_stays_within_the_window_of_the_slowest() throws Exception {
        Store store = new Store(1_000);
        ReadModelEventSource source = new ReadModelEventSource(store, Duration.ZERO, 100);
        BlockingStream<TrackedEventMessage<?>> slow = source.openStream(null);
        BlockingStream<TrackedEventMessage<?>> fast = source.openStream(null);

        slow.nextAvailable();
        // after the gathering second the window moves, but only past what the slow member took
        assertThat(takeWhileThere(fast)).isEqualTo(100);
        for (int i = 0; i < 30; i++) {
            slow.nextAvailable();
        }
        // the slow member is at event 31: the fast one may read up to 100 events ahead of it
        assertThat(takeWhileThere(fast)).isEqualTo(31);

        slow.close(); // a member that leaves holds the window no more
        List<Long> rest = readAll(fast, 1_000 - 131, 0);
        assertThat(rest).startsWith(131L).endsWith(999L).hasSize(1_000 - 131);
    }

    private static int takeWhileThere(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        int taken = 0;
        while (stream.hasNextAvailable(1500, TimeUnit.MILLISECONDS)) {
            stream.nextAvailable();
            taken++;
        }
        return taken;
    }

    @Test
    void a_processor_elsewhere_in_the_stream_reads_alone_and_one_at_an_event_in_the_window_joins_after_it() throws Exception {
        Store store = new Store(50);
        ReadModelEventSource source = new ReadModelEventSource(store, Duration.ZERO, 100);
        BlockingStream<TrackedEventMessage<?>> first = source.openStream(null);
        assertThat(readAll(first, 20, 0)).hasSize(20);

        BlockingStream<TrackedEventMessage<?>> elsewhere = source.openStream(new GlobalSequenceTrackingToken(200));
        assertThat(elsewhere).isNotInstanceOf(CatchUpConvoy.Member.class);
        BlockingStream<TrackedEventMessage<?>> atTen = source.openStream(new GlobalSequenceTrackingToken(10));
        assertThat(atTen).isInstanceOf(CatchUpConvoy.Member.class);
        assertThat(readAll(atTen, 39, 0)).isEqualTo(store.indexesAfter(10));
        assertThat(store.opened.get()).isEqualTo(2); // the convoy's and the one elsewhere
    }

    @Test
    void at_the_end_of_the_store_members_go_on_alone_from_their_last_token_and_see_new_events() throws Exception {
        Store store = new Store(10);
        ReadModelEventSource source = new ReadModelEventSource(store, Duration.ZERO, 100);
        BlockingStream<TrackedEventMessage<?>> a = source.openStream(null);
        BlockingStream<TrackedEventMessage<?>> b = source.openStream(null);
        assertThat(readAll(a, 10, 0)).isEqualTo(store.indexesAfter(-1));
        assertThat(a.hasNextAvailable()).isFalse();
        assertThat(((CatchUpConvoy.Member) a).onItsOwn()).isTrue();
        assertThat(store.lastOpenedAt).isEqualTo(new GlobalSequenceTrackingToken(9));

        store.append(3);
        assertThat(readAll(a, 3, 0)).containsExactly(10L, 11L, 12L);
        assertThat(readAll(b, 13, 0)).isEqualTo(store.indexesAfter(-1));
        assertThat(b.hasNextAvailable(10, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(b).as("the last member out lets go of the events held")
                .hasToString("member at 10 of the catch-up convoy from null: events 10..10 held, members at [], drained");

        // a drained convoy takes no one: the next processor at the start forms a new one
        BlockingStream<TrackedEventMessage<?>> c = source.openStream(null);
        assertThat(readAll(c, 13, 0)).isEqualTo(store.indexesAfter(-1));
    }

    @Test
    void a_member_waiting_for_the_slowest_does_not_linger_as_a_caught_up_processor_would() throws Exception {
        Store store = new Store(10);
        ReadModelEventSource source = new ReadModelEventSource(store, Duration.ofSeconds(30), 4);
        BlockingStream<TrackedEventMessage<?>> slow = source.openStream(null);
        BlockingStream<TrackedEventMessage<?>> fast = source.openStream(null);
        assertThat(readAll(fast, 4, 0)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(fast.hasNextAvailable()).as("the window is full: the slow member holds it").isFalse();
        assertThat(readAll(slow, 4, 0)).containsExactly(0L, 1L, 2L, 3L);

        long started = System.nanoTime();
        assertThat(fast.hasNextAvailable(5000, TimeUnit.MILLISECONDS)).isTrue(); // once the gathering second is over
        assertThat(System.nanoTime() - started).as("no 30 s linger").isLessThan(Duration.ofSeconds(10).toNanos());
        assertThat(index(fast.nextAvailable())).isEqualTo(4L);
    }

    @Test
    void peek_shows_the_next_event_without_taking_it() throws Exception {
        Store store = new Store(3);
        BlockingStream<TrackedEventMessage<?>> stream = new ReadModelEventSource(store, Duration.ZERO, 100).openStream(null);
        Optional<TrackedEventMessage<?>> peeked = stream.peek();
        assertThat(peeked).isPresent();
        assertThat(index(peeked.get())).isZero();
        assertThat(index(stream.nextAvailable())).isZero();
        assertThat(readAll(stream, 2, 0)).containsExactly(1L, 2L);
        assertThat(stream.peek()).isEmpty();
    }

    /** As Axon's tracking processor reads: a look, a wait for the first event, then takes while events are there. */
    private static List<Long> readAll(BlockingStream<TrackedEventMessage<?>> stream, int count, int pauseMillis) throws InterruptedException {
        List<Long> read = new ArrayList<>();
        while (read.size() < count) {
            if (!stream.hasNextAvailable() && !stream.hasNextAvailable(2000, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("no event after " + read.size() + " of " + count + ": " + stream);
            }
            while (read.size() < count && stream.hasNextAvailable()) {
                read.add(index(stream.nextAvailable()));
            }
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
        return read;
    }

    private static long index(TrackedEventMessage<?> message) {
        return ((GlobalSequenceTrackingToken) message.trackingToken()).getGlobalIndex();
    }

    /** A store of events 0..n-1 (more can be appended); counts the streams opened and the events taken from them. */
    private static final class Store implements StreamableMessageSource<TrackedEventMessage<?>> {

        private final List<TrackedEventMessage<?>> events = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger taken = new AtomicInteger();
        volatile TrackingToken lastOpenedAt;

        Store(int count) {
            append(count);
        }

        void append(int count) {
            synchronized (events) {
                int from = events.size();
                for (int i = from; i < from + count; i++) {
                    events.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(i), GenericEventMessage.asEventMessage("event " + i)));
                }
            }
        }

        List<Long> indexesAfter(long index) {
            synchronized (events) {
                return events.stream().map(CatchUpConvoyTest::index).filter(i -> i > index).toList();
            }
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
            opened.incrementAndGet();
            lastOpenedAt = token;
            long after = token == null ? -1 : ((GlobalSequenceTrackingToken) token).getGlobalIndex();
            return new BlockingStream<>() {
                private int next = (int) (after + 1);

                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    return next < events.size() ? Optional.of(events.get(next)) : Optional.empty();
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                    long deadline = System.nanoTime() + unit.toNanos(timeout);
                    while (next >= events.size() && System.nanoTime() < deadline) {
                        Thread.sleep(1);
                    }
                    return next < events.size();
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() {
                    taken.incrementAndGet();
                    return events.get(next++);
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
