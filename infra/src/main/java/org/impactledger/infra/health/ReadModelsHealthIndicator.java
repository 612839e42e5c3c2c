package org.impactledger.infra.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code readModels} in {@code /actuator/health}: the state of every read-model processor, and
 * DOWN when one of them has halted after an error.
 *
 * <p>A processor whose handler throws retries by itself (with a growing back-off) and is reported
 * {@code retrying}, with the error, while the node stays UP: the cause may pass (a database
 * restart) or need a fix (the journal stops at an entry that does not balance). But when the
 * processing loop itself dies, for example on an {@link OutOfMemoryError}, Axon parks the processor
 * in its error state for good: that read model no longer moves until the processor is started
 * again, while the node would go on answering from it. That is {@code halted}, and the node is
 * DOWN, so that whoever supervises it restarts it (or an operator rebuilds the read model).
 * A processor stopped on purpose (during a rebuild, or on a node that does not run it) is
 * {@code stopped} and changes nothing.
 */
public class ReadModelsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    public ReadModelsHealthIndicator(EventProcessingConfiguration processing) {
        super("read-model processors could not be checked");
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> details = new TreeMap<>();
        boolean halted = false;
        for (Map.Entry<String, ?> entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor processor) {
                ProcessorState state = ProcessorState.of(processor);
                halted |= state.state().equals(ProcessorState.HALTED);
                details.put(entry.getKey(), state.details());
            }
        }
        (halted ? builder.down() : builder.up()).withDetails(details);
    }

    /** One processor's state ({@link #RUNNING}, {@link #RETRYING}, {@link #HALTED} or {@link #STOPPED}) and its error, if any. */
    record ProcessorState(String state, String error) {

        static final String RUNNING = "running";
        static final String RETRYING = "retrying";
        static final String HALTED = "halted";
        static final String STOPPED = "stopped";

        static ProcessorState of(StreamingEventProcessor processor) {
            String segmentError = processor.processingStatus().values().stream()
                    .filter(EventTrackerStatus::isErrorState)
                    .map(status -> describe(status.getError()))
                    .findFirst().orElse(null);
            if (processor.isRunning()) {
                return new ProcessorState(segmentError == null ? RUNNING : RETRYING, segmentError);
            }
            if (processor.isError()) {
                return new ProcessorState(HALTED, segmentError != null ? segmentError
                        : "the processing loop ended on an error (see the log); restart the node or rebuild the read model");
            }
            return new ProcessorState(STOPPED, null);
        }

        Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("state", state);
            if (error != null) {
                details.put("error", error);
            }
            return details;
        }

        private static String describe(Throwable error) {
            if (error == null) {
                return "error";
            }
            return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        }
    }
}
