package org.impactledger.projections.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.infra.metrics.ProcessorPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds read models from the event store: stop the processor, reset its tokens to the start
 * of the stream (its {@code @ResetHandler} empties its tables), start it again, and report
 * progress as position against the head of the stream at the moment the rebuild began.
 *
 * <p>Caught up means position ≥ that head, not {@code isReplaying() == false}: Axon keeps a
 * processor "replaying" until a newer event arrives after the replay has finished.
 */
@Component
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    /** How long a rebuild keeps retrying to reset a processor that is still stopping. */
    private static final Duration RESET_PATIENCE = Duration.ofSeconds(30);

    /** How long a rebuild waits for a running processor's worker to start (see {@link #awaitWorkers}). */
    private static final Duration WORKER_PATIENCE = Duration.ofSeconds(5);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Map<String, Long> rebuildTargets = new ConcurrentHashMap<>();

    public ProjectionRebuilds(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** The names of every rebuildable read model (every streaming event processor). */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                names.add(name);
            }
        });
        names.sort(String::compareTo);
        return names;
    }

    /**
     * The read models a comma-separated list names, each once, in the list's order ({@code all}: every
     * one). An empty list is refused; an unknown name is refused by {@link #rebuild(List)} before anything
     * is reset.
     */
    public List<String> named(String list) {
        String trimmed = list == null ? "" : list.strip();
        if (trimmed.equalsIgnoreCase("all")) {
            return names();
        }
        List<String> named = Arrays.stream(trimmed.split(",")).map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
        if (named.isEmpty()) {
            throw DomainException.invalid("names", "names must list at least one read model, separated by commas, or be 'all'");
        }
        return named;
    }

    public List<ProjectionStatus> statuses() {
        return names().stream().map(this::status).toList();
    }

    public ProjectionStatus status(String name) {
        StreamingEventProcessor processor = processor(name);
        long head = head();
        long position = position(processor);
        Long target = rebuildTargets.get(name);
        Double progress = null;
        boolean rebuilding = false;
        if (target != null) {
            progress = target <= 0 ? 1.0 : Math.min(1.0, Math.max(0, position + 1) / (double) (target + 1));
            rebuilding = position < target;
        }
        String error = processor.processingStatus().values().stream().filter(EventTrackerStatus::isErrorState)
                .map(s -> s.getError() == null ? "error" : s.getError().getMessage()).findFirst().orElse(null);
        return new ProjectionStatus(name, processor.isRunning(), rebuilding, position, head, Math.max(0, head - position), progress, error);
    }

    /** Starts a rebuild and returns at once; follow it with {@link #status(String)}. */
    public ProjectionStatus rebuild(String name) {
        return rebuild(List.of(name)).get(0);
    }

    /**
     * Starts the rebuild of these read models together and returns once they run again (their workers
     * started, see {@link #awaitWorkers}), without waiting for them to catch up. They are stopped together,
     * reset one by one, then started together, so that they open their streams at the same moment and
     * read the event store once, in one catch-up convoy ({@code CatchUpConvoy} in infra): started one
     * after the other, each a second after the last (the time a processor takes to stop), each would
     * find the convoy already on its way and read the store alone.
     */
    public List<ProjectionStatus> rebuild(List<String> names) {
        List<StreamingEventProcessor> processors = names.stream().map(this::processor).toList();
        for (StreamingEventProcessor processor : processors) {
            if (!processor.supportsReset()) {
                throw new DomainException(ErrorCode.INVALID_STATE, "name", "read model " + processor.getName() + " cannot be reset");
            }
        }
        synchronized (this) {
            long target = head();
            log.info("Rebuilding read models {} from the start of the event stream (head at {})", names, target);
            awaitWorkers(processors);
            CompletableFuture.allOf(processors.stream().map(StreamingEventProcessor::shutdownAsync).toArray(CompletableFuture[]::new)).join();
            for (StreamingEventProcessor processor : processors) {
                stopAndReset(processor);
                rebuildTargets.put(processor.getName(), target);
            }
            processors.forEach(StreamingEventProcessor::start);
            awaitWorkers(processors);
        }
        return names.stream().map(this::status).toList();
    }

    /**
     * Waits (up to {@link #WORKER_PATIENCE} for all of them) until every running tracking processor has its
     * worker. Axon 4.13 starts the worker on a launcher thread; a processor stopped while that launcher is
     * still starting it ("freeing segment since segment worker will not be started") can be left marked
     * running with no worker, and then a start does nothing: a rebuild asked for right after another one
     * stayed at position -1 for good (RebuildTest, once). So a rebuild returns only once its processors'
     * workers run, and waits for that before stopping them. A processor whose segment another node holds
     * has no worker here: the wait ends at the deadline and leaves it as it is.
     */
    private static void awaitWorkers(List<StreamingEventProcessor> processors) {
        long deadline = System.nanoTime() + WORKER_PATIENCE.toNanos();
        for (StreamingEventProcessor processor : processors) {
            if (!(processor instanceof TrackingEventProcessor tracking)) {
                continue;
            }
            while (tracking.isRunning() && tracking.activeProcessorThreads() == 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Stops the processor and resets its tokens. Right after a start (the ledger's own start, when
     * {@code --ledger.rebuild} asks at once, or a rebuild just before) a tracking processor's worker
     * launcher may still be running when {@code shutDown()} returns, and Axon then refuses the reset
     * ("must be shut down before triggering a reset"): stop it again and retry for a while.
     */
    private static void stopAndReset(StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + RESET_PATIENCE.toNanos();
        while (true) {
            processor.shutDown();
            try {
                processor.resetTokens();
                return;
            } catch (IllegalStateException stillStopping) {
                if (System.nanoTime() > deadline) {
                    throw stillStopping;
                }
                log.debug("Read model {} was still stopping; trying the reset again", processor.getName());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw stillStopping;
                }
            }
        }
    }

    /** The global index of the newest stored event now ({@code -1} if none). */
    public long headIndex() {
        return head();
    }

    /**
     * Waits, at most {@code timeout}, until the read model has processed every event up to global index
     * {@code index}. True when it has, or when this node processes no segment of it (there is nothing
     * here to wait for); false when the time ran out.
     */
    public boolean awaitProcessed(String name, long index, java.time.Duration timeout) {
        StreamingEventProcessor processor = processor(name);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long slowest = ProcessorPositions.slowest(processor);
            if (slowest == Long.MIN_VALUE || slowest >= index) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** True when the read model has processed every event up to the head it was rebuilt towards (or the current head). */
    public boolean caughtUp(String name) {
        StreamingEventProcessor processor = processor(name);
        long target = rebuildTargets.getOrDefault(name, head());
        return position(processor) >= target;
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "name",
                        "no read model named '" + name + "'; known: " + String.join(", ", names())));
    }

    private long head() {
        return ProcessorPositions.head(eventStore);
    }

    private static long position(StreamingEventProcessor processor) {
        long slowest = ProcessorPositions.slowest(processor);
        return slowest == Long.MIN_VALUE ? -1 : slowest;
    }
}
