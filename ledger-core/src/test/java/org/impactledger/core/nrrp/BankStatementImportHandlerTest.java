package org.impactledger.core.nrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.impactledger.core.nrrp.NrrpTestData.ACCOUNT;
import static org.impactledger.core.nrrp.NrrpTestData.debit;

import java.util.List;
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
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.Repository;
import org.impactledger.core.nrrp.command.ImportBankStatement;
import org.impactledger.core.nrrp.command.ImportBankStatements;
import org.impactledger.core.nrrp.event.BankEntryRecorded;
import org.impactledger.core.nrrp.event.BankStatementImported;
import org.impactledger.core.shared.BankStatementId;
import org.impactledger.core.shared.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A file of several statements is imported in one unit of work: all of it or nothing. Wired by
 * hand with an in-memory event store, as {@code OutcomePaymentHandlerTest} is.
 */
class BankStatementImportHandlerTest {

    private static final BankStatementId FIRST = BankStatementId.of("STMT-A");
    private static final BankStatementId SECOND = BankStatementId.of("STMT-B");

    private EventStore eventStore;
    private CommandGateway commands;

    @BeforeEach
    void setUp() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        CommandBus commandBus = SimpleCommandBus.builder().build();
        Repository<BankStatement> statements = EventSourcingRepository.builder(BankStatement.class).eventStore(eventStore).build();
        AggregateAnnotationCommandHandler.<BankStatement>builder().aggregateType(BankStatement.class).repository(statements).build()
                .subscribe(commandBus);
        new AnnotationCommandHandlerAdapter<>(new BankStatementImportHandler(statements)).subscribe(commandBus);
        commands = DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    private static ImportBankStatement statement(BankStatementId id, BankEntry... entries) {
        return new ImportBankStatement(id, ACCOUNT, "EUR", "camt.053", List.of(entries));
    }

    private List<Object> stream(BankStatementId id) {
        return eventStore.readEvents(id.value()).asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    @Test
    void records_every_statement_of_the_file_and_nothing_when_the_file_comes_again() {
        ImportBankStatements file = new ImportBankStatements(List.of(statement(FIRST, debit("E-1", "10.00", null)),
                statement(SECOND, debit("E-1", "20.00", null), debit("E-2", "30.00", null))));
        assertThat(commands.<List<String>>sendAndWait(file)).containsExactly("STMT-A", "STMT-B");
        assertThat(stream(FIRST)).hasSize(2).first().isInstanceOf(BankStatementImported.class);
        assertThat(stream(SECOND)).hasSize(3).last().isInstanceOf(BankEntryRecorded.class);

        commands.sendAndWait(file);

        assertThat(stream(FIRST)).hasSize(2);
        assertThat(stream(SECOND)).hasSize(3);
    }

    @Test
    void a_statement_refused_anywhere_in_the_file_leaves_every_statement_of_it_unwritten() {
        commands.sendAndWait(statement(SECOND, debit("E-1", "20.00", null)));

        assertThatThrownBy(() -> commands.sendAndWait(new ImportBankStatements(List.of(statement(FIRST, debit("E-1", "10.00", null)),
                statement(SECOND, debit("E-1", "20.01", null))))))
                .isInstanceOf(DomainException.class)
                .hasMessage("entry E-1 of statement STMT-B was imported before with different content; a booked entry does not change");
        assertThat(stream(FIRST)).isEmpty();
        assertThat(stream(SECOND)).hasSize(2);
    }

    @Test
    void refuses_a_file_naming_the_same_statement_twice() {
        assertThatThrownBy(() -> commands.sendAndWait(new ImportBankStatements(List.of(statement(FIRST, debit("E-1", "10.00", null)),
                statement(FIRST, debit("E-2", "10.00", null))))))
                .isInstanceOf(DomainException.class)
                .hasMessage("statement STMT-A appears twice in the file");
        assertThat(stream(FIRST)).isEmpty();
    }
}
