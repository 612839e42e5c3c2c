package org.impactledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * {@link QuerySnapshotTransactionManager} on the machine's PostgreSQL: a query's unit of work gets a
 * read-only REPEATABLE READ transaction; a command's, an event's and code outside any unit of work get
 * the default (READ COMMITTED, writable).
 */
class QuerySnapshotTransactionManagerTest {

    private static HikariDataSource dataSource;
    private static JdbcClient jdbc;
    private static QuerySnapshotTransactionManager manager;

    @BeforeAll
    static void pool() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/test");
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(1);
        jdbc = JdbcClient.create(dataSource);
        manager = new QuerySnapshotTransactionManager(new DataSourceTransactionManager(dataSource), dataSource, true);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void a_query_reads_a_read_only_snapshot() {
        assertThat(settingsIn(new GenericQueryMessage<>("probe", "probe", ResponseTypes.instanceOf(String.class))))
                .containsExactly("repeatable read", "on");
    }

    @Test
    void commands_events_and_plain_code_keep_the_default() {
        assertThat(settingsIn(GenericCommandMessage.asCommandMessage("command"))).containsExactly("read committed", "off");
        assertThat(settingsIn(GenericEventMessage.asEventMessage("event"))).containsExactly("read committed", "off");
        assertThat(settings(manager.startTransaction())).containsExactly("read committed", "off");
    }

    @Test
    void through_jdbc_flags_as_on_other_databases_a_query_reads_the_same_snapshot() {
        QuerySnapshotTransactionManager portable = new QuerySnapshotTransactionManager(new DataSourceTransactionManager(dataSource), dataSource, false);
        DefaultUnitOfWork<Message<?>> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericQueryMessage<>("probe", "probe",
                ResponseTypes.instanceOf(String.class)));
        try {
            assertThat(settings(portable.startTransaction())).containsExactly("repeatable read", "on");
        } finally {
            unitOfWork.commit();
        }
        assertThat(settings(manager.startTransaction())).containsExactly("read committed", "off");
    }

    @Test
    void a_query_inside_a_command_transaction_joins_it() {
        DefaultUnitOfWork<Message<?>> command = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("command"));
        try {
            Transaction outer = manager.startTransaction();
            jdbc.sql("SELECT 1").query(Integer.class).single(); // the snapshot statement would now be refused
            assertThat(settingsIn(new GenericQueryMessage<>("probe", "probe", ResponseTypes.instanceOf(String.class))))
                    .containsExactly("read committed", "off");
            outer.commit();
        } finally {
            command.commit();
        }
    }

    @Test
    void the_connection_goes_back_to_the_default_after_a_query() {
        settingsIn(new GenericQueryMessage<>("probe", "probe", ResponseTypes.instanceOf(String.class)));
        // one connection in the pool: the same one the query used
        assertThat(jdbc.sql("SELECT current_setting('transaction_isolation') || ' ' || current_setting('transaction_read_only')")
                .query(String.class).single()).isEqualTo("read committed off");
    }

    private static List<String> settingsIn(Message<?> message) {
        DefaultUnitOfWork<Message<?>> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        try {
            return settings(manager.startTransaction());
        } finally {
            unitOfWork.commit();
        }
    }

    private static List<String> settings(Transaction transaction) {
        try {
            return List.of(jdbc.sql("SHOW transaction_isolation").query(String.class).single(),
                    jdbc.sql("SHOW transaction_read_only").query(String.class).single());
        } finally {
            transaction.commit();
        }
    }
}
