package org.impactledger.infra.axon;

import java.util.List;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;

/**
 * A read model's event handler invoker: Axon's {@link MultiEventHandlerInvoker}, with each handler invoker's answers
 * to "do you support a reset" (once) and "do you have a handler for this payload type" (once per type) kept instead of
 * asked again for every event.
 *
 * <p>Why: Axon's multi-invoker asks each of its invokers whether it supports a reset every time it checks whether it
 * can handle an event, which a tracking processor does twice per event (once to pick the batch, once to handle), replay
 * or not. An annotated read model answers by streaming over all its handler methods and looking up an attribute of
 * each. In a rebuild of the ten read models that was 5.3 % of the processors' CPU samples (bench/RESULTS.md,
 * twentieth session). The answer depends only on the handler methods' annotations ({@code @DisallowReplay}), which do
 * not change once a processor is built, so it is taken once here.
 *
 * <p>Each invoker is also asked once per payload type whether it has a handler for that type at all
 * ({@code canHandleType}); for a type it has none for, it is not asked about each event of the type. An annotated
 * read model answers {@code canHandle} by streaming over all its handler methods, to the end when none matches: that
 * was 64 of the processors' 1,598 samples in a start-up build (bench/RESULTS.md, "twenty-first session"). A handler
 * matches an event only if its payload type does, so the answer is the same. The tracking processor asks {@code
 * canHandleType} itself for every event it does not handle (26 more samples); that answer is taken from the same
 * table.
 *
 * <p>Everything else is the multi-invoker's: an invoker whose handlers do not support a reset is skipped for a
 * replayed event, and resets go to the invokers that support them.
 */
public final class ReadModelHandlerInvoker implements EventHandlerInvoker {

    private final EventHandlerInvoker wrapped;
    private final EventHandlerInvoker[] delegates;
    private final boolean[] supportsReset;
    private final boolean anySupportsReset;
    /** Per payload type, whether each invoker has a handler for it at all ({@link EventHandlerInvoker#canHandleType}). */
    private final ClassValue<boolean[]> handlesType = new ClassValue<>() {
        @Override
        protected boolean[] computeValue(Class<?> payloadType) {
            boolean[] handles = new boolean[delegates.length];
            for (int i = 0; i < delegates.length; i++) {
                handles[i] = delegates[i].canHandleType(payloadType);
            }
            return handles;
        }
    };

    ReadModelHandlerInvoker(EventHandlerInvoker wrapped) {
        this.wrapped = wrapped;
        List<EventHandlerInvoker> invokers = wrapped instanceof MultiEventHandlerInvoker multi ? multi.delegates() : List.of(wrapped);
        this.delegates = invokers.toArray(EventHandlerInvoker[]::new);
        this.supportsReset = new boolean[delegates.length];
        boolean any = false;
        for (int i = 0; i < delegates.length; i++) {
            supportsReset[i] = delegates[i].supportsReset();
            any |= supportsReset[i];
        }
        this.anySupportsReset = any;
    }

    /** The invoker this one stands for (Axon's multi-invoker of the processor). */
    public EventHandlerInvoker wrapped() {
        return wrapped;
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        boolean replay = ReplayToken.isReplay(eventMessage);
        for (int i = 0; i < delegates.length; i++) {
            if (handles(i, eventMessage, segment, replay)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        if (payloadType == null) {
            for (EventHandlerInvoker delegate : delegates) {
                if (delegate.canHandleType(null)) {
                    return true;
                }
            }
            return false;
        }
        for (boolean handles : handlesType.get(payloadType)) {
            if (handles) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) throws Exception {
        boolean replay = ReplayToken.isReplay(message);
        for (int i = 0; i < delegates.length; i++) {
            if (handles(i, message, segment, replay)) {
                delegates[i].handle(message, segment);
            }
        }
    }

    private boolean handles(int delegate, EventMessage<?> message, Segment segment, boolean replay) {
        if (!supportsReset[delegate] && replay) {
            return false;
        }
        Class<?> payloadType = message.getPayloadType();
        return (payloadType == null || handlesType.get(payloadType)[delegate]) && delegates[delegate].canHandle(message, segment);
    }

    @Override
    public boolean supportsReset() {
        return anySupportsReset;
    }

    @Override
    public void performReset() {
        wrapped.performReset();
    }

    @Override
    public <R> void performReset(R resetContext) {
        wrapped.performReset(resetContext);
    }

    @Override
    public void segmentReleased(Segment segment) {
        wrapped.segmentReleased(segment);
    }
}
