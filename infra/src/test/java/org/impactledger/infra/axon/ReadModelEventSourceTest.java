package org.impactledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

/**
 * A caught-up processor woken by a new event waits the linger before it takes its batch, so events
 * appended meanwhile join it; a processor that is behind never waits. The calls are those of Axon's
 * tracking processor for one batch: a look without waiting, then a wait for the first event, then
 * peeks and takes while events are there.
 */
class ReadModelEventSourceTest {

    private static final Duration LINGER = Duration.ofMillis(300);

    @Test
    void a_caught_up_processor_waits_the_linger_and_takes_what_arrived_meanwhile_in_one_batch() throws Exception {
        Events events = new Events();
        BlockingStream<TrackedEventMessage<?>> stream = new ReadModelEventSource(events, LINGER).openStream(null);

        assertThat(stream.hasNextAvailable()).isFalse(); // caught up
        events.append(1);
        // the event store commits two more while the processor lingers
        Thread appender = new Thread(() -> {
            sleep(100);
            events.append(2);
            events.append(3);
        });
        appender.start();
        long started = System.nanoTime();
        assertThat(stream.hasNextAvailable(1000, TimeUnit.MILLISECONDS)).isTrue();
        long waited = System.nanoTime() - started;
        appender.join();

        assertThat(waited).isGreaterThanOrEqualTo(LINGER.toNanos());
        assertThat(batch(stream)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void a_processor_that_is_behind_takes_its_batch_at_once() throws Exception {
        Events events = new Events();
        events.append(1);
        events.append(2);
        BlockingStream<TrackedEventMessage<?>> stream = new ReadModelEventSource(events, Duration.ofSeconds(30)).openStream(null);

        long started = System.nanoTime();
        assertThat(stream.hasNextAvailable()).isTrue(); // not caught up
        assertThat(stream.hasNextAvailable(1000, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(System.nanoTime() - started).isLessThan(Duration.ofSeconds(10).toNanos());
        assertThat(batch(stream)).containsExactly(1L, 2L);
    }

    @Test
    void it_lingers_once_per_wake_up_not_at_every_look() throws Exception {
        Events events = new Events();
        BlockingStream<TrackedEventMessage<?>> stream = new ReadModelEventSource(events, Duration.ofSeconds(30)).openStream(null);
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(stream.hasNextAvailable(10, TimeUnit.MILLISECONDS)).isFalse(); // nothing came: the processor extends its claim

        events.append(1);
        stream.nextAvailable(); // taken by a batch begun without waiting (the stream had it at the first look)
        events.append(2);
        long started = System.nanoTime();
        assertThat(stream.hasNextAvailable(1000, TimeUnit.MILLISECONDS)).isTrue(); // no look without waiting before: no linger
        assertThat(System.nanoTime() - started).isLessThan(Duration.ofSeconds(10).toNanos());
    }

    @Test
    void without_a_linger_the_event_store_stream_is_used_as_it_is_and_tokens_come_from_the_event_store() {
        Events events = new Events();
        ReadModelEventSource source = new ReadModelEventSource(events, Duration.ZERO);
        assertThat(source.openStream(null)).isSameAs(events.stream);
        assertThat(source.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(41));
        assertThat(source.createTailToken()).isNull();
        assertThatThrownBy(() -> new ReadModelEventSource(events, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }

    private static List<Long> batch(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        List<Long> batch = new ArrayList<>();
        while (stream.peek().isPresent()) {
            batch.add(((GlobalSequenceTrackingToken) stream.nextAvailable().trackingToken()).getGlobalIndex());
        }
        return batch;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An event store of events appended by the test; its stream waits for one as Axon's does. */
    private static final class Events implements StreamableMessageSource<TrackedEventMessage<?>> {

        private final Deque<TrackedEventMessage<?>> appended = new ArrayDeque<>();
        final BlockingStream<TrackedEventMessage<?>> stream = new BlockingStream<>() {
            @Override
            public Optional<TrackedEventMessage<?>> peek() {
                synchronized (appended) {
                    return Optional.ofNullable(appended.peekFirst());
                }
            }

            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                long deadline = System.nanoTime() + unit.toNanos(timeout);
                synchronized (appended) {
                    while (appended.isEmpty() && System.nanoTime() < deadline) {
                        appended.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                    }
                    return !appended.isEmpty();
                }
            }

            @Override
            public TrackedEventMessage<?> nextAvailable() {
                synchronized (appended) {
                    return appended.removeFirst();
                }
            }

            @Override
            public void close() {
            }
        };

        void append(long index) {
            synchronized (appended) {
                appended.addLast(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index),
                        GenericEventMessage.asEventMessage("event " + index)));
                appended.notifyAll();
            }
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return stream;
        }

        @Override
        public TrackingToken createHeadToken() {
            return new GlobalSequenceTrackingToken(41);
        }
    }
}
