package org.impactledger.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.impactledger.core.exchange.ExchangeTestData.ADMITTED;
import static org.impactledger.core.exchange.ExchangeTestData.CLOSES;
import static org.impactledger.core.exchange.ExchangeTestData.EUR;
import static org.impactledger.core.exchange.ExchangeTestData.ISSUER;
import static org.impactledger.core.exchange.ExchangeTestData.OFFERING;
import static org.impactledger.core.exchange.ExchangeTestData.eur;
import static org.impactledger.core.exchange.ExchangeTestData.listInstrument;
import static org.impactledger.core.exchange.ExchangeTestData.openOffering;
import static org.impactledger.core.exchange.ExchangeTestData.subscribe;
import static org.impactledger.core.exchange.ExchangeTestData.typeOf;

import java.util.List;
import java.util.function.Function;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.Repository;
import org.impactledger.core.exchange.command.CloseOffering;
import org.impactledger.core.exchange.command.DepositCash;
import org.impactledger.core.exchange.command.DepositIssuerCash;
import org.impactledger.core.exchange.command.OpenAccount;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.IssuerId;

/**
 * The exchange on an in-memory event store: the three aggregates with their event-sourcing
 * repositories and command handlers, and {@link ExchangeHandler}, wired by hand with the Axon parts
 * {@code DefaultConfigurer} would assemble (axon-configuration is not a dependency of ledger-core).
 * Reads load an aggregate in a unit of work that is rolled back, so they change nothing.
 */
final class ExchangeForTest {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EventStore eventStore = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final Repository<Instrument> instruments = EventSourcingRepository.builder(Instrument.class).eventStore(eventStore).build();
    private final Repository<Issuer> issuers = EventSourcingRepository.builder(Issuer.class).eventStore(eventStore).build();
    private final Repository<Account> accounts = EventSourcingRepository.builder(Account.class).eventStore(eventStore).build();
    private final CommandGateway commands;

    ExchangeForTest() {
        CommandBus commandBus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<Issuer>builder().aggregateType(Issuer.class).repository(issuers).build().subscribe(commandBus);
        AggregateAnnotationCommandHandler.<Account>builder().aggregateType(Account.class).repository(accounts).build().subscribe(commandBus);
        new AnnotationCommandHandlerAdapter<>(new ExchangeHandler(instruments, issuers, accounts)).subscribe(commandBus);
        commands = DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    <R> R send(Object command) {
        return commands.sendAndWait(command);
    }

    /** Sends a command that must be refused, and returns the refusal. */
    DomainException refusalOf(Object command) {
        Throwable thrown = catchThrowable(() -> commands.sendAndWait(command));
        assertThat(thrown).isInstanceOf(DomainException.class);
        return (DomainException) thrown;
    }

    <T> T instrument(InstrumentId id, Function<Instrument, T> read) {
        return read(instruments, id.value(), read);
    }

    <T> T account(InvestorId id, Function<Account, T> read) {
        return read(accounts, AccountId.of(id).toString(), read);
    }

    <T> T issuer(IssuerId id, Function<Issuer, T> read) {
        return read(issuers, id.value(), read);
    }

    private static <A, T> T read(Repository<A> repository, String id, Function<A, T> read) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return repository.load(id).invoke(read);
        } finally {
            unitOfWork.rollback();
        }
    }

    /** Units the investor holds in the instrument. */
    long units(InstrumentId id, InvestorId investor) {
        return instrument(id, i -> i.units(investor));
    }

    /** Units the investor offers in open sell orders of the instrument. */
    long unitsOffered(InstrumentId id, InvestorId investor) {
        return instrument(id, i -> i.unitsOffered(investor));
    }

    /** The payloads of one aggregate's stream, in order; an investor id names the investor's account stream ({@link AccountId}). */
    List<Object> stream(Object aggregateId) {
        Object streamId = aggregateId instanceof InvestorId investor ? AccountId.of(investor) : aggregateId;
        return eventStore.readEvents(streamId.toString()).asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    /** Every payload in the store, in the order appended. */
    List<Object> allEvents() {
        return storage.readEvents(null, false).map(Message::getPayload).map(Object.class::cast).toList();
    }

    // ---------------------------------------------------------------- scenario steps

    ExchangeForTest admitIssuer(String cash) {
        send(ExchangeTestData.admitIssuer());
        if (eur(cash).isPositive()) {
            send(new DepositIssuerCash(ISSUER, eur(cash), "SEPA-ISSUER", ADMITTED));
        }
        return this;
    }

    ExchangeForTest openAccount(InvestorId investor, String cash) {
        send(new OpenAccount(investor, EUR, ADMITTED));
        if (eur(cash).isPositive()) {
            send(new DepositCash(investor, eur(cash), "SEPA-" + investor.value(), ADMITTED));
        }
        return this;
    }

    /**
     * Lists the instrument and runs its first offering at 10.00 EUR a unit, in which each investor
     * that follows ({@code ANNA, 100, BRUNO, 50}) subscribes for and is allotted that many units;
     * closes on {@link ExchangeTestData#CLOSES}.
     */
    ExchangeForTest listHeldBy(InstrumentId id, Object... investorsAndUnits) {
        send(listInstrument(id, typeOf(id)));
        long size = 0;
        for (int i = 1; i < investorsAndUnits.length; i += 2) {
            size += ((Number) investorsAndUnits[i]).longValue();
        }
        send(openOffering(id, size));
        for (int i = 0; i < investorsAndUnits.length; i += 2) {
            send(subscribe(id, (InvestorId) investorsAndUnits[i], ((Number) investorsAndUnits[i + 1]).longValue()));
        }
        send(new CloseOffering(id, OFFERING, CLOSES));
        return this;
    }
}
