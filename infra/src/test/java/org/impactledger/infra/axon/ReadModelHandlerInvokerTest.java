package org.impactledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/** {@link ReadModelHandlerInvoker} decides and invokes as Axon's multi-invoker does, asking about resets only once. */
class ReadModelHandlerInvokerTest {

    private final List<String> calls = new ArrayList<>();

    class Replayable {
        @EventHandler
        void on(String event) {
            calls.add("replayable:" + event);
        }

        @ResetHandler
        void reset() {
            calls.add("replayable:reset");
        }
    }

    @DisallowReplay
    class LiveOnly {
        @EventHandler
        void on(String event) {
            calls.add("live-only:" + event);
        }

        @EventHandler
        void on(Integer event) {
            calls.add("live-only:" + event);
        }
    }

    /** Counts the questions about resets, and stands for an invoker that handles nothing. */
    static final class Counting implements EventHandlerInvoker {
        int asked;

        @Override
        public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
            return false;
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) {
            throw new AssertionError("not asked to handle anything");
        }

        @Override
        public boolean supportsReset() {
            asked++;
            return true;
        }
    }

    /** Handles strings only, and counts the events it is asked about. */
    static final class StringsOnly implements EventHandlerInvoker {
        final List<Object> askedAbout = new ArrayList<>();

        @Override
        public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
            askedAbout.add(eventMessage.getPayload());
            return eventMessage.getPayload() instanceof String;
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            return String.class.isAssignableFrom(payloadType);
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) {
        }
    }

    private EventHandlerInvoker simple(Object handler) {
        return SimpleEventHandlerInvoker.builder().eventHandlers(handler).build();
    }

    private static EventMessage<?> live(Object payload) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(5), GenericEventMessage.asEventMessage(payload));
    }

    private static EventMessage<?> replayed(Object payload) {
        TrackingToken replay = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), new GlobalSequenceTrackingToken(5));
        assertThat(ReplayToken.isReplay(replay)).isTrue();
        return new GenericTrackedEventMessage<>(replay, GenericEventMessage.asEventMessage(payload));
    }

    @Test
    void decidesAndHandlesAsAxonsMultiInvoker() throws Exception {
        MultiEventHandlerInvoker axons = new MultiEventHandlerInvoker(simple(new Replayable()), simple(new LiveOnly()));
        ReadModelHandlerInvoker ours = new ReadModelHandlerInvoker(axons);
        assertThat(ours.supportsReset()).isEqualTo(axons.supportsReset()).isTrue();

        for (EventMessage<?> message : List.of(live("a"), replayed("b"), live(7), replayed(8), live(2.5), replayed(3.5))) {
            assertThat(ours.canHandle(message, Segment.ROOT_SEGMENT)).as(message.toString())
                    .isEqualTo(axons.canHandle(message, Segment.ROOT_SEGMENT));
            assertThat(ours.canHandleType(message.getPayloadType())).isEqualTo(axons.canHandleType(message.getPayloadType()));
            calls.clear();
            axons.handle(message, Segment.ROOT_SEGMENT);
            List<String> byAxon = List.copyOf(calls);
            calls.clear();
            ours.handle(message, Segment.ROOT_SEGMENT);
            assertThat(calls).as(message.toString()).isEqualTo(byAxon);
        }

        calls.clear();
        ours.handle(live("c"), Segment.ROOT_SEGMENT);
        assertThat(calls).containsExactly("replayable:c", "live-only:c");
        calls.clear();
        ours.handle(replayed("d"), Segment.ROOT_SEGMENT);
        assertThat(calls).as("a read model that disallows replays does not see a replayed event").containsExactly("replayable:d");
        assertThat(ours.canHandle(replayed(9), Segment.ROOT_SEGMENT)).isFalse();
        assertThat(ours.canHandle(live(9), Segment.ROOT_SEGMENT)).isTrue();

        calls.clear();
        ours.performReset();
        assertThat(calls).containsExactly("replayable:reset");
    }

    @Test
    void asksEachInvokerAboutResetsOnce() throws Exception {
        Counting counting = new Counting();
        ReadModelHandlerInvoker ours = new ReadModelHandlerInvoker(new MultiEventHandlerInvoker(counting, simple(new Replayable())));
        for (int i = 0; i < 100; i++) {
            EventMessage<?> message = i % 2 == 0 ? live("e" + i) : replayed("e" + i);
            if (ours.canHandle(message, Segment.ROOT_SEGMENT)) {
                ours.handle(message, Segment.ROOT_SEGMENT);
            }
        }
        assertThat(counting.asked).isEqualTo(1);
        assertThat(calls).hasSize(100);
        assertThat(ours.supportsReset()).isTrue();
        assertThat(counting.asked).isEqualTo(1);
    }

    @Test
    void asksAnInvokerAboutNoEventOfAPayloadTypeItHasNoHandlerFor() throws Exception {
        StringsOnly strings = new StringsOnly();
        Counting counting = new Counting();
        MultiEventHandlerInvoker axons = new MultiEventHandlerInvoker(strings, counting, simple(new LiveOnly()));
        ReadModelHandlerInvoker ours = new ReadModelHandlerInvoker(axons);
        List<EventMessage<?>> messages = List.of(live("a"), live(1), live(2.5), replayed("b"), replayed(3), live(4L), live("c"));
        List<Boolean> byAxon = new ArrayList<>();
        for (EventMessage<?> message : messages) {
            byAxon.add(axons.canHandle(message, Segment.ROOT_SEGMENT));
        }
        strings.askedAbout.clear();

        List<Boolean> byOurs = new ArrayList<>();
        for (EventMessage<?> message : messages) {
            byOurs.add(ours.canHandle(message, Segment.ROOT_SEGMENT));
        }

        assertThat(byOurs).isEqualTo(byAxon).containsExactly(true, true, false, true, false, false, true);
        MultiEventHandlerInvoker axonsWithoutCounting = new MultiEventHandlerInvoker(new StringsOnly(), simple(new LiveOnly()));
        ReadModelHandlerInvoker oursWithoutCounting = new ReadModelHandlerInvoker(axonsWithoutCounting);
        List<Boolean> types = new ArrayList<>();
        for (Class<?> type : List.of(String.class, Integer.class, Double.class, Long.class, Object.class, CharSequence.class)) {
            assertThat(oursWithoutCounting.canHandleType(type)).as(type.getName()).isEqualTo(axonsWithoutCounting.canHandleType(type));
            types.add(oursWithoutCounting.canHandleType(type));
        }
        assertThat(types).containsExactly(true, true, false, false, false, false);
        assertThat(strings.askedAbout).as("only the strings").containsExactly("a", "b", "c");
        calls.clear();
        ours.handle(live(6), Segment.ROOT_SEGMENT);
        assertThat(calls).containsExactly("live-only:6");
        assertThat(strings.askedAbout).containsExactly("a", "b", "c");
    }

    @Test
    void standsForASingleInvokerToo() throws Exception {
        ReadModelHandlerInvoker ours = new ReadModelHandlerInvoker(simple(new LiveOnly()));
        assertThat(ours.supportsReset()).isFalse();
        assertThat(ours.canHandle(replayed("x"), Segment.ROOT_SEGMENT)).isFalse();
        ours.handle(live("y"), Segment.ROOT_SEGMENT);
        assertThat(calls).containsExactly("live-only:y");
    }
}
