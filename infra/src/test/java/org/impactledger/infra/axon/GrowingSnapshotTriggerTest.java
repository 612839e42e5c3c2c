package org.impactledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/** Snapshots at every {@code threshold} events while the stream is short, then at doubling lengths. */
class GrowingSnapshotTriggerTest {

    @Test
    void a_growing_stream_is_snapshotted_every_threshold_events_then_at_doubling_lengths() {
        List<Long> snapshotsAt = new ArrayList<>();
        long[] last = {-1};
        Snapshotter snapshotter = (type, id) -> snapshotsAt.add(last[0]);
        SnapshotTrigger trigger = new GrowingSnapshotTriggerDefinition(snapshotter, 100).prepareTrigger(Object.class);
        trigger.initializationFinished();
        for (long sequence = 0; sequence < 5000; sequence += 500) {
            // one unit of work per batch of 500 events, as a bulk import appends them; the snapshot is taken after its commit
            DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
            for (long s = sequence; s < sequence + 500; s++) {
                trigger.eventHandled(new GenericDomainEventMessage<>("Contract", "c-1", s, "event"));
                last[0] = s;
            }
            uow.commit();
        }
        // the trigger fires after events 99, 199, 399, 799, 1599, 3199 (every 100 while the stream is short, then when it has
        // doubled); each firing takes a snapshot after its unit of work commits, so the first batch is snapshotted three times
        // (as Axon's event-count trigger would do five times), and then one batch in each doubling
        assertThat(snapshotsAt).containsExactly(499L, 499L, 499L, 999L, 1999L, 3499L);
    }

    @Test
    void a_short_stream_is_snapshotted_after_threshold_events_as_by_the_event_count_rule() {
        List<Long> snapshotsAt = new ArrayList<>();
        long[] last = {-1};
        SnapshotTrigger trigger = new GrowingSnapshotTriggerDefinition((type, id) -> snapshotsAt.add(last[0]), 5)
                .prepareTrigger(Object.class);
        trigger.initializationFinished();
        for (long s = 0; s < 12; s++) {
            DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
            trigger.eventHandled(new GenericDomainEventMessage<>("Contract", "c-1", s, "event"));
            last[0] = s;
            uow.commit();
        }
        assertThat(snapshotsAt).containsExactly(4L, 9L);
    }

    @Test
    void no_snapshot_once_the_stream_is_longer_than_the_limit() {
        List<Long> snapshotsAt = new ArrayList<>();
        long[] last = {-1};
        SnapshotTrigger trigger = new GrowingSnapshotTriggerDefinition((type, id) -> snapshotsAt.add(last[0]), 100, 2000)
                .prepareTrigger(Object.class);
        trigger.initializationFinished();
        for (long sequence = 0; sequence < 10_000; sequence += 500) {
            DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
            for (long s = sequence; s < sequence + 500; s++) {
                trigger.eventHandled(new GenericDomainEventMessage<>("Contract", "c-1", s, "event"));
                last[0] = s;
            }
            uow.commit();
        }
        // as in the first test up to the firing at event 1599; the next (3199) is past the limit, and so is every later one
        assertThat(snapshotsAt).containsExactly(499L, 499L, 499L, 999L, 1999L);
    }
}
