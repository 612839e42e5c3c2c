package org.impactledger.infra.axon;

import java.util.Objects;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.inspection.AggregateModel;

/**
 * Creates an aggregate from its stream only if the stream belongs to that type of aggregate.
 *
 * <p>Why: Axon's event store keys streams by the aggregate identifier alone. If a command names
 * the id of another type's aggregate (suspend issuer {@code torino-fund}, where
 * {@code torino-fund} is a fund), the repository would load the fund's events into an issuer
 * (which ignores them), the handler would run on an empty issuer, and its event would be appended
 * to the fund's stream: the stored history of the fund would carry an issuer's fact. Every stored
 * event records the type of the aggregate that applied it ({@code domain_event_entry.type}), and
 * so does a snapshot, so the first message of the stream says whose stream it is. A stream of
 * another type is treated as what it is for this type: not found (404), and nothing is appended.
 *
 * <p>Creating an aggregate under an id that another type already uses is refused by the event
 * store itself (the first event's sequence number 0 is taken), which the API answers with 409.
 * Exchange accounts avoid the question altogether with a stream id of their own
 * ({@link org.impactledger.core.exchange.AccountId}).
 */
final class AggregateTypeGuard<T> implements AggregateFactory<T> {

    private final GenericAggregateFactory<T> delegate;
    private final String expectedType;

    /**
     * @param model the aggregate inspected with the application's parameter resolvers (inspected without
     *              them, a contract, whose handlers take a Spring bean, could not be inspected at all)
     */
    AggregateTypeGuard(AggregateModel<T> model) {
        this.delegate = new GenericAggregateFactory<>(model);
        this.expectedType = model.type();
    }

    @Override
    public T createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
        String storedType = firstEvent == null ? null : firstEvent.getType();
        if (storedType != null && !Objects.equals(storedType, expectedType)) {
            throw new AggregateNotFoundException(aggregateIdentifier,
                    "no " + expectedType + " with id " + aggregateIdentifier + ": the id belongs to a " + storedType);
        }
        return delegate.createAggregateRoot(aggregateIdentifier, firstEvent);
    }

    @Override
    public Class<T> getAggregateType() {
        return delegate.getAggregateType();
    }
}
