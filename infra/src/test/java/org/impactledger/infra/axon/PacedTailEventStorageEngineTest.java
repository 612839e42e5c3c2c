package org.impactledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * Reads of the tail (the blocking reads of the embedded store's producer) are at least the interval
 * apart; every other read, and appending, goes through at once and sees the same events.
 */
class PacedTailEventStorageEngineTest {

    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();

    @Test
    void tail_reads_are_at_least_the_interval_apart_and_see_every_event() {
        PacedTailEventStorageEngine engine = new PacedTailEventStorageEngine(store, Duration.ofMillis(200));
        engine.appendEvents(event("a", 0));
        List<Long> seen = new ArrayList<>();
        long beforeFirst = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            try (Stream<?> events = engine.readEvents(new GlobalSequenceTrackingToken(-1), true)) {
                seen.add(events.count());
            }
            engine.appendEvents(event("a", i + 1));
        }
        // the first read starts no earlier than beforeFirst and each next one at least 200 ms after the one before;
        // timing single gaps from outside the engine is not exact (the gap after a read began is partly spent before it returns)
        assertThat(Duration.ofNanos(System.nanoTime() - beforeFirst)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(seen).containsExactly(1L, 2L, 3L);
    }

    @Test
    void catching_up_and_loading_an_aggregate_are_not_paced() {
        PacedTailEventStorageEngine engine = new PacedTailEventStorageEngine(store, Duration.ofSeconds(10));
        engine.appendEvents(event("a", 0), event("a", 1));
        try (Stream<?> tail = engine.readEvents(new GlobalSequenceTrackingToken(-1), true)) {
            assertThat(tail.count()).isEqualTo(2);
        }
        long start = System.nanoTime();
        try (Stream<?> behind = engine.readEvents(new GlobalSequenceTrackingToken(-1), false)) {
            assertThat(behind.count()).isEqualTo(2);
        }
        assertThat(engine.readEvents("a").asStream().count()).isEqualTo(2);
        assertThat(engine.lastSequenceNumberFor("a")).contains(1L);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_negative_interval_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> new PacedTailEventStorageEngine(store, Duration.ofMillis(-1)))
                .hasMessageContaining("ledger.axon.event-store.tail-read-interval");
    }

    private static GenericDomainEventMessage<String> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Test", aggregate, sequence, "payload-" + sequence);
    }
}
