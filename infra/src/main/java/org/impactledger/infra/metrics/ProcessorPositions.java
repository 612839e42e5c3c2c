package org.impactledger.infra.metrics;

import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** Positions in the global event stream: of the head, and of a processor's slowest segment (-1 before the first event). */
public final class ProcessorPositions {

    private ProcessorPositions() {
    }

    public static long head(EventStore eventStore) {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** The slowest segment's position, or {@code Long.MIN_VALUE} when no segment is claimed by this node. */
    public static long slowest(StreamingEventProcessor processor) {
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            OptionalLong position = status.getCurrentPosition();
            slowest = Math.min(slowest, position.orElse(-1));
        }
        return slowest == Long.MAX_VALUE ? Long.MIN_VALUE : slowest;
    }
}
