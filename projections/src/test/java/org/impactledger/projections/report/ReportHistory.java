package org.impactledger.projections.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.impactledger.core.contract.event.ContractEvent;
import org.impactledger.infra.messaging.LedgerMetaData;
import org.impactledger.projections.state.LedgerHistory;
import org.impactledger.projections.state.Recorded;

/**
 * Events as a tracking processor hands them to the report projections: each with an identifier
 * ({@code evt-<position>}), its global position in a tracking token, its sequence number in its
 * aggregate's stream, a timestamp one minute after the previous event, and metadata with the
 * acting principal and, when set with {@link #on(String)}, the command's business date. The
 * identifiers and positions are the same every time a history is built, as they are in an event
 * store, so a rebuild can be compared row by row with the first build.
 */
public final class ReportHistory {

    public static final Instant START = LedgerHistory.START;

    private final List<TrackedEventMessage<?>> events = new ArrayList<>();
    private final Map<String, Long> nextSequence = new HashMap<>();
    private Instant clock = START;
    private LocalDate businessDate;
    private String principal = "tester";

    /** The shared outcome-fund history, without business dates in the metadata (facts fall back to value dates or the recording day). */
    public static ReportHistory of(LedgerHistory history) {
        ReportHistory report = new ReportHistory();
        for (Recorded recorded : history.events()) {
            report.clock = recorded.timestamp();
            report.then(recorded.payload());
        }
        return report;
    }

    /** The business date the following events' commands carry in their metadata. */
    public ReportHistory on(String date) {
        businessDate = LocalDate.parse(date);
        return this;
    }

    /** The principal the following events' commands carry in their metadata. */
    public ReportHistory by(String actor) {
        principal = actor;
        return this;
    }

    public ReportHistory then(Object payload) {
        Recorded aggregate = new Recorded(payload, 0, clock);
        long sequence = nextSequence.merge(aggregate.aggregateId(), 1L, Long::sum) - 1;
        long position = events.size() + 1;
        Map<String, Object> metaData = new LinkedHashMap<>();
        metaData.put(LedgerMetaData.PRINCIPAL, principal);
        metaData.put(LedgerMetaData.ROLE, "tester-role");
        if (businessDate != null) {
            metaData.put(LedgerMetaData.BUSINESS_DATE, businessDate.toString());
        }
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>(payload instanceof ContractEvent ? "Contract" : "Fund",
                aggregate.aggregateId(), sequence, payload, MetaData.from(metaData), "evt-" + position, clock);
        events.add(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position), message));
        clock = clock.plus(Duration.ofMinutes(1));
        return this;
    }

    public List<TrackedEventMessage<?>> events() {
        return List.copyOf(events);
    }

    public TrackedEventMessage<?> last() {
        return events.get(events.size() - 1);
    }

    /** The first event with a payload of this type. */
    public TrackedEventMessage<?> first(Class<?> type) {
        return events.stream().filter(e -> type.isInstance(e.getPayload())).findFirst().orElseThrow();
    }
}
