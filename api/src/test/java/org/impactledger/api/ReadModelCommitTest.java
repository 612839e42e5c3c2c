package org.impactledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.infra.axon.ReadModelEventSource;
import org.impactledger.infra.axon.ReadModelTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read models' processors commit asynchronously on PostgreSQL, the command side durably
 * (ReadModelTransactionManager says why that is safe for a read model); the pool rewrites batches of
 * inserts (PostgresBatchInserts) and plans no parallel workers (PostgresParallelQuery); the processors
 * read live events in gathered batches (ReadModelEventSource).
 */
class ReadModelCommitTest extends IntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TransactionManager commandSide;

    @Autowired
    DataSource dataSource;

    /** The read models write each batch as batches of inserts: on PostgreSQL the driver sends them as multi-row inserts. */
    @Test
    void the_postgresql_pool_sends_batches_of_inserts_as_multi_row_inserts() {
        assertThat(dataSource).isInstanceOf(HikariDataSource.class);
        assertThat(((HikariDataSource) dataSource).getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
    }

    /** Report queries are planned without parallel workers (PostgresParallelQuery): every session of the pool says so. */
    @Test
    void the_postgresql_pool_plans_no_parallel_workers() {
        assertThat(new JdbcTemplate(dataSource).queryForObject("SHOW max_parallel_workers_per_gather", String.class)).isEqualTo("0");
    }

    @Test
    void every_read_model_processor_commits_asynchronously() {
        assertThat(processing.eventProcessors()).isNotEmpty();
        processing.eventProcessors().keySet().forEach(name -> {
            TransactionManager manager = processing.transactionManager(name);
            assertThat(manager).as(name).isInstanceOf(ReadModelTransactionManager.class);
            assertThat(((ReadModelTransactionManager) manager).asynchronousCommit()).as(name).isTrue();
            assertThat(synchronousCommitIn(manager)).as(name).isEqualTo("off");
        });
    }

    /** Live batches gather the events of a moment (ReadModelEventSource): every processor reads the event store through it. */
    @Test
    void every_read_model_processor_reads_the_lingering_event_source() {
        processing.eventProcessors().forEach((name, processor) -> {
            assertThat(processor).as(name).isInstanceOf(TrackingEventProcessor.class);
            assertThat(((TrackingEventProcessor) processor).getMessageSource()).as(name).isInstanceOf(ReadModelEventSource.class);
        });
    }

    @Test
    void the_command_side_and_the_next_transaction_on_the_same_connection_stay_durable() {
        assertThat(synchronousCommitIn(commandSide)).isEqualTo("on");
        // SET LOCAL ends with its transaction: the pooled connection goes back durable
        for (int i = 0; i < 30; i++) {
            synchronousCommitIn(processing.transactionManager("contract-state"));
            assertThat(synchronousCommitIn(commandSide)).isEqualTo("on");
        }
        assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
    }

    private String synchronousCommitIn(TransactionManager manager) {
        Transaction transaction = manager.startTransaction();
        try {
            return jdbc.sql("SHOW synchronous_commit").query(String.class).single();
        } finally {
            transaction.commit();
        }
    }
}
