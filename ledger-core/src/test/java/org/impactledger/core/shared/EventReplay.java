package org.impactledger.core.shared;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * Applies events to an aggregate through its {@code @EventSourcingHandler on(event)} methods, as
 * loading it from its stream does: for tests that compare the state an aggregate keeps as events
 * arrive with the state of one replayed from the same events.
 */
public final class EventReplay {

    private EventReplay() {
    }

    /** A blank aggregate with every event applied in order. */
    public static <A> A replayed(Supplier<A> blank, List<?> events) {
        A aggregate = blank.get();
        events.forEach(event -> apply(aggregate, event));
        return aggregate;
    }

    /** Calls the aggregate's event sourcing handler of the event's type. */
    public static void apply(Object aggregate, Object event) {
        Method handler;
        try {
            handler = aggregate.getClass().getDeclaredMethod("on", event.getClass());
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(aggregate.getClass().getSimpleName() + " has no on(" + event.getClass().getSimpleName() + ")", e);
        }
        if (!handler.isAnnotationPresent(EventSourcingHandler.class)) {
            throw new IllegalArgumentException(handler + " is not an event sourcing handler");
        }
        handler.setAccessible(true);
        try {
            handler.invoke(aggregate, event);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
