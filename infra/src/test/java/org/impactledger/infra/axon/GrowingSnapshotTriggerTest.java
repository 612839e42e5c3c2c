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
        Snapshotter snapshotter = (type, id, sequence) -> snapshotsAt.add(sequence);
        SnapshotTrigger trigger = new GrowingSnapshotTriggerDefinition(snapshotter, 100).prepareTrigger(Object.class);
        trigger.initializationFinished();
        for (long sequence = 0; sequence < 5000; sequence += 500) {
            // one unit of work per batch of 500 events, as a bulk import appends them
            DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
            for (long s = sequence; s < sequence + 500; s++) {
                trigger.eventHandled(new GenericDomainEventMessage<>("Contract", "c-1", s, "event"));
            }
            uow.commit();
        }
        // short streams as before (every 100 events: one snapshot per batch), long ones only when the stream has doubled
        assertThat(snapshotsAt).containsExactly(499L, 999L, 1999L, 3999L);
    }

    @Test
    void a_short_stream_is_snapshotted_after_threshold_events_as_by_the_event_count_rule() {
        List<Long> snapshotsAt = new ArrayList<>();
        SnapshotTrigger trigger = new GrowingSnapshotTriggerDefinition((type, id, sequence) -> snapshotsAt.add(sequence), 5)
                .prepareTrigger(Object.class);
        trigger.initializationFinished();
        for (long s = 0; s < 12; s++) {
            DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
            trigger.eventHandled(new GenericDomainEventMessage<>("Contract", "c-1", s, "event"));
            uow.commit();
        }
        assertThat(snapshotsAt).containsExactly(4L, 9L);
    }
}
