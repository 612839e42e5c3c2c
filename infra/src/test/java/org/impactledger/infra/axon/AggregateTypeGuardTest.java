package org.impactledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.impactledger.core.exchange.Instrument;
import org.impactledger.core.exchange.Issuer;
import org.impactledger.core.shared.Money;
import org.junit.jupiter.api.Test;

/** A repository refuses to load another type's stream as its own: the stream is not found, and nothing can be appended to it. */
class AggregateTypeGuardTest {

    private final EventStore eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final Repository<Issuer> issuers = EventSourcingRepository.builder(Issuer.class).eventStore(eventStore)
            .aggregateFactory(new AggregateTypeGuard<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(Issuer.class))).build();
    private final Repository<Instrument> instruments = EventSourcingRepository.builder(Instrument.class).eventStore(eventStore)
            .aggregateFactory(new AggregateTypeGuard<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(Instrument.class))).build();

    private void store(String type, String id, List<Object> events) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        for (int i = 0; i < events.size(); i++) {
            eventStore.publish(new GenericDomainEventMessage<>(type, id, i, events.get(i)));
        }
        unitOfWork.commit();
    }

    private <T> T inUnitOfWork(java.util.function.Supplier<T> work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return work.get();
        } finally {
            unitOfWork.rollback();
        }
    }

    @Test
    void an_issuer_stream_loads_as_an_issuer() {
        store("Issuer", "issuer-1", ExchangeEventSamples.issuer());

        Money cash = inUnitOfWork(() -> issuers.load("issuer-1").invoke(Issuer::cash));

        // 5,000.00 deposited + 100,000.00 proceeds − 1,750.00 coupon − 50,000.00 withdrawn
        assertThat(cash).isEqualTo(Money.of("53250.00", "EUR"));
    }

    @Test
    void an_issuer_stream_is_not_found_when_loaded_as_an_instrument() {
        store("Issuer", "issuer-1", ExchangeEventSamples.issuer());

        assertThatThrownBy(() -> inUnitOfWork(() -> instruments.load("issuer-1").invoke(Instrument::unitsOutstanding)))
                .isInstanceOf(AggregateNotFoundException.class)
                .hasMessageContaining("no Instrument with id issuer-1: the id belongs to a Issuer");
    }

    @Test
    void a_snapshot_of_the_right_type_still_starts_the_stream() {
        store("Instrument", "bond-1", ExchangeEventSamples.instrument());
        Instrument loaded = inUnitOfWork(() -> instruments.load("bond-1").invoke(i -> i));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        eventStore.storeSnapshot(new GenericDomainEventMessage<>("Instrument", "bond-1", 12, loaded));
        unitOfWork.commit();

        long outstanding = inUnitOfWork(() -> instruments.load("bond-1").invoke(Instrument::unitsOutstanding));

        assertThat(outstanding).isEqualTo(1000);
        assertThatThrownBy(() -> inUnitOfWork(() -> issuers.load("bond-1").invoke(Issuer::cash)))
                .isInstanceOf(AggregateNotFoundException.class);
    }
}
